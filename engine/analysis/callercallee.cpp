// SPDX-License-Identifier: GPL-3.0-or-later
#include "callercallee.h"

#include <algorithm>
#include <map>

namespace perfwb::analysis {

namespace {
std::vector<CallerCallee::Edge> sorted(const std::map<FunctionId, std::uint64_t> &m)
{
    std::vector<CallerCallee::Edge> v;
    v.reserve(m.size());
    for (const auto &[f, w] : m)
        v.push_back({f, w});
    std::stable_sort(v.begin(), v.end(), [](const auto &a, const auto &b) { return a.weight > b.weight; });
    return v;
}
} // namespace

CallerCallee CallerCallee::compute(const FunctionTable &functions, const StackWeights &weights, FunctionId function)
{
    const auto &trie = functions.profile().stacks;
    CallerCallee cc;
    cc.function = function;
    std::map<FunctionId, std::uint64_t> callers;
    std::map<FunctionId, std::uint64_t> callees;
    std::vector<FunctionId> path; // leaf first
    std::vector<FunctionId> seenCallers;
    std::vector<FunctionId> seenCallees;
    for (std::size_t i = 1; i < weights.self.size(); ++i) {
        const std::uint64_t w = weights.self[i];
        if (w == 0)
            continue;
        path.clear();
        for (auto s = static_cast<model::StackId>(i); s != model::kEmptyStack; s = trie.node(s).parent)
            path.push_back(functions.functionOfStack(s));
        if (std::find(path.begin(), path.end(), function) == path.end())
            continue;
        cc.total += w;
        if (path.front() == function)
            cc.self += w;
        seenCallers.clear();
        seenCallees.clear();
        for (std::size_t k = 0; k < path.size(); ++k) {
            if (path[k] != function)
                continue;
            if (k + 1 < path.size() &&
                std::find(seenCallers.begin(), seenCallers.end(), path[k + 1]) == seenCallers.end()) {
                seenCallers.push_back(path[k + 1]);
                callers[path[k + 1]] += w;
            }
            if (k > 0 && std::find(seenCallees.begin(), seenCallees.end(), path[k - 1]) == seenCallees.end()) {
                seenCallees.push_back(path[k - 1]);
                callees[path[k - 1]] += w;
            }
        }
    }
    cc.callers = sorted(callers);
    cc.callees = sorted(callees);
    return cc;
}

} // namespace perfwb::analysis
