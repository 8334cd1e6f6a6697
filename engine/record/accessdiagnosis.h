// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Why the kernel said no, or why a process will give no samples, in words that name the
// real cause: the errno, the seccomp filter perfwb runs under, the capability it lacks,
// the process owner, the Yama setting, the tracer already attached. Blaming
// perf_event_paranoid when a container's seccomp profile refused, or ptrace_scope "unset"
// when the process belongs to another user, sends a user the wrong way.
#include <string>
#include <sys/types.h>

namespace perfwb::record {

class AccessDiagnosis {
public:
    // perf_event_open refused `pid` with `err` (EACCES or EPERM).
    static std::string perfEventRefusal(int err, pid_t pid);
    // PTRACE_SEIZE refused `pid` with `err`.
    static std::string ptraceRefusal(int err, pid_t pid);
    // Non-empty when `pid` is a kernel thread: nothing in user space to sample.
    static std::string kernelThread(pid_t pid);
    // Non-empty when `pid` is stopped or held by a tracer: it gives no samples until it runs.
    static std::string notRunning(pid_t pid);

    // Pieces, for tests and for the messages above.
    static int seccompMode();                  // Seccomp: of /proc/self/status; 0 none, 2 filter
    static bool hasCapability(int capability); // in perfwb's effective set
    static std::string userName(uid_t uid);    // "alice (uid 1000)"
};

} // namespace perfwb::record
