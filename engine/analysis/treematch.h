// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "calltree.h"

#include <string_view>

namespace perfwb::analysis {

// Finding "the same place" in another call tree — another run, or the same run after a
// new snapshot or filter. Functions are matched by name + module (never by id or
// address: each tree has its own function table).
class TreeMatch {
public:
    // The node of `to` on the longest prefix of `fromNode`'s root path that `to` has
    // (0 = the root).
    static std::uint32_t samePath(const CallTree &from, const FunctionTable &fromFunctions, std::uint32_t fromNode,
                                  const CallTree &to, const FunctionTable &toFunctions);
    // The function with this name + module, or kNoFunction.
    static FunctionId findFunction(const FunctionTable &functions, std::string_view name, std::string_view module);
};

} // namespace perfwb::analysis
