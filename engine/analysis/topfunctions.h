// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "functiontable.h"
#include "stackweights.h"

#include <limits>
#include <string>
#include <vector>

namespace perfwb::analysis {

// Flat self and total per function, as FunctionStats, except that the frames of a
// function inlined into its callers are counted apart by the function each copy was
// inlined into: "spin_for inlined in hot_70" and "spin_for inlined in warm_30" rather
// than one spin_for that hides where the time went. What the Summary and `perfwb info`
// list. Total counts a sample once per entry, also under recursion.
struct TopFunctions {
    static constexpr FunctionId kNoFunction = std::numeric_limits<FunctionId>::max();
    struct Entry {
        FunctionId function = 0;
        bool inlined = false;
        // The nearest caller frame that is not inlined itself: the function the copy
        // was compiled into. kNoFunction when not inlined or when the stack is cut off
        // above the inlined frame.
        FunctionId inlinedInto = kNoFunction;
        std::uint64_t self = 0;
        std::uint64_t total = 0;
    };
    std::vector<Entry> entries; // only entries with weight, heaviest self first
    std::uint64_t grandTotal = 0;

    static TopFunctions compute(const FunctionTable &functions, const StackWeights &weights);
    // "spin_for (inlined in hot_70)", "spin_for (inlined)" when cut off, else the name.
    static std::string label(const FunctionTable &functions, const Entry &entry);
};

} // namespace perfwb::analysis
