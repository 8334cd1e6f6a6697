// SPDX-License-Identifier: GPL-3.0-or-later
#include "launcher.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstring>
#include <fcntl.h>
#include <linux/sched.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

namespace perfwb::record {

namespace {

// What the child reports through the CLOEXEC pipe when it cannot run the program.
enum ChildStage : int { StageChdir = 1, StageExec = 2 };

std::string nameOf(const std::string &entry)
{
    return entry.substr(0, entry.find('='));
}

std::vector<std::string> buildEnvironment(const LaunchOptions &options)
{
    std::vector<std::string> env;
    for (char **e = environ; e && *e; ++e)
        env.emplace_back(*e);
    auto set = [&env](const std::string &name, const std::string &value) {
        for (auto &entry : env) {
            if (nameOf(entry) == name) {
                entry = name + '=' + value;
                return;
            }
        }
        env.push_back(name + '=' + value);
    };
    for (const auto &[name, value] : options.extraEnvironment)
        set(name, value);
    if (options.pythonMalloc && Launcher::isPythonCommand(options.command.front())) {
        const bool hasMalloc =
            std::any_of(env.begin(), env.end(), [](const std::string &e) { return nameOf(e) == "PYTHONMALLOC"; });
        if (!hasMalloc)
            set("PYTHONMALLOC", "malloc");
    }
    return env;
}

std::int64_t toNs(const timeval &tv)
{
    return std::int64_t(tv.tv_sec) * 1000000000 + std::int64_t(tv.tv_usec) * 1000;
}

std::int64_t monotonicMs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return std::int64_t(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

// fork() straight into a cgroup. Moving a running process into a cgroup afterwards waits
// for an RCU grace period in the kernel (about 13 ms, the largest fixed cost of a short
// recording); a child started inside costs nothing extra. -1 with errno where the kernel
// (before 5.7) or the cgroup refuses; the caller then forks and moves the child.
pid_t forkIntoCgroup(int cgroupFd)
{
    clone_args args{};
    args.flags = CLONE_INTO_CGROUP;
    args.exit_signal = SIGCHLD;
    args.cgroup = static_cast<std::uint64_t>(cgroupFd);
    return static_cast<pid_t>(syscall(SYS_clone3, &args, sizeof args));
}

// Only async-signal-safe calls from here on: the child of a multi-threaded parent.
[[noreturn]] void runChild(pid_t parent, int releaseFd, int errorFd, const char *workingDir, char *const argv[],
                           char *const envp[])
{
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) // the parent died before prctl took effect
        _exit(127);
    struct sigaction dfl {};
    dfl.sa_handler = SIG_DFL;
    for (int s = 1; s < NSIG; ++s)
        sigaction(s, &dfl, nullptr); // fails harmlessly for SIGKILL/SIGSTOP and glibc-internal signals
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);

    char go = 0;
    ssize_t n;
    do {
        n = read(releaseFd, &go, 1);
    } while (n < 0 && errno == EINTR);
    if (n != 1) // abort() or the parent went away: run nothing
        _exit(127);

    int report[2] = {0, 0};
    if (workingDir && chdir(workingDir) != 0) {
        report[0] = StageChdir;
        report[1] = errno;
    } else {
        execvpe(argv[0], argv, envp);
        report[0] = StageExec;
        report[1] = errno;
    }
    ssize_t w;
    do {
        w = write(errorFd, report, sizeof report);
    } while (w < 0 && errno == EINTR);
    _exit(127);
}

} // namespace

std::string ExitStatus::describe() const
{
    if (!signaled)
        return "exited with code " + std::to_string(code);
    std::string text = "killed by signal " + std::to_string(signal);
    if (const char *name = strsignal(signal))
        text += std::string(" (") + name + ')';
    if (coreDumped)
        text += ", core dumped";
    return text;
}

bool Launcher::isPythonCommand(const std::string &argv0)
{
    const auto slash = argv0.rfind('/');
    const std::string base = slash == std::string::npos ? argv0 : argv0.substr(slash + 1);
    return base.rfind("python", 0) == 0;
}

