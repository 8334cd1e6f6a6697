// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reading what the sampler needs from /proc and /sys: whether a PID can be sampled,
// its threads, names and executable mappings (the initial state in attach mode), and
// the kernel settings that explain refusals.
#include "core/result.h"
#include "rawevents.h"

#include <cstdint>
#include <string>
#include <sys/types.h>
#include <vector>

namespace perfwb::perf::procscan {

// "no process with PID N", or "process N is a zombie (it has exited; its parent has not
// reaped it)"; ok for a live process (also one whose main thread alone has exited).
Status checkProcess(pid_t pid);

// One "Key:" value of /proc/PROC/status, PROC a PID or "self"; empty when unreadable.
std::string statusValue(const std::string &proc, const std::string &key);

// Thread ids from /proc/PID/task, ascending; empty when the process is gone.
std::vector<pid_t> threads(pid_t pid);

// /proc/PID/task/TID/comm without the newline; empty when unreadable.
std::string threadName(pid_t pid, pid_t tid);

// Executable mappings from /proc/PID/maps as MMAP events (pid, tid = pid, time 0).
std::vector<MmapEvent> executableMappings(pid_t pid);

// The fields of /proc/PID/stat (or a thread's, by its TID) that perfwb reads.
struct StatFields {
    char state = '?';
    pid_t ppid = 0;
    std::uint64_t utime = 0, stime = 0, threads = 0, rssPages = 0; // clock ticks, pages
};
// A small /proc file in one read(2) into `buf` (at most size - 1 bytes): no stdio, no
// allocation, for what is read every tick. 0 when it cannot be read.
std::size_t readSmall(const char *path, char *buf, std::size_t size);
// One read(2), no allocation: the /proc poller and the ptrace sampler call it every tick.
bool readStat(pid_t pid, StatFields &out);

// Online CPUs from /sys/devices/system/cpu/online ("0-3,6"); falls back to 0..n-1.
std::vector<int> onlineCpus();

// Parses a kernel CPU list such as "0-3,6,8-9"; empty on malformed input.
std::vector<int> parseCpuList(const std::string &text);

// An integer sysctl under /proc/sys (e.g. "kernel/perf_event_paranoid"); `fallback` when unreadable.
int readSysctl(const char *path, int fallback);

} // namespace perfwb::perf::procscan
