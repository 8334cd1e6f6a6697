// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "calltree.h"

#include <cstdint>
#include <vector>

namespace perfwb::analysis {

// Where each call-tree node goes in a flamegraph, in weight units: x = start,
// width = total, row = depth - 1. Renderers scale to pixels. Nodes narrower than
// minWidth are left out of the rectangles but stay inside their parent's width,
// so totals never lose them.
struct FlameGraphLayout {
    struct Rect {
        std::uint32_t node = 0;
        std::uint32_t depth = 0; // 0 = the outermost frames
        std::uint64_t start = 0;
        std::uint64_t width = 0;
    };
    std::vector<Rect> rects; // parents before children
    std::uint64_t total = 0;
    std::uint32_t maxDepth = 0;

    static FlameGraphLayout compute(const CallTree &tree, std::uint64_t minWidth = 0);
};

} // namespace perfwb::analysis
