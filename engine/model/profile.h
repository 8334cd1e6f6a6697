// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "allocationtable.h"
#include "eventtype.h"
#include "frametable.h"
#include "functioncosts.h"
#include "runmetadata.h"
#include "sampletable.h"
#include "stacktrie.h"
#include "stringtable.h"
#include "threadinfo.h"
#include "timeline.h"

#include <map>
#include <string_view>
#include <vector>

namespace perfwb::model {

// The whole profile of one run. Recording and importers fill it; analysis reads it.
// Plain tables with integer ids, no Qt: this is the hot path.
class Profile {
public:
    StringTable strings;
    FrameTable frames;
    StackTrie stacks;
    SampleTable samples;
    // The events samples were taken of, when there are several (perf record -e
    // cycles,instructions): a sample's event() indexes it, and each event is its own cost,
    // never added to another's. Empty for one event, which meta.sampler.event and
    // meta.weightUnit describe.
    std::vector<EventType> events;
    std::vector<ProcessInfo> processes;
    std::vector<Timeline> timelines;
    std::vector<Mark> marks;
    RunMetadata meta;
    AllocationTable allocations; // empty unless recorded with --alloc
    FunctionCosts functionCosts; // figures an imported tool measured per function

    FrameId internFrame(std::string_view function, std::string_view module = {}, std::string_view file = {},
                        std::uint32_t line = 0, FrameKind kind = FrameKind::Native, bool inlined = false);

    // Finds or adds the thread (pid, tid); a non-empty name replaces an older one
    // (threads rename themselves after start).
    ThreadIndex internThread(std::int32_t pid, std::int32_t tid, std::string_view name = {});
    const std::vector<ThreadInfo> &threads() const { return threads_; }
    ThreadInfo &thread(ThreadIndex index) { return threads_[index]; }
    const ThreadInfo &thread(ThreadIndex index) const { return threads_[index]; }

    void addSample(std::int64_t timeNs, ThreadIndex thread, StackId stack, std::uint64_t weight = 1,
                   std::uint16_t event = 0)
    {
        samples.add({timeNs, thread, stack, weight, event});
    }

    std::uint64_t totalWeight() const;
    // How many samples the profile stands for: where weights count samples (a live
    // recording merges its older samples by stack; folded stacks carry counts) their
    // sum, else the rows.
    std::uint64_t sampleCount() const;
    std::int64_t firstSampleTime() const;
    std::int64_t lastSampleTime() const;
    // meta.durationNs, or for an import that has none the span of its samples (0 when
    // there are none): what every "how long" shown or compared uses.
    std::int64_t durationOrSampleSpanNs() const;
    std::string_view functionName(FrameId id) const { return strings.view(frames.at(id).function); }
    std::string_view moduleName(FrameId id) const { return strings.view(frames.at(id).module); }

private:
    std::vector<ThreadInfo> threads_;
    std::map<std::pair<std::int32_t, std::int32_t>, ThreadIndex> threadIndex_;
};

} // namespace perfwb::model
