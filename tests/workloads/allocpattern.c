// Allocation pattern known exactly (asserted by tst_alloctracker):
//   alloc_blocks(): 1,000 x 4,096 B, all live at once, freed later by free_blocks()
//   leak_some():    10 x 100 B, never freed (1,000 B leaked)
//   churn():        100,000 x 32 B, each freed right away (100,000 temporary)
// Mode argument (default "pattern"):
//   threads  8 threads x 10,000 x 48 B, each block freed by the next thread
//   fork     the pattern in the parent; the child allocates 77 x 1,000 B and exits 0
//   exit     the pattern, then exit(3) from inside a function (leak_some's blocks stay)
//   realloc  chain: 1 B grown to 100 B one byte at a time (100 reallocs), then freed
//   aligned  50 x aligned_alloc(64, 256) + 50 x posix_memalign(4096, 100), all freed
//   variety  calloc(10, 10), reallocarray(NULL, 5, 20) grown to (10, 20), memalign(32, 64),
//            valloc(100), pvalloc(100): 6 calls, 664 B, all freed
// Prints one line per phase; exit code 0 unless the mode says otherwise.
#define _GNU_SOURCE // reallocarray, pvalloc
#include <malloc.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define NOINLINE __attribute__((noinline))

static void *blocks[1000];
static volatile unsigned long sink;

NOINLINE void alloc_blocks(void)
{
    for (int i = 0; i < 1000; ++i) {
        blocks[i] = malloc(4096);
        memset(blocks[i], i & 0xff, 64);
    }
}

NOINLINE void free_blocks(void)
{
    for (int i = 0; i < 1000; ++i)
        free(blocks[i]);
}

NOINLINE void leak_some(void)
{
    for (int i = 0; i < 10; ++i) {
        char *p = malloc(100);
        p[0] = (char)i;
        sink += (unsigned long)p;
    }
}

NOINLINE void churn(void)
{
    for (int i = 0; i < 100000; ++i) {
        char *p = malloc(32);
        p[0] = (char)i;
        sink += (unsigned char)p[0];
        free(p);
    }
}

static void pattern(void)
{
    alloc_blocks();
    leak_some();
    churn();
    free_blocks();
    printf("pattern done\n");
}

#define THREADS 8
#define PER_THREAD 10000
static void *slots[THREADS][PER_THREAD];
static pthread_barrier_t barrier;

NOINLINE void *thread_alloc(void *arg)
{
    long t = (long)arg;
    for (int i = 0; i < PER_THREAD; ++i)
        slots[t][i] = malloc(48);
    pthread_barrier_wait(&barrier);
    long other = (t + 1) % THREADS; // free what the next thread allocated
    for (int i = 0; i < PER_THREAD; ++i)
        free(slots[other][i]);
    return NULL;
}

NOINLINE void child_work(void)
{
    for (int i = 0; i < 77; ++i)
        sink += (unsigned long)malloc(1000);
}

NOINLINE void exit_midway(void)
{
    fflush(stdout);
    exit(3);
}

NOINLINE void realloc_chain(void)
{
    char *p = malloc(1);
    for (size_t n = 2; n <= 101; ++n) {
        p = realloc(p, n);
        p[n - 1] = 'x';
    }
    free(p);
}

NOINLINE void aligned_blocks(void)
{
    void *a[50], *b[50];
    for (int i = 0; i < 50; ++i) {
        a[i] = aligned_alloc(64, 256);
        if (posix_memalign(&b[i], 4096, 100) != 0)
            abort();
        if (((unsigned long)a[i] & 63) || ((unsigned long)b[i] & 4095))
            abort();
    }
    for (int i = 0; i < 50; ++i) {
        free(a[i]);
        free(b[i]);
    }
}

NOINLINE void other_allocators(void)
{
    unsigned char *a = calloc(10, 10);
    unsigned char *b = reallocarray(NULL, 5, 20);
    b = reallocarray(b, 10, 20); // frees the block just allocated: temporary
    void *c = memalign(32, 64);
    void *d = valloc(100);
    void *e = pvalloc(100);
    for (int i = 0; i < 100; ++i)
        if (a[i] != 0)
            abort();
    if (!b || ((unsigned long)c & 31) || ((unsigned long)d & 4095) || ((unsigned long)e & 4095))
        abort();
    free(a);
    free(b);
    free(c);
    free(d);
    free(e); // the last block allocated, freed with nothing allocated since: temporary
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "pattern";
    if (!strcmp(mode, "pattern")) {
        pattern();
    } else if (!strcmp(mode, "threads")) {
        pthread_t th[THREADS];
        pthread_barrier_init(&barrier, NULL, THREADS);
        for (long t = 0; t < THREADS; ++t)
            pthread_create(&th[t], NULL, thread_alloc, (void *)t);
        for (int t = 0; t < THREADS; ++t)
            pthread_join(th[t], NULL);
        printf("threads done\n");
    } else if (!strcmp(mode, "fork")) {
        fflush(stdout);
        pid_t pid = fork();
        if (pid == 0) {
            child_work();
            printf("child done\n");
            fflush(stdout);
            _exit(0);
        }
        pattern();
        int status = 0;
        waitpid(pid, &status, 0);
        printf("child exit %d\n", WEXITSTATUS(status));
    } else if (!strcmp(mode, "exit")) {
        pattern();
        leak_some();
        exit_midway();
        printf("not reached\n");
    } else if (!strcmp(mode, "realloc")) {
        realloc_chain();
        printf("realloc done\n");
    } else if (!strcmp(mode, "aligned")) {
        aligned_blocks();
        printf("aligned done\n");
    } else if (!strcmp(mode, "variety")) {
        other_allocators();
        printf("variety done\n");
    } else {
        fprintf(stderr, "allocpattern: unknown mode %s\n", mode);
        return 2;
    }
    return 0;
}
