// SPDX-License-Identifier: GPL-3.0-or-later
#include "ptracebackend.h"

#include "ptracetracer.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <ctime>
#include <future>
#include <mutex>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace perfwb::record {

namespace {

std::int64_t nowNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<std::int64_t>(ts.tv_sec) * 1'000'000'000LL + ts.tv_nsec;
}

void sleepUntilNs(std::int64_t deadline)
{
    const timespec ts{static_cast<time_t>(deadline / 1'000'000'000LL), static_cast<long>(deadline % 1'000'000'000LL)};
    while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, nullptr) == EINTR) {
    }
}

} // namespace

// Owns the tracing thread. Events cross to poll()'s thread through a queue.
struct PtraceBackend::Worker {
    std::thread thread;
    std::mutex mutex;
    std::condition_variable ready;
    std::vector<TracerEvent> queue;
    std::atomic<bool> stopRequested{false};
    bool finished = false;
    std::size_t samples = 0;
    std::size_t skipped = 0;
    std::size_t displaced = 0;
    std::uint64_t lost = 0;
    int frequencyHz = PtraceBackend::kDefaultFrequencyHz;

    void push(TracerEvent &&e)
    {
        std::lock_guard lock(mutex);
        queue.push_back(std::move(e));
        ready.notify_one();
    }

    void run(pid_t pid, bool launched, perf::SamplingOptions options, std::promise<Status> started)
    {
        PtraceTracer tracer([this](TracerEvent &&e) { push(std::move(e)); });
        Status st = tracer.seize(pid, launched, options);
        const bool ok = st.isOk();
        started.set_value(std::move(st));
        if (ok) {
            // 1 µs timer slack (default 50 µs) so wake-ups land on the deadlines.
            prctl(PR_SET_TIMERSLACK, 1000UL, 0UL, 0UL, 0UL);
            // Each sample holds the target stopped until this thread sees the stop, so on a
            // busy machine a late tracer slows the target down. Run a little ahead of it
            // where allowed (root or CAP_SYS_NICE); elsewhere this fails and changes nothing.
            const auto self = static_cast<id_t>(syscall(SYS_gettid));
            setpriority(PRIO_PROCESS, self, getpriority(PRIO_PROCESS, self) - 5);
            // Absolute deadlines on one grid: a slow tick or a late wake-up shifts no later
            // tick. Ticks that passed while we were late are counted as lost samples.
            const std::int64_t period = 1'000'000'000LL / frequencyHz;
            std::int64_t next = nowNs() + period;
            while (!stopRequested.load() && tracer.hasTracees()) {
                // Sleep in slices so exec/clone stops are answered promptly: 2 ms, or 50 µs
                // while an interrupted thread has yet to stop (it is held until we see it).
                for (std::int64_t now = nowNs(); !stopRequested.load() && now < next; now = nowNs()) {
                    sleepUntilNs(std::min(next, now + (tracer.interruptsPending() ? 50'000 : 2'000'000)));
                    tracer.sweep();
                }
                const std::int64_t late = nowNs() - next;
                const std::int64_t missed = late / period;
                tracer.sampleRunning(static_cast<std::uint64_t>(missed));
                tracer.sweep();
                next += (missed + 1) * period;
            }
            tracer.detachAll();
        }
        std::lock_guard lock(mutex);
        samples = tracer.samplesTaken();
        skipped = tracer.threadsSkipped();
        displaced = tracer.displacedStops();
        lost = tracer.samplesLost();
        finished = true;
        ready.notify_one();
    }
};

namespace {
std::size_t deliver(std::vector<TracerEvent> &events, perf::RecordSink &sink)
{
    for (auto &e : events) {
        std::visit(
            [&sink](auto &v) {
                using T = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<T, perf::RawSample>)
                    sink.onSample(v);
                else if constexpr (std::is_same_v<T, perf::MmapEvent>)
                    sink.onMmap(v);
                else if constexpr (std::is_same_v<T, perf::CommEvent>)
                    sink.onComm(v);
                else if constexpr (std::is_same_v<T, perf::TaskEvent>)
                    sink.onTask(v);
                else
                    sink.onLost(v);
            },
            e);
    }
    const std::size_t n = events.size();
    events.clear();
    return n;
}
} // namespace

PtraceBackend::PtraceBackend() = default;

PtraceBackend::~PtraceBackend()
{
    if (worker_ && worker_->thread.joinable()) {
        worker_->stopRequested = true;
        worker_->thread.join();
    }
}

Status PtraceBackend::attach(pid_t pid, bool launched, const perf::SamplingOptions &options)
{
    if (worker_)
        return makeError("ptrace sampler is already attached");
    if (options.frequencyHz <= 0 || options.frequencyHz > kMaxFrequencyHz)
        return makeError("ptrace sampling rate must be 1.." + std::to_string(kMaxFrequencyHz) + " Hz, not " +
                         std::to_string(options.frequencyHz));
    worker_ = std::make_unique<Worker>();
    worker_->frequencyHz = options.frequencyHz;
    std::promise<Status> started;
    auto result = started.get_future();
    worker_->thread = std::thread(&Worker::run, worker_.get(), pid, launched, options, std::move(started));
    Status st = result.get();
    if (!st) {
        worker_->thread.join();
        worker_.reset();
    }
    return st;
}

Result<std::size_t> PtraceBackend::poll(perf::RecordSink &sink, int timeoutMs)
{
    if (!worker_)
        return makeError("ptrace sampler is not attached");
    std::vector<TracerEvent> events;
    {
        std::unique_lock lock(worker_->mutex);
        worker_->ready.wait_for(lock, std::chrono::milliseconds(std::max(timeoutMs, 0)),
                                [this] { return !worker_->queue.empty() || worker_->finished; });
        events.swap(worker_->queue);
    }
    return deliver(events, sink);
}

void PtraceBackend::stop(perf::RecordSink &sink)
{
    if (!worker_)
        return;
    worker_->stopRequested = true;
    if (worker_->thread.joinable())
        worker_->thread.join();
    std::vector<TracerEvent> events;
    {
        std::lock_guard lock(worker_->mutex);
        events.swap(worker_->queue);
    }
    deliver(events, sink);
}

std::string PtraceBackend::notes() const
{
    std::string n = "ptrace fallback: user frames only, threads sampled while running";
    if (worker_) {
        std::lock_guard lock(worker_->mutex);
        if (worker_->finished)
            n += ", " + std::to_string(worker_->samples) + " samples taken, " + std::to_string(worker_->lost) +
                 " lost (tracer late or thread slow to stop), " + std::to_string(worker_->displaced) +
                 " stops at a system call's return beyond the thread's kernel time not sampled";
    }
    return n;
}

} // namespace perfwb::record
