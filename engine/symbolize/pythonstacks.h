// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Python stacks of a recording's CPython threads over time: a sampler thread reads
// them from the processes' memory (PythonProcess) and publishes them here; the sample
// builder looks up the stack each thread had when the kernel took a sample and puts its
// Python frames in place of the interpreter's. Both sides hold the lock briefly.
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace perfwb::symbolize {

// One code object of a Python process, read once.
struct PythonCode {
    std::string name; // co_qualname: "Class.method"
    std::string file; // co_filename
    std::int32_t firstLine = 0;
    std::vector<std::uint8_t> lineTable; // co_linetable
};

struct PythonFrame {
    std::shared_ptr<const PythonCode> code;
    std::uint32_t line = 0;
    // The outermost frame of one _PyEval_EvalFrameDefault call: the native stack has one
    // interpreter frame per run of frames ending in an entry frame.
    bool entry = false;
    bool operator==(const PythonFrame &o) const { return code == o.code && line == o.line && entry == o.entry; }
};

// One thread's Python stack, innermost frame first.
struct PythonThreadStack {
    std::int32_t tid = 0;
    std::vector<PythonFrame> frames;
};

class PythonStacks {
public:
    // How far from a sample a stack may have been read and still stand for it.
    explicit PythonStacks(std::int64_t toleranceNs = 5'000'000)
        : toleranceNs_(toleranceNs)
    {}

    // Builder side: a process that may run CPython (it mapped a python binary or library,
    // or a Python process forked it). The sampler looks at it soon.
    void watch(std::int32_t pid);
    // Builder side: `pid` exec'd; what was read of it no longer holds.
    void forget(std::int32_t pid);
    // Builder side: the stack `tid` of `pid` had at `timeNs` (CLOCK_MONOTONIC), innermost
    // first; false when no stack was read close enough to that time.
    bool stackAt(std::int32_t pid, std::int32_t tid, std::int64_t timeNs, std::vector<PythonFrame> &out) const;
    // Builder side: whether `pid` is a CPython process the sampler reads.
    bool isPython(std::int32_t pid) const;

    // Sampler side: the builder's watch() (true) and forget() (false) calls, in order.
    std::vector<std::pair<std::int32_t, bool>> takeRequests();
    void setPython(std::int32_t pid, bool python);
    // Every thread's stack of `pid` as read at `timeNs`. Stacks older than the retention
    // are dropped as newer ones come.
    void publish(std::int32_t pid, std::int64_t timeNs, std::vector<PythonThreadStack> &stacks);
    // Threads' stacks kept this long: the builder runs behind the kernel's rings.
    static constexpr std::int64_t kRetentionNs = 3'000'000'000;

private:
    struct Span {
        std::int64_t firstNs = 0;
        std::int64_t lastNs = 0; // the same stack read at every poll in between
        std::vector<PythonFrame> frames;
    };
    static std::uint64_t key(std::int32_t pid, std::int32_t tid)
    {
        return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(pid)) << 32) | static_cast<std::uint32_t>(tid);
    }
    void trim(std::int64_t nowNs);

    std::int64_t toleranceNs_;
    mutable std::mutex lock_;
    std::vector<std::pair<std::int32_t, bool>> requests_;
    std::unordered_set<std::int32_t> python_;
    std::unordered_map<std::uint64_t, std::deque<Span>> threads_;
    std::int64_t trimmedNs_ = 0;
};

} // namespace perfwb::symbolize
