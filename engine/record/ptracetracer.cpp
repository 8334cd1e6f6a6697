// SPDX-License-Identifier: GPL-3.0-or-later
#include "ptracetracer.h"

#include "accessdiagnosis.h"
#include "perf/procscan.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <dirent.h>
#include <fstream>
#include <sched.h>
#include <signal.h>
#include <sstream>
#include <sys/ptrace.h>
#include <sys/uio.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <unistd.h>

namespace perfwb::record {

namespace {

constexpr std::uint64_t kContextUser = static_cast<std::uint64_t>(-512); // PERF_CONTEXT_USER
constexpr unsigned kMaxDepth = 256;
// How long a tick waits for the threads it interrupted to stop. A thread on a CPU stops
// within microseconds (the interrupt is an IPI); one waiting for a CPU stops when it gets
// one, which on a busy machine takes milliseconds: its stop is collected by later sweeps
// so that the wait never delays the next tick.
constexpr std::int64_t kTickStopWaitNs = 200'000;
// Detaching needs the thread stopped: wait longer for that.
constexpr std::int64_t kDetachStopWaitNs = 1'000'000'000;
constexpr long kOptions =
    PTRACE_O_TRACECLONE | PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK | PTRACE_O_TRACEEXEC | PTRACE_O_TRACEEXIT;

std::int64_t monotonicNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<std::int64_t>(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
}

std::string readLine(const std::string &path)
{
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    return line;
}

// The state letter of /proc/TID/stat (after the parenthesised comm, which may hold spaces).
bool readRemote(pid_t pid, std::uint64_t addr, void *out, std::size_t len)
{
    iovec local{out, len};
    iovec remote{reinterpret_cast<void *>(addr), len}; // NOLINT(performance-no-int-to-ptr): remote address
    return process_vm_readv(pid, &local, 1, &remote, 1, 0) == static_cast<ssize_t>(len);
}

} // namespace

PtraceTracer::PtraceTracer(Emit emit)
    : emit_(std::move(emit))
{}

PtraceTracer::~PtraceTracer()
{
    detachAll();
}

void PtraceTracer::addTracee(pid_t tid, pid_t tgid)
{
    tracees_[tid] = tgid;
}

void PtraceTracer::removeTracee(pid_t tid)
{
    tracees_.erase(tid);
    lastSampleNs_.erase(tid);
    comms_.erase(tid);
    stuckTicks_.erase(tid);
    listening_.erase(tid);
    interrupted_.erase(tid);
    syscallStops_.erase(tid);
}

void PtraceTracer::emitComm(pid_t tgid, pid_t tid, bool exec)
{
    std::string comm = readLine("/proc/" + std::to_string(tgid) + "/task/" + std::to_string(tid) + "/comm");
    if (comm.empty() || (!exec && comms_[tid] == comm))
        return;
    comms_[tid] = comm;
    perf::CommEvent e;
    e.timeNs = monotonicNs();
    e.pid = tgid;
    e.tid = tid;
    e.exec = exec;
    e.comm = std::move(comm);
    emit_(std::move(e));
}

void PtraceTracer::emitMaps(pid_t tgid)
{
    std::ifstream in("/proc/" + std::to_string(tgid) + "/maps");
    std::string line;
    const auto now = monotonicNs();
    while (std::getline(in, line)) {
        // start-end perms offset dev inode [path]
        std::istringstream fields(line);
        std::string range, perms, offset, dev, inode, path;
        fields >> range >> perms >> offset >> dev >> inode;
        std::getline(fields >> std::ws, path);
        const auto dash = range.find('-');
        if (dash == std::string::npos || perms.size() < 3)
            continue;
        perf::MmapEvent e;
        e.timeNs = now;
        e.pid = tgid;
        e.tid = tgid;
        e.start = std::stoull(range.substr(0, dash), nullptr, 16);
        e.length = std::stoull(range.substr(dash + 1), nullptr, 16) - e.start;
        e.pgoff = std::stoull(offset, nullptr, 16);
        e.executable = perms[2] == 'x';
        e.filename = path.empty() ? "//anon" : path;
        emit_(e);
    }
}

Status PtraceTracer::seize(pid_t pid, bool launched, const perf::SamplingOptions &options)
{
    options_ = options;
    periodNs_ = options.frequencyHz > 0 ? 1'000'000'000LL / options.frequencyHz : 0;
    child_ = launched ? pid : -1;
    std::vector<pid_t> tids;
    if (launched) {
        tids.push_back(pid);
    } else if (DIR *dir = opendir(("/proc/" + std::to_string(pid) + "/task").c_str())) {
        while (dirent *d = readdir(dir)) {
            if (d->d_name[0] != '.')
                tids.push_back(static_cast<pid_t>(std::strtol(d->d_name, nullptr, 10)));
        }
        closedir(dir);
    }
    if (tids.empty())
        return makeError("no process with PID " + std::to_string(pid));
    const long opts = launched ? (kOptions | PTRACE_O_EXITKILL) : kOptions;
    for (pid_t tid : tids) {
        if (ptrace(PTRACE_SEIZE, tid, nullptr, reinterpret_cast<void *>(opts)) != 0) { // NOLINT
            const int err = errno;
            if (err == ESRCH && tid != pid)
                continue; // a thread that ended while we listed them
            detachAll();
            if (err == EPERM || err == EACCES)
                return makeError(AccessDiagnosis::ptraceRefusal(err, pid));
            return makeError("cannot trace PID " + std::to_string(pid) + ": " + std::strerror(err));
        }
        addTracee(tid, pid);
    }
    if (!launched) {
        // The process exists already: tell the sink its names and address space first.
        emitMaps(pid);
        for (const auto &[tid, tgid] : tracees_)
            emitComm(tgid, tid, false);
    }
    return {};
}

PtraceTracer::Stop PtraceTracer::handleStatus(pid_t tid, int status)
{
    if (WIFEXITED(status) || WIFSIGNALED(status)) {
        perf::TaskEvent e;
        e.kind = perf::TaskEvent::Kind::Exit;
        e.timeNs = monotonicNs();
        e.pid = tracees_.count(tid) ? tracees_[tid] : tid;
        e.tid = tid;
        emit_(e);
        removeTracee(tid);
        return Stop::Gone;
    }
    if (!WIFSTOPPED(status))
        return Stop::Other;
    listening_.erase(tid); // any new report ends a group stop we were listening to
    const int sig = WSTOPSIG(status);
    const int event = (status >> 16) & 0xff; // NOLINT(hicpp-signed-bitwise): kernel encoding
    const pid_t tgid = tracees_[tid];
    switch (event) {
    case PTRACE_EVENT_STOP:
        if (sig == SIGTRAP)
            return Stop::Interrupt; // our PTRACE_INTERRUPT, or a new tracee's first stop
        // Group stop (SIGSTOP and friends): stay stopped but let SIGCONT wake it.
        ptrace(PTRACE_LISTEN, tid, nullptr, nullptr);
        listening_.insert(tid);
        return Stop::Other;
    case PTRACE_EVENT_CLONE:
    case PTRACE_EVENT_FORK:
    case PTRACE_EVENT_VFORK: {
        unsigned long child = 0;
        ptrace(PTRACE_GETEVENTMSG, tid, nullptr, &child);
        const auto childTid = static_cast<pid_t>(child);
        const bool thread = event == PTRACE_EVENT_CLONE;
        perf::TaskEvent e;
        e.kind = perf::TaskEvent::Kind::Fork;
        e.timeNs = monotonicNs();
        e.pid = thread ? tgid : childTid;
        e.ppid = tgid;
        e.tid = childTid;
        e.ptid = tid;
        emit_(e);
        addTracee(childTid, thread ? tgid : childTid);
        if (!thread)
            emitMaps(childTid);
        ptrace(PTRACE_CONT, tid, nullptr, nullptr);
        return Stop::Other;
    }
    case PTRACE_EVENT_EXEC: {
        // After exec the thread group leader carries on with the new program.
        unsigned long formerTid = 0;
        ptrace(PTRACE_GETEVENTMSG, tid, nullptr, &formerTid);
        if (static_cast<pid_t>(formerTid) != tid)
            removeTracee(static_cast<pid_t>(formerTid));
        emitComm(tgid, tid, true);
        emitMaps(tgid);
        ptrace(PTRACE_CONT, tid, nullptr, nullptr);
        return Stop::Other;
    }
    case PTRACE_EVENT_EXIT:
        // Let it go now so its parent (perhaps us, via the launcher) reaps it normally.
        ptrace(PTRACE_DETACH, tid, nullptr, nullptr);
        handleStatus(tid, 0); // reports the exit, forgets the tracee
        return Stop::Gone;
    default:
        break;
    }
    // A signal for the program: deliver it unchanged.
    ptrace(PTRACE_CONT, tid, nullptr, reinterpret_cast<void *>(static_cast<long>(sig))); // NOLINT
    return Stop::Other;
}

void PtraceTracer::sweep()
{
    std::vector<pid_t> tids;
    for (const auto &[tid, tgid] : tracees_)
        tids.push_back(tid);
    for (pid_t tid : tids)
        collect(tid);
}

std::size_t PtraceTracer::collect(pid_t tid)
{
    std::size_t handled = 0;
    for (int status = 0;; ++handled) {
        const pid_t r = waitTracee(tid, status);
        if (r == 0)
            return handled;
        if (r < 0) {
            if (errno == ECHILD)
                removeTracee(tid);
            return handled;
        }
        const Stop s = handleStatus(tid, status);
        if (s == Stop::Gone)
            return handled + 1;
        if (s == Stop::Interrupt) {
            if (interrupted_.erase(tid) > 0)
                takeSample(tid);
            emitComm(tracees_[tid], tid, false);
            ptrace(PTRACE_CONT, tid, nullptr, nullptr);
        } else if (listening_.count(tid) || // group-stopped: not running, nothing to sample
                   (interrupted_.count(tid) && ptrace(PTRACE_INTERRUPT, tid, nullptr, nullptr) != 0)) {
            // Otherwise another stop (exec, clone, fork or a signal) came before ours: every
            // ptrace stop clears a pending PTRACE_INTERRUPT and handleStatus resumed the
            // thread, so the condition asked again; only when that fails is it forgotten.
            interrupted_.erase(tid);
        }
    }
}

pid_t PtraceTracer::waitTracee(pid_t tid, int &status)
{
    if (tid == child_) {
        // The launched target is our child as well as our tracee: a wait here would reap
        // it and take its exit status and rusage from the Launcher (which then never sees
        // it end). Look first; leave an ended child to the Launcher.
        siginfo_t info{};
        if (waitid(P_PID, static_cast<id_t>(tid), &info, WEXITED | WNOHANG | WNOWAIT | __WALL) == 0 &&
            info.si_pid == tid &&
            (info.si_code == CLD_EXITED || info.si_code == CLD_KILLED || info.si_code == CLD_DUMPED)) {
            status = 0; // handleStatus: reports the exit, forgets the tracee
            return tid;
        }
    }
    return waitpid(tid, &status, __WALL | WNOHANG);
}

bool PtraceTracer::waitForInterrupt(pid_t tid, std::int64_t timeoutNs)
{
    // Never block in waitpid: a thread that does not stop must not stall the sampler.
    // Spin (yielding) first: a running thread stops within microseconds, and a sleep
    // would keep it stopped for the sleep's length.
    const std::int64_t deadline = monotonicNs() + timeoutNs;
    for (int polls = 0;; ++polls) {
        int status = 0;
        const pid_t r = waitTracee(tid, status);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            removeTracee(tid);
            return false;
        }
        if (r == 0) {
            if (monotonicNs() >= deadline)
                return false; // the interrupt stays pending; sweep() resumes the thread
            if (polls < 100) {
                sched_yield();
            } else {
                const timespec pause{0, 50'000};
                nanosleep(&pause, nullptr);
            }
            continue;
        }
        const Stop s = handleStatus(tid, status);
        if (s == Stop::Interrupt)
            return true;
        if (s == Stop::Gone || !tracees_.count(tid))
            return false;
        if (WIFSTOPPED(status) && ((status >> 16) & 0xff) == PTRACE_EVENT_STOP)
            return false; // group-stopped: nothing running to sample
        // Another stop (exec, clone, fork, a signal) came first. Every ptrace stop clears
        // a pending PTRACE_INTERRUPT, and handleStatus resumed the thread: ask again, or
        // we wait for a stop that never comes.
        if (ptrace(PTRACE_INTERRUPT, tid, nullptr, nullptr) != 0)
            return false;
    }
}

// The thread is in our interrupt stop.
bool PtraceTracer::displacedStop(pid_t tid, const user_regs_struct &regs)
{
    // A running thread stops at its next return to user mode: for code that makes a system
    // call every microsecond that is nearly always a call's return, whatever the thread was
    // doing when asked (threads 1500: clock_gettime 61 % of the samples, 0.2 % by perf
    // events). Such stops are kept only as often as the thread's share of time in the
    // kernel says (the kernel's tick accounting, sampled by the timer interrupt like
    // perf's cpu-clock); the others are resumed without a sample.
    SyscallStops &calls = syscallStops_[tid];
    ++calls.stops;
    if (static_cast<long long>(regs.orig_rax) < 0) // NOLINT(google-runtime-int): the register's type
        return false;
    ++calls.atSyscall;
    const std::uint64_t ticks = calls.utime + calls.stime;
    const double kernelShare = ticks > 0 ? static_cast<double>(calls.stime) / static_cast<double>(ticks) : 1.0;
    const double stopShare = static_cast<double>(calls.atSyscall) / static_cast<double>(calls.stops);
    calls.credit += std::min(1.0, kernelShare / stopShare);
    if (calls.credit >= 1.0) {
        calls.credit -= 1.0;
        return false;
    }
    ++displaced_;
    return true;
}

void PtraceTracer::takeSample(pid_t tid)
{
    user_regs_struct regs{};
    if (ptrace(PTRACE_GETREGS, tid, nullptr, &regs) == 0 && !displacedStop(tid, regs)) {
        const pid_t tgid = tracees_[tid];
        const std::int64_t now = monotonicNs();
        sample_.timeNs = now;
        sample_.pid = tgid;
        sample_.tid = tid;
        sample_.cpu = 0;
        // The wall time this sample stands for (ns, like perf's cpu-clock period): the
        // time since this thread's previous sample, one period for its first.
        const auto last = lastSampleNs_.find(tid);
        sample_.period = static_cast<std::uint64_t>(last != lastSampleNs_.end() ? now - last->second : periodNs_);
        lastSampleNs_[tid] = now;
        sample_.callchain.clear();
        sample_.callchain.push_back(kContextUser);
        sample_.callchain.push_back(regs.rip);
        // Frame-pointer chain: [bp] = caller's bp, [bp + 8] = return address.
        std::uint64_t bp = regs.rbp;
        for (unsigned depth = 0; depth < kMaxDepth && bp >= regs.rsp && (bp & 7U) == 0; ++depth) {
            std::uint64_t frame[2] = {0, 0};
            if (!readRemote(tgid, bp, frame, sizeof frame) || frame[1] == 0)
                break;
            sample_.callchain.push_back(frame[1]);
            if (frame[0] <= bp)
                break;
            bp = frame[0];
        }
        sample_.userRegsMask = 0;
        sample_.userRegs.clear();
        sample_.userStack.clear();
        if (options_.callGraph == perf::CallGraph::Dwarf) {
            // Same layout as PERF_SAMPLE_REGS_USER (x86_64 perf_regs order, no segment
            // registers DS/ES/FS/GS) and PERF_SAMPLE_STACK_USER, so the DWARF unwinder
            // serves both backends.
            const std::uint64_t values[] = {regs.rax, regs.rbx, regs.rcx,    regs.rdx, regs.rsi, regs.rdi, regs.rbp,
                                            regs.rsp, regs.rip, regs.eflags, regs.cs,  regs.ss,  regs.r8,  regs.r9,
                                            regs.r10, regs.r11, regs.r12,    regs.r13, regs.r14, regs.r15};
            sample_.userRegsMask = 0xff0fffULL;
            sample_.userRegs.assign(std::begin(values), std::end(values));
            sample_.userStack.resize(options_.stackDumpBytes);
            iovec local{sample_.userStack.data(), sample_.userStack.size()};
            iovec remote{reinterpret_cast<void *>(regs.rsp), sample_.userStack.size()}; // NOLINT
            const ssize_t got = process_vm_readv(tgid, &local, 1, &remote, 1, 0);
            sample_.userStack.resize(got > 0 ? static_cast<std::size_t>(got) : 0);
        }
        emit_(TracerEvent(sample_));
        ++samples_;
    }
    // No PTRACE_CONT here: collect() resumes the thread once. A second one could resume a
    // later stop (fork, exec) before its report is read, and that report would be lost.
}

void PtraceTracer::sampleRunning(std::uint64_t missedTicks)
{
    std::vector<pid_t> tids;
    for (const auto &[tid, tgid] : tracees_)
        tids.push_back(tid);
    std::vector<pid_t> running;
    for (pid_t tid : tids) {
        if (!tracees_.count(tid))
            continue;
        perf::procscan::StatFields stat;
        const char state = perf::procscan::readStat(tid, stat) ? stat.state : '?';
        if (state == 'R') {
            SyscallStops &calls = syscallStops_[tid];
            calls.utime = stat.utime;
            calls.stime = stat.stime;
            running.push_back(tid);
            stuckTicks_.erase(tid);
            continue;
        }
        ++skipped_;
        if (state != 't' || listening_.count(tid)) {
            stuckTicks_.erase(tid);
            continue;
        }
        // In tracing stop: most often a stop whose report came after the last sweep (a
        // busy shell spends much of its time in fork/exec stops). Handle it now.
        if (collect(tid) > 0) {
            stuckTicks_.erase(tid);
            continue;
        }
        // Stopped with no report for us, several ticks in a row: its stop was consumed by
        // a wait elsewhere in this process. Resume it rather than leave the program
        // frozen; a signal in that lost report is lost with it.
        if (++stuckTicks_[tid] >= 3) {
            ptrace(PTRACE_CONT, tid, nullptr, nullptr);
            stuckTicks_.erase(tid);
        }
    }
    if (missedTicks > 0 && !running.empty()) {
        // Each running thread would have been sampled at each missed tick.
        const std::uint64_t missed = missedTicks * running.size();
        lost_ += missed;
        emit_(TracerEvent(missed));
    }
    for (pid_t tid : running) {
        if (interrupted_.count(tid)) {
            // Still has not stopped for the previous tick (waiting for a CPU): this
            // tick's sample is lost; the pending one is taken when it stops.
            ++lost_;
            emit_(TracerEvent(std::uint64_t{1}));
        } else if (ptrace(PTRACE_INTERRUPT, tid, nullptr, nullptr) == 0) {
            interrupted_.insert(tid);
        }
    }
    // Collect the stops of the threads that were on a CPU right away: each one stays
    // stopped until we see it. Poll without yielding: a yield on a busy machine hands the
    // CPU away for a whole time slice while the target waits for us.
    const std::int64_t deadline = monotonicNs() + kTickStopWaitNs;
    while (!interrupted_.empty() && monotonicNs() < deadline)
        sweep();
}

void PtraceTracer::detachAll()
{
    std::vector<pid_t> tids;
    for (const auto &[tid, tgid] : tracees_)
        tids.push_back(tid);
    for (pid_t tid : tids) {
        // A tracee can only be detached while stopped: interrupt, wait, detach.
        if ((ptrace(PTRACE_INTERRUPT, tid, nullptr, nullptr) == 0 && waitForInterrupt(tid, kDetachStopWaitNs)) ||
            tracees_.count(tid))
            ptrace(PTRACE_DETACH, tid, nullptr, nullptr);
        tracees_.erase(tid);
    }
    comms_.clear();
}

} // namespace perfwb::record
