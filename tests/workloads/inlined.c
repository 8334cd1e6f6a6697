/* Expected shape: nearly all samples in the loop of mix_rounds(), a static inline
 * (always_inline) function inlined into the noinline caller churn(), called from
 * main(). Symbolized with debug info, an address in that loop resolves to two frames:
 * [mix_rounds (inlined, file:line inside mix_rounds), churn (the line of the call)],
 * so stacks read main -> churn -> mix_rounds [inlined]. No other function holds
 * self time. Usage: inlined [milliseconds]   (default 500) — busy that long, exits 0.
 * Built -O2 -g with frame pointers (always_inline still inlines under
 * -fno-inline-functions). */
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

static volatile uint64_t sink;

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

static inline __attribute__((always_inline)) uint64_t mix_rounds(uint64_t x, int rounds)
{
    for (int i = 0; i < rounds; ++i) {
        x ^= x >> 33;
        x *= 0xff51afd7ed558ccdULL;
        x ^= x >> 29;
    }
    return x;
}

__attribute__((noinline)) uint64_t churn(uint64_t ms)
{
    const uint64_t end = now_ns() + ms * 1000000ULL;
    uint64_t x = ms + 1;
    while (now_ns() < end)
        x = mix_rounds(x, 50000);
    sink = x;
    return x;
}

int main(int argc, char **argv)
{
    const long ms = argc > 1 ? strtol(argv[1], NULL, 10) : 500;
    churn(ms > 0 ? (uint64_t)ms : 500);
    return 0;
}
