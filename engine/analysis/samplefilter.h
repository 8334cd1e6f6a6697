// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "model/profile.h"

#include <cstdint>
#include <limits>
#include <vector>

namespace perfwb::analysis {

// Restricts every view to a time range [beginNs, endNs) and a set of threads.
struct SampleFilter {
    std::int64_t beginNs = std::numeric_limits<std::int64_t>::min();
    std::int64_t endNs = std::numeric_limits<std::int64_t>::max();
    std::vector<bool> threads; // indexed by ThreadIndex; empty means every thread

    bool acceptsThread(model::ThreadIndex t) const { return threads.empty() || (t < threads.size() && threads[t]); }
    bool accepts(const model::SampleTable &s, std::size_t i) const
    {
        const auto t = s.time(i);
        return t >= beginNs && t < endNs && acceptsThread(s.thread(i));
    }
    bool isEmpty() const
    {
        return threads.empty() && beginNs == std::numeric_limits<std::int64_t>::min() &&
               endNs == std::numeric_limits<std::int64_t>::max();
    }
};

} // namespace perfwb::analysis
