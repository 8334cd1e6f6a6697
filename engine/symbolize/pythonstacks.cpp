// SPDX-License-Identifier: GPL-3.0-or-later
#include "pythonstacks.h"

#include <algorithm>

namespace perfwb::symbolize {

void PythonStacks::watch(std::int32_t pid)
{
    std::lock_guard guard(lock_);
    requests_.emplace_back(pid, true);
}

void PythonStacks::forget(std::int32_t pid)
{
    std::lock_guard guard(lock_);
    requests_.emplace_back(pid, false);
    python_.erase(pid);
}

std::vector<std::pair<std::int32_t, bool>> PythonStacks::takeRequests()
{
    std::lock_guard guard(lock_);
    std::vector<std::pair<std::int32_t, bool>> out;
    out.swap(requests_);
    return out;
}

void PythonStacks::setPython(std::int32_t pid, bool python)
{
    std::lock_guard guard(lock_);
    if (python)
        python_.insert(pid);
    else
        python_.erase(pid);
}

bool PythonStacks::isPython(std::int32_t pid) const
{
    std::lock_guard guard(lock_);
    return python_.count(pid) != 0;
}

void PythonStacks::publish(std::int32_t pid, std::int64_t timeNs, std::vector<PythonThreadStack> &stacks)
{
    std::lock_guard guard(lock_);
    for (PythonThreadStack &s : stacks) {
        std::deque<Span> &spans = threads_[key(pid, s.tid)];
        if (!spans.empty() && spans.back().frames == s.frames) {
            spans.back().lastNs = timeNs;
            continue;
        }
        spans.push_back(Span{timeNs, timeNs, std::move(s.frames)});
    }
    if (timeNs - trimmedNs_ >= kRetentionNs / 4)
        trim(timeNs);
}

void PythonStacks::trim(std::int64_t nowNs)
{
    trimmedNs_ = nowNs;
    for (auto it = threads_.begin(); it != threads_.end();) {
        std::deque<Span> &spans = it->second;
        while (!spans.empty() && nowNs - spans.front().lastNs > kRetentionNs)
            spans.pop_front();
        it = spans.empty() ? threads_.erase(it) : std::next(it);
    }
}

bool PythonStacks::stackAt(std::int32_t pid, std::int32_t tid, std::int64_t timeNs, std::vector<PythonFrame> &out) const
{
    std::lock_guard guard(lock_);
    const auto it = threads_.find(key(pid, tid));
    if (it == threads_.end() || it->second.empty())
        return false;
    const std::deque<Span> &spans = it->second;
    // The first span that ends at or after the sample, and the one before it: the
    // nearer of the two, if near enough.
    const auto after = std::lower_bound(spans.begin(), spans.end(), timeNs,
                                        [](const Span &s, std::int64_t t) { return s.lastNs < t; });
    const Span *best = nullptr;
    std::int64_t bestDistance = toleranceNs_ + 1;
    auto consider = [&](const Span &s) {
        const std::int64_t d = timeNs < s.firstNs ? s.firstNs - timeNs : std::max<std::int64_t>(0, timeNs - s.lastNs);
        if (d < bestDistance) {
            bestDistance = d;
            best = &s;
        }
    };
    if (after != spans.end())
        consider(*after);
    if (after != spans.begin())
        consider(*std::prev(after));
    if (best == nullptr)
        return false;
    out = best->frames;
    return true;
}

} // namespace perfwb::symbolize
