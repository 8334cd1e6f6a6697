// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "perf/rawevents.h"
#include "procpoller.h"

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

namespace perfwb::record {

// Hands records from the sampling thread to the symbolizing thread, so that the kernel's
// ring buffers are drained at once even while the symbolizer is busy (the first kernel
// frame loads /proc/kallsyms, the first sample in a library loads its DWARF: tens to
// hundreds of milliseconds during which a 1 MiB ring would overflow).
//
// Items are recycled with their buffers, so the steady state allocates nothing. The
// queue holds at most maxBytes of samples; beyond that samples are dropped and counted
// as lost, in order, rather than letting memory grow without bound.
class EventQueue final : public perf::RecordSink {
public:
    struct Item {
        enum class Kind { Sample, Mmap, Comm, Task, Lost, Proc } kind = Kind::Sample;
        perf::RawSample sample;
        perf::MmapEvent mmap;
        perf::CommEvent comm;
        perf::TaskEvent task;
        std::uint64_t lost = 0;
        ProcPoller::Reading proc;
    };

    explicit EventQueue(std::size_t maxBytes = 128u << 20);

    void onSample(const perf::RawSample &sample) override;
    void onMmap(const perf::MmapEvent &event) override;
    void onComm(const perf::CommEvent &event) override;
    void onTask(const perf::TaskEvent &event) override;
    void onLost(std::uint64_t count) override;
    void pushProcReading(const ProcPoller::Reading &reading);

    // No more items will come; take() returns false once the rest has been taken.
    void close();
    // Waits up to timeoutMs for items and moves all queued ones into `out` (in order).
    // False when the queue is closed and empty.
    bool take(std::vector<Item *> &out, int timeoutMs);
    // Gives taken items back for reuse; clears `items`.
    void recycle(std::vector<Item *> &items);

    // Samples dropped because the queue was full.
    std::uint64_t dropped() const;

private:
    Item *acquire(Item::Kind kind); // with mutex_ held
    void push(Item *item);          // with mutex_ held
    static std::size_t bytesOf(const perf::RawSample &s);

    mutable std::mutex mutex_;
    std::condition_variable ready_;
    std::vector<std::unique_ptr<Item>> storage_;
    std::vector<Item *> free_;
    std::vector<Item *> queued_;
    std::size_t maxBytes_;
    std::size_t queuedBytes_ = 0;
    std::uint64_t dropped_ = 0;
    bool closed_ = false;
};

} // namespace perfwb::record
