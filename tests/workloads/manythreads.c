/* Expected shape: N threads (default 1000) started at once, each busy in spin() for the
 * given milliseconds of its own CPU time (default 20), then all joined; exit 0. A burst of
 * thread starts and ends that overflows sampling rings: tests check that every thread's
 * end is still known. Usage: manythreads [threads] [milliseconds].
 * Built -O2 -g with frame pointers; spin() is noinline so it stays visible. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static volatile uint64_t sink;
static long g_ms = 20;
static pthread_barrier_t g_start;

static int64_t threadCpuNs(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

__attribute__((noinline)) static void spin(void)
{
    const int64_t end = threadCpuNs() + g_ms * 1000000;
    while (threadCpuNs() < end)
        for (int i = 0; i < 1000; ++i)
            sink += (uint64_t)i;
}

static void *threadMain(void *arg)
{
    (void)arg;
    pthread_barrier_wait(&g_start);
    spin();
    return NULL;
}

int main(int argc, char **argv)
{
    const long n = argc > 1 ? atol(argv[1]) : 1000;
    if (argc > 2)
        g_ms = atol(argv[2]);
    if (n <= 0 || n > 100000 || g_ms < 0) {
        fprintf(stderr, "usage: manythreads [threads 1..100000] [milliseconds]\n");
        return 2;
    }
    pthread_t *threads = calloc((size_t)n, sizeof *threads);
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 64 * 1024);
    pthread_barrier_init(&g_start, NULL, (unsigned)n + 1);
    long started = 0;
    for (; started < n; ++started) {
        if (pthread_create(&threads[started], &attr, threadMain, NULL) != 0)
            break;
    }
    if (started < n) {
        fprintf(stderr, "manythreads: started only %ld threads\n", started);
        return 1; /* the barrier would never open */
    }
    pthread_barrier_wait(&g_start);
    for (long i = 0; i < started; ++i)
        pthread_join(threads[i], NULL);
    free(threads);
    printf("manythreads: %ld threads done\n", started);
    return 0;
}
