// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "importer.h"

namespace perfwb::formats {

// heaptrack data files (heaptrack.PROGRAM.PID.zst / .gz, or decompressed), read by
// HeaptrackReader into the allocation table, "heap" and "rss" timelines and samples
// weighted by bytes allocated. A text
// importer: parse() takes the file's bytes, compressed or not, which is also what the
// fuzz target feeds it.
class HeaptrackImporter : public TextImporter {
public:
    std::string_view format() const override { return "heaptrack"; }
    std::string_view description() const override
    {
        return "heaptrack data file (.zst, .gz or plain; allocations, peak, leaks, temporary)";
    }
    int sniff(std::string_view head) const override;
    Status parse(std::string_view data, model::Profile &out) const override;
};

} // namespace perfwb::formats
