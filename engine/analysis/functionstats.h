// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "functiontable.h"
#include "stackweights.h"

#include <vector>

namespace perfwb::analysis {

// Flat per-function self and total. Total counts a sample once per function even
// when the function recurses, so total <= 100 %.
struct FunctionStats {
    struct Entry {
        FunctionId function = 0;
        std::uint64_t self = 0;
        std::uint64_t total = 0;
    };
    std::vector<Entry> entries; // only functions with weight, heaviest self first
    std::uint64_t grandTotal = 0;

    static FunctionStats compute(const FunctionTable &functions, const StackWeights &weights);
};

} // namespace perfwb::analysis
