// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "model/profile.h"

#include <cstdint>
#include <sys/types.h>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace perfwb::record {

// Polls /proc for a target process and all its descendants: RSS, CPU % and thread
// count every call, PSS at most every pssPeriodNs (smaps_rollup walks page tables:
// milliseconds at GiB sizes). Per poll it costs one readdir of /proc (~25 µs), one
// /proc/PID/stat read (~3 µs) and one CPU-clock read per process of the tree.
//
// Descendants: this kernel may lack /proc/PID/task/TID/children (CONFIG_PROC_CHILDREN),
// so new pids in /proc are classified once by their ppid. A process stays in the tree
// until it disappears, even when it is reparented after its parent exits.
class ProcPoller {
public:
    struct Reading {
        std::int64_t timeNs = 0; // CLOCK_MONOTONIC, the sampler's clock
        double rssBytes = 0;
        double threads = 0;
        double cpuPercent = 0; // of one CPU; above 100 with several busy threads
        bool hasCpu = false;   // false on the first reading (no interval yet)
        double pssBytes = 0;
        bool hasPss = false;
        std::size_t processes = 0;
        // Threads (pid, tid) seen at the previous poll and gone at this one: their end lies
        // between the two polls. Kernel exit records are lost when rings overflow (a
        // thousand threads ending at once); these are not.
        std::vector<std::pair<pid_t, pid_t>> endedTasks;
        // The tasks (ascending) of each live process of the tree, listed by `listedNs`. A
        // thread that started and ended between two polls is in no listing: the builder
        // ends the threads it knows of a listed process that the listing lacks.
        std::vector<std::pair<pid_t, std::vector<pid_t>>> liveTasks;
        std::int64_t listedNs = 0;
    };

    explicit ProcPoller(pid_t root, std::int64_t pssPeriodNs = 1'000'000'000);

    // Reads /proc now. Touches no shared state, so it runs outside the profile lock.
    Reading poll();
    // Appends a reading to the "rss", "cpu", "threads" (and "pss") timelines.
    static void append(const Reading &reading, model::Profile &profile);
    // False once the last poll found no running process of the tree (zombies do not count).
    bool alive() const { return live_ > 0; }

private:
    struct ProcState {
        std::int64_t cpuNs = -1;  // last CPU time seen, -1 before the first reading
        std::vector<pid_t> tasks; // ascending, as of the last poll
    };
    void trackTasks(pid_t pid, ProcState &state, bool alive, Reading &r);
    void discover();
    bool readProcess(pid_t pid, ProcState &state, Reading &r, std::int64_t &cpuDeltaNs);
    double readPss(pid_t pid) const;

    pid_t root_;
    std::int64_t pssPeriodNs_;
    std::int64_t lastPollNs_ = -1;
    std::int64_t lastPssNs_ = -1;
    std::size_t live_ = 1;
    bool first_ = true;
    long pageSize_;
    long clockTicks_;
    std::unordered_map<pid_t, ProcState> tree_;
    std::unordered_set<pid_t> foreign_;             // pids of /proc seen and not ours
    std::vector<pid_t> listing_;                    // reused between polls
    std::vector<std::pair<pid_t, pid_t>> vanished_; // tasks of processes discover() dropped
};

} // namespace perfwb::record
