// SPDX-License-Identifier: GPL-3.0-or-later
#include "allocationcostprofile.h"

#include <array>
#include <utility>

namespace perfwb::analysis {

namespace {

constexpr std::array<std::pair<std::string_view, AllocationCost>, 5> kCosts{{
    {"alloc-bytes", AllocationCost::Bytes},
    {"alloc-count", AllocationCost::Count},
    {"leaked", AllocationCost::Leaked},
    {"peak", AllocationCost::Peak},
    {"temporary", AllocationCost::Temporary},
}};

} // namespace

bool AllocationCostProfile::costFromName(std::string_view name, AllocationCost &cost)
{
    for (const auto &[n, c] : kCosts) {
        if (n == name) {
            cost = c;
            return true;
        }
    }
    return false;
}

std::string_view AllocationCostProfile::costName(AllocationCost cost)
{
    for (const auto &[n, c] : kCosts)
        if (c == cost)
            return n;
    return {};
}

model::WeightUnit AllocationCostProfile::weightUnit(AllocationCost cost)
{
    return cost == AllocationCost::Count || cost == AllocationCost::Temporary ? model::WeightKind::Samples
                                                                              : model::WeightKind::Bytes;
}

std::uint64_t AllocationCostProfile::costOf(const model::AllocationStats &s, AllocationCost cost)
{
    switch (cost) {
    case AllocationCost::Bytes:
        return s.bytes;
    case AllocationCost::Count:
        return s.calls;
    case AllocationCost::Leaked:
        return s.leakedBytes;
    case AllocationCost::Peak:
        return s.peakBytes;
    case AllocationCost::Temporary:
        return s.temporary;
    }
    return 0;
}

Result<model::Profile> AllocationCostProfile::build(const model::Profile &source, AllocationCost cost)
{
    if (source.allocations.empty())
        return makeError("the report has no allocations (record with perfwb record --alloc)");
    model::Profile out = source;
    out.samples = model::SampleTable();
    out.meta.weightUnit = weightUnit(cost);
    // Samples need a thread: the first process's main thread when there is one.
    model::ThreadIndex thread = 0;
    if (out.threads().empty())
        thread = out.internThread(0, 0, "allocations");
    const std::int64_t time = source.allocations.peakTimeNs;
    const auto &t = source.allocations;
    for (std::size_t i = 0; i < t.size(); ++i) {
        const std::uint64_t w = costOf(t.stats[i], cost);
        if (w > 0)
            out.addSample(time, thread, t.stacks[i], w);
    }
    return out;
}

} // namespace perfwb::analysis
