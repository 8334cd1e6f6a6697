// SPDX-License-Identifier: GPL-3.0-or-later
#include "treematch.h"

namespace perfwb::analysis {

FunctionId TreeMatch::findFunction(const FunctionTable &functions, std::string_view name, std::string_view module)
{
    for (FunctionId f = 0; f < functions.size(); ++f)
        if (functions.name(f) == name && functions.module(f) == module)
            return f;
    return kNoFunction;
}

std::uint32_t TreeMatch::samePath(const CallTree &from, const FunctionTable &fromFunctions, std::uint32_t fromNode,
                                  const CallTree &to, const FunctionTable &toFunctions)
{
    std::uint32_t at = 0;
    for (const auto id : from.pathTo(fromNode)) {
        const auto f = from.node(id).function;
        const auto name = fromFunctions.name(f);
        const auto module = fromFunctions.module(f);
        std::uint32_t found = 0;
        for (const auto c : to.node(at).children) {
            const auto g = to.node(c).function;
            if (toFunctions.name(g) == name && toFunctions.module(g) == module) {
                found = c;
                break;
            }
        }
        if (found == 0)
            break;
        at = found;
    }
    return at;
}

} // namespace perfwb::analysis
