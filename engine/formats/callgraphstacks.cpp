// SPDX-License-Identifier: GPL-3.0-or-later
#include "callgraphstacks.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <queue>
#include <unordered_set>

namespace perfwb::formats {

namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

std::uint64_t edgeKey(std::uint32_t caller, std::uint32_t callee)
{
    return (static_cast<std::uint64_t>(caller) << 32) | callee;
}

double sane(double v)
{
    return std::isfinite(v) && v > 0 ? v : 0;
}

// A non-negative amount in whole units.
std::uint64_t units(double v)
{
    return v > 0 ? static_cast<std::uint64_t>(std::min(std::round(v), 1.8e19)) : 0;
}

std::uint64_t saturatingAdd(std::uint64_t a, std::uint64_t b)
{
    return a > std::numeric_limits<std::uint64_t>::max() - b ? std::numeric_limits<std::uint64_t>::max() : a + b;
}

} // namespace

std::uint32_t CallGraphStacks::addFunction(model::FrameId frame, std::uint64_t self, double inclusive)
{
    functions_.push_back({frame, self, sane(inclusive), 0, 0});
    callees_.emplace_back();
    return static_cast<std::uint32_t>(functions_.size() - 1);
}

void CallGraphStacks::addEdge(std::uint32_t caller, std::uint32_t callee, double cost)
{
    cost = sane(cost);
    auto [it, added] = edgeIndex_.try_emplace(edgeKey(caller, callee), static_cast<std::uint32_t>(edges_.size()));
    if (added) {
        edges_.push_back({caller, callee, 0});
        callees_[caller].push_back(it->second);
        if (caller != callee)
            ++functions_[callee].callers;
    }
    edges_[it->second].cost += cost;
    // A recursive edge is always cut, so it takes no part of the callee's split.
    if (caller != callee)
        functions_[callee].incoming += cost;
}

double CallGraphStacks::fraction(const Edge &e) const
{
    if (e.caller == e.callee)
        return 0;
    const auto &callee = functions_[e.callee];
    if (callee.incoming > 0)
        return e.cost / callee.incoming;
    return callee.callers > 0 ? 1.0 / callee.callers : 0;
}

void CallGraphStacks::build(model::Profile &out, model::ThreadIndex thread)
{
    paths_.clear();
    weights_.clear();
    pathsOf_.assign(functions_.size(), {});
    best_.assign(functions_.size(), kNone);
    expand(out);
    placeUnreached(out);
    assignWeights();
    coverEdges(out);
    std::int64_t time = 0;
    for (std::size_t i = 0; i < paths_.size(); ++i) {
        if (weights_[i] > 0)
            out.addSample(time++, thread, paths_[i].stack, weights_[i]);
    }
}

void CallGraphStacks::expand(model::Profile &out)
{
    struct Pending {
        double priority;
        std::uint64_t seq;
        model::StackId parent;
        std::uint32_t function;
        std::uint32_t depth;
        double share;
    };
    // Most expensive first; equal ones in the order they were found, so the result
    // does not depend on the heap's internals.
    const auto less = [](const Pending &a, const Pending &b) {
        return a.priority != b.priority ? a.priority < b.priority : a.seq > b.seq;
    };
    std::priority_queue<Pending, std::vector<Pending>, decltype(less)> queue(less);
    std::uint64_t seq = 0;
    for (std::uint32_t f = 0; f < functions_.size(); ++f) {
        const auto &fn = functions_[f];
        if (fn.callers == 0)
            queue.push({std::max(fn.inclusive, static_cast<double>(fn.self)), seq++, model::kEmptyStack, f, 1, 1.0});
    }
    std::vector<std::uint32_t> functionOfStack; // which function each of our trie nodes is
    std::vector<std::uint32_t> stamp(functions_.size(), 0);
    std::uint32_t stampNo = 0;
    std::size_t work = 0;
    while (!queue.empty() && paths_.size() < kMaxPaths && work < kMaxWork) {
        const Pending p = queue.top();
        queue.pop();
        const auto stack = out.stacks.intern(p.parent, functions_[p.function].frame);
        if (stack >= functionOfStack.size())
            functionOfStack.resize(stack + 1, kNone);
        functionOfStack[stack] = p.function;
        pathsOf_[p.function].push_back(static_cast<std::uint32_t>(paths_.size()));
        paths_.push_back({stack, p.function, p.share});
        if (p.depth >= kMaxDepth)
            continue;
        ++stampNo;
        for (auto id = stack; id != model::kEmptyStack; id = out.stacks.node(id).parent) {
            if (id < functionOfStack.size() && functionOfStack[id] != kNone)
                stamp[functionOfStack[id]] = stampNo;
        }
        for (const auto ei : callees_[p.function]) {
            if (++work > kMaxWork)
                break;
            const Edge &e = edges_[ei];
            if (stamp[e.callee] == stampNo)
                continue;
            const double share = p.share * fraction(e);
            const auto &callee = functions_[e.callee];
            const double worth = share * std::max(callee.inclusive, static_cast<double>(callee.self));
            if (!(worth >= 0.5))
                continue;
            queue.push({worth, seq++, stack, e.callee, p.depth + 1, share});
        }
    }
    for (std::uint32_t f = 0; f < functions_.size(); ++f) {
        for (const auto pi : pathsOf_[f]) {
            if (best_[f] == kNone || paths_[pi].share > paths_[best_[f]].share)
                best_[f] = pi;
        }
    }
}

