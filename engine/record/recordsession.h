// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "core/result.h"
#include "model/profile.h"
#include "perf/samplingoptions.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <sys/types.h>
#include <utility>
#include <vector>

namespace perfwb::record {

struct RecordOptions {
    perf::SamplingOptions sampling;
    int pollMs = 50;                  // /proc poller period (RSS, CPU %, threads)
    double durationS = 0;             // 0 = until the target exits or stop() is called
    std::string label;                // run label
    std::string outputPath;           // the .perfwb written while recording
    std::vector<std::string> command; // launch mode: program and arguments
    std::string workingDir;           // launch mode; empty = ours
    pid_t attachPid = 0;              // attach mode when non-zero
    // Launch mode: preload the allocation tracker and read its stream into the report.
    bool trackAllocations = false;
    // False with --no-cpu: no CPU samples (only allocations and /proc timelines).
    bool sampleCpu = true;
    // CPython 3.11/3.12 targets: their Python frames in the CPU samples (PythonSampler).
    bool pythonFrames = true;
    // Launch mode: variables set for the target on top of perfwb's environment.
    std::vector<std::pair<std::string, std::string>> extraEnvironment;
    // Kept in the report's run metadata (the FIL_PERF_* settings of the run, a preset).
    std::vector<std::pair<std::string, std::string>> extraMetadata;

    // False when sampling.frequencyHz is the default: the ptrace fallback then uses its
    // own lower default rate instead.
    bool frequencyExplicit = false;

    // Called on the recorder's thread for each /proc reading as it joins the profile: the
    // timeline (model::timelines::kRss in bytes, kCpu in % of one core), its time and value.
    // A mark it returns joins the report with that reading, so a budget crossing in a run's
    // last moments is marked too (a check of the live view's snapshots would miss it).
    using ReadingWatch =
        std::function<std::optional<model::Mark>(std::string_view timeline, std::int64_t timeNs, double value)>;
    ReadingWatch watchReadings;
};

struct RecordSummary {
    std::size_t samples = 0;
    std::uint64_t lost = 0;
    std::int64_t durationNs = 0;
    std::size_t threads = 0;
    std::string outputPath;
    std::string backend; // "perf_event cpu-clock", "ptrace (perf_event_open refused: ...)"
    std::string notes;
    bool fallback = false; // sampled by ptrace because perf_event_open was refused
    bool exited = false;
    int exitCode = 0;
    int exitSignal = 0;
    // Attach mode: the process ended while recorded (its exit status goes to its parent, not us).
    bool targetEnded = false;
    std::uint64_t allocations = 0;    // calls seen by the allocation tracker (--alloc)
    std::uint64_t trackerSamples = 0; // CPU samples of the tracker's own work, left out of the profile
    std::string allocationError;      // why allocations are missing, when they are
    std::string allocationIncomplete; // why some allocations are missing, when some are
    bool allocationFailed = false;    // ... lost while the target ran on (a full disk): exit 1
};

// One recording: launches or attaches, samples, symbolizes, polls /proc, and writes
// the report in batches while it runs. This is the engine API the CLI and the GUI
// drive: start, stop, and live snapshots.
class RecordSession {
public:
    virtual ~RecordSession() = default;
    // Errors the user can cause (command not found, unknown PID, zombie, permission
    // denied with the setting to change) come back as a one-line message.
    // Launch mode: call it from a thread that outlives the recording; the target gets
    // SIGKILL when that thread ends (PR_SET_PDEATHSIG is per thread).
    static Result<std::unique_ptr<RecordSession>> start(const RecordOptions &options);
    // Ends the recording. Thread-safe; also safe to call from a signal-handling thread.
    // Launch mode: the target gets SIGTERM (as `perf record` does) and SIGKILL if it has
    // not exited 2 s later, so its end is in the report. Attach mode: the sampler detaches
    // and the process runs on unharmed.
    virtual void stop() = 0;
    virtual bool isRunning() const = 0;
    // Blocks until the recording has ended (target exit, duration, stop) and the
    // report is complete.
    virtual Result<RecordSummary> wait() = 0;
    // The model so far, symbolized, without stopping the sampler; cheap enough to
    // call every few hundred milliseconds.
    virtual std::shared_ptr<const model::Profile> snapshot() const = 0;
    // Adds a mark or span (CLOCK_MONOTONIC times, the samples' clock) to the recording,
    // e.g. one posted to the /api/perf service by the target. Thread-safe; it reaches
    // the report with the next batch.
    virtual void addMark(model::Mark mark) = 0;
};

} // namespace perfwb::record
