// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Decoded kernel records, as the sampler backends deliver them to a RecordSink.
// Plain structs reused between calls (vectors keep their capacity), so decoding
// allocates nothing in the steady state.
#include <cstdint>
#include <string>
#include <vector>

namespace perfwb::perf {

struct RawSample {
    std::int64_t timeNs = 0; // CLOCK_MONOTONIC (perf_event_attr.use_clockid) — same clock as the poller
    std::int32_t pid = 0;
    std::int32_t tid = 0;
    std::uint32_t cpu = 0;
    std::uint64_t period = 0;
    std::uint16_t event = 0; // which of the recording's events (perf.data attrs, in file order)
    // As the kernel gives it, leaf first, including PERF_CONTEXT_KERNEL/USER markers.
    // With --call-graph fp this is the whole stack; with dwarf it holds the kernel part
    // (and the user IP) and the user part comes from unwinding regs + stack below.
    std::vector<std::uint64_t> callchain;
    // PERF_SAMPLE_REGS_USER: values in the order of the bits set in the mask
    // (x86_64 perf_regs.h numbering); empty when not sampled or the thread was in a kernel thread.
    std::uint64_t userRegsMask = 0;
    std::vector<std::uint64_t> userRegs;
    // PERF_SAMPLE_STACK_USER: the copy of the user stack from SP upwards (dyn_size bytes valid).
    std::vector<std::uint8_t> userStack;
};

struct MmapEvent {
    std::int64_t timeNs = 0;
    std::int32_t pid = 0;
    std::int32_t tid = 0;
    std::uint64_t start = 0;
    std::uint64_t length = 0;
    std::uint64_t pgoff = 0;
    bool executable = false;
    std::string filename; // "[vdso]", "//anon", "/usr/lib/...", "/tmp/perf-123.map" holders, ...
};

struct CommEvent {
    std::int64_t timeNs = 0;
    std::int32_t pid = 0;
    std::int32_t tid = 0;
    bool exec = false; // the comm changed because the process exec'd
    std::string comm;
};

struct TaskEvent {
    enum class Kind { Fork, Exit } kind = Kind::Fork;
    std::int64_t timeNs = 0;
    std::int32_t pid = 0;
    std::int32_t ppid = 0;
    std::int32_t tid = 0;
    std::int32_t ptid = 0;
};

// Everything a backend produces goes through one sink, on the backend's thread.
class RecordSink {
public:
    virtual ~RecordSink() = default;
    virtual void onSample(const RawSample &sample) = 0;
    virtual void onMmap(const MmapEvent &event) = 0;
    virtual void onComm(const CommEvent &event) = 0;
    virtual void onTask(const TaskEvent &event) = 0;
    virtual void onLost(std::uint64_t count) = 0;
};

} // namespace perfwb::perf
