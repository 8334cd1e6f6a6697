// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "functiontable.h"
#include "stackweights.h"

#include <vector>

namespace perfwb::analysis {

// Who calls one function and whom it calls, weighted by the samples in which
// that edge appears (each stack counts once per neighbour, recursion included).
struct CallerCallee {
    struct Edge {
        FunctionId function = 0;
        std::uint64_t weight = 0;
    };
    FunctionId function = 0;
    std::uint64_t self = 0;
    std::uint64_t total = 0;
    std::vector<Edge> callers; // heaviest first
    std::vector<Edge> callees; // heaviest first

    static CallerCallee compute(const FunctionTable &functions, const StackWeights &weights, FunctionId function);
};

} // namespace perfwb::analysis
