// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <array>
#include <string_view>

namespace perfwb::ci {

// The figures measured per run. Gated metrics get a verdict against the baseline; the
// others are shown for context (a sample count follows the wall time, lost samples say
// whether the profile can be trusted).
struct CiMetric {
    std::string_view key;   // in JSON and in "thresholds"
    std::string_view label; // for people
    std::string_view unit;  // "ns", "bytes", "percent", "count"
    bool gated;
};

inline constexpr std::array<CiMetric, 6> kCiMetrics{{
    {"wall_time", "wall time", "ns", true},
    {"cpu_time", "CPU time", "ns", true},
    {"peak_rss", "peak RSS", "bytes", true},
    {"cpu_percent", "CPU %", "percent", false},
    {"samples", "samples", "count", false},
    {"lost_samples", "lost samples", "count", false},
}};

inline const CiMetric *findCiMetric(std::string_view key)
{
    for (const auto &m : kCiMetrics) {
        if (m.key == key)
            return &m;
    }
    return nullptr;
}

} // namespace perfwb::ci
