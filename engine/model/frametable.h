// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "frame.h"

#include <unordered_map>
#include <vector>

namespace perfwb::model {

class FrameTable {
public:
    FrameId intern(const Frame &frame);
    const Frame &at(FrameId id) const { return frames_[id]; }
    std::size_t size() const { return frames_.size(); }
    const std::vector<Frame> &all() const { return frames_; }

private:
    struct Hash {
        std::size_t operator()(const Frame &f) const noexcept;
    };
    std::vector<Frame> frames_;
    std::unordered_map<Frame, FrameId, Hash> index_;
};

} // namespace perfwb::model
