// SPDX-License-Identifier: GPL-3.0-or-later
#include "profile.h"

#include <algorithm>
#include <limits>

namespace perfwb::model {

FrameId Profile::internFrame(std::string_view function, std::string_view module, std::string_view file,
                             std::uint32_t line, FrameKind kind, bool inlined)
{
    Frame f;
    f.function = strings.intern(function);
    f.module = strings.intern(module);
    f.file = strings.intern(file);
    f.line = line;
    f.kind = kind;
    f.inlined = inlined;
    return frames.intern(f);
}

ThreadIndex Profile::internThread(std::int32_t pid, std::int32_t tid, std::string_view name)
{
    const auto key = std::make_pair(pid, tid);
    if (auto it = threadIndex_.find(key); it != threadIndex_.end()) {
        if (!name.empty())
            threads_[it->second].name = strings.intern(name);
        return it->second;
    }
    const auto index = static_cast<ThreadIndex>(threads_.size());
    ThreadInfo info;
    info.pid = pid;
    info.tid = tid;
    info.name = strings.intern(name);
    threads_.push_back(info);
    threadIndex_.emplace(key, index);
    return index;
}

std::uint64_t Profile::totalWeight() const
{
    std::uint64_t total = 0;
    for (std::size_t i = 0; i < samples.size(); ++i)
        total += samples.weight(i);
    return total;
}

std::uint64_t Profile::sampleCount() const
{
    if (samples.hasUniformWeights() || meta.weightUnit != WeightKind::Samples)
        return samples.size();
    return totalWeight();
}

std::int64_t Profile::firstSampleTime() const
{
    std::int64_t t = std::numeric_limits<std::int64_t>::max();
    for (std::size_t i = 0; i < samples.size(); ++i)
        t = std::min(t, samples.time(i));
    return samples.empty() ? 0 : t;
}

std::int64_t Profile::lastSampleTime() const
{
    std::int64_t t = std::numeric_limits<std::int64_t>::min();
    for (std::size_t i = 0; i < samples.size(); ++i)
        t = std::max(t, samples.time(i));
    return samples.empty() ? 0 : t;
}

std::int64_t Profile::durationOrSampleSpanNs() const
{
    if (meta.durationNs > 0)
        return meta.durationNs;
    return samples.empty() ? 0 : std::max<std::int64_t>(lastSampleTime() - firstSampleTime(), 0);
}

} // namespace perfwb::model
