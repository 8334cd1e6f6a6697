// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "core/result.h"
#include "perf/samplingoptions.h"

#include <cstdint>
#include <linux/perf_event.h>
#include <string>
#include <sys/types.h>

namespace perfwb::record {

// The perf_event_attr perfwb samples with, and perf_event_open with its fallbacks:
// hardware cycles where the kernel has a core PMU, else software cpu-clock; kernel frames
// where permitted, else (EACCES/EPERM) user frames only, recorded in note(). Every event
// of a recording is opened from the same attr, so the fallbacks apply to all of them.
class PerfEventOpener {
public:
    // Checks options against the kernel's limits; one clear line when they do not fit.
    static Status validate(const perf::SamplingOptions &options);
    // sample_regs_user for --call-graph dwarf: Symbolizer::requiredRegsMask() on x86_64.
    static std::uint64_t dwarfRegsMask();

    void configure(bool launched, const perf::SamplingOptions &options);
    // An event on task `tid` (and, inherited, everything it creates) on `cpu`; -1 and the
    // errno in `err` on failure.
    int open(pid_t tid, int cpu, int &err);
    // Bytes of ring data that wake a poll()er; applies to events opened from now on.
    void setWakeupWatermark(std::uint32_t bytes) { attr_.wakeup_watermark = bytes; }

    const perf_event_attr &attr() const { return attr_; }
    const char *eventName() const { return attr_.type == PERF_TYPE_HARDWARE ? "cycles" : "cpu-clock"; }
    const std::string &note() const { return note_; }
    // The message for a failed open of `pid`'s events (ESRCH, EACCES/EPERM, EMFILE, ...).
    std::string errorMessage(int err, pid_t pid) const;

private:
    perf_event_attr attr_{};
    std::string note_;
};

} // namespace perfwb::record
