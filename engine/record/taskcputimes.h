// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "core/result.h"
#include "model/profile.h"

#include <atomic>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <unordered_set>

namespace perfwb::record {

// Each thread's time on a CPU (the scheduler's sum_exec_runtime, in ns), so that what
// sampling missed can be told per thread although the sampling rings are per CPU.
//
// A thread that exits gives it in the kernel's taskstats exit message (generic netlink,
// needs CAP_NET_ADMIN, registered before the thread exits). One still running at the end
// gives it in /proc/PID/task/TID/schedstat. Messages come for every task of the machine:
// those of processes added with addProcess() are kept, others only in a bounded window
// (a process may exit before the recorder hears of it).
class TaskCpuTimes {
public:
    // Registers for exit messages and reads them on a thread of its own; an error says
    // why there will be no per-thread CPU times (not root, no taskstats in the kernel).
    static Result<std::unique_ptr<TaskCpuTimes>> listen();
    ~TaskCpuTimes();
    TaskCpuTimes(const TaskCpuTimes &) = delete;
    TaskCpuTimes &operator=(const TaskCpuTimes &) = delete;

    // A process of the recording: its threads' exit times are kept.
    void addProcess(std::int32_t pid);
    // The CPU time the threads of `pid` had before the recording began (attach mode):
    // subtracted from what they report.
    void setBaseline(std::int32_t pid);
    // Reads what the kernel has sent so far and stops listening (after the target ended).
    void finish();
    // The thread's CPU time during the recording, or nothing when unknown.
    std::optional<std::int64_t> cpuNs(std::int32_t pid, std::int32_t tid) const;
    // After finish(): every thread of the profile gets its CPU time where known. Returns
    // how many did ("1001 of 1001 threads"), for the report's metadata.
    std::string fill(model::Profile &profile);
    // Exit messages the socket had no room for: their threads have no time.
    bool overflowed() const { return overflowed_.load(); }

private:
    struct Exit {
        std::int32_t pid = 0;
        std::int32_t tid = 0;
        std::int64_t cpuNs = 0;
    };
    TaskCpuTimes(int fd, std::uint16_t family);
    void run();
    void receive(); // everything queued on the socket, without waiting
    void onMessage(const std::uint8_t *data, std::size_t size);
    void store(const Exit &exit);

    int fd_;
    int wakeFd_; // an eventfd: finish() ends run()'s poll at once, not at its next timeout
    std::uint16_t family_;
    std::thread thread_;
    std::atomic<bool> stop_{false};
    std::atomic<bool> overflowed_{false};
    mutable std::mutex mutex_;
    std::unordered_set<std::int32_t> processes_;
    std::unordered_map<std::int32_t, Exit> kept_;             // by tid
    std::deque<Exit> window_;                                 // exits of processes not (yet) added
    std::unordered_map<std::int32_t, std::int64_t> baseline_; // tid -> ns before the start
};

} // namespace perfwb::record
