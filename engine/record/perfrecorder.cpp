// SPDX-License-Identifier: GPL-3.0-or-later
#include "perfrecorder.h"
#include "core/monotonicclock.h"

#include "accessdiagnosis.h"
#include "nosamplingbackend.h"

#include "perf/procscan.h"
#include "perfeventbackend.h"
#include "ptracebackend.h"
#include "threadpriority.h"

#include "io/fileio.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <limits>
#include <sys/wait.h>
#include <unistd.h>

namespace perfwb::record {

namespace {

std::int64_t realtimeNowNs()
{
    timespec ts{};
    ::clock_gettime(CLOCK_REALTIME, &ts);
    return static_cast<std::int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

std::string currentDir()
{
    char buf[PATH_MAX];
    return ::getcwd(buf, sizeof buf) != nullptr ? std::string(buf) : std::string();
}

std::string hostName()
{
    char buf[256] = {};
    if (::gethostname(buf, sizeof buf - 1) != 0)
        return {};
    return buf;
}

// NUL-separated /proc files (cmdline, environ) of a process we attach to.
std::vector<std::string> readNulList(const std::string &path)
{
    std::vector<std::string> out;
    auto text = io::readWholeFile(path);
    if (!text)
        return out;
    std::string_view rest = text.value();
    while (!rest.empty()) {
        const auto end = rest.find('\0');
        out.emplace_back(rest.substr(0, end));
        if (end == std::string_view::npos)
            break;
        rest.remove_prefix(end + 1);
    }
    return out;
}

model::EnvironmentList splitEnvironment(const std::vector<std::string> &entries)
{
    model::EnvironmentList env;
    env.reserve(entries.size());
    for (const auto &e : entries) {
        const auto eq = e.find('=');
        if (eq == std::string::npos || eq == 0)
            continue;
        env.emplace_back(e.substr(0, eq), e.substr(eq + 1));
    }
    return env;
}

std::string eventName(const std::string &backendName)
{
    constexpr std::string_view prefix = "perf_event ";
    return backendName.rfind(prefix, 0) == 0 ? backendName.substr(prefix.size()) : backendName;
}

// The program execvp() would run, or an error worded as Launcher words a failed exec.
// Checked before anything starts, so a typo costs nothing (and under the ptrace fallback
// a tracee that fails to exec is not left to the tracer).
Status checkProgram(const RecordOptions &options)
{
    const std::string &program = options.command.front();
    auto runnable = [&](const std::string &path) {
        const std::string full =
            path.front() == '/' || options.workingDir.empty() ? path : options.workingDir + "/" + path;
        return ::access(full.c_str(), X_OK) == 0;
    };
    int err = ENOENT;
    if (program.find('/') != std::string::npos) {
        if (runnable(program))
            return {};
        err = errno;
    } else {
        std::string path;
        if (const char *env = std::getenv("PATH"))
            path = env;
        for (const auto &[name, value] : options.extraEnvironment) {
            if (name == "PATH")
                path = value;
        }
        if (path.empty())
            path = "/bin:/usr/bin";
        std::size_t start = 0;
        for (;;) {
            const auto colon = path.find(':', start);
            const std::string dir = path.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
            if (!program.empty() && runnable((dir.empty() ? std::string(".") : dir) + "/" + program))
                return {};
            if (errno == EACCES)
                err = EACCES; // as execvp: "permission denied" wins over "not found"
            if (colon == std::string::npos)
                break;
            start = colon + 1;
        }
    }
    return makeError("cannot run '" + program + "': " + std::strerror(err));
}

} // namespace

PerfRecorder::PerfRecorder(const RecordOptions &options)
    : options_(options)
    , profile_(std::make_unique<model::Profile>())
{
    // A DWARF sample carries an 8 KiB stack copy: 64 pages hold 30 ms of samples at
    // 999 Hz, too little when the recording thread waits for a CPU on a busy machine.
    // 1 MiB per CPU holds about 120 ms (the backend halves it under a locked-memory limit).
    if (options_.sampling.callGraph == perf::CallGraph::Dwarf)
        options_.sampling.ringPages = std::max<std::uint32_t>(options_.sampling.ringPages, 256);
    builder_ = std::make_unique<perf::SampleBuilder>(*profile_, lock_, symbolizer_, options_.sampling.callGraph);
    builder_->setFilterAllocationTracker(options_.trackAllocations);
    if (options_.pythonFrames && options_.sampleCpu)
        builder_->setPythonStacks(&pythonStacks_);
}

PerfRecorder::~PerfRecorder()
{
    if (thread_.joinable()) {
        stop();
        thread_.join();
    }
}

Result<std::unique_ptr<RecordSession>> PerfRecorder::start(const RecordOptions &options)
{
    const bool launch = !options.command.empty();
    if (launch == (options.attachPid != 0))
        return makeError(launch ? "give either a command or a PID to attach to, not both"
                                : "nothing to record: give a command or a PID");
    if (options.outputPath.empty())
        return makeError("no output file given for the report");
    if (options.pollMs < 0)
        return makeError("--poll-ms must be 0 (off) or more, not " + std::to_string(options.pollMs));
    if (!(options.durationS >= 0))
        return makeError("--duration must be 0 or more seconds");
    if (launch) {
        if (Status st = checkProgram(options); !st)
            return makeError(st.message());
    }
    // The report first: a directory, a read-only place or a full disk is found before the
    // target runs, not after (a program that does not exist has already been refused, so
    // it leaves no file behind).
    auto writer = store::ReportWriter::create(options.outputPath);
    if (!writer)
        return makeError(writer.message());

    std::unique_ptr<PerfRecorder> rec(new PerfRecorder(options));
    if (Status st = launch ? rec->prepareLaunch() : rec->prepareAttach(); !st) {
        writer.value()->discard();
        return makeError(st.message());
    }
    rec->writer_ = std::move(writer.value());
    // The first batch: a valid report with the run's metadata from the first moment. A
    // disk too full for it ends the recording before it starts.
    if (Status st = rec->flushBatch(); !st) {
        rec->backend_->stop(rec->queue_);
        if (rec->launcher_) {
            rec->launcher_->kill(SIGKILL);
            rec->launcher_->waitFor(-1);
        }
        if (rec->tree_)
            rec->tree_->endAll();
        rec->writer_->discard();
        return makeError(st.message());
    }
    rec->running_ = true;
    rec->thread_ = std::thread(&PerfRecorder::run, rec.get());
    return std::unique_ptr<RecordSession>(std::move(rec));
}

Status PerfRecorder::attachBackend(pid_t pid, bool launched)
{
    if (!options_.sampleCpu) {
        backend_ = std::make_unique<NoSamplingBackend>();
        return {};
    }
    auto perf = std::make_unique<PerfEventBackend>();
    Status st = perf->attach(pid, launched, options_.sampling);
    if (st) {
        backend_ = std::move(perf);
        return {};
    }
    if (perf->lastFailure() != PerfEventBackend::Failure::Refused)
        return st;

    // perf events refused (perf_event_paranoid, seccomp, a container): sample with ptrace.
    perf::SamplingOptions sampling = options_.sampling;
    if (!options_.frequencyExplicit)
        sampling.frequencyHz = PtraceBackend::kDefaultFrequencyHz;
    auto ptrace = std::make_unique<PtraceBackend>();
    Status pst = ptrace->attach(pid, launched, sampling);
    if (!pst) {
        if (pst.message().find("ptrace refused") == std::string::npos)
            return pst;
        // Both ways in were refused: each with its own reason.
        return makeError("cannot sample: " + st.message() + "; and " + pst.message());
    }
    fallbackReason_ = st.message();
    builder_->setRefreshMapsFromProc(true); // ptrace sees exec but not the mmaps that follow it
    options_.sampling.frequencyHz = sampling.frequencyHz;
    backend_ = std::move(ptrace);
    return {};
}

Status PerfRecorder::prepareLaunch()
{
    launcher_ = std::make_unique<Launcher>();
    LaunchOptions lo;
    lo.command = options_.command;
    lo.workingDir = options_.workingDir;
    lo.extraEnvironment = options_.extraEnvironment;
    lo.pythonMalloc = options_.trackAllocations; // pymalloc's arenas would hide the objects
    if (options_.trackAllocations) {
        auto tracking = alloc::AllocRecording::prepare(options_.outputPath);
        if (!tracking)
            return makeError(tracking.message());
        alloc_ = std::move(tracking.value());
        alloc_->setPythonFrames(options_.pythonFrames);
        for (const auto &kv : alloc_->environment())
            lo.extraEnvironment.push_back(kv);
    }
    // Before it runs, all it forks stays in the tree that ends with the recording: it
    // starts in a cgroup of its own where the kernel allows (ProcessTree, Launcher).
    tree_ = std::make_unique<ProcessTree>();
    lo.cgroupFd = tree_->prepare();
    // PR_SET_PDEATHSIG ties the target's life to this (the caller's) thread.
    if (Status st = launcher_->create(lo); !st)
        return st;
    target_ = launcher_->pid();
    // Moving a started target into the cgroup (old kernels) and opening the perf events
    // each take about 10 ms in the kernel, mostly waiting: they overlap.
    std::thread guarding([this] { tree_->guard(target_, launcher_->startedInCgroup()); });
    Status attached = attachBackend(target_, true);
    guarding.join();
    if (!attached) {
        launcher_->abort();
        return attached;
    }
    fillMetadata(target_);
    listenForCpuTimes();
    if (Status st = launcher_->release(); !st) {
        backend_->stop(queue_);
        return st;
    }
    if (alloc_)
        alloc_->follow(); // the stream is read as the target writes it
    startNs_ = monotonicNowNs();
    poller_ = std::make_unique<ProcPoller>(target_);
    return {};
}

Status PerfRecorder::prepareAttach()
{
    target_ = options_.attachPid;
    if (options_.trackAllocations)
        return makeError("--alloc needs a command to launch: a running process cannot be made to preload the "
                         "allocation tracker");
    if (Status st = perf::procscan::checkProcess(target_); !st)
        return st;
    if (target_ == ::getpid())
        return makeError("cannot record perfwb itself (PID " + std::to_string(target_) + ")");
    if (const std::string kthread = AccessDiagnosis::kernelThread(target_); !kthread.empty())
        return makeError(kthread);
    if (Status st = attachBackend(target_, false); !st)
        return st;
    fillMetadata(target_);
    listenForCpuTimes();
    if (cpuTimes_)
        cpuTimes_->setBaseline(target_); // the time before the attach was not sampled
    // Attached, but a stopped process gives no samples: say so now, not as "0 samples".
    attachNote_ = AccessDiagnosis::notRunning(target_);
    if (!attachNote_.empty())
        spdlog::warn("{}", attachNote_);
    startNs_ = monotonicNowNs();
    poller_ = std::make_unique<ProcPoller>(target_);
    return {};
}

void PerfRecorder::listenForCpuTimes()
{
    auto times = TaskCpuTimes::listen();
    if (!times) {
        cpuTimesError_ = times.message();
        return;
    }
    cpuTimes_ = std::move(times.value());
    cpuTimes_->addProcess(target_);
}

void PerfRecorder::fillThreadCpuTimes()
{
    std::lock_guard guard(lock_);
    model::RunMetadata &m = profile_->meta;
    if (!cpuTimes_) {
        m.extra["thread_cpu_times"] = "none: " + cpuTimesError_;
        return;
    }
    cpuTimes_->finish();
    m.extra["thread_cpu_times"] = cpuTimes_->fill(*profile_);
}

void PerfRecorder::fillMetadata(pid_t pid)
{
    std::lock_guard guard(lock_);
    model::RunMetadata &m = profile_->meta;
    if (launcher_) {
        m.setCommandLine(options_.command);
        m.workingDir = options_.workingDir.empty() ? currentDir() : options_.workingDir;
        m.setEnvironment(splitEnvironment(launcher_->environment()));
    } else {
        const std::string proc = "/proc/" + std::to_string(pid);
        m.setCommandLine(readNulList(proc + "/cmdline"));
        char buf[PATH_MAX];
        const ssize_t n = ::readlink((proc + "/cwd").c_str(), buf, sizeof buf - 1);
        m.workingDir = n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : std::string();
        m.setEnvironment(splitEnvironment(readNulList(proc + "/environ")));
        m.extra["attached_pid"] = std::to_string(pid);
    }
    m.host = hostName();
    m.startTimeUnixNs = realtimeNowNs();
    // The samples' clock; lets a reader put timelines and samples on wall time.
    m.extra["clock"] = "CLOCK_MONOTONIC";
    m.extra["start_monotonic_ns"] = std::to_string(monotonicNowNs());
    m.sampler.event = eventName(backend_->name());
    m.sampler.frequencyHz = options_.sampling.frequencyHz;
    m.sampler.callGraph = options_.sampling.callGraph == perf::CallGraph::Dwarf ? "dwarf" : "fp";
    m.runLabel = options_.label;
    m.sourceFormat = "perfwb-record";
    m.weightUnit = model::WeightKind::Samples;
    m.extra["backend"] = backend_->name();
    if (!fallbackReason_.empty())
        m.extra["fallback"] = "ptrace (" + fallbackReason_ + ")";
    if (options_.pollMs > 0)
        m.extra["poll_ms"] = std::to_string(options_.pollMs);
    for (const auto &[key, value] : options_.extraMetadata)
        m.extra[key] = value;
}

void PerfRecorder::stop()
{
    stopRequested_.store(true);
}

std::shared_ptr<const model::Profile> PerfRecorder::snapshot() const
{
    std::lock_guard guard(lock_);
    auto copy = std::make_shared<model::Profile>(*profile_);
    // The written samples as bins first, then the latest batch's own rows: time order.
    model::SampleTable samples;
    written_.appendTo(samples);
    if (!samples.empty()) {
        // Where the bins end and how wide they are, so a timeline spreads each bin's
        // samples over its width instead of drawing them at its start.
        copy->meta.extra["live_bin_ns"] = std::to_string(written_.binNs());
        copy->meta.extra["live_binned_until_ns"] = std::to_string(samples.time(samples.size() - 1) + written_.binNs());
    }
    for (std::size_t i = 0; i < profile_->samples.size(); ++i)
        samples.add(profile_->samples.at(i));
    copy->samples = std::move(samples);
    return copy;
}

bool PerfRecorder::targetEnded()
{
    if (launcher_) {
        // Peek first (WNOWAIT): under the ptrace fallback our child is also a tracee, and
        // a plain wait would swallow the ptrace stops the tracing thread waits for.
        siginfo_t info{};
        if (::waitid(P_PID, static_cast<id_t>(target_), &info, WEXITED | WNOHANG | WNOWAIT) != 0) {
            // ECHILD: someone else reaped it; it has ended all the same (waiting on would
            // spin for ever). Its exit status is lost.
            if (errno != ECHILD)
                return false;
            spdlog::warn("the target {} was reaped elsewhere; its exit status is unknown", target_);
            return true;
        }
        if (info.si_pid != target_ ||
            (info.si_code != CLD_EXITED && info.si_code != CLD_KILLED && info.si_code != CLD_DUMPED))
            return false;
        exit_ = launcher_->waitFor(0);
        return exit_.has_value();
    }
    if (auto *perf = dynamic_cast<PerfEventBackend *>(backend_.get()); perf != nullptr && perf->targetGone())
        return true;
    return !perf::procscan::checkProcess(target_);
}

void PerfRecorder::addMark(model::Mark mark)
{
    std::lock_guard guard(marksLock_);
    pendingMarks_.push_back(std::move(mark));
}

void PerfRecorder::watchReading(const ProcPoller::Reading &reading)
{
    if (!options_.watchReadings || reading.processes == 0)
        return;
    const auto watch = [&](std::string_view timeline, double value) {
        if (auto mark = options_.watchReadings(timeline, reading.timeNs, value))
            addMark(std::move(*mark));
    };
    watch(model::timelines::kRss, reading.rssBytes);
    if (reading.hasCpu)
        watch(model::timelines::kCpu, reading.cpuPercent);
}

void PerfRecorder::drainMarks()
{
    std::vector<model::Mark> marks;
    {
        std::lock_guard guard(marksLock_);
        marks.swap(pendingMarks_);
    }
    if (marks.empty())
        return;
    std::lock_guard guard(lock_);
    for (model::Mark &m : marks)
        profile_->marks.push_back(std::move(m));
}

void PerfRecorder::noteAllocLosses(const alloc::AllocStreamReader::Summary &read, const std::string &streamDir)
{
    // Never a smaller truth without a word: said on stderr, kept in the report.
    model::RunMetadata &m = profile_->meta;
    if (!read.complete)
        allocIncomplete_ = alloc::AllocRecording::incompleteReason(
            streamDir, read, exit_ && exit_->signaled ? exit_->signal : 0, allocFailed_);
    if (read.counted) {
        m.extra["alloc_events_lost"] = std::to_string(read.lostEvents);
        m.extra["alloc_calls_missed"] = std::to_string(read.missedCalls);
    }
    if (const std::string lost = alloc::AllocRecording::lostText(read); !lost.empty())
        allocIncomplete_ += (allocIncomplete_.empty() ? "" : "; ") + lost;
    if (!allocIncomplete_.empty()) {
        m.extra["alloc_incomplete"] = allocIncomplete_;
        m.addImportWarning(allocIncomplete_);
    }
}

std::string PerfRecorder::allNotes() const
{
    std::string notes = attachNote_;
    const auto add = [&](const std::string &note) {
        if (!note.empty())
            notes += (notes.empty() ? "" : "; ") + note;
    };
    add(backend_->notes());
    // DWARF samples carry 8 KiB of stack each: a burst of threads outruns the reader on a
    // busy machine. Say what would not have (frame pointers: 0 of 19,559 lost where DWARF
    // lost 89 %, manythreads 1000).
    const std::uint64_t lost = builder_->lost();
    const std::uint64_t taken = builder_->samples();
    if (options_.sampling.callGraph == perf::CallGraph::Dwarf && lost > taken && lost > 100)
        add(std::to_string(lost) + " of " + std::to_string(lost + taken) +
            " samples lost: DWARF stack copies outran the reader; --call-graph fp records far more of them");
    // Said only when it may have cost samples: most recordings lose none at nice 0 too.
    if (lost + queue_.dropped() > 0 && !priorityNote_.empty())
        add(priorityNote_);
    return notes;
}

Status PerfRecorder::flushBatch()
{
    drainMarks();
    // Only this thread writes the profile, so reading it here needs no lock.
    lastFlushNs_ = monotonicNowNs();
    samplesAtFlush_ = builder_->samples();
    Status written = writer_->flush(*profile_);
    if (!written)
        return written;
    // Written samples leave memory: the live view gets them as bins, so the recorder stays
    // flat over an hour instead of growing 16 bytes and more per sample.
    // This thread is the only one adding samples, so all of them were just written.
    std::lock_guard guard(lock_);
    written_.add(profile_->samples);
    if (!writer_->dropWrittenSamples(profile_->samples))
        return makeError("internal: samples added during a flush");
    return written;
}

void PerfRecorder::deliver(EventQueue::Item &item)
{
    using Kind = EventQueue::Item::Kind;
    switch (item.kind) {
    case Kind::Sample:
        builder_->onSample(item.sample);
        break;
    case Kind::Mmap:
        builder_->onMmap(item.mmap);
        break;
    case Kind::Comm:
        builder_->onComm(item.comm);
        break;
    case Kind::Task:
        if (cpuTimes_ && item.task.kind == perf::TaskEvent::Kind::Fork)
            cpuTimes_->addProcess(item.task.pid);
        builder_->onTask(item.task);
        break;
    case Kind::Lost:
        builder_->onLost(item.lost);
        break;
    case Kind::Proc: {
        {
            std::lock_guard guard(lock_);
            ProcPoller::append(item.proc, *profile_);
        }
        watchReading(item.proc);
        if (!item.proc.endedTasks.empty())
            builder_->onTasksGone(item.proc.endedTasks, item.proc.timeNs);
        builder_->onTasksListed(item.proc.liveTasks, item.proc.listedNs);
        break;
    }
    }
}

void PerfRecorder::build()
{
    std::vector<EventQueue::Item *> batch;
    for (;;) {
        const std::int64_t untilFlushNs = lastFlushNs_ + kFlushIntervalNs - monotonicNowNs();
        const int timeoutMs = static_cast<int>(std::clamp<std::int64_t>(untilFlushNs / 1'000'000, 0, 100));
        const bool more = queue_.take(batch, timeoutMs);
        for (EventQueue::Item *item : batch)
            deliver(*item);
        queue_.recycle(batch);
        // Without CPU samples this thread is idle: it opens the modules the allocation
        // stacks name while the target runs (with them, the samples have opened them).
        if (alloc_ && !options_.sampleCpu)
            alloc_->warmSymbols(symbolizer_, *profile_, lock_);
        if (!more)
            return; // the rest is written by finish()
        const bool due = monotonicNowNs() - lastFlushNs_ >= kFlushIntervalNs ||
                         builder_->samples() - samplesAtFlush_ >= kFlushSamples;
        if (due && writeStatus_) {
            writeStatus_ = flushBatch();
            if (!writeStatus_)
                stop(); // the report cannot be written: recording on would be for nothing
        } else if (due) {
            lastFlushNs_ = monotonicNowNs(); // no more batches; just drain the queue
        }
    }
}

Status PerfRecorder::loop()
{
    const std::int64_t never = std::numeric_limits<std::int64_t>::max();
    const std::int64_t deadline =
        options_.durationS > 0 ? startNs_ + static_cast<std::int64_t>(options_.durationS * 1e9) : never;
    const std::int64_t pollPeriodNs = static_cast<std::int64_t>(options_.pollMs) * 1'000'000;
    nextPollNs_ = options_.pollMs > 0 ? startNs_ : never;
    std::int64_t nextCheckNs = startNs_;
    for (;;) {
        std::int64_t now = monotonicNowNs();
        // Launch mode checks every turn (one waitid); attach mode reads /proc, so every 100 ms.
        if (launcher_ || now >= nextCheckNs) {
            if (targetEnded())
                return {};
            nextCheckNs = now + 100'000'000;
        }
        if (now >= deadline)
            stop();
        if (stopRequested_.load()) {
            if (!launcher_) {
                detachedEarly_ = true;
                return {};
            }
            // Like perf record: the target is asked to end, and its end is recorded.
            if (terminateAtNs_ < 0) {
                launcher_->kill(SIGTERM);
                terminateAtNs_ = now + kTerminateGraceNs;
            } else if (terminateAtNs_ != never && now >= terminateAtNs_) {
                spdlog::info("target {} ignored SIGTERM for 2 s: SIGKILL", target_);
                launcher_->kill(SIGKILL);
                terminateAtNs_ = never;
            }
        }
        const std::int64_t wakeNs = std::min(nextPollNs_, deadline);
        const int timeoutMs = static_cast<int>(std::clamp<std::int64_t>((wakeNs - now) / 1'000'000, 0, 50));
        auto delivered = backend_->poll(queue_, timeoutMs);
        if (!delivered)
            return delivered.status();
        now = monotonicNowNs();
        if (now >= nextPollNs_) {
            queue_.pushProcReading(poller_->poll());
            // A late turn (a burst of records) skips polls rather than bunching them.
            nextPollNs_ = std::max(nextPollNs_ + pollPeriodNs, now + pollPeriodNs / 2);
        }
    }
}

void PerfRecorder::finishMetadata(std::int64_t endNs)
{
    std::lock_guard guard(lock_);
    model::RunMetadata &m = profile_->meta;
    m.durationNs = endNs - startNs_;
    if (exit_) {
        m.exited = true;
        m.exitCode = exit_->signaled ? 0 : exit_->code;
        m.exitSignal = exit_->signaled ? exit_->signal : 0;
        m.extra["exit"] = exit_->describe();
        if (exit_->cpuTimeNs > 0)
            m.extra["target_cpu_ns"] = std::to_string(exit_->cpuTimeNs);
    } else if (!launcher_) {
        m.extra["attach_end"] = detachedEarly_ ? "detached; the process kept running" : "the process exited";
    }
    if (const std::string notes = allNotes(); !notes.empty())
        m.extra["backend_notes"] = notes;
    if (const std::uint64_t dropped = queue_.dropped(); dropped > 0)
        m.extra["samples_dropped_symbolizer_behind"] = std::to_string(dropped); // also counted as lost
    if (builder_->unwindFallbacks() > 0)
        m.extra["dwarf_unwind_fallbacks"] = std::to_string(builder_->unwindFallbacks());
    m.extra["recorder_nice"] = std::to_string(recorderNice_);
    if (pythonSampler_) {
        if (std::string python = pythonSampler_->summary(); !python.empty()) {
            m.extra["python_frames"] = python;
            m.extra["python_frames_samples"] = std::to_string(builder_->pythonSamples());
        }
    }
    if (builder_->endsFromPoller() > 0) // their exit records were lost; the end is ±poll period
        m.extra["thread_ends_from_proc"] = std::to_string(builder_->endsFromPoller());
    if (tree_) {
        m.extra["process_tree"] = tree_->mechanism();
        if (leftoversEnded_ > 0)
            m.extra["processes_ended_after_target"] = std::to_string(leftoversEnded_);
    }
    // Said, not hidden: the CPU profile leaves out the time the allocation tracker took.
    if (builder_->trackerSamples() > 0)
        m.extra["alloc_tracker_samples_left_out"] = std::to_string(builder_->trackerSamples());
}

void PerfRecorder::finishAllocations()
{
    // After the builder thread: the symbolizer is single-threaded. A failure here costs
    // the allocations only; the CPU profile is still good.
    std::lock_guard guard(lock_);
    const std::string streamDir = std::filesystem::path(alloc_->streamPath()).parent_path().string();
    if (auto read = alloc_->finish(symbolizer_, *profile_); !read) {
        allocError_ = read.message();
        profile_->meta.extra["alloc_error"] = allocError_;
    } else {
        noteAllocLosses(read.value(), streamDir.empty() ? "." : streamDir);
    }
}

void PerfRecorder::run()
{
    // Before the builder starts, which inherits it. The target was started before this
    // thread and keeps its own priority.
    if (auto nice = raiseThreadPriority(kRecorderNice); nice)
        recorderNice_ = nice.value();
    else
        priorityNote_ = nice.message();
    builderThread_ = std::thread(&PerfRecorder::build, this);
    if (options_.pythonFrames && options_.sampleCpu) {
        // At the backend's rate, known by now (the ptrace fallback samples slower).
        pythonSampler_ = std::make_unique<PythonSampler>(pythonStacks_, options_.sampling.frequencyHz);
        pythonSampler_->start();
    }
    Status loopStatus = loop();
    // Drain what the rings still hold; the target may still be running (attach mode,
    // stop() or --duration), which this does not harm.
    backend_->stop(queue_);
    const std::int64_t endNs = monotonicNowNs();
    queue_.close();
    builderThread_.join();
    if (pythonSampler_)
        pythonSampler_->stop(); // after the builder: its last samples still look up stacks
    if (launcher_ && !exit_) {
        // The loop failed: leave no target behind.
        launcher_->kill(SIGKILL);
        exit_ = launcher_->waitFor(-1);
    }
    // What the target left running (daemonised children, workers) ends with it.
    if (tree_)
        leftoversEnded_ = tree_->endAll();
    if (alloc_)
        finishAllocations();
    drainMarks();
    fillThreadCpuTimes();
    finishMetadata(endNs);
    Status finished = writer_->finish(*profile_);
    if (!writeStatus_)
        finished = writeStatus_;

    if (!loopStatus || !finished) {
        result_ = Result<RecordSummary>(makeError(!loopStatus ? loopStatus.message() : finished.message()));
    } else {
        RecordSummary s;
        std::lock_guard guard(lock_);
        s.samples = written_.totalWeight() + profile_->samples.size(); // a recording weighs samples 1
        s.lost = profile_->meta.lostSamples;
        s.durationNs = profile_->meta.durationNs;
        s.threads = profile_->threads().size();
        s.outputPath = options_.outputPath;
        s.backend = backend_->name();
        s.fallback = !fallbackReason_.empty();
        if (s.fallback)
            s.backend += " (" + fallbackReason_ + ")";
        s.notes = allNotes();
        s.allocations = profile_->allocations.totals.calls;
        s.trackerSamples = builder_->trackerSamples();
        s.allocationError = allocError_;
        s.allocationIncomplete = allocIncomplete_;
        s.allocationFailed = allocFailed_;
        s.targetEnded = !launcher_ && !detachedEarly_;
        if (exit_) {
            s.exited = true;
            s.exitCode = profile_->meta.exitCode;
            s.exitSignal = profile_->meta.exitSignal;
        }
        result_ = Result<RecordSummary>(std::move(s));
    }
    running_.store(false);
}

Result<RecordSummary> PerfRecorder::wait()
{
    if (thread_.joinable())
        thread_.join();
    return result_.value_or(Result<RecordSummary>(makeError("recording was never started")));
}

} // namespace perfwb::record
