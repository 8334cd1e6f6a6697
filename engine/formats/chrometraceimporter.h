// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "importer.h"

namespace perfwb::formats {

// Chrome's Trace Event Format: {"traceEvents": [...]} or a bare array (whose closing
// ']' may be missing, as the format allows), as Chrome, Node (--trace-event-*),
// Perfetto's JSON export and ChromeTraceExporter write it. Times are microseconds;
// samples are on the trace's own clock, in nanoseconds, one thread per pid/tid.
//
// - Sampled CPU profiles ("P" events "Profile" + "ProfileChunk" with the same id, and
//   the older "CpuProfile" event) become samples of the profiled thread (the Profile
//   event's), weighted by the time to the next sample (V8CpuProfile). If several
//   profiles sampled one thread (Node's --cpu-prof runs two), the one with the most
//   samples is kept and the others are counted in meta.extra.
// - Duration events ("X", and "B"/"E" pairs matched per thread, E closing the latest
//   open B) become stacks of slices, one sample per interval of the open stack weighted
//   by its length (addSliceSamples); args.module names the frame's module. On a thread
//   with a sampled profile the slices become marks (spans) instead, so time is not
//   counted twice. An "E" with nothing open is skipped and a "B" never closed ends at
//   the thread's last event (traces started or stopped mid-slice); both are counted
//   in meta.extra. A negative "dur" is an error.
// - Instant events ("i", "I", "R") become marks; "M" events name threads and
//   processes; in ChromeTraceExporter's own files (otherData.tool "perfwb") X events of
//   a category other than "sample" are its marks again. Async, flow, counter and object
//   events are ignored.
// Errors name the event: "traceEvents[12].dur: negative duration -5".
class ChromeTraceImporter : public TextImporter {
public:
    std::string_view format() const override { return "chrome-trace"; }
    std::string_view description() const override
    {
        return "Chrome trace events JSON (duration events, sampled Profile/ProfileChunk; Chrome, Node, Perfetto)";
    }
    int sniff(std::string_view head) const override;
    Status parse(std::string_view data, model::Profile &out) const override;
};

} // namespace perfwb::formats
