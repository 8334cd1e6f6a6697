// SPDX-License-Identifier: GPL-3.0-or-later
#include "processtree.h"

#include <spdlog/spdlog.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <ctime>
#include <dirent.h>
#include <fcntl.h>
#include <fstream>
#include <set>
#include <sstream>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace perfwb::record {

namespace {

// The cgroup v2 mount point: /sys/fs/cgroup on unified systems, …/unified on hybrid ones.
std::string cgroup2Mount()
{
    std::ifstream mounts("/proc/self/mounts");
    std::string device, point, type, rest;
    while (mounts >> device >> point >> type && std::getline(mounts, rest)) {
        if (type == "cgroup2")
            return point;
    }
    return {};
}

// Our own cgroup v2 path ("0::/user.slice/…" in /proc/self/cgroup).
std::string ownCgroup()
{
    std::ifstream in("/proc/self/cgroup");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("0::", 0) == 0)
            return line.substr(3);
    }
    return {};
}

bool writeFile(const std::string &path, const std::string &text)
{
    const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    ::close(fd);
    return ok;
}

void sleepMs(int ms)
{
    const timespec t{ms / 1000, (ms % 1000) * 1'000'000L};
    nanosleep(&t, nullptr);
}

// Parent pid and process group of a /proc entry, from /proc/PID/stat (after the comm field).
bool statOf(pid_t pid, pid_t &ppid, pid_t &pgrp)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto close = text.rfind(')');
    if (close == std::string::npos)
        return false;
    std::istringstream rest(text.substr(close + 2));
    char state = 0;
    return static_cast<bool>(rest >> state >> ppid >> pgrp);
}

std::vector<pid_t> allPids()
{
    std::vector<pid_t> pids;
    if (DIR *d = opendir("/proc")) {
        while (const dirent *e = readdir(d)) {
            char *end = nullptr;
            const long pid = std::strtol(e->d_name, &end, 10);
            if (end != e->d_name && *end == '\0' && pid > 0)
                pids.push_back(static_cast<pid_t>(pid));
        }
        closedir(d);
    }
    return pids;
}

// The watchdog's whole life: only async-signal-safe calls (forked from a threaded process).
[[noreturn]] void runWatchdog(int readFd, const char *killFile, const char *cgroupDir, pid_t groupToKill)
{
    struct sigaction ignore {};
    ignore.sa_handler = SIG_IGN;
    for (int s : {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE})
        sigaction(s, &ignore, nullptr); // the terminal's Ctrl+C is for perfwb and the target
    // Hold nothing of perfwb's open: its report, sockets, counters.
    syscall(SYS_close_range, 3U, static_cast<unsigned>(readFd) - 1, 0U);
    syscall(SYS_close_range, static_cast<unsigned>(readFd) + 1, ~0U, 0U);
    char byte = 0;
    ssize_t n;
    do {
        n = read(readFd, &byte, 1);
    } while (n < 0 && errno == EINTR);
    if (n == 1) // perfwb ended the tree itself
        _exit(0);
    // perfwb is gone without saying "done": end what it launched.
    if (killFile[0] != '\0') {
        const int fd = open(killFile, O_WRONLY | O_CLOEXEC);
        if (fd >= 0) {
            (void)!write(fd, "1", 1);
            close(fd);
        }
        for (int i = 0; i < 100 && rmdir(cgroupDir) != 0; ++i) {
            const timespec t{0, 20'000'000L};
            nanosleep(&t, nullptr);
        }
    } else if (groupToKill > 0) {
        kill(-groupToKill, SIGKILL); // perfwb's own job: the target and its children, and us
    }
    _exit(0);
}

std::atomic<unsigned> cgroupCounter{0};

} // namespace

ProcessTree::~ProcessTree()
{
    if (cgroupFd_ >= 0)
        ::close(cgroupFd_);
    if (watchdogFd_ >= 0) {
        (void)!::write(watchdogFd_, "d", 1);
        ::close(watchdogFd_);
    }
    if (watchdog_ > 0) {
        int status = 0;
        while (waitpid(watchdog_, &status, 0) < 0 && errno == EINTR) {
        }
    }
    if (!cgroup_.empty()) {
        // Empty once endAll()'s SIGKILLs are through; a tree left running keeps it.
        for (int i = 0; i < 50 && ::rmdir(cgroup_.c_str()) != 0 && errno == EBUSY; ++i)
            sleepMs(10);
    }
}

