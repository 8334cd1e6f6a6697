// SPDX-License-Identifier: GPL-3.0-or-later
#include "stackweights.h"

namespace perfwb::analysis {

StackWeights StackWeights::compute(const model::Profile &profile, const SampleFilter &filter)
{
    StackWeights w;
    w.self.assign(profile.stacks.size(), 0);
    const auto &s = profile.samples;
    const bool all = filter.isEmpty();
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (!all && !filter.accepts(s, i))
            continue;
        w.self[s.stack(i)] += s.weight(i);
        w.total += s.weight(i);
        ++w.sampleCount;
    }
    return w;
}

} // namespace perfwb::analysis
