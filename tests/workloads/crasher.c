/* Expected shape: busy in busy_then_crash() for the given time (default 1000 ms of
 * its own CPU time, so the shape holds on a loaded machine), then dies of SIGSEGV by writing through a null pointer:
 * the process ends "killed by signal 11", with no exit code. Nearly all samples are in busy_then_crash() called from
 * main(). Tests use it to check that a recording of a crashing target is complete and records the exit signal. Usage:
 * crasher [milliseconds]   (default 1000). Built -O2 -g with frame pointers; busy_then_crash() is noinline so it stays
 * visible. */
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

static volatile uint64_t sink;
/* volatile so the compiler cannot prove the write undefined and drop or trap it early. */
static int *volatile nowhere;

static uint64_t cpu_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

__attribute__((noinline)) void busy_then_crash(uint64_t ns)
{
    const uint64_t end = cpu_ns() + ns;
    uint64_t x = ns;
    while (cpu_ns() < end) {
        for (int i = 0; i < 20000; ++i)
            x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    }
    sink = x;
    /* No core file: a test run should not litter the working directory. */
    const struct rlimit none = {0, 0};
    setrlimit(RLIMIT_CORE, &none);
    signal(SIGSEGV, SIG_DFL);
    *nowhere = 42;
}

int main(int argc, char **argv)
{
    const long ms = argc > 1 ? strtol(argv[1], NULL, 10) : 1000;
    busy_then_crash((uint64_t)(ms > 0 ? ms : 1000) * 1000000ULL);
    return 0;
}
