// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "importer.h"

namespace perfwb::formats {

// Scalene's JSON profile (scalene --json --outfile X.json; the schema of scalene_json.py,
// checked against Debian 12's Scalene 1.5.16). Scalene measures per line and per function,
// not stacks: every function becomes one Python frame (function, file, its first line;
// the file is also the module) and one single-frame stack whose weight is its share of
// the CPU samples (Python + native + system) times the elapsed time, in nanoseconds, so
// flame graph and top functions show Scalene's hot functions. CPU Scalene saw in a file
// outside any function (module-level code) goes to a "<module>" frame of that file.
// Scalene's own figures are kept exactly in functionCosts: "python cpu", "native cpu",
// "system cpu" (percent of all CPU samples), and with memory profiling "memory allocated",
// "peak memory" (bytes), "allocations" (count), "copy volume" (bytes per second); GPU
// columns when Scalene profiled a GPU. Its memory footprint over time becomes the "heap"
// timeline. Line-level figures are not imported. Errors name the JSON path.
class ScaleneImporter : public TextImporter {
public:
    std::string_view format() const override { return "scalene"; }
    std::string_view description() const override
    {
        return "Scalene JSON (scalene --json: per-function CPU split and memory)";
    }
    int sniff(std::string_view head) const override;
    Status parse(std::string_view data, model::Profile &out) const override;
};

} // namespace perfwb::formats
