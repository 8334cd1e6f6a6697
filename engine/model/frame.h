// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "stringtable.h"

#include <cstdint>
#include <string_view>

namespace perfwb::model {

using FrameId = std::uint32_t;

enum class FrameKind : std::uint8_t { Native = 0, Kernel = 1, Python = 2, Jit = 3 };

std::string_view frameKindName(FrameKind kind);
bool frameKindFromName(std::string_view name, FrameKind &kind);

// One code location. Two frames are the same frame only if every field matches;
// analysis merges frames by function + module.
struct Frame {
    StringId function = 0;
    StringId module = 0;
    StringId file = 0;
    std::uint32_t line = 0;
    bool inlined = false;
    FrameKind kind = FrameKind::Native;

    bool operator==(const Frame &) const = default;
};

} // namespace perfwb::model
