// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "rawevents.h"
#include "samplingoptions.h"
#include "trackerframefilter.h"

#include "model/profile.h"
#include "symbolize/pythonframemerger.h"

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace perfwb::symbolize {
class Symbolizer;
class PythonStacks;
} // namespace perfwb::symbolize

namespace perfwb::perf {

// The RecordSink that turns decoded kernel records into the model: threads and
// processes (names, start and end times), mappings for the symbolizer, and one model
// sample per kernel sample with its stack symbolized root-first into the trie.
//
// Runs on the recording thread. Work that does not touch the profile (unwinding, IP
// bookkeeping) happens outside `lock`; everything that writes the profile holds it, so
// another thread can copy the profile under the same lock at any time.
class SampleBuilder : public RecordSink {
public:
    SampleBuilder(model::Profile &profile, std::mutex &lock, symbolize::Symbolizer &symbolizer, CallGraph callGraph);

    void onSample(const RawSample &sample) override;
    void onMmap(const MmapEvent &event) override;
    void onComm(const CommEvent &event) override;
    void onTask(const TaskEvent &event) override;
    void onLost(std::uint64_t count) override;
    // Threads the /proc poller saw end (pid, tid) by `timeNs`: a thread whose exit record
    // was lost (an overflowing ring) gets this end instead of none. An exit record that
    // comes later still wins: it has the exact time.
    void onTasksGone(const std::vector<std::pair<std::int32_t, std::int32_t>> &tasks, std::int64_t timeNs);
    // The tasks of each live process as the poller listed them by `listedNs`: a known
    // thread of such a process missing from its listing ended before then (one that
    // started and ended between two polls, whose exit record was lost, has no other end).
    void onTasksListed(const std::vector<std::pair<std::int32_t, std::vector<std::int32_t>>> &live,
                       std::int64_t listedNs);
    // Thread ends that came from the poller, not from the kernel's exit records.
    std::size_t endsFromPoller() const { return endsFromPoller_; }

    // For backends that deliver no MMAP records after the start (ptrace): when a user
    // address falls outside every known mapping, re-read /proc/PID/maps (at most every
    // 100 ms per process) and resolve the sample again.
    void setRefreshMapsFromProc(bool on) { refreshMaps_ = on; }
    // For recordings read from a file: a thread seen first in a sample is named as perf
    // names it (":TID", "swapper" for the idle task), not from this machine's /proc,
    // where its pid may belong to an unrelated process by now.
    void setThreadNamesFromProc(bool on) { namesFromProc_ = on; }
    // With record --alloc: the tracker's frames and its own work stay out of the stacks.
    void setFilterAllocationTracker(bool on);
    // CPython processes get their Python frames from `stacks` (a sampler reads them):
    // the builder tells it which processes map a python binary or library, or were forked
    // by one, and merges the stack each thread had at each sample.
    void setPythonStacks(symbolize::PythonStacks *stacks);
    // Samples whose stack got Python frames.
    std::size_t pythonSamples() const { return pythonSamples_; }
    // Samples left out as the tracker's own work (see TrackerFrameFilter).
    std::uint64_t trackerSamples() const { return trackerFilter_ ? trackerFilter_->dropped() : 0; }

    std::size_t samples() const { return samples_; }
    std::uint64_t lost() const { return lost_; }
    // Samples whose user stack came from the kernel's frame-pointer chain because DWARF
    // unwinding gave one frame or none (with --call-graph dwarf).
    std::size_t unwindFallbacks() const { return unwindFallbacks_; }
    std::uint64_t periodTotal() const { return periodTotal_; }

private:
    struct ThreadState {
        model::ThreadIndex index = 0;
        std::string name;
        std::int64_t lastSampleNs = model::kUnknownTime;
    };
    static std::uint64_t key(std::int32_t pid, std::int32_t tid)
    {
        return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(pid)) << 32) | static_cast<std::uint32_t>(tid);
    }
    // These three expect `lock_` held.
    std::size_t process(std::int32_t pid, std::int32_t parentPid, std::int64_t timeNs);
    ThreadState &thread(std::int32_t pid, std::int32_t tid);
    void rename(std::int32_t pid, std::int32_t tid, const std::string &name);
    void retireExited(std::int64_t nowNs, std::int32_t reusedPid);
    void splitCallchain(const std::vector<std::uint64_t> &callchain);
    void resolveStack(const RawSample &sample, const std::vector<std::uint64_t> &user);
    bool hasUnmappedUserFrame(std::size_t from) const;

    model::Profile &profile_;
    std::unique_ptr<TrackerFrameFilter> trackerFilter_;
    symbolize::PythonStacks *python_ = nullptr;
    std::unique_ptr<symbolize::PythonFrameMerger> pythonMerger_;
    std::vector<symbolize::PythonFrame> pythonFrames_;
    std::size_t pythonSamples_ = 0;
    std::mutex &lock_;
    symbolize::Symbolizer &symbolizer_;
    CallGraph callGraph_;

    std::unordered_map<std::int32_t, std::size_t> processes_; // pid -> index in profile.processes
    std::unordered_map<std::uint64_t, ThreadState> threads_;
    std::size_t endsFromPoller_ = 0;
    // Processes whose leader exited: their address space is dropped a while later,
    // because samples from other CPUs' buffers may still be on their way.
    std::vector<std::pair<std::int32_t, std::int64_t>> exited_;

    // Reused for every sample: no allocation in the steady state.
    std::vector<std::uint64_t> kernelIps_;
    std::vector<std::uint64_t> userIps_;
    std::vector<std::uint64_t> unwound_;
    std::vector<model::FrameId> leafFirst_;
    std::size_t kernelFrames_ = 0; // leading kernel frames in leafFirst_
    bool refreshMaps_ = false;
    bool namesFromProc_ = true;
    std::unordered_map<std::int32_t, std::int64_t> mapsLoadedNs_; // pid -> CLOCK_MONOTONIC

    std::size_t samples_ = 0;
    std::uint64_t lost_ = 0;
    std::size_t unwindFallbacks_ = 0;
    std::uint64_t periodTotal_ = 0;
};

} // namespace perfwb::perf
