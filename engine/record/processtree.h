// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "core/result.h"

#include <string>
#include <sys/types.h>

namespace perfwb::record {

// Makes a launched target's whole process tree end with the recording, grandchildren
// included (a daemonised child, a worker pool that outlives its parent), even when
// perfwb itself is killed with SIGKILL.
//
// - The target goes into a cgroup (v2) of its own, created beside perfwb's, before it
//   runs: everything it forks stays in it, whatever it does with sessions or process
//   groups. endAll() writes cgroup.kill. Without a writable cgroup v2 (no delegation,
//   cgroup v1 only) the fallback ends the target's descendants found through /proc, and
//   the processes of perfwb's process group when perfwb leads it (its own shell job).
// - A watchdog process (forked, syscalls only) waits on a pipe. perfwb says "done" when
//   it ends normally; an EOF without it means perfwb died, and the watchdog ends the tree
//   (cgroup.kill, or perfwb's process group when perfwb led it) and removes the cgroup.
//
// Attach mode does not use this: an attached process keeps running, as before.
class ProcessTree {
public:
    ProcessTree() = default;
    ~ProcessTree(); // stops the watchdog and removes the cgroup; does not end the tree
    ProcessTree(const ProcessTree &) = delete;
    ProcessTree &operator=(const ProcessTree &) = delete;

    // Before the target is created: makes its cgroup, whose fd (O_DIRECTORY, -1 without a
    // cgroup) the launcher can start the target in (LaunchOptions::cgroupFd).
    int prepare();
    // `target` is a created, not yet released child, started in the prepared cgroup or
    // not (then it is moved there). Never fails the recording: without a cgroup the
    // fallback is used; mechanism() says which.
    void guard(pid_t target, bool startedInCgroup);
    // Ends every process left in the tree (SIGKILL); the number of processes it signalled.
    int endAll();
    // "cgroup" or "process tree (no writable cgroup v2: …)", for the report's metadata.
    const std::string &mechanism() const { return mechanism_; }
    const std::string &cgroupPath() const { return cgroup_; }

private:
    bool moveIntoCgroup(pid_t target);
    void startWatchdog();
    int endByProc();

    pid_t target_ = -1;
    std::string cgroup_; // absolute path of the target's cgroup, empty without one
    std::string mechanism_;
    std::string why_;   // why there is no cgroup
    int cgroupFd_ = -1; // the prepared cgroup, open until guard()
    pid_t watchdog_ = -1;
    int watchdogFd_ = -1; // write end: "done" byte, then close
};

} // namespace perfwb::record
