// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "eventqueue.h"
#include "launcher.h"
#include "livesamples.h"
#include "perf/samplebuilder.h"
#include "processtree.h"
#include "procpoller.h"
#include "pythonsampler.h"
#include "recordsession.h"
#include "samplerbackend.h"
#include "taskcputimes.h"

#include "alloc/allocrecording.h"
#include "store/reportwriter.h"
#include "symbolize/symbolizer.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace perfwb::record {

// The RecordSession behind RecordSession::start(): a sampler backend (perf events, or
// ptrace where perf events are refused), a SampleBuilder that turns its records into
// the profile, a ProcPoller for the timelines and a ReportWriter that gets a batch
// every half second. The report on disk is complete up to the last batch whatever
// happens to the target or to perfwb.
//
// Two threads: the sampling thread drains the kernel's rings and polls /proc into an
// EventQueue; the building thread symbolizes, fills the profile and writes batches. Only
// the building thread writes the profile; snapshot() copies it under `lock_`.
class PerfRecorder final : public RecordSession {
public:
    static Result<std::unique_ptr<RecordSession>> start(const RecordOptions &options);
    ~PerfRecorder() override;

    void stop() override;
    bool isRunning() const override { return running_.load(); }
    Result<RecordSummary> wait() override;
    std::shared_ptr<const model::Profile> snapshot() const override;
    void addMark(model::Mark mark) override;

    // A batch is written every kFlushIntervalNs or every kFlushSamples samples.
    static constexpr std::int64_t kFlushIntervalNs = 500'000'000;
    static constexpr std::size_t kFlushSamples = 50'000;
    // After stop() in launch mode: SIGTERM, then SIGKILL when the target lingers this long.
    static constexpr std::int64_t kTerminateGraceNs = 2'000'000'000;
    // The reading and building threads' nice value where permitted (see raiseThreadPriority).
    static constexpr int kRecorderNice = -20;

private:
    explicit PerfRecorder(const RecordOptions &options);
    Status prepareLaunch();
    Status prepareAttach();
    Status attachBackend(pid_t pid, bool launched);
    void fillMetadata(pid_t pid);
    void run(); // the sampling thread
    Status loop();
    void deliver(EventQueue::Item &item); // one record to the builder, on its thread
    void build();                         // the building thread
    bool targetEnded();
    Status flushBatch();
    std::string allNotes() const; // the attach note and the backend's notes, one line
    void finishMetadata(std::int64_t endNs);
    // RecordOptions::watchReadings on one /proc reading; its marks join the profile.
    void watchReading(const ProcPoller::Reading &reading);
    void drainMarks();         // pending marks into the profile (building thread, or after it)
    void listenForCpuTimes();  // before the target's threads can exit
    void fillThreadCpuTimes(); // into the profile's threads, at the end
    void finishAllocations();
    void noteAllocLosses(const alloc::AllocStreamReader::Summary &read, const std::string &streamDir);

    RecordOptions options_;
    mutable std::mutex lock_; // guards *profile_ against snapshot(); only run() writes it
    std::unique_ptr<model::Profile> profile_;
    symbolize::Symbolizer symbolizer_;
    std::unique_ptr<perf::SampleBuilder> builder_;
    symbolize::PythonStacks pythonStacks_;
    std::unique_ptr<PythonSampler> pythonSampler_; // with RecordOptions::pythonFrames
    std::unique_ptr<SamplerBackend> backend_;
    EventQueue queue_;
    std::string fallbackReason_; // why perf events were not used; empty when they were
    std::string attachNote_;     // why an attached process may give no samples (stopped)
    std::string priorityNote_;   // why the recorder's threads run at the target's priority
    int recorderNice_ = 0;       // the nice value of the reading and building threads
    std::unique_ptr<Launcher> launcher_;
    // Declared after launcher_: destroyed first, so its watchdog is told "done" before
    // the Launcher kills an unreaped target.
    std::unique_ptr<ProcessTree> tree_; // launch mode
    int leftoversEnded_ = 0;            // processes of the target's tree ended after it
    std::unique_ptr<ProcPoller> poller_;
    std::unique_ptr<TaskCpuTimes> cpuTimes_; // each thread's CPU time, for what sampling missed
    std::string cpuTimesError_;              // why there are none
    std::unique_ptr<store::ReportWriter> writer_;
    LiveSamples written_;                        // samples already in the report, binned for snapshot() (under lock_)
    std::optional<alloc::AllocRecording> alloc_; // with --alloc
    std::string allocError_;
    std::string allocIncomplete_; // why the allocation stream is short, when it is
    bool allocFailed_ = false;    // allocations lost while the target ran on (a write failed)
    pid_t target_ = 0;

    std::thread thread_;
    std::thread builderThread_;
    Status writeStatus_; // the first failed batch, if any (building thread)
    std::atomic<bool> stopRequested_{false};
    std::atomic<bool> running_{false};
    std::int64_t startNs_ = 0; // CLOCK_MONOTONIC at the target's exec (launch) or attach
    std::int64_t nextPollNs_ = 0;
    std::int64_t lastFlushNs_ = 0;
    std::size_t samplesAtFlush_ = 0;
    std::int64_t terminateAtNs_ = -1; // launch mode after stop(): when SIGKILL follows SIGTERM
    bool detachedEarly_ = false;      // attach mode: stopped while the process still ran
    std::optional<ExitStatus> exit_;
    std::optional<Result<RecordSummary>> result_;
    std::mutex marksLock_; // guards pendingMarks_, filled from any thread
    std::vector<model::Mark> pendingMarks_;
};

} // namespace perfwb::record
