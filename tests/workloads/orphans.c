/* orphans: a target that leaves processes behind, as daemons and worker pools do.
 * Shape: main forks a child that forks a grandchild and exits at once; the grandchild
 * starts a session of its own (setsid, out of the terminal's process group), writes its
 * pid to argv[1] and spins for ever. main then spins for ever too (or exits after
 * argv[2] ms when given). Without process-tree cleanup the grandchild outlives any
 * recording of this program. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile unsigned long sink;

static void spin_for_ever(void)
{
    for (;;)
        sink++;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: orphans PIDFILE [MAIN_MS]\n");
        return 2;
    }
    const pid_t child = fork();
    if (child == 0) {
        if (fork() == 0) {
            setsid();
            FILE *f = fopen(argv[1], "w");
            if (f) {
                fprintf(f, "%d\n", (int)getpid());
                fclose(f);
            }
            spin_for_ever();
        }
        _exit(0);
    }
    waitpid(child, NULL, 0);
    if (argc > 2) {
        const long ms = atol(argv[2]);
        const struct timespec t = {ms / 1000, (ms % 1000) * 1000000L};
        nanosleep(&t, NULL);
        return 0;
    }
    spin_for_ever();
}
