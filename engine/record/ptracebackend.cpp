#include "ptracebackend.h"

#include "ptracetracer.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

namespace perfwb::record {

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
    int frequencyHz = PtraceBackend::kDefaultFrequencyHz;

    void push(TracerEvent &&e)
    {
        std::lock_guard lock(mutex);
        queue.push_back(std::move(e));
        ready.notify_one();
    }

    void run(pid_t pid, bool launched, SamplingOptions options, std::promise<Status> started)
    {
        PtraceTracer tracer([this](TracerEvent &&e) { push(std::move(e)); });
        Status st = tracer.seize(pid, launched, options);
        const bool ok = st.isOk();
        started.set_value(std::move(st));
        if (ok) {
            const auto period = std::chrono::nanoseconds(1000000000LL / frequencyHz);
            auto next = std::chrono::steady_clock::now();
            while (!stopRequested.load() && tracer.hasTracees()) {
                tracer.sweep();
                tracer.sampleRunning();
                tracer.sweep();
                next += period;
                const auto now = std::chrono::steady_clock::now();
                if (next < now)
                    next = now; // fell behind (slow target): skip ticks rather than burst
                // Short sleeps so exec/clone stops are answered promptly between ticks.
                while (!stopRequested.load() && std::chrono::steady_clock::now() < next) {
                    std::this_thread::sleep_for(std::min<std::chrono::nanoseconds>(
                        next - std::chrono::steady_clock::now(), std::chrono::milliseconds(2)));
                    tracer.sweep();
                }
            }
            tracer.detachAll();
        }
        std::lock_guard lock(mutex);
        samples = tracer.samplesTaken();
        skipped = tracer.threadsSkipped();
        finished = true;
        ready.notify_one();
    }
};

namespace {
std::size_t deliver(std::vector<TracerEvent> &events, RecordSink &sink)
{
    for (auto &e : events) {
        std::visit(
            [&sink](auto &v) {
                using T = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<T, RawSample>)
                    sink.onSample(v);
                else if constexpr (std::is_same_v<T, MmapEvent>)
                    sink.onMmap(v);
                else if constexpr (std::is_same_v<T, CommEvent>)
                    sink.onComm(v);
                else if constexpr (std::is_same_v<T, TaskEvent>)
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

Status PtraceBackend::attach(pid_t pid, bool launched, const SamplingOptions &options)
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

Result<std::size_t> PtraceBackend::poll(RecordSink &sink, int timeoutMs)
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

void PtraceBackend::stop(RecordSink &sink)
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
            n += ", " + std::to_string(worker_->samples) + " samples taken";
    }
    return n;
}

} // namespace perfwb::record