int ProcessTree::prepare()
{
    const std::string mount = cgroup2Mount();
    if (mount.empty()) {
        why_ = "not mounted";
        return -1;
    }
    std::string own = ownCgroup();
    if (own == "/")
        own.clear();
    const std::string dir =
        mount + own + "/perfwb-" + std::to_string(::getpid()) + "-" + std::to_string(cgroupCounter.fetch_add(1));
    if (::mkdir(dir.c_str(), 0755) != 0) {
        why_ = "cannot create " + dir + ": " + std::strerror(errno);
        return -1;
    }
    cgroupFd_ = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    cgroup_ = dir;
    return cgroupFd_;
}

void ProcessTree::guard(pid_t target, bool startedInCgroup)
{
    target_ = target;
    if (cgroupFd_ >= 0) {
        ::close(cgroupFd_);
        cgroupFd_ = -1;
    }
    if (!cgroup_.empty() && (startedInCgroup || moveIntoCgroup(target))) {
        mechanism_ = "cgroup";
    } else {
        mechanism_ = "process tree (no writable cgroup v2: " + why_ + ")";
        spdlog::info("target {}: {}", target, mechanism_);
    }
    startWatchdog();
}

bool ProcessTree::moveIntoCgroup(pid_t target)
{
    if (writeFile(cgroup_ + "/cgroup.procs", std::to_string(target)))
        return true;
    why_ = "cannot move the target into " + cgroup_ + ": " + std::strerror(errno);
    ::rmdir(cgroup_.c_str());
    cgroup_.clear();
    return false;
}

void ProcessTree::startWatchdog()
{
    // Everything the watchdog needs, prepared before fork().
    const std::string killFile = cgroup_.empty() ? std::string() : cgroup_ + "/cgroup.kill";
    const pid_t self = ::getpid();
    const pid_t group = ::getpgrp() == self ? self : 0; // only perfwb's own job, never a caller's
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) {
        spdlog::warn("no watchdog for the target's process tree: pipe: {}", std::strerror(errno));
        return;
    }
    const pid_t child = ::fork();
    if (child < 0) {
        spdlog::warn("no watchdog for the target's process tree: fork: {}", std::strerror(errno));
        ::close(fds[0]);
        ::close(fds[1]);
        return;
    }
    if (child == 0) {
        ::close(fds[1]);
        runWatchdog(fds[0], killFile.c_str(), cgroup_.c_str(), group);
    }
    ::close(fds[0]);
    watchdog_ = child;
    watchdogFd_ = fds[1];
}

int ProcessTree::endAll()
{
    if (!cgroup_.empty()) {
        std::ifstream procs(cgroup_ + "/cgroup.procs");
        int count = 0;
        for (pid_t pid = 0; procs >> pid;)
            ++count;
        if (count == 0)
            return 0;
        if (!writeFile(cgroup_ + "/cgroup.kill", "1")) { // before Linux 5.14: one by one
            std::ifstream again(cgroup_ + "/cgroup.procs");
            for (pid_t pid = 0; again >> pid;)
                ::kill(pid, SIGKILL);
        }
        return count;
    }
    return endByProc();
}

int ProcessTree::endByProc()
{
    // Stop first, so nothing forks while the set is collected; then kill them all.
    const pid_t self = ::getpid();
    const bool ownJob = ::getpgrp() == self;
    std::set<pid_t> tree{target_};
    std::vector<pid_t> pids = allPids();
    for (bool grew = true; grew;) {
        grew = false;
        for (pid_t pid : pids) {
            pid_t ppid = 0, pgrp = 0;
            if (tree.count(pid) || pid == self || pid == watchdog_ || !statOf(pid, ppid, pgrp))
                continue;
            if (tree.count(ppid) || (ownJob && pgrp == self)) {
                tree.insert(pid);
                grew = true;
            }
        }
    }
    int count = 0;
    for (pid_t pid : tree)
        count += ::kill(pid, SIGSTOP) == 0 ? 1 : 0;
    for (pid_t pid : tree)
        ::kill(pid, SIGKILL);
    return count;
}

} // namespace perfwb::record
