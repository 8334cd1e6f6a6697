// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "stacktrie.h"

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace perfwb::model {

// Allocation costs of one stack (the stack of the malloc-family call, caller first).
struct AllocationStats {
    std::uint64_t calls = 0;       // allocations made (realloc counts as one)
    std::uint64_t bytes = 0;       // bytes requested by those calls
    std::uint64_t leakedBytes = 0; // still allocated when the process ended
    std::uint64_t leakedBlocks = 0;
    std::uint64_t temporary = 0; // freed before the thread allocated anything else
    std::uint64_t peakBytes = 0; // live at the moment of the peak heap

    void add(const AllocationStats &o)
    {
        calls += o.calls;
        bytes += o.bytes;
        leakedBytes += o.leakedBytes;
        leakedBlocks += o.leakedBlocks;
        temporary += o.temporary;
        peakBytes += o.peakBytes;
    }
    bool operator==(const AllocationStats &) const = default;
};

// Per-stack allocation costs of a run, filled by the allocation tracker's reader.
// Empty for a run recorded without --alloc (and for reports written before it).
class AllocationTable {
public:
    std::vector<StackId> stacks; // one row per allocation stack, parallel to stats
    std::vector<AllocationStats> stats;
    AllocationStats totals;      // totals.peakBytes is the peak heap in use
    std::int64_t peakTimeNs = 0; // when the heap was at its peak (profile clock)

    bool empty() const { return stacks.empty() && totals.calls == 0; }
    std::size_t size() const { return stacks.size(); }

    AllocationStats &row(StackId stack)
    {
        auto [it, added] = index_.try_emplace(stack, stacks.size());
        if (added) {
            stacks.push_back(stack);
            stats.emplace_back();
        }
        return stats[it->second];
    }

private:
    std::unordered_map<StackId, std::size_t> index_;
};

} // namespace perfwb::model
