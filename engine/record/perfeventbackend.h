// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "perf/perfrecorddecoder.h"
#include "perfeventopener.h"
#include "perfringbuffer.h"
#include "samplerbackend.h"

#include <linux/perf_event.h>
#include <memory>
#include <poll.h>
#include <unordered_set>
#include <vector>

namespace perfwb::record {

// Samples a process with perf_event_open, no perf binary needed.
//
// Event: hardware cycles where the kernel has a core PMU, otherwise software cpu-clock;
// sample_freq = frequencyHz on CLOCK_MONOTONIC (the /proc poller's clock). Samples carry
// ip, pid/tid, time, cpu, period and the kernel callchain; --call-graph dwarf adds the
// user registers and a copy of the user stack for DWARF unwinding. Kernel frames are
// recorded when permitted; on EACCES/EPERM the backend retries user-only and says so in
// notes().
//
// Events are per CPU (with inherit=1 a cpu=-1 event cannot be mmapped) and inherited:
// every thread and process the sampled tasks create from now on is followed by the
// kernel from its first instruction. Each CPU has one ring; further events on that CPU
// write into it (PERF_EVENT_IOC_SET_OUTPUT).
// - Launch mode (attach(child, true) on a Launcher child that has not exec'd yet): one
//   event per online CPU on the child, enabled at exec (enable_on_exec).
// - Attach mode: events on every CPU for every existing thread of the PID (threads x CPUs
//   descriptors; RLIMIT_NOFILE is raised to its hard limit when needed). Threads created
//   later inherit; FORK records mark them as followed, and /proc/PID/task is rescanned
//   (every 100 ms of polling) for a thread that escaped inheritance because it was
//   created while attach() ran. The first poll delivers COMM and executable MMAP events
//   synthesized from /proc before any sample. stop() leaves the process running.
//
// poll() drains every ring and delivers records to the sink in timestamp order (merged
// across the per-CPU rings), so MMAP records precede the samples that need them.
class PerfEventBackend final : public SamplerBackend {
public:
    // Why the last attach() failed; RecordSession falls back to ptrace on Refused only
    // (EACCES/EPERM from perf_event_open even for user-only events), never for a bad PID.
    enum class Failure { None, NoSuchProcess, Zombie, Refused, Other };

    PerfEventBackend();
    ~PerfEventBackend() override;
    PerfEventBackend(const PerfEventBackend &) = delete;
    PerfEventBackend &operator=(const PerfEventBackend &) = delete;

    std::string name() const override;
    Status attach(pid_t pid, bool launched, const perf::SamplingOptions &options) override;
    Result<std::size_t> poll(perf::RecordSink &sink, int timeoutMs) override;
    void stop(perf::RecordSink &sink) override;
    std::string notes() const override;

    Failure lastFailure() const { return failure_; }
    // Attach mode: true once the process has no threads left (it exited).
    bool targetGone() const { return targetGone_; }
    // Events currently open (one per CPU in launch mode, threads x CPUs in attach mode).
    std::size_t openEventCount() const { return events_.size(); }

    // sample_regs_user for --call-graph dwarf (see PerfEventOpener::dwarfRegsMask).
    static std::uint64_t dwarfRegsMask();

private:
    struct Event {
        int fd = -1;
        pid_t tid = 0; // the task it was opened on
        int cpu = -1;
        int ring = -1;    // index in rings_ when this event owns a ring
        bool hup = false; // poll() reported POLLHUP: stop polling it, still drain its ring
    };
    struct RingCursor {
        const perf_event_header *record = nullptr;
        std::uint64_t time = 0;
    };

    Status fail(Failure failure, std::string message);
    int openEvent(pid_t tid, int cpu, int &err);
    int openRingOwner(pid_t tid, std::size_t index, int &err);
    Status openError(int err, pid_t pid);
    int openThread(pid_t tid); // events on every CPU for one task: 0 or the errno
    int ringOwnerFd(std::size_t ring) const;
    static bool raiseFileLimit();
    void noteTask(const perf::TaskEvent &task);
    void rescanThreads();
    void synthesizeInitialState(std::int64_t timeNs);
    std::size_t deliverSynthesized(perf::RecordSink &sink);
    std::size_t drain(perf::RecordSink &sink);
    void deliverUnreportedLosses(perf::RecordSink &sink);
    void refresh(std::size_t ringIndex);
    std::size_t deliver(perf::RecordSink &sink, perf::PerfRecordDecoder::Kind kind);
    void closeAll();
    void addNote(const std::string &note);

    PerfEventOpener opener_;
    pid_t pid_ = 0;
    bool launched_ = false;
    bool attached_ = false;
    bool stopped_ = false;
    bool targetGone_ = false;
    std::uint32_t ringPages_ = 0;
    Failure failure_ = Failure::None;
    std::vector<Event> events_;
    std::vector<PerfRingBuffer> rings_;
    std::vector<RingCursor> cursors_;
    std::vector<pollfd> pollFds_;
    std::vector<std::size_t> pollWhich_;
    std::vector<int> cpus_;                 // online CPUs; rings_[i] is CPU cpus_[i]'s ring
    std::unordered_set<pid_t> coveredTids_; // attach mode: opened, or inherited (FORK record seen)
    std::vector<pid_t> uncoveredTids_;      // attach mode: found uncovered by the last rescan
    std::string mapError_;
    std::unique_ptr<perf::PerfRecordDecoder> decoder_;
    std::vector<perf::CommEvent> pendingComms_;
    std::vector<perf::MmapEvent> pendingMmaps_;
    std::int64_t lastRescanNs_ = 0;
    std::uint64_t malformed_ = 0;
    std::uint64_t lostReported_ = 0; // by PERF_RECORD_LOST
    std::uint64_t throttled_ = 0;
    std::vector<std::string> notes_;
};

} // namespace perfwb::record
