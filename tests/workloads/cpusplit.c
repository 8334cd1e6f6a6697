/* Expected shape: about 70 % of CPU samples in hot_70(), about 30 % in warm_30(),
 * both called from main() through run_split(). The busy loop spin_for() is inlined
 * into both: without inline expansion (perf script --no-inline) the self time is in
 * hot_70/warm_30; with it (perfwb's own symbolizer) the leaf is an inlined spin_for
 * frame under them, and hot_70/warm_30 keep the 70/30 split as their total.
 * Usage: cpusplit [milliseconds]   (default 1000) — that much CPU time, then exits 0.
 * Built -O2 -g with frame pointers; the leaves are noinline so they stay visible. */
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

static volatile uint64_t sink;

static uint64_t cpu_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

/* Spin for `ns` nanoseconds of this thread's CPU time (not wall time, so the split
 * holds on a loaded machine), checking the clock rarely. Inlined on
 * purpose so the self time lands in the named caller. */
static inline __attribute__((always_inline)) void spin_for(uint64_t ns, uint64_t seed)
{
    const uint64_t end = cpu_now_ns() + ns;
    uint64_t x = seed;
    while (cpu_now_ns() < end) {
        for (int i = 0; i < 20000; ++i)
            x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    }
    sink = x;
}

__attribute__((noinline)) void hot_70(uint64_t ns)
{
    spin_for(ns, 1);
}
__attribute__((noinline)) void warm_30(uint64_t ns)
{
    spin_for(ns, 2);
}

/* Alternate in 10 ms slices so any time window sees the same 70/30 split. */
__attribute__((noinline)) void run_split(uint64_t total_ms)
{
    for (uint64_t done = 0; done < total_ms; done += 10) {
        hot_70(7000000ULL);
        warm_30(3000000ULL);
    }
}

int main(int argc, char **argv)
{
    const long ms = argc > 1 ? strtol(argv[1], NULL, 10) : 1000;
    run_split(ms > 0 ? (uint64_t)ms : 1000);
    return 0;
}
