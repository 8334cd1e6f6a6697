/* Expected shape: two processes. The parent (comm "forkexec") is busy in
 * parent_work() for the given time; the forked child is first busy in child_work()
 * for the same time, then execs the cpusplit workload (path given as argv[1]), whose
 * samples land in hot_70()/warm_30() under comm "cpusplit". Roughly: parent_work
 * 1/3, child_work 1/3, cpusplit 1/3 of the samples (cpusplit itself 70/30).
 * Tests use it to check that perf's fork/exec/comm events are followed.
 * Usage: forkexec CPUSPLIT_PATH [milliseconds]   (default 300) — CPU time of each phase.
 * Exits 0 when the child exited 0, 1 otherwise.
 * Built -O2 -g with frame pointers; the work functions are noinline. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile uint64_t sink;

/* Thread CPU time, not wall time: on a busy machine the shares stay as stated. */
static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

static inline __attribute__((always_inline)) void spin_for(uint64_t ns, uint64_t seed)
{
    const uint64_t end = now_ns() + ns;
    uint64_t x = seed;
    while (now_ns() < end) {
        for (int i = 0; i < 20000; ++i)
            x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    }
    sink = x;
}

__attribute__((noinline)) void parent_work(uint64_t ns)
{
    spin_for(ns, 1);
}
__attribute__((noinline)) void child_work(uint64_t ns)
{
    spin_for(ns, 2);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: forkexec CPUSPLIT_PATH [milliseconds]\n");
        return 2;
    }
    const long ms = argc > 2 ? strtol(argv[2], NULL, 10) : 300;
    const uint64_t ns = (uint64_t)(ms > 0 ? ms : 300) * 1000000ULL;
    char msArg[32];
    snprintf(msArg, sizeof msArg, "%ld", ms > 0 ? ms : 300L);

    const pid_t child = fork();
    if (child < 0) {
        perror("forkexec: fork");
        return 1;
    }
    if (child == 0) {
        child_work(ns);
        execl(argv[1], argv[1], msArg, (char *)NULL);
        perror("forkexec: exec");
        _exit(127);
    }
    parent_work(ns);
    int status = 0;
    if (waitpid(child, &status, 0) < 0)
        return 1;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 1;
}
