// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <sys/types.h>
#include <vector>

namespace perfwb::record {

struct ProcessEntry {
    pid_t pid = 0;
    std::string name;        // comm: what ps and top show
    std::string user;        // owner's login name, or the uid when it has none
    double cpuPercent = -1;  // of one CPU since the previous refresh(); -1 before a second reading
    std::string commandLine; // arguments joined by spaces; empty for kernel threads
};

// The running processes, for the attach dialog. CPU % needs two readings of
// /proc/PID/stat, so an instance keeps the previous one between refresh() calls.
class ProcessList {
public:
    // A fresh list (CPU % unknown), without the kernel's own threads.
    static std::vector<ProcessEntry> snapshot();
    // Reads /proc again; CPU % covers the time since the previous refresh().
    std::vector<ProcessEntry> refresh();

private:
    struct Ticks {
        std::uint64_t cpuTicks = 0;
        std::uint64_t startTime = 0; // tells a reused PID from the old process
    };
    std::map<pid_t, Ticks> previous_;
    std::int64_t previousNs_ = 0;
};

} // namespace perfwb::record
