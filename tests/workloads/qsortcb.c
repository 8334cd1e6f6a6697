/* Expected shape: nearly all samples in compare_items(), the comparator that glibc's
 * qsort() calls back, with stacks main -> sort_items -> qsort (libc.so.6, several
 * frames: qsort_r/msort_with_tmp) -> compare_items. Built WITHOUT frame pointers
 * (tests/workloads/CMakeLists.txt) and Debian's libc has none either, so only DWARF
 * (CFI) unwinding gets from compare_items back to main; a frame-pointer walk stops
 * at the first libc frame. Usage: qsortcb [milliseconds]   (default 500) — sorts
 * repeatedly for that long, then exits 0. */
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

#define ITEMS 4096

static volatile uint64_t sink;
static uint64_t items[ITEMS];

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

/* Deliberately slow: each comparison hashes both keys, so the comparator (not
 * qsort's own code) holds the samples. */
__attribute__((noinline)) int compare_items(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    for (int i = 0; i < 200; ++i) {
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        y = y * 6364136223846793005ULL + 1442695040888963407ULL;
    }
    sink = x ^ y;
    const uint64_t ka = *(const uint64_t *)a, kb = *(const uint64_t *)b;
    return ka < kb ? -1 : ka > kb;
}

__attribute__((noinline)) void sort_items(uint64_t seed)
{
    for (int i = 0; i < ITEMS; ++i) {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        items[i] = seed >> 11;
    }
    qsort(items, ITEMS, sizeof items[0], compare_items);
    sink = items[0]; /* after the call: no tail call, so sort_items stays on the stack */
}

int main(int argc, char **argv)
{
    const long ms = argc > 1 ? strtol(argv[1], NULL, 10) : 500;
    const uint64_t end = now_ns() + (uint64_t)(ms > 0 ? ms : 500) * 1000000ULL;
    uint64_t seed = 1;
    while (now_ns() < end)
        sort_items(seed++);
    return 0;
}