void CallGraphStacks::placeUnreached(model::Profile &out)
{
    std::vector<std::uint32_t> order;
    for (std::uint32_t f = 0; f < functions_.size(); ++f) {
        if (pathsOf_[f].empty())
            order.push_back(f);
    }
    // Callers usually cost more than their callees: placing the expensive ones first
    // lets the cheaper ones hang below them.
    std::stable_sort(order.begin(), order.end(), [this](std::uint32_t a, std::uint32_t b) {
        return functions_[a].inclusive > functions_[b].inclusive;
    });
    // Best placed caller per function, from the callee lists.
    std::vector<std::vector<std::uint32_t>> callerEdges(functions_.size());
    for (std::uint32_t ei = 0; ei < edges_.size(); ++ei) {
        if (edges_[ei].caller != edges_[ei].callee && pathsOf_[edges_[ei].callee].empty())
            callerEdges[edges_[ei].callee].push_back(ei);
    }
    for (const auto f : order) {
        model::StackId parent = model::kEmptyStack;
        double bestCost = -1;
        for (const auto ei : callerEdges[f]) {
            const Edge &e = edges_[ei];
            if (best_[e.caller] != kNone && e.cost > bestCost) {
                bestCost = e.cost;
                parent = paths_[best_[e.caller]].stack;
            }
        }
        const auto stack = out.stacks.intern(parent, functions_[f].frame);
        best_[f] = paths_.size();
        pathsOf_[f].push_back(static_cast<std::uint32_t>(paths_.size()));
        paths_.push_back({stack, f, 1.0});
    }
}

void CallGraphStacks::assignWeights()
{
    weights_.assign(paths_.size(), 0);
    std::vector<double> fractions;
    std::vector<std::uint32_t> order;
    for (std::uint32_t f = 0; f < functions_.size(); ++f) {
        const auto &list = pathsOf_[f];
        const std::uint64_t self = functions_[f].self;
        if (list.empty() || self == 0)
            continue;
        double total = 0;
        for (const auto pi : list)
            total += paths_[pi].share;
        if (!(total > 0)) {
            weights_[list.front()] = self;
            continue;
        }
        // Largest remainder: floors first, then one unit each to the largest fractions.
        fractions.assign(list.size(), 0);
        std::uint64_t given = 0;
        for (std::size_t i = 0; i < list.size(); ++i) {
            const double exact = static_cast<double>(self) * (paths_[list[i]].share / total);
            const double floor = std::floor(exact);
            auto w = static_cast<std::uint64_t>(std::min(floor, static_cast<double>(self - given)));
            weights_[list[i]] = w;
            given += w;
            fractions[i] = exact - floor;
        }
        order.resize(list.size());
        std::iota(order.begin(), order.end(), 0U);
        std::stable_sort(order.begin(), order.end(),
                         [&fractions](std::uint32_t a, std::uint32_t b) { return fractions[a] > fractions[b]; });
        // Fewer units left than paths, unless doubles lost some of a huge count.
        const std::uint64_t left = self - given;
        const std::uint64_t each = left / order.size();
        for (std::size_t k = 0; k < order.size(); ++k)
            weights_[list[order[k]]] += each + (k < left % order.size() ? 1 : 0);
    }
}

