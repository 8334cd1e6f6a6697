// seccompexec CALLS -- PROGRAM ARGS...: runs PROGRAM under a seccomp filter that fails
// the listed system calls (comma-separated: perf_event_open, ptrace) with EPERM, as a
// container's default seccomp profile does. Not a profiled workload: tst_diagnostics uses
// it to check that perfwb names the filter, not perf_event_paranoid, as the cause.
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc < 4 || strcmp(argv[2], "--") != 0) {
        fprintf(stderr, "usage: seccompexec perf_event_open[,ptrace] -- PROGRAM ARGS...\n");
        return 2;
    }
    const int blockPerf = strstr(argv[1], "perf_event_open") != NULL;
    const int blockPtrace = strstr(argv[1], "ptrace") != NULL;
    struct sock_filter filter[] = {
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, blockPerf ? SYS_perf_event_open : 0xffffffffu, 2, 0),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, blockPtrace ? SYS_ptrace : 0xffffffffu, 1, 0),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | (EPERM & SECCOMP_RET_DATA)),
    };
    struct sock_fprog prog = {(unsigned short)(sizeof filter / sizeof filter[0]), filter};
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 || prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog) != 0) {
        perror("seccompexec: prctl");
        return 2;
    }
    execvp(argv[3], argv + 3);
    perror("seccompexec: exec");
    return 127;
}
