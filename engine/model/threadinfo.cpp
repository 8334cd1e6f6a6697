// SPDX-License-Identifier: GPL-3.0-or-later
#include "threadinfo.h"

#include <cmath>

namespace perfwb::model {

std::optional<std::uint64_t> missedSamples(const ThreadInfo &thread, double frequencyHz)
{
    if (thread.cpuNs < 0 || !(frequencyHz > 0))
        return std::nullopt;
    // A thread's time rarely ends on a period: one sample less is the rule, not a loss.
    const double expected = static_cast<double>(thread.cpuNs) * frequencyHz / 1e9 - 1.0;
    const double shortfall = expected - static_cast<double>(thread.samplesTaken);
    // Timer sampling is not exact per thread either: nothing lost, 8 busy threads on 2 CPUs
    // got 90 to 110 samples for 100 ms each at 999 Hz, and 1,000 threads of 5 ms got 2 to 7.
    if (shortfall <= 2.0 + 0.1 * expected)
        return 0;
    return static_cast<std::uint64_t>(std::floor(shortfall));
}

MissedSamples missedSamples(const std::vector<ThreadInfo> &threads, double frequencyHz)
{
    MissedSamples out;
    out.perThread.reserve(threads.size());
    for (const ThreadInfo &t : threads) {
        const auto missed = missedSamples(t, frequencyHz);
        out.perThread.push_back(missed);
        if (!missed)
            continue;
        ++out.counted;
        out.total += *missed;
        if (*missed > 0)
            ++out.threadsMissing;
    }
    return out;
}

} // namespace perfwb::model
