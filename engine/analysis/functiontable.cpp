// SPDX-License-Identifier: GPL-3.0-or-later
#include "functiontable.h"

#include <unordered_map>

namespace perfwb::analysis {

FunctionTable::FunctionTable(const model::Profile &profile)
    : profile_(&profile)
{
    std::unordered_map<std::uint64_t, FunctionId> index;
    frameToFunction_.reserve(profile.frames.size());
    for (const auto &frame : profile.frames.all()) {
        const std::uint64_t key = (static_cast<std::uint64_t>(frame.function) << 32U) | frame.module;
        auto [it, added] = index.try_emplace(key, static_cast<FunctionId>(functions_.size()));
        if (added)
            functions_.push_back({frame.function, frame.module, frame.file, frame.line, frame.kind, frame.inlined});
        else if (frame.inlined)
            functions_[it->second].inlined = true;
        frameToFunction_.push_back(it->second);
    }
}

FunctionId FunctionTable::functionOfStack(model::StackId stack) const
{
    return frameToFunction_[profile_->stacks.node(stack).frame];
}

} // namespace perfwb::analysis
