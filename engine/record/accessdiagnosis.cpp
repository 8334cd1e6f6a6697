// SPDX-License-Identifier: GPL-3.0-or-later
#include "accessdiagnosis.h"

#include "perf/procscan.h"

#include <climits>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <pwd.h>
#include <sstream>
#include <unistd.h>
#include <vector>

namespace perfwb::record {

namespace {

constexpr int kCapSysAdmin = 21;
constexpr int kCapSysPtrace = 19;
constexpr int kCapPerfmon = 38;
constexpr unsigned long kPfKthread = 0x00200000; // include/linux/sched.h

std::string errnoText(int err)
{
    const char *name = strerrorname_np(err);
    return std::string(std::strerror(err)) + " (" + (name != nullptr ? name : std::to_string(err)) + ")";
}

std::string processName(pid_t pid)
{
    return perf::procscan::threadName(pid, pid);
}

// The real uid of a process, -1 when it is gone.
long ownerOf(pid_t pid)
{
    const std::string uids = perf::procscan::statusValue(std::to_string(pid), "Uid");
    return uids.empty() ? -1 : std::strtol(uids.c_str(), nullptr, 10);
}

std::string seccompFilter()
{
    return "perfwb runs under a seccomp filter (Seccomp: 2 in /proc/self/status), as a container's default "
           "profile does, and the filter refused the call; allow it in the profile or record outside the container";
}

std::string otherOwner(pid_t pid)
{
    const long owner = ownerOf(pid);
    if (owner < 0 || static_cast<uid_t>(owner) == ::geteuid())
        return {};
    return "PID " + std::to_string(pid) + " belongs to " + AccessDiagnosis::userName(static_cast<uid_t>(owner)) +
           " and perfwb runs as " + AccessDiagnosis::userName(::geteuid());
}

} // namespace

int AccessDiagnosis::seccompMode()
{
    return std::atoi(perf::procscan::statusValue("self", "Seccomp").c_str());
}

bool AccessDiagnosis::hasCapability(int capability)
{
    const std::string hex = perf::procscan::statusValue("self", "CapEff");
    const unsigned long long caps = std::strtoull(hex.c_str(), nullptr, 16);
    return capability >= 0 && capability < 64 && ((caps >> capability) & 1ULL) != 0;
}

std::string AccessDiagnosis::userName(uid_t uid)
{
    passwd pw{};
    passwd *found = nullptr;
    std::vector<char> buf(4096);
    const bool named = ::getpwuid_r(uid, &pw, buf.data(), buf.size(), &found) == 0 && found != nullptr;
    return (named ? std::string(pw.pw_name) + " " : std::string()) + "(uid " + std::to_string(uid) + ")";
}

std::string AccessDiagnosis::perfEventRefusal(int err, pid_t pid)
{
    std::string msg = "perf_event_open refused for PID " + std::to_string(pid) + ": " + errnoText(err);
    if (seccompMode() == 2)
        return msg + ": " + seccompFilter();
    if (hasCapability(kCapPerfmon) || hasCapability(kCapSysAdmin)) {
        std::ifstream lockdown("/sys/kernel/security/lockdown");
        std::string mode;
        std::getline(lockdown, mode);
        return msg + ": refused although perfwb has CAP_PERFMON or CAP_SYS_ADMIN, so a security module (SELinux, " +
               "AppArmor) or kernel lockdown" + (mode.empty() ? std::string() : " (" + mode + ")") + " denies it";
    }
    msg +=
        " (kernel.perf_event_paranoid=" + std::to_string(perf::procscan::readSysctl("kernel/perf_event_paranoid", 2)) +
        " and perfwb runs as " + userName(::geteuid()) + " without CAP_PERFMON";
    if (const std::string other = otherOwner(pid); !other.empty())
        msg += "; " + other;
    return msg + "): run as root, grant CAP_PERFMON, or lower kernel.perf_event_paranoid";
}

std::string AccessDiagnosis::ptraceRefusal(int err, pid_t pid)
{
    const std::string msg = "ptrace refused for PID " + std::to_string(pid) + ": " + errnoText(err) + ": ";
    const long tracer = std::strtol(perf::procscan::statusValue(std::to_string(pid), "TracerPid").c_str(), nullptr, 10);
    if (tracer > 0)
        return msg + "it is already traced by PID " + std::to_string(tracer) + " (" +
               processName(static_cast<pid_t>(tracer)) + "), a debugger or another profiler; detach it first";
    if (seccompMode() == 2)
        return msg + seccompFilter();
    const bool capable = hasCapability(kCapSysPtrace);
    if (const std::string other = otherOwner(pid); !other.empty() && !capable)
        return msg + other + " without CAP_SYS_PTRACE; run as that user or as root";
    const int scope = perf::procscan::readSysctl("kernel/yama/ptrace_scope", INT_MIN);
    if (scope >= 1 && !capable)
        return msg + "kernel.yama.ptrace_scope=" + std::to_string(scope) +
               " (1: only a parent may trace its descendants, 2: only with CAP_SYS_PTRACE, 3: nobody); run as root "
               "or lower it";
    return msg + "the process is not dumpable (a setuid program, or it called prctl(PR_SET_DUMPABLE, 0)) or a " +
           "security module protects it";
}

std::string AccessDiagnosis::kernelThread(pid_t pid)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string stat;
    std::getline(in, stat);
    const auto close = stat.rfind(')');
    if (close == std::string::npos)
        return {};
    // After "(comm)": state ppid pgrp session tty_nr tpgid flags ...
    std::istringstream fields(stat.substr(close + 1));
    std::string field;
    unsigned long flags = 0;
    for (int i = 0; i < 7 && fields >> field; ++i)
        flags = i == 6 ? std::strtoul(field.c_str(), nullptr, 10) : 0;
    if ((flags & kPfKthread) == 0)
        return {};
    return "PID " + std::to_string(pid) + " (" + processName(pid) +
           ") is a kernel thread: it runs no user-space code for perfwb to sample (kernel profiling: perf record -a)";
}

std::string AccessDiagnosis::notRunning(pid_t pid)
{
    const std::string state = perf::procscan::statusValue(std::to_string(pid), "State");
    if (state.empty())
        return {};
    const std::string who = "PID " + std::to_string(pid) + " is ";
    if (state[0] == 'T')
        return who + "stopped (State: " + state + "): it gives no samples until it is continued (kill -CONT " +
               std::to_string(pid) + ")";
    if (state[0] == 't') {
        const std::string tracer = perf::procscan::statusValue(std::to_string(pid), "TracerPid");
        return who + "held in a tracing stop by PID " + tracer + " (" +
               processName(static_cast<pid_t>(std::atoi(tracer.c_str()))) +
               "): it gives no samples while its debugger keeps it stopped";
    }
    return {};
}

} // namespace perfwb::record
