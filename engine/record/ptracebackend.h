// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "samplerbackend.h"

#include <memory>

namespace perfwb::record {

// The fallback sampler for when perf_event_open is refused: every 1/frequency it
// interrupts each running thread of the target with PTRACE_INTERRUPT, reads its
// registers and walks the frame-pointer chain with process_vm_readv. Costlier and
// coarser than perf events (user frames only, frame pointers only, off-CPU threads
// are skipped by reading their state from /proc), so sessions use a lower rate.
//
// ptrace binds a tracee to the tracing *thread*, so all ptrace calls happen on one
// worker thread owned by this backend; poll() hands over what it produced.
class PtraceBackend : public SamplerBackend {
public:
    PtraceBackend();
    ~PtraceBackend() override;
    std::string name() const override { return "ptrace"; }
    Status attach(pid_t pid, bool launched, const perf::SamplingOptions &options) override;
    Result<std::size_t> poll(perf::RecordSink &sink, int timeoutMs) override;
    void stop(perf::RecordSink &sink) override;
    std::string notes() const override;

    // Highest rate the fallback accepts: each sample stops the thread.
    static constexpr int kMaxFrequencyHz = 1000;
    static constexpr int kDefaultFrequencyHz = 199;

private:
    struct Worker;
    std::unique_ptr<Worker> worker_;
};

} // namespace perfwb::record
