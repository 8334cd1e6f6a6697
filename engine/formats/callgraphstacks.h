// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "model/profile.h"

#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace perfwb::formats {

// Call stacks for tools that measure a call graph, not stacks (cProfile, callgrind), so
// flame graphs, top-down and caller/callee views work on their files. The graph is
// expanded from its roots (functions nobody calls) downwards, flameprof/gprof2dot style:
// a function's share of a path is its caller's share times the fraction of the
// function's incoming cost that comes from that caller. Each function's self cost is
// then split over the paths that reach it in proportion to those shares, rounded so the
// parts add up to the exact self cost: per-function self totals are exact, the paths are
// an estimate (a callee's split does not depend on the path to its caller).
// Bounds and approximations:
// - a function already on the path is not expanded again (recursion and cycles are cut;
//   the cut share goes to the function's other paths);
// - paths are expanded most expensive first, up to kMaxDepth frames and kMaxPaths paths,
//   and paths worth less than half a unit are not expanded;
// - a function no expanded path reaches (a cycle without a root, or cut by the bounds)
//   hangs below the best path of its most expensive caller, or alone at the top;
// - every caller -> callee edge with a cost appears in some stack: an edge no path
//   shows gets a stack of its own, with the edge's fair part of the callee's self cost
//   (or of its most expensive callee's when the callee has none) moved there, below a
//   path of the caller without the callee on it where one is found (else the stack shows
//   the cycle). An edge whose part rounds to nothing can stay invisible.
class CallGraphStacks {
public:
    static constexpr std::size_t kMaxDepth = 256;
    static constexpr std::size_t kMaxPaths = 250000;
    static constexpr std::size_t kMaxWork = 4000000; // callee edges looked at while expanding

    // `self` is in the profile's weight unit; `inclusive` only orders the expansion.
    std::uint32_t addFunction(model::FrameId frame, std::uint64_t self, double inclusive);
    // Calls caller -> callee costing `cost` (inclusive) in all; repeated edges add up.
    void addEdge(std::uint32_t caller, std::uint32_t callee, double cost);

    // Adds one sample per stack with weight to `out`, on `thread`, time = sample index.
    void build(model::Profile &out, model::ThreadIndex thread);

private:
    struct Function {
        model::FrameId frame = 0;
        std::uint64_t self = 0;
        double inclusive = 0;
        double incoming = 0; // sum of the costs of its callers' edges (not its own)
        std::uint32_t callers = 0;
    };
    struct Edge {
        std::uint32_t caller = 0;
        std::uint32_t callee = 0;
        double cost = 0;
    };
    struct Path {
        model::StackId stack = 0;
        std::uint32_t function = 0;
        double share = 0;
    };

    double fraction(const Edge &e) const;
    void expand(model::Profile &out);
    void placeUnreached(model::Profile &out);
    void assignWeights();
    void coverEdges(model::Profile &out);
    std::size_t largestPathOf(std::uint32_t function) const;
    model::StackId baseFor(const model::Profile &out, std::uint32_t caller, model::FrameId callee) const;

    std::vector<Function> functions_;
    std::vector<Edge> edges_;
    std::unordered_map<std::uint64_t, std::uint32_t> edgeIndex_;
    std::vector<std::vector<std::uint32_t>> callees_; // edge indices per caller

    std::vector<Path> paths_;
    std::vector<std::uint64_t> weights_;              // per path: self weight given to it
    std::vector<std::vector<std::uint32_t>> pathsOf_; // path indices per function
    std::vector<std::size_t> best_;                   // per function: its path with the largest share
};

} // namespace perfwb::formats
