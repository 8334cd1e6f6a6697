/* Expected shape: with PERFWB_API_URL set (`perfwb record --serve -- apiclient_demo`), the
 * report's profiler part holds, posted through resources/clients/c/perfwb_client.h:
 *   - job "demo-job" (type "demo", hints cpu_percent 5, ram_mb 64): registered, started,
 *     finished at the end;
 *   - 3 spans "load" (category "io"), each growing RSS by about 8 MiB (a touched buffer kept
 *     until exit): the top of top_memory, mem_delta_mb about 8 each;
 *   - 5 spans "render" (category "render"), each about 40 ms of CPU in burn(): the top of
 *     top_time, count 5, total about 200 ms (more wall time on a busy machine);
 *   - 1 mark "ready" (category "app") after the renders.
 * CPU samples: most in burn() under render_frame(), called from main().
 * Without a server (no PERFWB_API_URL, or nothing listening) it does the same work and exits 0
 * (at most one "perfwb: ...; further calls are no-ops" line on stderr).
 * Usage: apiclient_demo — no arguments. The C twin of apiclient_demo.py.
 * Built -O2 -g with frame pointers; burn() and render_frame() are noinline. */
#include "../../resources/clients/c/perfwb_client.h" /* first: it asks for POSIX declarations */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define LOAD_MB 8
#define BURN_NS 40000000ULL

static volatile uint64_t sink;

static uint64_t cpu_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

/* Spins for `ns` of this thread's CPU time (not wall time: the shape holds on a busy machine). */
__attribute__((noinline)) uint64_t burn(uint64_t ns, uint64_t x)
{
    const uint64_t end = cpu_now_ns() + ns;
    while (cpu_now_ns() < end)
        for (int i = 0; i < 20000; ++i)
            x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    return x;
}

__attribute__((noinline)) char *load_chunk(void)
{
    struct perfwb_span span = perfwb_span_begin("load", "io");
    char *buf = malloc((size_t)LOAD_MB << 20);
    if (buf != NULL)
        memset(buf, 1, (size_t)LOAD_MB << 20); /* touch every page so RSS grows */
    perfwb_span_end(&span);
    return buf;
}

__attribute__((noinline)) void render_frame(uint64_t seed)
{
    struct perfwb_span span = perfwb_span_begin("render", "render");
    sink = burn(BURN_NS, seed);
    perfwb_span_end(&span);
}

int main(void)
{
    char *chunks[3];
    perfwb_job_register("demo-job", "demo", 5, 64, -1);
    perfwb_job_start("demo-job");
    for (int i = 0; i < 3; ++i)
        chunks[i] = load_chunk();
    for (int i = 0; i < 5; ++i)
        render_frame((uint64_t)i + 1);
    perfwb_mark("ready", "app");
    perfwb_job_finish("demo-job");
    for (int i = 0; i < 3; ++i)
        free(chunks[i]);
    return 0;
}
