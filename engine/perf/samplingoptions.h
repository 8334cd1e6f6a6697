// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <cstdint>
#include <string>

namespace perfwb::perf {

enum class CallGraph { Dwarf, FramePointer };

struct SamplingOptions {
    int frequencyHz = 999;
    CallGraph callGraph = CallGraph::Dwarf;
    std::uint32_t stackDumpBytes = 8192; // PERF_SAMPLE_STACK_USER size with --call-graph dwarf
    bool kernelFrames = true;            // falls back to user-only on EACCES
    std::uint32_t ringPages = 128;       // data pages per ring buffer (power of two; perf uses 128 too)
};

} // namespace perfwb::perf
