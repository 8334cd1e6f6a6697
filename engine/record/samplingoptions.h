#pragma once
#include <cstdint>
#include <string>

namespace perfwb::record {

enum class CallGraph { Dwarf, FramePointer };

struct SamplingOptions {
    int frequencyHz = 999;
    CallGraph callGraph = CallGraph::Dwarf;
    std::uint32_t stackDumpBytes = 8192; // PERF_SAMPLE_STACK_USER size with --call-graph dwarf
    bool kernelFrames = true;            // falls back to user-only on EACCES
    std::uint32_t ringPages = 64;        // data pages per ring buffer (power of two)
};

} // namespace perfwb::record