std::size_t CallGraphStacks::largestPathOf(std::uint32_t function) const
{
    std::size_t best = kNone;
    for (const auto pi : pathsOf_[function]) {
        if (best == kNone || weights_[pi] > weights_[best])
            best = pi;
    }
    return best;
}

model::StackId CallGraphStacks::baseFor(const model::Profile &out, std::uint32_t caller, model::FrameId callee) const
{
    const auto onPath = [&out, callee](model::StackId id) {
        for (; id != model::kEmptyStack; id = out.stacks.node(id).parent) {
            if (out.stacks.node(id).frame == callee)
                return true;
        }
        return false;
    };
    const auto best = paths_[best_[caller]].stack;
    if (!onPath(best))
        return best;
    // The callee is above its caller here (a cycle): another path may not have it. If
    // none of the first few does, the stack shows the function twice, as the run did.
    std::size_t tried = 0;
    for (const auto pi : pathsOf_[caller]) {
        if (++tried > 64)
            break;
        if (!onPath(paths_[pi].stack))
            return paths_[pi].stack;
    }
    return best;
}

void CallGraphStacks::coverEdges(model::Profile &out)
{
    // Which function each of our trie nodes is, and the weight below each node.
    std::vector<std::uint32_t> functionOf(out.stacks.size(), kNone);
    std::vector<std::uint64_t> below(out.stacks.size(), 0);
    for (std::size_t i = 0; i < paths_.size(); ++i) {
        functionOf[paths_[i].stack] = paths_[i].function;
        below[paths_[i].stack] = saturatingAdd(below[paths_[i].stack], weights_[i]);
    }
    // Parents have smaller ids than their children.
    for (std::size_t id = below.size(); id-- > 1;) {
        const auto parent = out.stacks.node(static_cast<model::StackId>(id)).parent;
        below[parent] = saturatingAdd(below[parent], below[id]);
    }
    std::unordered_set<std::uint64_t> covered;
    for (std::size_t id = 1; id < below.size(); ++id) {
        const auto parent = out.stacks.node(static_cast<model::StackId>(id)).parent;
        if (below[id] > 0 && functionOf[id] != kNone && parent != model::kEmptyStack && functionOf[parent] != kNone)
            covered.insert(edgeKey(functionOf[parent], functionOf[id]));
    }
    const auto addPath = [this](model::StackId stack, std::uint32_t f, std::uint64_t weight) {
        pathsOf_[f].push_back(static_cast<std::uint32_t>(paths_.size()));
        paths_.push_back({stack, f, 0});
        weights_.push_back(weight);
    };
    for (const Edge &e : edges_) {
        if (e.caller == e.callee || !(e.cost > 0) || covered.contains(edgeKey(e.caller, e.callee)))
            continue;
        if (best_[e.caller] == kNone)
            continue;
        const auto &callee = functions_[e.callee];
        const auto base = baseFor(out, e.caller, callee.frame);
        const auto share = fraction(e);
        const auto donor = largestPathOf(e.callee);
        if (donor != kNone && weights_[donor] >= 2) {
            const auto moved =
                std::clamp<std::uint64_t>(units(static_cast<double>(callee.self) * share), 1, weights_[donor] / 2);
            weights_[donor] -= moved;
            addPath(out.stacks.intern(base, callee.frame), e.callee, moved);
            covered.insert(edgeKey(e.caller, e.callee));
            continue;
        }
        // No self cost of its own to show: show the edge through its most expensive callee.
        std::uint32_t next = kNone;
        double nextCost = -1;
        for (const auto ei : callees_[e.callee]) {
            const Edge &c = edges_[ei];
            const auto d = c.callee != e.callee && c.callee != e.caller ? largestPathOf(c.callee) : kNone;
            if (d != kNone && weights_[d] >= 2 && c.cost > nextCost) {
                next = c.callee;
                nextCost = c.cost;
            }
        }
        if (next == kNone)
            continue;
        const auto d = largestPathOf(next);
        const auto moved =
            std::clamp<std::uint64_t>(units(static_cast<double>(functions_[next].self) * share), 1, weights_[d] / 2);
        weights_[d] -= moved;
        const auto mid = out.stacks.intern(base, callee.frame);
        addPath(out.stacks.intern(mid, functions_[next].frame), next, moved);
        covered.insert(edgeKey(e.caller, e.callee));
    }
}

} // namespace perfwb::formats
