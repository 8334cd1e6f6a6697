// SPDX-License-Identifier: GPL-3.0-or-later
#include "samplebuilder.h"
#include "core/monotonicclock.h"

#include "procscan.h"

#include "symbolize/pythonimage.h"
#include "symbolize/pythonstacks.h"
#include "symbolize/symbolizer.h"

#include <algorithm>
#include <linux/perf_event.h>

namespace perfwb::perf {

namespace {

// Address space of an exited process is kept this long after its EXIT record: with one
// ring buffer per CPU, its last samples may be delivered after the EXIT record.
constexpr std::int64_t kExitGraceNs = 1'000'000'000;

bool isContextMarker(std::uint64_t ip)
{
    return ip >= static_cast<std::uint64_t>(PERF_CONTEXT_MAX);
}

} // namespace

SampleBuilder::SampleBuilder(model::Profile &profile, std::mutex &lock, symbolize::Symbolizer &symbolizer,
                             CallGraph callGraph)
    : profile_(profile)
    , lock_(lock)
    , symbolizer_(symbolizer)
    , callGraph_(callGraph)
{}

std::size_t SampleBuilder::process(std::int32_t pid, std::int32_t parentPid, std::int64_t timeNs)
{
    if (auto it = processes_.find(pid); it != processes_.end())
        return it->second;
    model::ProcessInfo info;
    info.pid = pid;
    info.parentPid = parentPid;
    info.startNs = timeNs;
    // A new process carries its parent's name until it execs.
    if (auto parent = processes_.find(parentPid); parentPid != 0 && parent != processes_.end())
        info.name = profile_.processes[parent->second].name;
    const std::size_t index = profile_.processes.size();
    profile_.processes.push_back(info);
    processes_.emplace(pid, index);
    return index;
}

SampleBuilder::ThreadState &SampleBuilder::thread(std::int32_t pid, std::int32_t tid)
{
    auto [it, added] = threads_.try_emplace(key(pid, tid));
    if (!added)
        return it->second;
    // A thread seen first in a sample (its COMM came before we looked, or was lost):
    // its name from /proc, once.
    ThreadState &t = it->second;
    if (namesFromProc_)
        t.name = procscan::threadName(pid, tid);
    else
        t.name = tid == 0 ? std::string("swapper") : ":" + std::to_string(tid);
    t.index = profile_.internThread(pid, tid, t.name);
    // Its start is unknown: it was running before we saw it (attach mode) or its FORK
    // record was lost.
    process(pid, 0, model::kUnknownTime);
    return t;
}

void SampleBuilder::setFilterAllocationTracker(bool on)
{
    trackerFilter_ = on ? std::make_unique<TrackerFrameFilter>(profile_) : nullptr;
}

void SampleBuilder::setPythonStacks(symbolize::PythonStacks *stacks)
{
    python_ = stacks;
    pythonMerger_ = stacks != nullptr ? std::make_unique<symbolize::PythonFrameMerger>(profile_) : nullptr;
}

void SampleBuilder::rename(std::int32_t pid, std::int32_t tid, const std::string &name)
{
    ThreadState &t = threads_[key(pid, tid)];
    t.name = name;
    t.index = profile_.internThread(pid, tid, name);
}

void SampleBuilder::splitCallchain(const std::vector<std::uint64_t> &callchain)
{
    // The kernel's callchain has context markers: kernel part, user part.
    kernelIps_.clear();
    userIps_.clear();
    std::vector<std::uint64_t> *part = nullptr;
    for (std::uint64_t ip : callchain) {
        if (isContextMarker(ip)) {
            if (ip == static_cast<std::uint64_t>(PERF_CONTEXT_KERNEL))
                part = &kernelIps_;
            else if (ip == static_cast<std::uint64_t>(PERF_CONTEXT_USER))
                part = &userIps_;
            else
                part = nullptr; // hypervisor or guest frames: not ours to show
            continue;
        }
        if (part != nullptr)
            part->push_back(ip);
    }
}

void SampleBuilder::onSample(const RawSample &sample)
{
    ++samples_;
    periodTotal_ += sample.period;

    splitCallchain(sample.callchain);

    // DWARF unwinding reads only the sample and the symbolizer's address spaces: no lock.
    const std::vector<std::uint64_t> *user = &userIps_;
    if (callGraph_ == CallGraph::Dwarf && !sample.userRegs.empty()) {
        unwound_.clear();
        symbolizer_.unwind(sample.pid, sample.userRegsMask, sample.userRegs, sample.userStack, unwound_);
        if (unwound_.size() > 1 || unwound_.size() >= userIps_.size())
            user = &unwound_;
        else
            ++unwindFallbacks_;
    }

    std::lock_guard guard(lock_);
    retireExited(sample.timeNs, 0);
    ThreadState &t = thread(sample.pid, sample.tid);
    t.lastSampleNs = std::max(t.lastSampleNs, sample.timeNs);
    ++profile_.thread(t.index).samplesTaken; // before any filter: against its CPU time
    resolveStack(sample, *user);
    if (refreshMaps_ && hasUnmappedUserFrame(kernelFrames_)) {
        const std::int64_t now = monotonicNowNs();
        auto [it, first] = mapsLoadedNs_.try_emplace(sample.pid, now);
        if (first || now - it->second >= 100'000'000) {
            it->second = now;
            if (symbolizer_.loadProcessMaps(sample.pid))
                resolveStack(sample, *user);
        }
    }
    if (python_ != nullptr && python_->stackAt(sample.pid, sample.tid, sample.timeNs, pythonFrames_)) {
        pythonMerger_->merge(pythonFrames_, leafFirst_, kernelFrames_);
        ++pythonSamples_;
    }
    if (trackerFilter_ && !trackerFilter_->apply(leafFirst_))
        return;
    std::reverse(leafFirst_.begin(), leafFirst_.end());
    const model::StackId stack = profile_.stacks.internPath(leafFirst_);
    profile_.addSample(sample.timeNs, t.index, stack, 1, sample.event);
}

void SampleBuilder::resolveStack(const RawSample &sample, const std::vector<std::uint64_t> &user)
{
    leafFirst_.clear();
    for (std::size_t i = 0; i < kernelIps_.size(); ++i)
        symbolizer_.resolve(sample.pid, kernelIps_[i], i > 0, true, profile_, leafFirst_);
    kernelFrames_ = leafFirst_.size();
    // The user leaf is where the thread was interrupted (or entered the kernel), not a
    // return address, even below kernel frames.
    for (std::size_t i = 0; i < user.size(); ++i)
        symbolizer_.resolve(sample.pid, user[i], i > 0, false, profile_, leafFirst_);
}

bool SampleBuilder::hasUnmappedUserFrame(std::size_t from) const
{
    // The symbolizer names addresses outside every mapping "[unknown]+0x..." in module "[unknown]".
    for (std::size_t i = from; i < leafFirst_.size(); ++i) {
        if (profile_.strings.view(profile_.frames.at(leafFirst_[i]).module) == "[unknown]")
            return true;
    }
    return false;
}

void SampleBuilder::onMmap(const MmapEvent &event)
{
    if (!event.executable)
        return;
    if (python_ != nullptr && symbolize::pythonMinorFromName(event.filename) != 0)
        python_->watch(event.pid);
    // The address space is the symbolizer's; the profile is untouched, but exits are
    // retired in time order with the rest.
    symbolizer_.addMapping(event.pid, event.start, event.length, event.pgoff, event.filename);
}

void SampleBuilder::onComm(const CommEvent &event)
{
    if (event.exec)
        symbolizer_.execProcess(event.pid);
    if (event.exec && python_ != nullptr)
        python_->forget(event.pid); // a Python program's mappings come after this
    std::lock_guard guard(lock_);
    if (auto it = processes_.find(event.pid); event.exec && it != processes_.end()) {
        // A new program in the same process: the old entry ends here and a new one,
        // with the new name, starts, so the report shows both programs.
        const model::ProcessInfo old = profile_.processes[it->second];
        profile_.processes[it->second].endNs = event.timeNs;
        processes_.erase(it);
        process(event.pid, old.parentPid, event.timeNs);
    }
    const std::size_t p = process(event.pid, 0, event.exec ? event.timeNs : model::kUnknownTime);
    rename(event.pid, event.tid, event.comm);
    // A launched program starts at its exec (attach mode: the COMMs come from /proc, no start).
    model::ThreadInfo &info = profile_.thread(threads_[key(event.pid, event.tid)].index);
    if (event.exec && info.startNs == model::kUnknownTime)
        info.startNs = event.timeNs;
    // The process is named after its main thread, as ps and perf do.
    if (event.exec || event.pid == event.tid)
        profile_.processes[p].name = profile_.strings.intern(event.comm);
}

void SampleBuilder::onTask(const TaskEvent &event)
{
    std::lock_guard guard(lock_);
    retireExited(event.timeNs, event.kind == TaskEvent::Kind::Fork ? event.pid : 0);
    if (event.kind == TaskEvent::Kind::Fork) {
        const bool newProcess = event.pid != event.ppid;
        if (newProcess) {
            symbolizer_.forkProcess(event.ppid, event.pid);
            if (python_ != nullptr && python_->isPython(event.ppid))
                python_->watch(event.pid); // a copy of its parent's interpreter
            process(event.pid, event.ppid, event.timeNs);
        }
        // A new task starts with the name of the task that created it.
        std::string name;
        if (auto parent = threads_.find(key(event.ppid, event.ptid)); parent != threads_.end())
            name = parent->second.name;
        ThreadState &t = threads_[key(event.pid, event.tid)];
        t.name = name;
        t.index = profile_.internThread(event.pid, event.tid, name);
        model::ThreadInfo &info = profile_.thread(t.index);
        info.startNs = event.timeNs;
        info.endNs = model::kUnknownTime; // a recycled tid
        return;
    }
    auto it = threads_.find(key(event.pid, event.tid));
    if (it != threads_.end())
        profile_.thread(it->second.index).endNs = event.timeNs;
    if (event.pid == event.tid) {
        if (auto p = processes_.find(event.pid); p != processes_.end())
            profile_.processes[p->second].endNs = event.timeNs;
        exited_.emplace_back(event.pid, event.timeNs);
    }
}

void SampleBuilder::onTasksGone(const std::vector<std::pair<std::int32_t, std::int32_t>> &tasks, std::int64_t timeNs)
{
    std::lock_guard guard(lock_);
    for (const auto &[pid, tid] : tasks) {
        const auto it = threads_.find(key(pid, tid));
        if (it == threads_.end())
            continue; // never sampled nor announced: not in the profile
        model::ThreadInfo &info = profile_.thread(it->second.index);
        if (info.endNs == model::kUnknownTime) {
            info.endNs = timeNs;
            ++endsFromPoller_;
        }
    }
}

void SampleBuilder::onTasksListed(const std::vector<std::pair<std::int32_t, std::vector<std::int32_t>>> &live,
                                  std::int64_t listedNs)
{
    std::unordered_map<std::int32_t, const std::vector<std::int32_t> *> listing;
    for (const auto &[pid, tids] : live)
        listing.emplace(pid, &tids);
    std::lock_guard guard(lock_);
    for (const auto &[k, state] : threads_) {
        const auto pid = static_cast<std::int32_t>(k >> 32);
        const auto tid = static_cast<std::int32_t>(static_cast<std::uint32_t>(k));
        const auto it = listing.find(pid);
        if (it == listing.end() || std::binary_search(it->second->begin(), it->second->end(), tid))
            continue;
        model::ThreadInfo &info = profile_.thread(state.index);
        // Started after the listing (its record came first), or sampled after it: alive.
        if (info.endNs != model::kUnknownTime || (info.startNs != model::kUnknownTime && info.startNs >= listedNs) ||
            (state.lastSampleNs != model::kUnknownTime && state.lastSampleNs >= listedNs))
            continue;
        info.endNs = listedNs;
        ++endsFromPoller_;
    }
}

void SampleBuilder::onLost(std::uint64_t count)
{
    lost_ += count;
    std::lock_guard guard(lock_);
    profile_.meta.lostSamples += count;
}

void SampleBuilder::retireExited(std::int64_t nowNs, std::int32_t reusedPid)
{
    if (exited_.empty())
        return;
    std::erase_if(exited_, [&](const auto &e) {
        if (e.first != reusedPid && nowNs - e.second < kExitGraceNs)
            return false;
        symbolizer_.exitProcess(e.first);
        // A recycled pid is a new process: the next event for it starts a new entry.
        processes_.erase(e.first);
        std::erase_if(threads_, [&](const auto &t) { return static_cast<std::int32_t>(t.first >> 32) == e.first; });
        return true;
    });
}

} // namespace perfwb::perf
