// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// CLOCK_MONOTONIC in nanoseconds: the clock perf_event samples are stamped with, so times
// the recorder takes itself line up with the kernel's.
#include <cstdint>
#include <ctime>

namespace perfwb {

inline std::int64_t monotonicNowNs()
{
    timespec ts{};
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<std::int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

} // namespace perfwb
