// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "importer.h"

namespace perfwb::formats {

// Chrome DevTools / Node CPU profiles (.cpuprofile: `node --cpu-prof`, DevTools'
// "Save profile"): {nodes: [{id, callFrame, children}], startTime, endTime, samples,
// timeDeltas}, times in microseconds. One thread "main"; every sample is weighted by
// the nanoseconds until the next one (the last until endTime), as DevTools counts
// them (see V8CpuProfile for frames and kinds). sourceFormat "cpuprofile", weight unit
// nanoseconds. Errors name the JSON path: "nodes[3].callFrame: ...".
class CpuProfileImporter : public TextImporter {
public:
    std::string_view format() const override { return "cpuprofile"; }
    std::string_view description() const override { return "Chrome DevTools / Node .cpuprofile (node --cpu-prof)"; }
    int sniff(std::string_view head) const override;
    Status parse(std::string_view data, model::Profile &out) const override;
};

} // namespace perfwb::formats
