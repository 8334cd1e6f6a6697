// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "core/result.h"

#include <optional>
#include <string>
#include <sys/types.h>
#include <utility>
#include <vector>

namespace perfwb::record {

struct LaunchOptions {
    std::vector<std::string> command; // program (searched on PATH like execvp) and arguments
    std::string workingDir;           // empty = ours
    std::vector<std::pair<std::string, std::string>> extraEnvironment; // set on top of ours
    // A cgroup v2 directory (O_DIRECTORY fd) to start the child in (clone3's
    // CLONE_INTO_CGROUP); -1 for ours. Where the kernel refuses, the child starts in ours
    // and startedInCgroup() is false: the caller moves it.
    int cgroupFd = -1;
    // Python targets (argv[0] basename "python*") get PYTHONMALLOC=malloc, so that
    // allocation tracking sees their objects, unless the environment already sets it.
    bool pythonMalloc = false;
};

struct ExitStatus {
    bool signaled = false; // false: exited normally with `code`
    int code = 0;
    int signal = 0;
    bool coreDumped = false;
    std::int64_t cpuTimeNs = 0;   // user + system CPU of the child and its reaped children (wait4 rusage)
    std::string describe() const; // "exited with code 3", "killed by signal 11 (Segmentation fault)"
};

// Starts a target program stopped *before* it runs one instruction of the program, so
// a sampler can attach first:
//   create()  forks (clone3 into a cgroup when asked); the child sets itself up and blocks on a pipe (it is still a
//   copy of us); (the caller attaches its counters to pid(), e.g. with enable_on_exec) release() lets it execvp(); a
//   failed exec comes back as an error naming the command; abort()   instead makes the child exit without running
//   anything.
//
// Decisions:
// - The child stays in our process group, as with `perf record` or running the command
//   directly: Ctrl+C in the terminal reaches both, the target gets its usual SIGINT and
//   perfwb stops cleanly when it exits.
// - PR_SET_PDEATHSIG(SIGKILL): the target never outlives perfwb. The kernel ties this to
//   the *thread* that called create(); call it from a thread that lives as long as the
//   recording (the main thread or the recording thread).
// - Signal dispositions and the signal mask are reset to defaults in the child, so
//   handlers or blocked signals of perfwb (e.g. SIGINT routed to a signal thread) do not
//   leak into the target.
// - With pythonMalloc, Python targets get PYTHONMALLOC=malloc (see LaunchOptions).
// - The environment and argv are built before fork(): after fork() the child calls only
//   async-signal-safe functions (perfwb is multi-threaded).
//
// The destructor kills (SIGKILL) and reaps a child that has not been reaped yet.
class Launcher {
public:
    Launcher() = default;
    ~Launcher();
    Launcher(const Launcher &) = delete;
    Launcher &operator=(const Launcher &) = delete;

    Status create(const LaunchOptions &options);
    // Lets the child exec. Errors: "cannot run 'CMD': REASON",
    // "cannot change to directory 'DIR': REASON"; the child is reaped in that case.
    Status release();
    // Makes a created but not released child exit without running the program, and reaps it.
    void abort();

    pid_t pid() const { return pid_; }
    // pidfd of the child (readable once it has exited), -1 when unavailable; lets a caller
    // poll it together with other descriptors. Owned by the Launcher.
    int pidfd() const { return pidfd_; }
    bool released() const { return released_; }
    // Whether create() started the child in LaunchOptions::cgroupFd.
    bool startedInCgroup() const { return startedInCgroup_; }
    // The environment the program gets ("NAME=value" entries), after create().
    const std::vector<std::string> &environment() const { return environment_; }

    // Waits up to timeoutMs (-1 = forever, 0 = just check) for the child to exit and reaps
    // it; nullopt while it is running. Once reaped, returns the same status every time.
    std::optional<ExitStatus> waitFor(int timeoutMs);
    std::optional<ExitStatus> exitStatus() const { return status_; }
    // Sends a signal to the child unless it has been reaped (never to a recycled pid).
    bool kill(int signal);

    // Whether argv0 names a Python interpreter (basename starts with "python").
    static bool isPythonCommand(const std::string &argv0);

private:
    std::optional<ExitStatus> reap(bool block);
    void closeFds();

    pid_t pid_ = -1;
    int pidfd_ = -1;
    int releaseFd_ = -1; // write end: one byte releases the child, EOF makes it exit
    int errorFd_ = -1;   // read end of the CLOEXEC pipe: EOF = exec succeeded
    bool released_ = false;
    bool startedInCgroup_ = false;
    std::string program_;
    std::string workingDir_;
    std::vector<std::string> environment_;
    std::optional<ExitStatus> status_;
};

} // namespace perfwb::record
