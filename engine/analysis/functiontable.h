// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "model/profile.h"

#include <cstdint>
#include <vector>

namespace perfwb::analysis {

using FunctionId = std::uint32_t;

// Frames merged by function name + module: what the views and the diff call "a function"
// (never an address, so ASLR and rebuilt binaries still match).
class FunctionTable {
public:
    struct Function {
        model::StringId name = 0;
        model::StringId module = 0;
        model::StringId file = 0; // of the first frame seen
        std::uint32_t line = 0;
        model::FrameKind kind = model::FrameKind::Native;
        bool inlined = false; // some frame of it was inlined
    };

    explicit FunctionTable(const model::Profile &profile);
    FunctionId functionOf(model::FrameId frame) const { return frameToFunction_[frame]; }
    FunctionId functionOfStack(model::StackId stack) const;
    const Function &at(FunctionId id) const { return functions_[id]; }
    std::size_t size() const { return functions_.size(); }
    const model::Profile &profile() const { return *profile_; }
    std::string_view name(FunctionId id) const { return profile_->strings.view(functions_[id].name); }
    std::string_view module(FunctionId id) const { return profile_->strings.view(functions_[id].module); }

private:
    const model::Profile *profile_;
    std::vector<FunctionId> frameToFunction_;
    std::vector<Function> functions_;
};

} // namespace perfwb::analysis
