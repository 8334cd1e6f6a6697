/* Expected shape: one stack main -> descend (x 250, depth 250 down to 1) -> busy_leaf,
 * holding nearly all samples, so every sample's stack is at least 252 frames deep and
 * ends at main(). Tests use it to check that deep stacks are kept whole (perf's
 * default limit is 127 frames: recording needs kernel.perf_event_max_stack raised, or
 * DWARF unwinding with --max-stack). Self time is all in busy_leaf().
 * Usage: deeprecurse [milliseconds]   (default 500) — busy for that much CPU time, then exits 0.
 * Built -O2 -g with frame pointers; descend() is noinline and stores after the call
 * so the compiler can neither inline it nor turn the recursion into a loop. */
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

#define DEPTH 250

static volatile uint64_t sink;
static volatile uint64_t trail[DEPTH + 1];

/* Thread CPU time, not wall time: on a busy machine the shares stay as stated. */
static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

__attribute__((noinline)) uint64_t busy_leaf(uint64_t ns)
{
    const uint64_t end = now_ns() + ns;
    uint64_t x = ns;
    while (now_ns() < end) {
        for (int i = 0; i < 20000; ++i)
            x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    }
    sink = x;
    return x;
}

__attribute__((noinline)) uint64_t descend(int depth, uint64_t ns)
{
    const uint64_t r = depth <= 1 ? busy_leaf(ns) : descend(depth - 1, ns);
    trail[depth] = r; /* work after the call: no tail call, no loop */
    return r ^ (uint64_t)depth;
}

int main(int argc, char **argv)
{
    const long ms = argc > 1 ? strtol(argv[1], NULL, 10) : 500;
    sink = descend(DEPTH, (uint64_t)(ms > 0 ? ms : 500) * 1000000ULL);
    return 0;
}
