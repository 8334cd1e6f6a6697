// SPDX-License-Identifier: GPL-3.0-or-later
#include "perfeventbackend.h"

#include "perf/procscan.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <unistd.h>

namespace perfwb::record {

namespace {

std::int64_t monotonicNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return std::int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

constexpr std::int64_t kRescanIntervalNs = 100LL * 1000 * 1000;

} // namespace

PerfEventBackend::PerfEventBackend() = default;

PerfEventBackend::~PerfEventBackend()
{
    closeAll();
}

std::uint64_t PerfEventBackend::dwarfRegsMask()
{
    return PerfEventOpener::dwarfRegsMask();
}

std::string PerfEventBackend::name() const
{
    return std::string("perf_event ") + opener_.eventName();
}

std::string PerfEventBackend::notes() const
{
    std::string text = opener_.note();
    for (const auto &n : notes_)
        text += (text.empty() ? "" : "; ") + n;
    std::uint64_t skipped = 0;
    for (const auto &r : rings_)
        skipped += r.skippedBytes();
    if (malformed_ || skipped)
        text += (text.empty() ? "" : "; ") + std::to_string(malformed_) + " malformed perf records skipped";
    if (throttled_)
        text += (text.empty() ? "" : "; ") + std::string("sampling throttled by the kernel ") +
                std::to_string(throttled_) + " times (kernel.perf_event_max_sample_rate)";
    return text;
}

void PerfEventBackend::addNote(const std::string &note)
{
    if (std::find(notes_.begin(), notes_.end(), note) == notes_.end())
        notes_.push_back(note);
}

Status PerfEventBackend::fail(Failure failure, std::string message)
{
    failure_ = failure;
    closeAll();
    return makeError(std::move(message));
}

int PerfEventBackend::openEvent(pid_t tid, int cpu, int &err)
{
    int fd = opener_.open(tid, cpu, err);
    if (fd < 0 && (err == EMFILE || err == ENFILE) && raiseFileLimit())
        fd = opener_.open(tid, cpu, err);
    return fd;
}

Status PerfEventBackend::openError(int err, pid_t pid)
{
    const Failure failure = err == ESRCH                    ? Failure::NoSuchProcess
                            : err == EACCES || err == EPERM ? Failure::Refused
                                                            : Failure::Other;
    return fail(failure, opener_.errorMessage(err, pid));
}

// Opens the event that owns CPU `index`'s ring and maps that ring. Over the locked-memory
// budget (kernel.perf_event_mlock_kb, RLIMIT_MEMLOCK) it retries with smaller rings; the
// event is reopened so its wakeup watermark fits the smaller ring.
int PerfEventBackend::openRingOwner(pid_t tid, std::size_t index, int &err)
{
    for (;;) {
        // Wake the reader when a quarter of the ring is filled; poll()'s timeout bounds the rest.
        opener_.setWakeupWatermark(std::uint32_t(sysconf(_SC_PAGESIZE)) * ringPages_ / 4);
        const int fd = openEvent(tid, cpus_[index], err);
        if (fd < 0)
            return -1;
        Status s = rings_[index].map(fd, ringPages_);
        if (s)
            return fd;
        err = errno;
        close(fd);
        if ((err == EPERM || err == ENOMEM) && ringPages_ > 8) {
            ringPages_ /= 2;
            addNote("ring buffers reduced to " + std::to_string(ringPages_) +
                    " pages (locked memory limit kernel.perf_event_mlock_kb)");
            continue;
        }
        mapError_ = s.message();
        return -1;
    }
}

int PerfEventBackend::openThread(pid_t tid)
{
    const std::size_t first = events_.size();
    auto undo = [&](int err) {
        for (std::size_t i = first; i < events_.size(); ++i) {
            if (events_[i].ring < 0)
                close(events_[i].fd);
        }
        // A ring owner of a failed thread stays: its ring may already be shared.
        events_.erase(std::remove_if(events_.begin() + std::ptrdiff_t(first), events_.end(),
                                     [](const Event &e) { return e.ring < 0; }),
                      events_.end());
        return err;
    };
    for (std::size_t i = 0; i < cpus_.size(); ++i) {
        int err = 0;
        Event e;
        e.tid = tid;
        e.cpu = cpus_[i];
        if (!rings_[i].isMapped()) {
            // The first event on a CPU owns that CPU's ring; the others write into it.
            e.fd = openRingOwner(tid, i, err);
            e.ring = int(i);
        } else {
            e.fd = openEvent(tid, e.cpu, err);
            if (e.fd >= 0 && ioctl(e.fd, PERF_EVENT_IOC_SET_OUTPUT, ringOwnerFd(i)) != 0) {
                err = errno;
                close(e.fd);
                e.fd = -1;
            }
        }
        if (e.fd < 0)
            return undo(err);
        events_.push_back(e);
        if (attached_)
            ioctl(e.fd, PERF_EVENT_IOC_ENABLE, 0);
    }
    coveredTids_.insert(tid);
    return 0;
}

int PerfEventBackend::ringOwnerFd(std::size_t ring) const
{
    for (const auto &e : events_) {
        if (e.ring == int(ring))
            return e.fd;
    }
    return -1;
}

bool PerfEventBackend::raiseFileLimit()
{
    // threads x CPUs descriptors in attach mode; perf does the same.
    rlimit rl{};
    if (getrlimit(RLIMIT_NOFILE, &rl) != 0 || rl.rlim_cur >= rl.rlim_max)
        return false;
    rl.rlim_cur = rl.rlim_max;
    return setrlimit(RLIMIT_NOFILE, &rl) == 0;
}

Status PerfEventBackend::attach(pid_t pid, bool launched, const perf::SamplingOptions &options)
{
    failure_ = Failure::None;
    if (attached_)
        return makeError("internal: PerfEventBackend::attach called twice");
    if (Status s = PerfEventOpener::validate(options); !s)
        return fail(Failure::Other, s.message());
    if (Status s = perf::procscan::checkProcess(pid); !s)
        return fail(s.message().find("zombie") != std::string::npos ? Failure::Zombie : Failure::NoSuchProcess,
                    s.message());
    pid_ = pid;
    launched_ = launched;
    ringPages_ = options.ringPages;
    opener_.configure(launched, options);
    decoder_ = std::make_unique<perf::PerfRecordDecoder>(opener_.attr().sample_type, opener_.attr().sample_regs_user);
    cpus_ = perf::procscan::onlineCpus();
    rings_.resize(cpus_.size());
    cursors_.resize(cpus_.size());

    const std::int64_t t0 = monotonicNs(); // before enabling: synthesized state precedes every sample
    // Launch mode: the child alone; it has no threads yet. Attach mode: every thread.
    const std::vector<pid_t> tids = launched ? std::vector<pid_t>{pid} : perf::procscan::threads(pid);
    for (pid_t tid : tids) {
        const int err = openThread(tid);
        if (!mapError_.empty())
            return fail(Failure::Other, mapError_);
        if (err == ESRCH && !launched) // the thread exited meanwhile
            continue;
        if (err != 0)
            return openError(err, pid);
    }
    if (events_.empty())
        return fail(Failure::NoSuchProcess, "no process with PID " + std::to_string(pid));
    if (!launched) {
        for (const auto &e : events_)
            ioctl(e.fd, PERF_EVENT_IOC_ENABLE, 0);
        synthesizeInitialState(t0);
    }
    attached_ = true;
    return {};
}

void PerfEventBackend::noteTask(const perf::TaskEvent &t)
{
    if (t.pid != pid_)
        return;
    if (t.kind == perf::TaskEvent::Kind::Fork) {
        // Created by a sampled thread: the kernel gave it inherited events already.
        coveredTids_.insert(t.tid);
    } else {
        // Forgotten, so the set stays small and a recycled tid counts as new. Its events
        // stay open: closing them would also end the events its new threads inherited.
        // (It may linger in /proc for a moment; the two-rescan rule below ignores that.)
        coveredTids_.erase(t.tid);
    }
}

void PerfEventBackend::rescanThreads()
{
    const std::int64_t now = monotonicNs();
    if (now - lastRescanNs_ < kRescanIntervalNs)
        return;
    lastRescanNs_ = now;
    const auto tids = perf::procscan::threads(pid_);
    if (tids.empty() || !perf::procscan::checkProcess(pid_)) {
        targetGone_ = true;
        return;
    }
    // A thread that escaped inheritance (created while attach() was opening events) has
    // no FORK record. Its FORK record may just not be drained yet, so a thread is only
    // opened when two rescans in a row (a drain between them) found it uncovered.
    std::vector<pid_t> uncovered;
    for (pid_t tid : tids) {
        if (coveredTids_.count(tid))
            continue;
        if (std::binary_search(uncoveredTids_.begin(), uncoveredTids_.end(), tid))
            openThread(tid); // ESRCH/EACCES: nothing to follow
        else
            uncovered.push_back(tid);
    }
    uncoveredTids_ = std::move(uncovered);
}

void PerfEventBackend::synthesizeInitialState(std::int64_t timeNs)
{
    for (pid_t tid : perf::procscan::threads(pid_)) {
        perf::CommEvent c;
        c.timeNs = timeNs;
        c.pid = pid_;
        c.tid = tid;
        c.comm = perf::procscan::threadName(pid_, tid);
        if (!c.comm.empty())
            pendingComms_.push_back(std::move(c));
    }
    pendingMmaps_ = perf::procscan::executableMappings(pid_);
    for (auto &m : pendingMmaps_)
        m.timeNs = timeNs;
}

std::size_t PerfEventBackend::deliverSynthesized(perf::RecordSink &sink)
{
    const std::size_t n = pendingComms_.size() + pendingMmaps_.size();
    for (const auto &c : pendingComms_)
        sink.onComm(c);
    for (const auto &m : pendingMmaps_)
        sink.onMmap(m);
    pendingComms_.clear();
    pendingMmaps_.clear();
    return n;
}

Result<std::size_t> PerfEventBackend::poll(perf::RecordSink &sink, int timeoutMs)
{
    if (!attached_ || stopped_)
        return makeError("internal: PerfEventBackend::poll without attach");
    std::size_t delivered = deliverSynthesized(sink);
    const bool pending = std::any_of(rings_.begin(), rings_.end(), [](const auto &r) { return r.hasData(); });
    if (!pending && delivered == 0 && timeoutMs != 0) {
        auto &fds = pollFds_;
        auto &which = pollWhich_;
        fds.clear();
        which.clear();
        for (std::size_t i = 0; i < events_.size(); ++i) {
            if (events_[i].ring >= 0 && !events_[i].hup) {
                fds.push_back(pollfd{events_[i].fd, POLLIN, 0});
                which.push_back(i);
            }
        }
        // Nothing left to wait on (every event hung up) and no timeout: do not block forever.
        const int r = fds.empty() && timeoutMs < 0 ? 0 : ::poll(fds.data(), fds.size(), timeoutMs);
        if (r < 0 && errno != EINTR)
            return makeError(std::string("poll on perf events failed: ") + std::strerror(errno));
        for (std::size_t k = 0; r > 0 && k < fds.size(); ++k) {
            // HUP: the monitored tasks are gone; polling it again would return at once.
            if (fds[k].revents & (POLLHUP | POLLERR | POLLNVAL))
                events_[which[k]].hup = true;
        }
    }
    delivered += drain(sink);
    if (!launched_)
        rescanThreads();
    return delivered;
}

void PerfEventBackend::refresh(std::size_t i)
{
    auto &c = cursors_[i];
    c.record = rings_[i].current();
    c.time = 0;
    if (c.record)
        decoder_->recordTime(c.record, c.time); // records without a time sort first
}

std::size_t PerfEventBackend::drain(perf::RecordSink &sink)
{
    std::size_t delivered = 0;
    for (std::size_t i = 0; i < rings_.size(); ++i) {
        rings_[i].beginRead();
        refresh(i);
    }
    // k-way merge by timestamp; k is the number of CPUs (or 1 in attach mode).
    for (;;) {
        std::size_t best = rings_.size();
        for (std::size_t i = 0; i < rings_.size(); ++i) {
            if (cursors_[i].record && (best == rings_.size() || cursors_[i].time < cursors_[best].time))
                best = i;
        }
        if (best == rings_.size())
            break;
        delivered += deliver(sink, decoder_->decode(cursors_[best].record));
        rings_[best].advance();
        refresh(best);
    }
    for (auto &r : rings_)
        r.endRead();
    return delivered;
}

std::size_t PerfEventBackend::deliver(perf::RecordSink &sink, perf::PerfRecordDecoder::Kind kind)
{
    using Kind = perf::PerfRecordDecoder::Kind;
    switch (kind) {
    case Kind::Sample:
        sink.onSample(decoder_->sample);
        return 1;
    case Kind::Mmap:
        sink.onMmap(decoder_->mmap);
        return 1;
    case Kind::Comm:
        sink.onComm(decoder_->comm);
        return 1;
    case Kind::Task: {
        sink.onTask(decoder_->task);
        if (!launched_)
            noteTask(decoder_->task);
        return 1;
    }
    case Kind::Lost:
        lostReported_ += decoder_->lost;
        sink.onLost(decoder_->lost);
        return 1;
    case Kind::Malformed:
        ++malformed_;
        return 0;
    case Kind::Throttle:
        ++throttled_;
        return 0;
    case Kind::Ignored:
        return 0;
    }
    return 0;
}

void PerfEventBackend::stop(perf::RecordSink &sink)
{
    if (!attached_ || stopped_)
        return;
    for (const auto &e : events_)
        ioctl(e.fd, PERF_EVENT_IOC_DISABLE, 0);
    stopped_ = true;
    deliverSynthesized(sink);
    drain(sink);
    deliverUnreportedLosses(sink);
    closeAll();
}

void PerfEventBackend::deliverUnreportedLosses(perf::RecordSink &sink)
{
    if ((opener_.attr().read_format & PERF_FORMAT_LOST) == 0)
        return;
    // Every record the kernel failed to write is charged to the opened event it belongs
    // to; those no PERF_RECORD_LOST reported (no room again before the end) are added now.
    std::uint64_t kernelLost = 0;
    for (const auto &e : events_) {
        std::uint64_t values[2] = {0, 0}; // the count, then the records lost
        if (::read(e.fd, values, sizeof values) != static_cast<ssize_t>(sizeof values))
            return;
        kernelLost += values[1];
    }
    if (kernelLost > lostReported_)
        sink.onLost(kernelLost - lostReported_);
}

void PerfEventBackend::closeAll()
{
    rings_.clear(); // unmaps
    cursors_.clear();
    for (auto &e : events_) {
        if (e.fd >= 0)
            close(e.fd);
    }
    events_.clear();
}

} // namespace perfwb::record
