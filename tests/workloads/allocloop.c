// Allocation benchmark loop (tests/benchmarks/bench_alloc.sh): N malloc/free pairs
// (default 10,000,000) of 16..64 B, each made three calls deep
// (main -> level1 -> level2 -> level3 -> malloc). Prints a checksum.
// `allocloop N crash`: after the loop, dies of SIGSEGV (a write through a null pointer), so
// tests can check that a crash keeps every allocation made before it.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define NOINLINE __attribute__((noinline))

static volatile uint64_t sink;
static int *volatile nowhere; /* volatile: the compiler cannot drop the crashing write */

NOINLINE void level3(size_t size)
{
    char *p = malloc(size);
    p[0] = (char)size;
    sink += (unsigned char)p[0];
    free(p);
}

NOINLINE void level2(size_t size)
{
    level3(size);
}

NOINLINE void level1(size_t size)
{
    level2(size);
}

int main(int argc, char **argv)
{
    const long n = argc > 1 ? atol(argv[1]) : 10000000L;
    for (long i = 0; i < n; ++i)
        level1(16 + (size_t)(i % 49));
    printf("allocloop %ld pairs, checksum %llu\n", n, (unsigned long long)sink);
    if (argc > 2 && argv[2][0] == 'c') {
        fflush(stdout);
        *nowhere = 1; /* SIGSEGV */
    }
    return 0;
}
