// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "symbolize/pythonprocess.h"
#include "symbolize/pythonstacks.h"

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace perfwb::record {

// The thread that reads every watched CPython process's Python stacks at the sampling
// frequency and publishes them to PythonStacks, where the sample builder matches them to
// the kernel's samples by thread and time (py-spy's way: from outside, no stop). It runs
// beside the recording's other threads, on its own CPU time, not the target's.
class PythonSampler {
public:
    PythonSampler(symbolize::PythonStacks &stacks, int frequencyHz);
    ~PythonSampler();
    PythonSampler(const PythonSampler &) = delete;
    PythonSampler &operator=(const PythonSampler &) = delete;

    void start();
    void stop();
    // What the report's metadata says: the interpreters read, or why a watched process's
    // Python frames could not be read. Empty when no process looked like CPython.
    std::string summary() const;

    // A watched process that is not (yet) readable is tried again this often, for this
    // long: ld.so maps libpython and Py_Initialize makes the runtime after the exec.
    static constexpr std::int64_t kRetryNs = 20'000'000;
    static constexpr std::int64_t kRetryForNs = 2'000'000'000;

private:
    struct Pending {
        std::int64_t sinceNs = 0;
        std::int64_t nextNs = 0;
    };
    void run();
    void openWatched(std::int64_t nowNs);
    void readAll(std::int64_t nowNs);

    symbolize::PythonStacks &stacks_;
    std::int64_t periodNs_;
    std::thread thread_;
    std::atomic<bool> stop_{false};
    std::map<pid_t, std::unique_ptr<symbolize::PythonProcess>> processes_;
    std::map<pid_t, Pending> pending_;
    mutable std::mutex noteLock_;
    std::map<std::string, int> versions_; // "CPython 3.11.2" -> processes read
    std::string lastError_;               // why the last unreadable process was not read
};

} // namespace perfwb::record
