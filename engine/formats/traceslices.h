// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "model/profile.h"

#include <cstdint>
#include <vector>

namespace perfwb::formats {

// One duration slice of a trace thread: an "X" event, or a matched "B"/"E" pair.
struct TraceSlice {
    std::int64_t startNs = 0;
    std::int64_t endNs = 0;
    model::FrameId frame = 0;
    model::StringId category = 0;
    std::uint32_t seq = 0; // position of the event in the file
    bool complete = false; // an "X" event (written when it ends, so inner ones come first)
};

// Turns the nested slices of one thread into samples, like speedscope's evented
// profiles: one sample per interval between slice boundaries, of the stack of slices
// open in it, weighted by the interval's nanoseconds; time with no slice open adds
// nothing. Slices are ordered by start, then longest first; equal slices nest in file
// order for B/E pairs and in reverse file order for X events (Chrome and
// ChromeTraceExporter write the inner X event first). A slice that ends after its parent
// is cut at the parent's end.
void addSliceSamples(std::vector<TraceSlice> &slices, model::Profile &out, model::ThreadIndex thread);

} // namespace perfwb::formats
