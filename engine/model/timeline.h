// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace perfwb::model {

struct TimePoint {
    std::int64_t timeNs = 0;
    double value = 0;
};

// The series perfwb makes (the /proc poller, the allocation tracker) and reads from other
// tools' files (heaptrack, Scalene), by name, and their units. Other names read from a
// report are kept as they are.
namespace timelines {
inline constexpr std::string_view kRss = "rss";         // resident set, bytes
inline constexpr std::string_view kPss = "pss";         // proportional set, bytes
inline constexpr std::string_view kCpu = "cpu";         // CPU use, percent of one CPU
inline constexpr std::string_view kThreads = "threads"; // live threads, count
inline constexpr std::string_view kHeap = "heap";       // heap in use, bytes
inline constexpr std::string_view kBytes = "bytes";
inline constexpr std::string_view kPercent = "percent";
inline constexpr std::string_view kCount = "count";
} // namespace timelines

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
