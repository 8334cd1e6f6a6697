// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "samplefilter.h"

#include <cstdint>
#include <vector>

namespace perfwb::analysis {

// Self weight per stack-trie node after filtering: the one pass over the samples
// that every tree view starts from. Everything else walks the (much smaller) trie.
struct StackWeights {
    std::vector<std::uint64_t> self; // indexed by StackId
    std::uint64_t total = 0;
    std::size_t sampleCount = 0;

    static StackWeights compute(const model::Profile &profile, const SampleFilter &filter = {});
};

} // namespace perfwb::analysis
