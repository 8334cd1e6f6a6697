// SPDX-License-Identifier: GPL-3.0-or-later
#include "procpoller.h"
#include "core/monotonicclock.h"

#include "perf/procscan.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <iterator>
#include <string_view>
#include <time.h>
#include <unistd.h>

namespace perfwb::record {

namespace {

model::Timeline &timeline(model::Profile &profile, std::string_view name, std::string_view unit)
{
    auto it = std::find_if(profile.timelines.begin(), profile.timelines.end(),
                           [&](const model::Timeline &tl) { return tl.name == name; });
    if (it == profile.timelines.end()) {
        profile.timelines.push_back({std::string(name), std::string(unit), {}});
        it = profile.timelines.end() - 1;
    }
    return *it;
}

} // namespace

ProcPoller::ProcPoller(pid_t root, std::int64_t pssPeriodNs)
    : root_(root)
    , pssPeriodNs_(pssPeriodNs)
    , pageSize_(::sysconf(_SC_PAGESIZE))
    , clockTicks_(::sysconf(_SC_CLK_TCK))
{
    tree_.emplace(root_, ProcState{});
}

void ProcPoller::discover()
{
    listing_.clear();
    if (DIR *dir = ::opendir("/proc")) {
        while (const dirent *e = ::readdir(dir)) {
            if (!std::isdigit(static_cast<unsigned char>(e->d_name[0])))
                continue;
            listing_.push_back(static_cast<pid_t>(std::strtol(e->d_name, nullptr, 10)));
        }
        ::closedir(dir);
    }
    std::sort(listing_.begin(), listing_.end());
    auto listed = [&](pid_t p) { return std::binary_search(listing_.begin(), listing_.end(), p); };
    // A pid that left /proc can be reused; forget it so it is classified afresh.
    std::erase_if(foreign_, [&](pid_t p) { return !listed(p); });
    std::erase_if(tree_, [&](const auto &entry) {
        if (listed(entry.first))
            return false;
        for (pid_t tid : entry.second.tasks) // a process gone with its threads: they ended too
            vanished_.emplace_back(entry.first, tid);
        return true;
    });

    std::unordered_map<pid_t, pid_t> fresh; // new pid -> ppid
    for (pid_t p : listing_) {
        if (tree_.count(p) != 0 || foreign_.count(p) != 0)
            continue;
        perf::procscan::StatFields f;
        if (perf::procscan::readStat(p, f))
            fresh.emplace(p, f.ppid);
    }
    // A new child of a new child: settle parents first, until nothing changes.
    bool changed = true;
    while (changed && !fresh.empty()) {
        changed = false;
        for (auto it = fresh.begin(); it != fresh.end();) {
            if (tree_.count(it->second) != 0) {
                tree_.emplace(it->first, ProcState{});
                it = fresh.erase(it);
                changed = true;
            } else if (fresh.count(it->second) == 0) {
                foreign_.insert(it->first);
                it = fresh.erase(it);
                changed = true;
            } else {
                ++it;
            }
        }
    }
}

bool ProcPoller::readProcess(pid_t pid, ProcState &state, Reading &r, std::int64_t &cpuDeltaNs)
{
    perf::procscan::StatFields f;
    // An exiting process has released its memory before it shows Z: RSS 0 (which no live
    // user process has) would draw a false drop to zero at the end of the timeline.
    if (!perf::procscan::readStat(pid, f) || f.state == 'Z' || f.state == 'X' || f.rssPages == 0)
        return false;
    r.rssBytes += static_cast<double>(f.rssPages) * static_cast<double>(pageSize_);
    r.threads += static_cast<double>(f.threads);
    // The process CPU clock counts every thread, dead ones too, in nanoseconds; the
    // tick counts of stat (10 ms) are too coarse for a 50 ms period.
    std::int64_t cpuNs = -1;
    clockid_t clock{};
    timespec ts{};
    if (::clock_getcpuclockid(pid, &clock) == 0 && ::clock_gettime(clock, &ts) == 0)
        cpuNs = static_cast<std::int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
    else
        cpuNs =
            static_cast<std::int64_t>((f.utime + f.stime) * 1'000'000'000ULL / static_cast<std::uint64_t>(clockTicks_));
    if (state.cpuNs >= 0)
        cpuDeltaNs += std::max<std::int64_t>(0, cpuNs - state.cpuNs);
    else if (!first_)
        cpuDeltaNs += cpuNs; // born since the last poll: all its time is new
    state.cpuNs = cpuNs;
    return true;
}

double ProcPoller::readPss(pid_t pid) const
{
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%d/smaps_rollup", static_cast<int>(pid));
    char buf[4096];
    const std::size_t n = perf::procscan::readSmall(path, buf, sizeof buf);
    const std::string_view text(buf, n);
    const auto at = text.find("\nPss:");
    if (at == std::string_view::npos)
        return 0;
    std::size_t pos = at + 5;
    while (pos < text.size() && text[pos] == ' ')
        ++pos;
    std::uint64_t kib = 0;
    std::from_chars(text.data() + pos, text.data() + text.size(), kib);
    return static_cast<double>(kib) * 1024.0;
}

ProcPoller::Reading ProcPoller::poll()
{
    Reading r;
    discover();
    // The time is taken next to the CPU clock reads, not before discover()'s /proc scan:
    // a poller preempted in between would divide a longer CPU window by a shorter one
    // (a single-threaded target read as 190 % busy).
    r.timeNs = monotonicNowNs();
    std::int64_t cpuDeltaNs = 0;
    for (auto &[pid, state] : tree_) {
        const bool alive = readProcess(pid, state, r, cpuDeltaNs);
        if (alive)
            ++r.processes;
        trackTasks(pid, state, alive, r);
    }
    r.listedNs = monotonicNowNs();
    if (!first_ && r.timeNs > lastPollNs_) {
        r.hasCpu = true;
        r.cpuPercent = 100.0 * static_cast<double>(cpuDeltaNs) / static_cast<double>(r.timeNs - lastPollNs_);
    }
    if (pssPeriodNs_ > 0 && r.processes > 0 && (lastPssNs_ < 0 || r.timeNs - lastPssNs_ >= pssPeriodNs_)) {
        double pss = 0;
        for (const auto &entry : tree_)
            pss += readPss(entry.first);
        r.pssBytes = pss;
        r.hasPss = true;
        lastPssNs_ = r.timeNs;
    }
    r.endedTasks.insert(r.endedTasks.end(), vanished_.begin(), vanished_.end());
    vanished_.clear();
    first_ = false;
    lastPollNs_ = r.timeNs;
    live_ = r.processes;
    return r;
}

void ProcPoller::trackTasks(pid_t pid, ProcState &state, bool alive, Reading &r)
{
    // threads() lists /proc/PID/task ascending: about 100 µs for 1,000 threads.
    std::vector<pid_t> now = alive ? perf::procscan::threads(pid) : std::vector<pid_t>();
    std::vector<pid_t> gone;
    std::set_difference(state.tasks.begin(), state.tasks.end(), now.begin(), now.end(), std::back_inserter(gone));
    for (pid_t tid : gone)
        r.endedTasks.emplace_back(pid, tid);
    if (alive)
        r.liveTasks.emplace_back(pid, now);
    state.tasks = std::move(now);
}

void ProcPoller::append(const Reading &reading, model::Profile &profile)
{
    namespace timelines = model::timelines;
    if (reading.processes == 0)
        return; // everything has exited: no point rather than a false zero
    // Looked up every time (a handful of names): the profile may have been handed
    // timelines by someone else in between.
    timeline(profile, timelines::kRss, timelines::kBytes).points.push_back({reading.timeNs, reading.rssBytes});
    model::Timeline &cpu = timeline(profile, timelines::kCpu, timelines::kPercent);
    if (reading.hasCpu)
        cpu.points.push_back({reading.timeNs, reading.cpuPercent});
    timeline(profile, timelines::kThreads, timelines::kCount).points.push_back({reading.timeNs, reading.threads});
    if (reading.hasPss)
        timeline(profile, timelines::kPss, timelines::kBytes).points.push_back({reading.timeNs, reading.pssBytes});
}

} // namespace perfwb::record
