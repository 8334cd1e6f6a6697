// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "frame.h"

#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

namespace perfwb::model {

using StackId = std::uint32_t;
// The root: the empty stack. Every other node has a parent with a smaller id,
// so walking ids in order visits parents before children.
constexpr StackId kEmptyStack = 0;

struct StackNode {
    StackId parent = kEmptyStack;
    FrameId frame = 0;
};

// Stacks share their common prefixes: a stack is the id of its leaf node.
class StackTrie {
public:
    StackTrie();
    StackId intern(StackId parent, FrameId frame);
    // Frames ordered root (outermost caller) first.
    StackId internPath(std::span<const FrameId> rootFirst);
    const StackNode &node(StackId id) const { return nodes_[id]; }
    std::size_t size() const { return nodes_.size(); }
    const std::vector<StackNode> &nodes() const { return nodes_; }
    // Frames of one stack, leaf (innermost) first.
    std::vector<FrameId> framesLeafFirst(StackId id) const;
    std::size_t depth(StackId id) const;

private:
    std::vector<StackNode> nodes_;
    std::unordered_map<std::uint64_t, StackId> index_;
};

} // namespace perfwb::model
