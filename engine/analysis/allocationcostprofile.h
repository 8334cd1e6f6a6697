// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "core/result.h"
#include "model/profile.h"

#include <string_view>

namespace perfwb::analysis {

enum class AllocationCost { Bytes, Count, Leaked, Peak, Temporary };

// Allocation flamegraphs through the ordinary exporters: a copy of the profile whose
// samples are its allocation stacks, one sample per stack weighted by the chosen
// cost. Frames, stacks, threads and metadata are the source's, so every exporter
// (svg, folded, speedscope...) works unchanged.
class AllocationCostProfile {
public:
    // "alloc-bytes", "alloc-count", "leaked", "peak", "temporary".
    static bool costFromName(std::string_view name, AllocationCost &cost);
    static std::string_view costName(AllocationCost cost);
    static constexpr std::string_view kCostNames = "alloc-bytes, alloc-count, leaked, peak, temporary";
    // "bytes" for the byte costs, "samples" for the counts.
    static model::WeightUnit weightUnit(AllocationCost cost);
    static std::uint64_t costOf(const model::AllocationStats &stats, AllocationCost cost);

    // Fails when the profile has no allocations (a run recorded without --alloc).
    static Result<model::Profile> build(const model::Profile &source, AllocationCost cost);
};

} // namespace perfwb::analysis