Launcher::~Launcher()
{
    if (pid_ > 0 && !status_) {
        ::kill(pid_, SIGKILL);
        reap(true);
    }
    closeFds();
}

void Launcher::closeFds()
{
    for (int *fd : {&pidfd_, &releaseFd_, &errorFd_}) {
        if (*fd >= 0)
            close(*fd);
        *fd = -1;
    }
}

Status Launcher::create(const LaunchOptions &options)
{
    if (pid_ > 0)
        return makeError("internal: Launcher::create called twice");
    if (options.command.empty() || options.command.front().empty())
        return makeError("no command given to run");
    if (!options.workingDir.empty()) {
        struct stat st {};
        if (stat(options.workingDir.c_str(), &st) != 0)
            return makeError("cannot change to directory '" + options.workingDir + "': " + std::strerror(errno));
        if (!S_ISDIR(st.st_mode))
            return makeError("cannot change to directory '" + options.workingDir + "': " + std::strerror(ENOTDIR));
    }
    program_ = options.command.front();
    workingDir_ = options.workingDir;
    environment_ = buildEnvironment(options);

    // argv/envp as C arrays now: the child may not allocate.
    std::vector<std::string> args = options.command;
    std::vector<char *> argv;
    argv.reserve(args.size() + 1);
    for (auto &a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    std::vector<std::string> env = environment_;
    std::vector<char *> envp;
    envp.reserve(env.size() + 1);
    for (auto &e : env)
        envp.push_back(e.data());
    envp.push_back(nullptr);

    // A socket for the release byte (send() with MSG_NOSIGNAL cannot raise SIGPIPE if the
    // child died); a plain CLOEXEC pipe for the exec result (closed by a successful exec).
    int releasePair[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, releasePair) != 0)
        return makeError(std::string("cannot start the target: socketpair: ") + std::strerror(errno));
    int errorPipe[2];
    if (pipe2(errorPipe, O_CLOEXEC) != 0) {
        const int err = errno;
        close(releasePair[0]);
        close(releasePair[1]);
        return makeError(std::string("cannot start the target: pipe: ") + std::strerror(err));
    }
    const pid_t parent = getpid();
    // The child of clone3 is a fork() child without glibc's bookkeeping (atfork handlers,
    // its cached thread id): fine for runChild, which only makes system calls.
    pid_t child = options.cgroupFd >= 0 ? forkIntoCgroup(options.cgroupFd) : -1;
    startedInCgroup_ = child > 0;
    if (child < 0)
        child = fork();
    if (child < 0) {
        const int err = errno;
        for (int fd : {releasePair[0], releasePair[1], errorPipe[0], errorPipe[1]})
            close(fd);
        return makeError(std::string("cannot start the target: fork: ") + std::strerror(err));
    }
    if (child == 0) {
        close(releasePair[1]);
        close(errorPipe[0]);
        runChild(parent, releasePair[0], errorPipe[1], workingDir_.empty() ? nullptr : workingDir_.c_str(), argv.data(),
                 envp.data());
    }
    close(releasePair[0]);
    close(errorPipe[1]);
    pid_ = child;
    releaseFd_ = releasePair[1];
    errorFd_ = errorPipe[0];
    pidfd_ = static_cast<int>(syscall(SYS_pidfd_open, child, 0)); // -1 on kernels before 5.3: waitFor polls instead
    return {};
}

