// SPDX-License-Identifier: GPL-3.0-or-later
#include "calltree.h"

#include <algorithm>
#include <string>
#include <unordered_map>

namespace perfwb::analysis {

CallTree::CallTree()
{
    nodes_.emplace_back();
}

std::uint32_t CallTree::child(std::uint32_t parent, FunctionId function)
{
    // Fan-out is small in practice, so a linear scan beats a hash map here.
    for (std::uint32_t c : nodes_[parent].children) {
        if (nodes_[c].function == function)
            return c;
    }
    const auto id = static_cast<std::uint32_t>(nodes_.size());
    Node n;
    n.function = function;
    n.parent = parent;
    n.depth = nodes_[parent].depth + 1;
    nodes_.push_back(std::move(n));
    nodes_[parent].children.push_back(id);
    return id;
}

CallTree CallTree::topDown(const FunctionTable &functions, const StackWeights &weights)
{
    const auto &trie = functions.profile().stacks;
    const std::size_t n = trie.size();
    // Totals per trie node first, so stacks with no weight under the filter add no nodes.
    std::vector<std::uint64_t> trieTotal(weights.self.begin(), weights.self.end());
    trieTotal.resize(n, 0);
    for (std::size_t i = n; i-- > 1;)
        trieTotal[trie.node(static_cast<model::StackId>(i)).parent] += trieTotal[i];

    CallTree tree;
    std::vector<std::uint32_t> treeNodeOf(n, 0);
    for (std::size_t i = 1; i < n; ++i) {
        if (trieTotal[i] == 0)
            continue;
        const auto &tn = trie.node(static_cast<model::StackId>(i));
        const auto t = tree.child(treeNodeOf[tn.parent], functions.functionOf(tn.frame));
        treeNodeOf[i] = t;
        tree.nodes_[t].self += i < weights.self.size() ? weights.self[i] : 0;
    }
    tree.nodes_[0].self = weights.self.empty() ? 0 : weights.self[0];
    for (std::size_t i = tree.nodes_.size(); i-- > 0;) {
        auto &node = tree.nodes_[i];
        node.total += node.self;
        if (i > 0)
            tree.nodes_[node.parent].total += node.total;
    }
    tree.sortChildren(functions, Order::ByWeight);
    return tree;
}

CallTree CallTree::bottomUp(const FunctionTable &functions, const StackWeights &weights)
{
    const auto &trie = functions.profile().stacks;
    CallTree tree;
    for (std::size_t i = 1; i < weights.self.size(); ++i) {
        const std::uint64_t w = weights.self[i];
        if (w == 0)
            continue;
        std::uint32_t cur = 0;
        for (auto s = static_cast<model::StackId>(i); s != model::kEmptyStack; s = trie.node(s).parent) {
            cur = tree.child(cur, functions.functionOf(trie.node(s).frame));
            tree.nodes_[cur].total += w;
            if (tree.nodes_[cur].depth == 1)
                tree.nodes_[cur].self += w;
        }
    }
    tree.nodes_[0].self = weights.self.empty() ? 0 : weights.self[0];
    tree.nodes_[0].total = weights.total;
    tree.sortChildren(functions, Order::ByWeight);
    return tree;
}

void CallTree::sortChildren(const FunctionTable &functions, Order order)
{
    for (auto &node : nodes_) {
        auto &c = node.children;
        std::sort(c.begin(), c.end(), [&](std::uint32_t a, std::uint32_t b) {
            const auto &na = nodes_[a];
            const auto &nb = nodes_[b];
            if (order == Order::ByWeight && na.total != nb.total)
                return na.total > nb.total;
            const auto nameA = functions.name(na.function);
            const auto nameB = functions.name(nb.function);
            if (nameA != nameB)
                return nameA < nameB;
            return functions.module(na.function) < functions.module(nb.function);
        });
    }
}

void CallTree::orderChildrenLike(const FunctionTable &functions, const CallTree &previous,
                                 const FunctionTable &previousFunctions)
{
    constexpr std::uint32_t kNone = ~std::uint32_t{0};
    const auto key = [](const FunctionTable &table, FunctionId f) {
        std::string k(table.name(f));
        k += '\0';
        k += table.module(f);
        return k;
    };
    std::vector<std::uint32_t> match(nodes_.size(), kNone); // node of `previous` at the same path
    match[0] = 0;
    std::unordered_map<std::string, std::uint32_t> rankOf;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> ranked; // rank, child
    // Parents have smaller ids than their children: each node is matched before its children.
    for (std::uint32_t i = 0; i < nodes_.size(); ++i) {
        if (match[i] == kNone || nodes_[i].children.empty())
            continue;
        const auto &before = previous.nodes_[match[i]].children;
        rankOf.clear();
        for (std::uint32_t r = 0; r < before.size(); ++r)
            rankOf.emplace(key(previousFunctions, previous.nodes_[before[r]].function), r);
        ranked.clear();
        for (const std::uint32_t c : nodes_[i].children) {
            const auto it = rankOf.find(key(functions, nodes_[c].function));
            if (it != rankOf.end())
                match[c] = before[it->second];
            ranked.emplace_back(it == rankOf.end() ? kNone : it->second, c);
        }
        // Stable: new children keep the current order among themselves.
        std::stable_sort(ranked.begin(), ranked.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        for (std::size_t k = 0; k < ranked.size(); ++k)
            nodes_[i].children[k] = ranked[k].second;
    }
}

std::vector<std::uint32_t> CallTree::pathTo(std::uint32_t id) const
{
    std::vector<std::uint32_t> path;
    for (; id != 0; id = nodes_[id].parent)
        path.push_back(id);
    std::reverse(path.begin(), path.end());
    return path;
}

} // namespace perfwb::analysis
