/* Expected shape: four threads named "thr-a".."thr-d" (pthread_setname_np), each busy
 * in its own leaf worker_a()..worker_d() for the same amount of its own CPU time, so
 * each thread and each worker holds about 25 % of the samples. Stacks run
 * start_thread -> thread_main -> worker_X; main() itself only waits in pthread_join.
 * Usage: threads [milliseconds]   (default 300) — CPU time per thread, then exits 0.
 * Built -O2 -g with frame pointers; the workers are noinline so they stay visible. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static volatile uint64_t sink;

/* Per-thread CPU time, so every worker gets the same share on a busy 2-core machine. */
static uint64_t thread_cpu_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

/* Inlined on purpose so the self time lands in the named worker. */
static inline __attribute__((always_inline)) void spin_cpu(uint64_t ns, uint64_t seed)
{
    const uint64_t end = thread_cpu_ns() + ns;
    uint64_t x = seed;
    while (thread_cpu_ns() < end) {
        for (int i = 0; i < 20000; ++i)
            x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    }
    sink = x;
}

__attribute__((noinline)) void worker_a(uint64_t ns)
{
    spin_cpu(ns, 1);
}
__attribute__((noinline)) void worker_b(uint64_t ns)
{
    spin_cpu(ns, 2);
}
__attribute__((noinline)) void worker_c(uint64_t ns)
{
    spin_cpu(ns, 3);
}
__attribute__((noinline)) void worker_d(uint64_t ns)
{
    spin_cpu(ns, 4);
}

struct job {
    const char *name;
    void (*work)(uint64_t);
    uint64_t ns;
};

static void *thread_main(void *arg)
{
    const struct job *j = arg;
    pthread_setname_np(pthread_self(), j->name);
    j->work(j->ns);
    return NULL;
}

int main(int argc, char **argv)
{
    const long ms = argc > 1 ? strtol(argv[1], NULL, 10) : 300;
    const uint64_t ns = (uint64_t)(ms > 0 ? ms : 300) * 1000000ULL;
    struct job jobs[4] = {
        {"thr-a", worker_a, ns}, {"thr-b", worker_b, ns}, {"thr-c", worker_c, ns}, {"thr-d", worker_d, ns}};
    pthread_t tids[4];
    for (int i = 0; i < 4; ++i) {
        if (pthread_create(&tids[i], NULL, thread_main, &jobs[i]) != 0) {
            fprintf(stderr, "threads: pthread_create failed\n");
            return 1;
        }
    }
    for (int i = 0; i < 4; ++i)
        pthread_join(tids[i], NULL);
    return 0;
}
