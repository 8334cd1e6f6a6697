// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "stringtable.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace perfwb::model {

constexpr std::int64_t kUnknownTime = -1;

struct ThreadInfo {
    std::int32_t pid = 0;
    std::int32_t tid = 0;
    StringId name = 0;
    std::int64_t startNs = kUnknownTime;
    std::int64_t endNs = kUnknownTime;
    // The thread's time on a CPU (the kernel's sum_exec_runtime), -1 when unknown, and the
    // samples taken of it before any filter: at the sampling frequency, what it missed.
    std::int64_t cpuNs = -1;
    std::uint64_t samplesTaken = 0;
};

// Samples the thread should have had by its CPU time at `frequencyHz` but has not (lost in
// a full ring or dropped on the way); 0 within timer sampling's own jitter (2 samples and
// a tenth of the expected ones). Empty when its CPU time or the frequency is unknown.
std::optional<std::uint64_t> missedSamples(const ThreadInfo &thread, double frequencyHz);

// missedSamples() for every thread.
struct MissedSamples {
    std::vector<std::optional<std::uint64_t>> perThread; // by thread index; empty: unknown
    std::uint64_t total = 0;
    std::size_t counted = 0;        // threads with a known CPU time
    std::size_t threadsMissing = 0; // of those, the ones that missed a sample or more
};
MissedSamples missedSamples(const std::vector<ThreadInfo> &threads, double frequencyHz);

struct ProcessInfo {
    std::int32_t pid = 0;
    std::int32_t parentPid = 0;
    StringId name = 0;
    std::int64_t startNs = kUnknownTime;
    std::int64_t endNs = kUnknownTime;
};

} // namespace perfwb::model
