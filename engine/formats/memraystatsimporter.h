// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "importer.h"

namespace perfwb::formats {

// Memray's `memray stats --json` summary (StatsReporter._render_to_json of memray 1.x):
// total_num_allocations, total_bytes_allocated, allocation_size_histogram,
// allocator_type_distribution, top_allocations_by_size / _by_count ({"location":
// "function:file:line", "size"|"count"}) and metadata (start/end time, peak_memory,
// command_line, pid, python_allocator, ...). It holds no stacks: each top location
// becomes a single-frame stack with its bytes and calls in `allocations` (a location in
// only one top list has only that figure), the totals and peak go to allocations.totals,
// and every location of top_allocations_by_size is also one sample weighted by its bytes
// (weightUnit "bytes"), so flame graph and top functions show where memory went. The rest
// of the metadata, the histogram and the allocator counts go to meta.extra as "memray.*".
class MemrayStatsImporter : public TextImporter {
public:
    std::string_view format() const override { return "memray-stats"; }
    std::string_view description() const override
    {
        return "Memray stats JSON (memray stats --json: totals and top allocating locations)";
    }
    int sniff(std::string_view head) const override;
    Status parse(std::string_view data, model::Profile &out) const override;
};

} // namespace perfwb::formats
