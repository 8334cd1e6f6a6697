/* Expected shape: a fixed amount of work (not a fixed time), so its wall time measures
 * how fast it ran: about 2/3 of the samples in crunch_a(), 1/3 in crunch_b(), both
 * called from main() through run_rounds(). The overhead benchmark
 * (tests/benchmarks/bench_overhead.sh) times it alone and under profilers.
 * Usage: busywork [rounds]   (default 300; one round is about 10 ms on a 2020s x86 core)
 * — exits 0 after the last round.
 * Built -O2 -g with frame pointers; the crunch functions are noinline. */
#include <stdint.h>
#include <stdlib.h>

static volatile uint64_t sink;

__attribute__((noinline)) uint64_t crunch_a(uint64_t x, long n)
{
    for (long i = 0; i < n; ++i)
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    return x;
}

__attribute__((noinline)) uint64_t crunch_b(uint64_t x, long n)
{
    for (long i = 0; i < n; ++i)
        x = (x ^ (x >> 29)) * 0xbf58476d1ce4e5b9ULL + 7;
    return x;
}

__attribute__((noinline)) uint64_t run_rounds(long rounds)
{
    uint64_t x = 1;
    for (long r = 0; r < rounds; ++r) {
        x = crunch_a(x, 4000000);
        x = crunch_b(x, 2000000);
    }
    return x;
}

int main(int argc, char **argv)
{
    const long rounds = argc > 1 ? strtol(argv[1], NULL, 10) : 300;
    sink = run_rounds(rounds > 0 ? rounds : 300);
    return 0;
}
