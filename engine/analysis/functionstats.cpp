// SPDX-License-Identifier: GPL-3.0-or-later
#include "functionstats.h"

#include <algorithm>

namespace perfwb::analysis {

FunctionStats FunctionStats::compute(const FunctionTable &functions, const StackWeights &weights)
{
    const auto &trie = functions.profile().stacks;
    std::vector<std::uint64_t> self(functions.size(), 0);
    std::vector<std::uint64_t> total(functions.size(), 0);
    std::vector<std::size_t> seenIn(functions.size(), 0); // stamp: stack that counted it last
    for (std::size_t i = 1; i < weights.self.size(); ++i) {
        const std::uint64_t w = weights.self[i];
        if (w == 0)
            continue;
        self[functions.functionOfStack(static_cast<model::StackId>(i))] += w;
        for (auto s = static_cast<model::StackId>(i); s != model::kEmptyStack; s = trie.node(s).parent) {
            const FunctionId f = functions.functionOfStack(s);
            if (seenIn[f] != i) {
                seenIn[f] = i;
                total[f] += w;
            }
        }
    }
    FunctionStats stats;
    stats.grandTotal = weights.total;
    for (FunctionId f = 0; f < functions.size(); ++f) {
        if (total[f] > 0)
            stats.entries.push_back({f, self[f], total[f]});
    }
    std::sort(stats.entries.begin(), stats.entries.end(), [&](const Entry &a, const Entry &b) {
        if (a.self != b.self)
            return a.self > b.self;
        if (a.total != b.total)
            return a.total > b.total;
        return functions.name(a.function) < functions.name(b.function);
    });
    return stats;
}

} // namespace perfwb::analysis
