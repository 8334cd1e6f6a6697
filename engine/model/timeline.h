// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace perfwb::model {

struct TimePoint {
    std::int64_t timeNs = 0;
    double value = 0;
};

// A named series on the profile clock: RSS, CPU %, heap in use, thread count.
struct Timeline {
    std::string name;
    std::string unit;
    std::vector<TimePoint> points;
};

// The category of the marks a recording adds when the recorded process tree goes over a
// budget limit ("over max_mem_mb: 812 MB > 800 MB"); info, the Summary and exports list them.
inline constexpr const char *kBudgetMarkCategory = "budget";

// An instant (endNs == startNs) or a span, on the profile clock.
struct Mark {
    std::string name;
    std::string category;
    std::int64_t startNs = 0;
    std::int64_t endNs = 0;
    std::int32_t tid = 0;
};

} // namespace perfwb::model
