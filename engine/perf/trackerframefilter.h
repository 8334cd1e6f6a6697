// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "model/profile.h"

#include <cstdint>
#include <vector>

namespace perfwb::perf {

// Keeps the allocation tracker (libperfwb_alloctrack.so, preloaded by record --alloc)
// out of the CPU profile the user reads. A call through the tracker's malloc into
// libc's malloc is the program's own cost: the wrapper frame goes, libc's malloc stays
// under the program's caller. Anything else under the wrapper (recording the event,
// flushing the stream, locks it takes) is the tracker's overhead, which the program
// without tracking would not have: those samples are left out and counted.
class TrackerFrameFilter {
public:
    explicit TrackerFrameFilter(const model::Profile &profile);

    // Edits a leaf-first stack in place; false when the whole sample is tracker work.
    bool apply(std::vector<model::FrameId> &leafFirst);
    std::uint64_t dropped() const { return dropped_; }

    static bool isTrackerModule(std::string_view module);

private:
    bool isTracker(model::FrameId frame);

    const model::Profile &profile_;
    std::vector<std::int8_t> tracker_; // per frame: -1 not looked at yet, 0 no, 1 yes
    std::uint64_t dropped_ = 0;
};

} // namespace perfwb::perf
