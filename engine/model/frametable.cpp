// SPDX-License-Identifier: GPL-3.0-or-later
#include "frametable.h"

namespace perfwb::model {

std::string_view frameKindName(FrameKind kind)
{
    switch (kind) {
    case FrameKind::Native:
        return "native";
    case FrameKind::Kernel:
        return "kernel";
    case FrameKind::Python:
        return "python";
    case FrameKind::Jit:
        return "jit";
    }
    return "native";
}

bool frameKindFromName(std::string_view name, FrameKind &kind)
{
    for (auto k : {FrameKind::Native, FrameKind::Kernel, FrameKind::Python, FrameKind::Jit}) {
        if (frameKindName(k) == name) {
            kind = k;
            return true;
        }
    }
    return false;
}

std::size_t FrameTable::Hash::operator()(const Frame &f) const noexcept
{
    std::uint64_t h = f.function;
    h = h * 0x9E3779B97F4A7C15ULL + f.module;
    h = h * 0x9E3779B97F4A7C15ULL + f.file;
    h = h * 0x9E3779B97F4A7C15ULL + f.line;
    h = h * 0x9E3779B97F4A7C15ULL + (static_cast<unsigned>(f.kind) << 1U) + (f.inlined ? 1U : 0U);
    return static_cast<std::size_t>(h ^ (h >> 29U));
}

FrameId FrameTable::intern(const Frame &frame)
{
    if (auto it = index_.find(frame); it != index_.end())
        return it->second;
    const auto id = static_cast<FrameId>(frames_.size());
    frames_.push_back(frame);
    index_.emplace(frame, id);
    return id;
}

} // namespace perfwb::model
