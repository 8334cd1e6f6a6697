// SPDX-License-Identifier: GPL-3.0-or-later
#include "pythonsampler.h"

#include "core/monotonicclock.h"
#include "symbolize/pythonimage.h"

#include <algorithm>
#include <ctime>
#include <spdlog/spdlog.h>

namespace perfwb::record {

PythonSampler::PythonSampler(symbolize::PythonStacks &stacks, int frequencyHz)
    : stacks_(stacks)
    , periodNs_(1'000'000'000 / std::max(1, frequencyHz))
{}

PythonSampler::~PythonSampler()
{
    stop();
}

void PythonSampler::start()
{
    thread_ = std::thread(&PythonSampler::run, this);
}

void PythonSampler::stop()
{
    stop_ = true;
    if (thread_.joinable())
        thread_.join();
}

std::string PythonSampler::summary() const
{
    std::lock_guard guard(noteLock_);
    std::string out;
    for (const auto &[version, count] : versions_)
        out += (out.empty() ? "" : ", ") + version + " (" + std::to_string(count) +
               (count == 1 ? " process)" : " processes)");
    if (!lastError_.empty())
        out += (out.empty() ? "not read: " : "; not read: ") + lastError_;
    return out;
}

void PythonSampler::run()
{
    std::int64_t next = monotonicNowNs();
    while (!stop_.load()) {
        const std::int64_t now = monotonicNowNs();
        openWatched(now);
        readAll(now);
        // A fixed grid, not "period after the last read": reads stay at the frequency
        // however long one takes; a late turn skips ahead instead of bunching up.
        next = std::max(next + periodNs_, monotonicNowNs());
        const timespec until{static_cast<time_t>(next / 1'000'000'000), static_cast<long>(next % 1'000'000'000)};
        ::clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &until, nullptr);
    }
}

void PythonSampler::openWatched(std::int64_t nowNs)
{
    for (const auto &[pid, watch] : stacks_.takeRequests()) {
        // An exec or a new mapping: whatever was read of this pid before is stale.
        processes_.erase(pid);
        stacks_.setPython(pid, false);
        if (watch)
            pending_[pid] = Pending{nowNs, nowNs};
        else
            pending_.erase(pid);
    }
    for (auto it = pending_.begin(); it != pending_.end();) {
        if (nowNs < it->second.nextNs) {
            ++it;
            continue;
        }
        auto opened = symbolize::PythonProcess::open(it->first);
        if (opened) {
            std::lock_guard guard(noteLock_);
            ++versions_[opened.value()->version()];
            stacks_.setPython(it->first, true);
            processes_[it->first] = std::move(opened.value());
            it = pending_.erase(it);
            continue;
        }
        if (nowNs - it->second.sinceNs >= kRetryForNs) {
            spdlog::debug("no Python frames for {}: {}", it->first, opened.message());
            std::lock_guard guard(noteLock_);
            if (!opened.message().starts_with(symbolize::PythonImage::kNoPython))
                lastError_ = opened.message();
            it = pending_.erase(it);
            continue;
        }
        it->second.nextNs = nowNs + kRetryNs;
        ++it;
    }
}

void PythonSampler::readAll(std::int64_t nowNs)
{
    std::vector<symbolize::PythonThreadStack> stacks;
    for (auto it = processes_.begin(); it != processes_.end();) {
        if (!it->second->readStacks(stacks)) {
            stacks_.setPython(it->first, false);
            it = processes_.erase(it); // ended
            continue;
        }
        stacks_.publish(it->first, nowNs, stacks);
        ++it;
    }
}

} // namespace perfwb::record
