// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "core/result.h"
#include "perf/rawevents.h"
#include "perf/samplingoptions.h"

#include <functional>
#include <map>
#include <set>
#include <string>
#include <sys/types.h>
#include <sys/user.h>
#include <variant>

namespace perfwb::record {

using TracerEvent =
    std::variant<perf::RawSample, perf::MmapEvent, perf::CommEvent, perf::TaskEvent, std::uint64_t /* lost */>;

// The single-threaded core of the ptrace fallback. Every method must be called on
// the thread that called seize(): the kernel ties tracees to the tracing thread.
class PtraceTracer {
public:
    using Emit = std::function<void(TracerEvent &&)>;
    explicit PtraceTracer(Emit emit);
    ~PtraceTracer();
    PtraceTracer(const PtraceTracer &) = delete;
    PtraceTracer &operator=(const PtraceTracer &) = delete;

    // Seizes every thread of `pid` and follows its clones, forks and execs.
    Status seize(pid_t pid, bool launched, const perf::SamplingOptions &options);
    // Handles pending stops (signals, clones, execs, exits) without blocking.
    void sweep();
    // Interrupts every thread that is running right now; each is sampled when its stop
    // is seen (here, or by a later sweep() if it waits for a CPU), unless the stop is a
    // displaced one (displacedStop). `missedTicks`: ticks that passed unsampled since the
    // last call (the tracer was scheduled late); they are reported as lost samples of each
    // running thread rather than dropped silently.
    void sampleRunning(std::uint64_t missedTicks = 0);
    // Some interrupted thread has not stopped yet: sweep() soon, it is held until seen.
    bool interruptsPending() const { return !interrupted_.empty(); }
    // Detaches from every tracee, leaving them running.
    void detachAll();
    bool hasTracees() const { return !tracees_.empty(); }
    std::size_t samplesTaken() const { return samples_; }
    std::size_t threadsSkipped() const { return skipped_; }
    // Stops at a system call's return beyond the thread's time in the kernel: not sampled.
    std::size_t displacedStops() const { return displaced_; }
    // Samples lost: ticks missed while the tracer was late, and interrupts that did not
    // stop the thread in time.
    std::uint64_t samplesLost() const { return lost_; }

private:
    enum class Stop { Gone, Interrupt, Other };
    Stop handleStatus(pid_t tid, int status);
    bool waitForInterrupt(pid_t tid, std::int64_t timeoutNs);
    pid_t waitTracee(pid_t tid, int &status);
    std::size_t collect(pid_t tid); // handles the pending reports of one tracee
    void takeSample(pid_t tid);
    bool displacedStop(pid_t tid, const user_regs_struct &regs);
    void addTracee(pid_t tid, pid_t tgid);
    void removeTracee(pid_t tid);
    void emitMaps(pid_t tgid);
    void emitComm(pid_t tgid, pid_t tid, bool exec);

    Emit emit_;
    perf::SamplingOptions options_;
    std::map<pid_t, pid_t> tracees_; // tid -> tgid
    std::map<pid_t, std::string> comms_;
    std::map<pid_t, int> stuckTicks_;            // ticks a tracee sat in tracing stop unreported
    std::set<pid_t> listening_;                  // group-stopped (PTRACE_LISTEN): stopped on purpose
    std::set<pid_t> interrupted_;                // PTRACE_INTERRUPT sent for a sample, stop not seen yet
    std::map<pid_t, std::int64_t> lastSampleNs_; // when each thread was last sampled
    struct SyscallStops {
        std::uint64_t utime = 0, stime = 0;     // its clock ticks, as of the last tick
        std::uint64_t stops = 0, atSyscall = 0; // its prompt stops, and those at a call's return
        double credit = 0;                      // stops at a call's return due a sample
    };
    std::map<pid_t, SyscallStops> syscallStops_;
    pid_t child_ = -1; // the launched target: our child, reaped by the Launcher
    std::int64_t periodNs_ = 0;
    perf::RawSample sample_;
    std::size_t samples_ = 0;
    std::size_t skipped_ = 0;
    std::size_t displaced_ = 0;
    std::uint64_t lost_ = 0;
};

} // namespace perfwb::record
