// SPDX-License-Identifier: GPL-3.0-or-later
#include "perfeventopener.h"

#include "accessdiagnosis.h"
#include "perf/procscan.h"
#include "symbolize/symbolizer.h"

#include <cerrno>
#include <cstring>
#include <ctime>
#include <sys/syscall.h>
#include <unistd.h>

namespace perfwb::record {

namespace {

bool kernelHasCorePmu()
{
    // x86 "cpu", hybrid "cpu_core", arm64 "armv8_pmuv3_0": PERF_TYPE_HARDWARE cycles can
    // open. VMs without a PMU only have "software", "tracepoint", ...
    for (const char *dir : {"/sys/bus/event_source/devices/cpu", "/sys/bus/event_source/devices/cpu_core",
                            "/sys/bus/event_source/devices/armv8_pmuv3_0"}) {
        if (access(dir, F_OK) == 0)
            return true;
    }
    return false;
}

std::string paranoid()
{
    return "kernel.perf_event_paranoid=" + std::to_string(perf::procscan::readSysctl("kernel/perf_event_paranoid", 2));
}

} // namespace

std::uint64_t PerfEventOpener::dwarfRegsMask()
{
#if defined(__x86_64__)
    // What the unwinder reads (perf_regs.h numbering), so no sample carries unused registers.
    return symbolize::Symbolizer::requiredRegsMask();
#else
    return 0;
#endif
}

Status PerfEventOpener::validate(const perf::SamplingOptions &options)
{
    const int maxRate = perf::procscan::readSysctl("kernel/perf_event_max_sample_rate", 100000);
    if (options.frequencyHz <= 0 || options.frequencyHz > maxRate)
        return makeError("sampling frequency " + std::to_string(options.frequencyHz) +
                         " Hz is out of range (1 to kernel.perf_event_max_sample_rate=" + std::to_string(maxRate) +
                         ")");
    if (options.ringPages == 0 || (options.ringPages & (options.ringPages - 1)) != 0)
        return makeError("ring buffer size must be a power of two pages, not " + std::to_string(options.ringPages));
    if (options.callGraph == perf::CallGraph::Dwarf) {
        if (dwarfRegsMask() == 0)
            return makeError("--call-graph dwarf is not supported on this architecture; use --call-graph fp");
        if (options.stackDumpBytes < 8 || options.stackDumpBytes > 65528 || options.stackDumpBytes % 8 != 0)
            return makeError("stack dump size " + std::to_string(options.stackDumpBytes) +
                             " must be a multiple of 8 from 8 to 65528 bytes");
    }
    return {};
}

void PerfEventOpener::configure(bool launched, const perf::SamplingOptions &options)
{
    attr_ = perf_event_attr{};
    note_.clear();
    attr_.size = sizeof(perf_event_attr);
    const bool hardware = kernelHasCorePmu();
    attr_.type = hardware ? PERF_TYPE_HARDWARE : PERF_TYPE_SOFTWARE;
    attr_.config = hardware ? std::uint64_t(PERF_COUNT_HW_CPU_CYCLES) : std::uint64_t(PERF_COUNT_SW_CPU_CLOCK);
    attr_.freq = 1;
    attr_.sample_freq = std::uint64_t(options.frequencyHz);
    attr_.sample_type = PERF_SAMPLE_IP | PERF_SAMPLE_TID | PERF_SAMPLE_TIME | PERF_SAMPLE_CPU | PERF_SAMPLE_PERIOD |
                        PERF_SAMPLE_CALLCHAIN;
    if (options.callGraph == perf::CallGraph::Dwarf) {
        attr_.sample_type |= PERF_SAMPLE_REGS_USER | PERF_SAMPLE_STACK_USER;
        attr_.sample_regs_user = dwarfRegsMask();
        attr_.sample_stack_user = options.stackDumpBytes;
    }
    attr_.disabled = 1;
    // Inherited by every thread and process the sampled tasks create from now on, from
    // their first instruction; per-CPU events, as a cpu=-1 inherited event cannot be mmapped.
    attr_.inherit = 1;
    // The kernel's own count of the records it could not write (Linux 6.0+): PERF_RECORD_LOST
    // reports them only when a later record fits, so losses just before the end go unsaid.
    attr_.read_format = PERF_FORMAT_LOST;
    attr_.enable_on_exec = launched ? 1 : 0; // counting starts exactly at the target's exec
    attr_.exclude_kernel = options.kernelFrames ? 0 : 1;
    attr_.exclude_callchain_kernel = options.kernelFrames ? 0 : 1;
    attr_.exclude_hv = 1;
    attr_.mmap = 1;
    attr_.mmap2 = 1;
    attr_.comm = 1;
    attr_.comm_exec = 1;
    attr_.task = 1;
    attr_.sample_id_all = 1;
    attr_.use_clockid = 1;
    attr_.clockid = CLOCK_MONOTONIC; // the /proc poller's clock
    attr_.watermark = 1;             // wake by bytes (setWakeupWatermark), not per record
}

int PerfEventOpener::open(pid_t tid, int cpu, int &err)
{
    for (;;) {
        const int fd = static_cast<int>(syscall(SYS_perf_event_open, &attr_, tid, cpu, -1, PERF_FLAG_FD_CLOEXEC));
        if (fd >= 0)
            return fd;
        err = errno;
        if (err == EINVAL && attr_.read_format != 0) {
            attr_.read_format = 0; // before Linux 6.0
            continue;
        }
        if (attr_.type == PERF_TYPE_HARDWARE &&
            (err == ENOENT || err == EOPNOTSUPP || err == ENODEV || err == EINVAL)) {
            // A PMU that cannot sample cycles for us (VMs, restricted counters): cpu-clock works everywhere.
            attr_.type = PERF_TYPE_SOFTWARE;
            attr_.config = PERF_COUNT_SW_CPU_CLOCK;
            continue;
        }
        if ((err == EACCES || err == EPERM) && !attr_.exclude_kernel) {
            attr_.exclude_kernel = 1;
            attr_.exclude_callchain_kernel = 1;
            note_ = "kernel frames not permitted (" + paranoid() + "): user frames only";
            continue;
        }
        return -1;
    }
}

std::string PerfEventOpener::errorMessage(int err, pid_t pid) const
{
    if (err == ESRCH)
        return "no process with PID " + std::to_string(pid);
    if (err == EACCES || err == EPERM)
        return AccessDiagnosis::perfEventRefusal(err, pid);
    if (err == EMFILE || err == ENFILE)
        return std::string("cannot open more perf events: ") + std::strerror(err) +
               " (raise the open file limit, ulimit -n)";
    return std::string("perf_event_open failed: ") + std::strerror(err) + " (" + eventName() + ", " +
           std::to_string(attr_.sample_freq) + " Hz)";
}

} // namespace perfwb::record
