#include "ptracetracer.h"

#include <cerrno>
#include <cstring>
#include <ctime>
#include <dirent.h>
#include <fstream>
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
char threadState(pid_t tid)
{
    const std::string stat = readLine("/proc/" + std::to_string(tid) + "/stat");
    const auto close = stat.rfind(')');
    return close != std::string::npos && close + 2 < stat.size() ? stat[close + 2] : '?';
}

std::string sysctlValue(const char *path)
{
    std::string v = readLine(path);
    return v.empty() ? "?" : v;
}

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
    comms_.erase(tid);
    stuckTicks_.erase(tid);
    listening_.erase(tid);
}

void PtraceTracer::emitComm(pid_t tgid, pid_t tid, bool exec)
{
    std::string comm = readLine("/proc/" + std::to_string(tgid) + "/task/" + std::to_string(tid) + "/comm");
    if (comm.empty() || (!exec && comms_[tid] == comm))
        return;
    comms_[tid] = comm;
    CommEvent e;
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
        MmapEvent e;
        e.timeNs = now;
        e.pid = tgid;
        e.tid = tgid;
        e.start = std::stoull(range.substr(0, dash), nullptr, 16);
        e.length = std::stoull(range.substr(dash + 1), nullptr, 16) - e.start;
        e.pgoff = std::stoull(offset, nullptr, 16);
        e.executable = perms[2] == 'x';
        e.filename = path.empty() ? "//anon" : path;
        emit_(std::move(e));
    }
}

Status PtraceTracer::seize(pid_t pid, bool launched, const SamplingOptions &options)
{
    options_ = options;
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
                return makeError("ptrace refused for PID " + std::to_string(pid) +
                                 " (kernel.yama.ptrace_scope=" + sysctlValue("/proc/sys/kernel/yama/ptrace_scope") +
                                 "): run as root, lower kernel.yama.ptrace_scope, or grant CAP_SYS_PTRACE");
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
        TaskEvent e;
        e.kind = TaskEvent::Kind::Exit;
        e.timeNs = monotonicNs();
        e.pid = tracees_.count(tid) ? tracees_[tid] : tid;
        e.tid = tid;
        emit_(std::move(e));
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
        TaskEvent e;
        e.kind = TaskEvent::Kind::Fork;
        e.timeNs = monotonicNs();
        e.pid = thread ? tgid : childTid;
        e.ppid = tgid;
        e.tid = childTid;
        e.ptid = tid;
        emit_(std::move(e));
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
    for (pid_t tid : tids) {
        int status = 0;
        for (;;) {
            const pid_t r = waitpid(tid, &status, __WALL | WNOHANG);
            if (r == 0)
                break;
            if (r < 0) {
                if (errno == ECHILD)
                    removeTracee(tid);
                break;
            }
            const Stop s = handleStatus(tid, status);
            if (s == Stop::Gone)
                break;
            if (s == Stop::Interrupt) {
                emitComm(tracees_[tid], tid, false);
                ptrace(PTRACE_CONT, tid, nullptr, nullptr);
            }
        }
    }
}

bool PtraceTracer::waitForInterrupt(pid_t tid)
{
    // A tracee's stops are reported to every thread of this process that waits for it
    // (the launcher reaps the target from another thread). If such a wait took our
    // stop, nothing more arrives here: after a short while, a thread in tracing stop
    // ('t') is taken as stopped. Never block in waitpid for the same reason.
    for (int polls = 0;;) {
        int status = 0;
        const pid_t r = waitpid(tid, &status, __WALL | WNOHANG);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            removeTracee(tid);
            return false;
        }
        if (r == 0) {
            if (++polls > 100 && threadState(tid) == 't')
                return true;
            if (polls > 5000) // 1 s: the thread neither stops nor reports; leave it be
                return false;
            usleep(200);
            continue;
        }
        const Stop s = handleStatus(tid, status);
        if (s == Stop::Interrupt)
            return true;
        if (s == Stop::Gone || !tracees_.count(tid))
            return false;
        if (WIFSTOPPED(status) && ((status >> 16) & 0xff) == PTRACE_EVENT_STOP)
            return false; // group-stopped: nothing running to sample
    }
}

void PtraceTracer::sampleThread(pid_t tid)
{
    if (ptrace(PTRACE_INTERRUPT, tid, nullptr, nullptr) != 0 || !waitForInterrupt(tid))
        return;
    user_regs_struct regs{};
    if (ptrace(PTRACE_GETREGS, tid, nullptr, &regs) == 0) {
        const pid_t tgid = tracees_[tid];
        sample_.timeNs = monotonicNs();
        sample_.pid = tgid;
        sample_.tid = tid;
        sample_.cpu = 0;
        sample_.period = 0;
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
        if (options_.callGraph == CallGraph::Dwarf) {
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
    ptrace(PTRACE_CONT, tid, nullptr, nullptr);
}

void PtraceTracer::sampleRunning()
{
    std::vector<pid_t> running;
    for (const auto &[tid, tgid] : tracees_) {
        const char state = threadState(tid);
        if (state == 'R') {
            running.push_back(tid);
            stuckTicks_.erase(tid);
            continue;
        }
        ++skipped_;
        // In tracing stop with no report for us for several ticks: its stop was
        // consumed by another wait (see waitForInterrupt). Resume it rather than leave
        // the program frozen; a signal in that lost report would be lost with it.
        if (state == 't' && !listening_.count(tid) && ++stuckTicks_[tid] >= 3) {
            ptrace(PTRACE_CONT, tid, nullptr, nullptr);
            stuckTicks_.erase(tid);
        } else if (state != 't') {
            stuckTicks_.erase(tid);
        }
    }
    for (pid_t tid : running) {
        if (tracees_.count(tid))
            sampleThread(tid);
    }
}

void PtraceTracer::detachAll()
{
    std::vector<pid_t> tids;
    for (const auto &[tid, tgid] : tracees_)
        tids.push_back(tid);
    for (pid_t tid : tids) {
        // A tracee can only be detached while stopped: interrupt, wait, detach.
        if (ptrace(PTRACE_INTERRUPT, tid, nullptr, nullptr) == 0 && waitForInterrupt(tid))
            ptrace(PTRACE_DETACH, tid, nullptr, nullptr);
        else if (tracees_.count(tid))
            ptrace(PTRACE_DETACH, tid, nullptr, nullptr);
        tracees_.erase(tid);
    }
    comms_.clear();
}

} // namespace perfwb::record
