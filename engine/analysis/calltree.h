// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "functiontable.h"
#include "stackweights.h"

#include <cstdint>
#include <vector>

namespace perfwb::analysis {

constexpr FunctionId kNoFunction = ~FunctionId{0};

// A tree of functions with self and total weight per node. Node 0 is the root
// (function kNoFunction, total = everything that passed the filter).
// Parents always have smaller ids than their children.
class CallTree {
public:
    struct Node {
        FunctionId function = kNoFunction;
        std::uint32_t parent = 0;
        std::uint32_t depth = 0;
        std::uint64_t self = 0;
        std::uint64_t total = 0;
        std::vector<std::uint32_t> children;
    };
    enum class Order { ByWeight, ByName };

    // Callers above callees, root = outermost frames (main, _start, thread entry).
    static CallTree topDown(const FunctionTable &functions, const StackWeights &weights);
    // Leaf functions at the top level (self cost), their callers below them.
    static CallTree bottomUp(const FunctionTable &functions, const StackWeights &weights);

    const Node &node(std::uint32_t id) const { return nodes_[id]; }
    const std::vector<Node> &nodes() const { return nodes_; }
    std::size_t size() const { return nodes_.size(); }
    std::uint64_t total() const { return nodes_.front().total; }
    // Heaviest first (ties by name), or alphabetical: stable, so exports are reproducible.
    void sortChildren(const FunctionTable &functions, Order order);
    // Orders each node's children as the node at the same path in `previous` had them
    // (functions matched by name and module), children it did not have after them in
    // the current order: a live view's frames keep their place between snapshots.
    void orderChildrenLike(const FunctionTable &functions, const CallTree &previous,
                           const FunctionTable &previousFunctions);
    // Ids on the path from the root to `id`, root excluded.
    std::vector<std::uint32_t> pathTo(std::uint32_t id) const;

private:
    CallTree();
    std::uint32_t child(std::uint32_t parent, FunctionId function);
    std::vector<Node> nodes_;
};

} // namespace perfwb::analysis
