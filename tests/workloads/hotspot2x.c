/* Expected shape: hot_function() and steady_function(), both called from main()
 * through run_work(), hold nearly all self time. steady_function() always spins
 * `ms` of CPU time; hot_function() spins FACTOR x `ms`, so factor 1 gives 50/50 and
 * factor 2 makes hot_function 2x slower (2/3 of the samples, 1.5x the CPU time).
 * Usage: hotspot2x [FACTOR] [milliseconds]   (defaults 1 and 400), then exits 0.
 * Used by the diff tests: two recordings with factor 1 and 2 must regress. */
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

/* Spins on this thread's CPU time (so the shape holds on a loaded machine), reading
 * the clock rarely so the clock syscall stays far below 1 % of the samples. A macro,
 * not an inline function: an inline function is a frame of its own once symbolized
 * with its inline info, and the self time must land in the named function itself. */
#define SPIN_FOR(ns, seed)                                                                                             \
    do {                                                                                                               \
        const uint64_t end_ = cpu_now_ns() + (ns);                                                                     \
        uint64_t x_ = (seed);                                                                                          \
        while (cpu_now_ns() < end_) {                                                                                  \
            for (int i_ = 0; i_ < 200000; ++i_)                                                                        \
                x_ = x_ * 6364136223846793005ULL + 1442695040888963407ULL;                                             \
        }                                                                                                              \
        sink = x_;                                                                                                     \
    } while (0)

__attribute__((noinline)) void hot_function(uint64_t ns)
{
    SPIN_FOR(ns, 1);
}
__attribute__((noinline)) void steady_function(uint64_t ns)
{
    SPIN_FOR(ns, 2);
}

/* 10 ms slices, so any time window sees the same split. */
__attribute__((noinline)) void run_work(double factor, uint64_t total_ms)
{
    for (uint64_t done = 0; done < total_ms; done += 10) {
        hot_function((uint64_t)(factor * 10000000.0));
        steady_function(10000000ULL);
    }
}

int main(int argc, char **argv)
{
    const double factor = argc > 1 ? strtod(argv[1], NULL) : 1.0;
    const long ms = argc > 2 ? strtol(argv[2], NULL, 10) : 400;
    run_work(factor > 0 ? factor : 1.0, ms > 0 ? (uint64_t)ms : 400);
    return 0;
}
