// SPDX-License-Identifier: GPL-3.0-or-later
#include "profiletimerange.h"

#include <algorithm>
#include <limits>

namespace perfwb::ui {

ProfileTimeRange ProfileTimeRange::of(const model::Profile &profile)
{
    std::int64_t lo = std::numeric_limits<std::int64_t>::max();
    std::int64_t hi = std::numeric_limits<std::int64_t>::min();
    auto add = [&](std::int64_t t) {
        if (t == model::kUnknownTime)
            return;
        lo = std::min(lo, t);
        hi = std::max(hi, t);
    };
    // Samples are usually in time order, but imports need not be: scan them all.
    for (std::size_t i = 0; i < profile.samples.size(); ++i)
        add(profile.samples.time(i));
    for (const auto &timeline : profile.timelines)
        for (const auto &point : timeline.points)
            add(point.timeNs);
    for (const auto &mark : profile.marks) {
        add(mark.startNs);
        add(std::max(mark.startNs, mark.endNs));
    }
    for (const auto &thread : profile.threads()) {
        add(thread.startNs);
        add(thread.endNs);
    }
    if (lo > hi)
        return {};
    // A single instant still gets a visible width.
    if (hi == lo)
        hi = lo + 1'000'000;
    return {lo, hi};
}

} // namespace perfwb::ui
