// SPDX-License-Identifier: GPL-3.0-or-later
#include "stacktrie.h"

namespace perfwb::model {

StackTrie::StackTrie()
{
    nodes_.push_back(StackNode{kEmptyStack, 0});
}

StackId StackTrie::intern(StackId parent, FrameId frame)
{
    const std::uint64_t key = (static_cast<std::uint64_t>(parent) << 32U) | frame;
    if (auto it = index_.find(key); it != index_.end())
        return it->second;
    const auto id = static_cast<StackId>(nodes_.size());
    nodes_.push_back(StackNode{parent, frame});
    index_.emplace(key, id);
    return id;
}

StackId StackTrie::internPath(std::span<const FrameId> rootFirst)
{
    StackId id = kEmptyStack;
    for (FrameId f : rootFirst)
        id = intern(id, f);
    return id;
}

std::vector<FrameId> StackTrie::framesLeafFirst(StackId id) const
{
    std::vector<FrameId> frames;
    for (; id != kEmptyStack; id = nodes_[id].parent)
        frames.push_back(nodes_[id].frame);
    return frames;
}

std::size_t StackTrie::depth(StackId id) const
{
    std::size_t d = 0;
    for (; id != kEmptyStack; id = nodes_[id].parent)
        ++d;
    return d;
}

} // namespace perfwb::model
