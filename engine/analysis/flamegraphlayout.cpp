// SPDX-License-Identifier: GPL-3.0-or-later
#include "flamegraphlayout.h"

#include <utility>

namespace perfwb::analysis {

FlameGraphLayout FlameGraphLayout::compute(const CallTree &tree, std::uint64_t minWidth)
{
    FlameGraphLayout layout;
    layout.total = tree.total();
    // Explicit stack instead of recursion: deep recursion in the profile must not
    // become deep recursion here.
    std::vector<std::pair<std::uint32_t, std::uint64_t>> todo; // node, start
    const auto &root = tree.node(0);
    std::uint64_t x = 0;
    std::vector<std::pair<std::uint32_t, std::uint64_t>> level;
    for (std::uint32_t c : root.children) {
        level.emplace_back(c, x);
        x += tree.node(c).total;
    }
    for (auto it = level.rbegin(); it != level.rend(); ++it)
        todo.push_back(*it);
    while (!todo.empty()) {
        const auto [id, start] = todo.back();
        todo.pop_back();
        const auto &node = tree.node(id);
        if (node.total == 0 || node.total < minWidth)
            continue;
        layout.rects.push_back({id, node.depth - 1, start, node.total});
        if (node.depth - 1 > layout.maxDepth)
            layout.maxDepth = node.depth - 1;
        std::uint64_t cx = start;
        level.clear();
        for (std::uint32_t c : node.children) {
            level.emplace_back(c, cx);
            cx += tree.node(c).total;
        }
        for (auto it = level.rbegin(); it != level.rend(); ++it)
            todo.push_back(*it);
    }
    return layout;
}

} // namespace perfwb::analysis