Status Launcher::release()
{
    if (pid_ <= 0 || released_ || status_)
        return makeError("internal: Launcher::release without a waiting child");
    const char go = 1;
    ssize_t n;
    do {
        n = send(releaseFd_, &go, 1, MSG_NOSIGNAL);
    } while (n < 0 && errno == EINTR);
    close(releaseFd_);
    releaseFd_ = -1;
    released_ = true;

    // Blocks until exec succeeded (EOF: the CLOEXEC end closed) or the child reported why not.
    int report[2] = {0, 0};
    std::size_t got = 0;
    while (got < sizeof report) {
        const ssize_t r = read(errorFd_, reinterpret_cast<char *>(report) + got, sizeof report - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        got += std::size_t(r);
    }
    close(errorFd_);
    errorFd_ = -1;
    if (got < sizeof report)
        return {};
    reap(true);
    if (report[0] == StageChdir)
        return makeError("cannot change to directory '" + workingDir_ + "': " + std::strerror(report[1]));
    return makeError("cannot run '" + program_ + "': " + std::strerror(report[1]));
}

void Launcher::abort()
{
    if (pid_ <= 0 || status_)
        return;
    if (!released_) {
        close(releaseFd_); // EOF: the child exits without exec
        releaseFd_ = -1;
        released_ = true;
    } else {
        ::kill(pid_, SIGKILL);
    }
    reap(true);
}

bool Launcher::kill(int signal)
{
    return pid_ > 0 && !status_ && ::kill(pid_, signal) == 0;
}

std::optional<ExitStatus> Launcher::reap(bool block)
{
    if (status_ || pid_ <= 0)
        return status_;
    // Look before reaping (WNOWAIT): under the ptrace fallback the child is also a tracee
    // of a thread of ours, and its ptrace stops are reported to every waiting thread of
    // the process. A plain wait4 would take those stops from the tracer (and return a
    // stop as if it were the exit).
    for (;;) {
        siginfo_t info{};
        const int w = waitid(P_PID, static_cast<id_t>(pid_), &info, WEXITED | WNOWAIT | (block ? 0 : WNOHANG));
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0 || info.si_code == CLD_EXITED || info.si_code == CLD_KILLED || info.si_code == CLD_DUMPED)
            break; // ended (or ECHILD: reaped elsewhere), reap it below
        if (!block)
            return std::nullopt; // running, or a stop that is not ours
        // A stop for the tracer: wait for the exit without spinning on that report.
        if (pidfd_ >= 0) {
            pollfd p{pidfd_, POLLIN, 0};
            ::poll(&p, 1, -1);
        } else {
            const timespec step{0, 5L * 1000 * 1000};
            nanosleep(&step, nullptr);
        }
    }
    int st = 0;
    rusage ru{};
    pid_t r;
    do {
        r = wait4(pid_, &st, WNOHANG, &ru);
    } while (r < 0 && errno == EINTR);
    if (r == 0)
        return std::nullopt;
    ExitStatus s;
    if (r < 0) {
        // ECHILD: reaped elsewhere (e.g. SIGCHLD ignored); the status is lost.
        s.code = -1;
    } else if (WIFSIGNALED(st)) {
        s.signaled = true;
        s.signal = WTERMSIG(st);
        s.coreDumped = WCOREDUMP(st);
    } else {
        s.code = WEXITSTATUS(st);
    }
    if (r > 0)
        s.cpuTimeNs = toNs(ru.ru_utime) + toNs(ru.ru_stime);
    status_ = s;
    if (pidfd_ >= 0) {
        close(pidfd_);
        pidfd_ = -1;
    }
    return status_;
}

std::optional<ExitStatus> Launcher::waitFor(int timeoutMs)
{
    if (status_ || pid_ <= 0)
        return status_;
    if (timeoutMs < 0)
        return reap(true);
    if (timeoutMs == 0)
        return reap(false);
    const std::int64_t deadline = monotonicMs() + timeoutMs;
    for (;;) {
        if (auto s = reap(false))
            return s;
        const std::int64_t left = deadline - monotonicMs();
        if (left <= 0)
            return std::nullopt;
        if (pidfd_ >= 0) {
            pollfd p{pidfd_, POLLIN, 0};
            ::poll(&p, 1, int(left));
        } else {
            const timespec step{0, 5L * 1000 * 1000};
            nanosleep(&step, nullptr);
        }
    }
}

} // namespace perfwb::record
