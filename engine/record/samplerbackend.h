// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "core/result.h"
#include "perf/rawevents.h"
#include "perf/samplingoptions.h"

#include <string>
#include <sys/types.h>

namespace perfwb::record {

// One way of sampling a target: perf_event_open (PerfEventBackend), or the ptrace
// fallback (PtraceBackend) where perf events are refused. RecordSession owns one.
class SamplerBackend {
public:
    virtual ~SamplerBackend() = default;
    virtual std::string name() const = 0; // "perf_event cpu-clock", "ptrace", ... (shown to the user)
    // Starts sampling `pid` and everything it creates from now on. For a launched
    // target the pid is the stopped child (see Launcher), which runs no instruction of
    // the program before this returns.
    virtual Status attach(pid_t pid, bool launched, const perf::SamplingOptions &options) = 0;
    // Reads what is pending and delivers it to the sink; waits at most timeoutMs for data.
    // Returns the number of records delivered.
    virtual Result<std::size_t> poll(perf::RecordSink &sink, int timeoutMs) = 0;
    // Stops sampling and delivers the rest.
    virtual void stop(perf::RecordSink &sink) = 0;
    // Human-readable notes (e.g. "kernel frames not permitted, recording user frames only").
    virtual std::string notes() const { return {}; }
};

} // namespace perfwb::record
