// SPDX-License-Identifier: GPL-3.0-or-later
#include "traceslices.h"

#include <algorithm>
#include <limits>

namespace perfwb::formats {

void addSliceSamples(std::vector<TraceSlice> &slices, model::Profile &out, model::ThreadIndex thread)
{
    const auto tieOrder = [](const TraceSlice &s) {
        return s.complete ? -static_cast<std::int64_t>(s.seq) - 1 : static_cast<std::int64_t>(s.seq) + 1;
    };
    std::sort(slices.begin(), slices.end(), [&](const TraceSlice &a, const TraceSlice &b) {
        if (a.startNs != b.startNs)
            return a.startNs < b.startNs;
        if (a.endNs != b.endNs)
            return a.endNs > b.endNs;
        return tieOrder(a) < tieOrder(b);
    });

    struct Open {
        std::int64_t endNs;
        model::StackId stack;
    };
    std::vector<Open> open;
    std::int64_t cursor = 0;
    const auto emit = [&](std::int64_t until, model::StackId stack) {
        if (until > cursor)
            out.addSample(cursor, thread, stack, static_cast<std::uint64_t>(until - cursor));
        cursor = std::max(cursor, until);
    };
    const auto closeUntil = [&](std::int64_t t) {
        while (!open.empty() && open.back().endNs <= t) {
            emit(open.back().endNs, open.back().stack);
            open.pop_back();
        }
    };
    for (const TraceSlice &s : slices) {
        closeUntil(s.startNs);
        if (!open.empty())
            emit(s.startNs, open.back().stack);
        cursor = s.startNs;
        const model::StackId parent = open.empty() ? model::kEmptyStack : open.back().stack;
        const std::int64_t end = open.empty() ? s.endNs : std::min(s.endNs, open.back().endNs);
        open.push_back({std::max(end, s.startNs), out.stacks.intern(parent, s.frame)});
    }
    closeUntil(std::numeric_limits<std::int64_t>::max());
}

} // namespace perfwb::formats
