// SPDX-License-Identifier: GPL-3.0-or-later
// PerfEventBackend on real workloads and the real kernel: launch and attach modes, both
// call-graph modes, threads, fork+exec, and the errors a user can cause.
#include "collectingsink.h"
#include "perf/procscan.h"
#include "record/launcher.h"
#include "record/perfeventbackend.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSet>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <bit>
#include <cstdlib>
#include <grp.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <thread>
#include <time.h>
#include <unistd.h>

using namespace perfwb;
using namespace perfwb::record;
using namespace perfwb::perf;

namespace {

std::int64_t monotonicNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return std::int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

std::string workload(const char *name)
{
    return QFileInfo(QStringLiteral(PERFWB_WORKLOAD_DIR "/") + QLatin1String(name)).canonicalFilePath().toStdString();
}

struct LaunchRun {
    pid_t pid = 0;
    ExitStatus status;
    std::int64_t before = 0; // CLOCK_MONOTONIC just before the target was released
    std::int64_t after = 0;  // ... and after it was reaped
    std::string notes;
    std::string name;
};

// Launch → attach counters → release → poll until the target exits → stop.
void runLaunched(const std::vector<std::string> &command, const SamplingOptions &options, CollectingSink &sink,
                 LaunchRun &run)
{
    Launcher launcher;
    QVERIFY(launcher.create({command, {}, {}}));
    PerfEventBackend backend;
    const Status attached = backend.attach(launcher.pid(), true, options);
    QVERIFY2(attached, attached.message().c_str());
    QCOMPARE(backend.openEventCount(), std::size_t(sysconf(_SC_NPROCESSORS_ONLN)));
    run.pid = launcher.pid();
    run.before = monotonicNs();
    const Status released = launcher.release();
    QVERIFY2(released, released.message().c_str());
    for (;;) {
        const auto polled = backend.poll(sink, 50);
        QVERIFY2(polled, polled ? "" : polled.message().c_str());
        if (auto st = launcher.waitFor(0)) {
            run.status = *st;
            break;
        }
    }
    run.after = monotonicNs();
    backend.stop(sink);
    run.notes = backend.notes();
    run.name = backend.name();
}

// Samples the kernel should have taken for `cpuNs` of CPU time at `hz`, with a margin
// for the first and last period and for samples the scheduler tick moves around.
std::size_t expectedAtLeast(std::int64_t cpuNs, int hz)
{
    return std::size_t(double(cpuNs) * 1e-9 * hz * 0.7);
}

// No sample is delivered twice (e.g. by two events on one thread): at most this many.
std::size_t expectedAtMost(std::int64_t cpuNs, int hz)
{
    return std::size_t(double(cpuNs) * 1e-9 * hz * 1.25) + 10;
}

// Index of the first user-space address in a kernel callchain (after PERF_CONTEXT_USER).
int firstUserIndex(const RawSample &s)
{
    bool user = false;
    for (std::size_t i = 0; i < s.callchain.size(); ++i) {
        const auto ip = s.callchain[i];
        if (ip >= PERF_CONTEXT_MAX) {
            user = ip == PERF_CONTEXT_USER;
            continue;
        }
        if (user)
            return int(i);
    }
    return -1;
}

std::int64_t processCpuTicks(pid_t pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = f.readAll();
    const auto fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    return fields.value(11).toLongLong() + fields.value(12).toLongLong(); // utime + stime
}

char processState(pid_t pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return '?';
    const QByteArray text = f.readAll();
    const auto at = text.lastIndexOf(')') + 2;
    return at > 1 && at < text.size() ? text.at(at) : '?';
}

// Spins on this thread's CPU clock; noinline so it is a distinct function.
__attribute__((noinline)) void spinThreadCpu(std::int64_t ns)
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    const std::int64_t end = std::int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec + ns;
    volatile std::uint64_t x = 1;
    for (;;) {
        for (int i = 0; i < 10000; ++i)
            x = x * 6364136223846793005ULL + 1;
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        if (std::int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec >= end)
            break;
    }
}

// Runs `body` in a forked child that has dropped to user nobody; its exit code tells
// the outcome (0 = as expected), its stderr explains a failure.
int runAsNobody(const std::function<int()> &body)
{
    const pid_t child = fork();
    if (child == 0) {
        if (setgroups(0, nullptr) != 0 || setgid(65534) != 0 || setuid(65534) != 0)
            _exit(90);
        // setuid() made us non-dumpable, which no real user's shell is: the kernel would
        // refuse perf events on our forked (not yet exec'd) children for that reason alone.
        prctl(PR_SET_DUMPABLE, 1);
        _exit(body());
    }
    int st = 0;
    waitpid(child, &st, 0);
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

} // namespace

class TestPerfEventBackend : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo::exists(QStringLiteral(PERFWB_WORKLOAD_DIR "/cpusplit")),
                 "build the workloads first: cmake --build <dir> --target cpusplit threads forkexec");
    }

    void launchCpusplit_data()
    {
        QTest::addColumn<bool>("dwarf");
        QTest::newRow("dwarf") << true;
        QTest::newRow("fp") << false;
    }
    void launchCpusplit()
    {
        QFETCH(bool, dwarf);
        SamplingOptions options;
        options.callGraph = dwarf ? CallGraph::Dwarf : CallGraph::FramePointer;
        if (dwarf)
            options.ringPages = 256; // as PerfRecorder sizes them for 8 KiB stack copies
        CollectingSink sink;
        LaunchRun run;
        const std::string cpusplit = workload("cpusplit");
        runLaunched({cpusplit, "1200"}, options, sink, run);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(run.status.describe(), std::string("exited with code 0"));
        QVERIFY2(run.notes.empty(), run.notes.c_str());
        QVERIFY(run.name.rfind("perf_event ", 0) == 0);

        // cpusplit spins for 1.2 s of wall time; on a busy machine it gets less CPU, so the
        // count is checked against the CPU time the kernel accounted to it (1 per ms at 999 Hz).
        const auto n = sink.samples.size();
        QVERIFY2(n > 200, qPrintable(QString::number(n)));
        const QString counts = QStringLiteral("%1 samples for %2 ms CPU, %3 lost")
                                   .arg(n)
                                   .arg(run.status.cpuTimeNs / 1000000)
                                   .arg(sink.lost);
        qInfo("%s", qPrintable(counts));
        // Every sample is delivered or counted as lost; losses stay rare with rings sized
        // as the session sizes them (a reader starved of CPU on a busy machine can lose some).
        QVERIFY2(n + sink.lost >= expectedAtLeast(run.status.cpuTimeNs, options.frequencyHz), qPrintable(counts));
        QVERIFY2(n + sink.lost <= expectedAtMost(run.status.cpuTimeNs, options.frequencyHz), qPrintable(counts));
        QVERIFY2(sink.lost <= n / 10, qPrintable(counts));

        std::map<std::uint32_t, std::int64_t> lastTimeOnCpu;
        std::size_t deepFp = 0;
        // Index of a perf_regs.h register (x86_64: SP 7, IP 8) among the sampled ones.
        const std::uint64_t mask = PerfEventBackend::dwarfRegsMask();
        const auto regIndex = [mask](int reg) { return std::size_t(std::popcount(mask & ((1ULL << reg) - 1))); };
        const std::size_t sp = regIndex(7), ip = regIndex(8);
        if (dwarf)
            QVERIFY((mask >> 7 & 1) && (mask >> 8 & 1));
        for (const auto &s : sink.samples) {
            QCOMPARE(s.pid, run.pid);
            QCOMPARE(s.tid, run.pid);
            QVERIFY(s.timeNs >= run.before && s.timeNs <= run.after);
            auto &last = lastTimeOnCpu[s.cpu]; // one ring per CPU: in time order
            QVERIFY(s.timeNs >= last);
            last = s.timeNs;
            QVERIFY(s.period > 0);
            const int user = firstUserIndex(s);
            QVERIFY(user >= 0);
            if (dwarf) {
                QCOMPARE(s.userRegsMask, PerfEventBackend::dwarfRegsMask());
                QCOMPARE(s.userRegs.size(), std::size_t(std::popcount(s.userRegsMask)));
                QVERIFY(s.userRegs[sp] != 0);
                QCOMPARE(s.userRegs[ip], s.callchain[std::size_t(user)]);
                QVERIFY(!s.userStack.empty() && s.userStack.size() <= options.stackDumpBytes);
            } else {
                QCOMPARE(s.userRegsMask, std::uint64_t(0));
                QVERIFY(s.userRegs.empty() && s.userStack.empty());
                if (s.callchain.size() - std::size_t(user) >= 3)
                    ++deepFp;
            }
        }
        // Frame pointers: leaf -> run_split -> main (-> libc start) on nearly every sample.
        if (!dwarf)
            QVERIFY2(deepFp >= n * 8 / 10, qPrintable(QStringLiteral("%1 of %2").arg(deepFp).arg(n)));

        QVERIFY(sink.hasMmap(run.pid, cpusplit));
        QVERIFY(sink.hasMmapEndingWith(run.pid, "/libc.so.6"));
        const CommEvent *comm = sink.comm(run.pid, "cpusplit");
        QVERIFY(comm);
        QVERIFY(comm->exec);
        // The exec's COMM and the binary's MMAP come before the first sample.
        QVERIFY(sink.order.find('S') > sink.order.find('C'));
        QVERIFY(sink.order.find('S') > sink.order.find('M'));
    }

    void lostSamplesAreCounted()
    {
        // Two-page rings hold no more than one 8 KiB stack copy: left unread while the
        // target runs, nearly every sample is lost, and each one must be counted.
        SamplingOptions options;
        options.ringPages = 2;
        Launcher launcher;
        QVERIFY(launcher.create({{workload("cpusplit"), "300"}, {}, {}}));
        PerfEventBackend backend;
        QVERIFY(backend.attach(launcher.pid(), true, options));
        QVERIFY(launcher.release());
        const auto st = launcher.waitFor(-1);
        QVERIFY(st);
        CollectingSink sink;
        backend.stop(sink);
        const std::uint64_t seen = sink.samples.size() + sink.lost;
        const QString counts = QStringLiteral("%1 samples, %2 lost, %3 ms CPU")
                                   .arg(sink.samples.size())
                                   .arg(sink.lost)
                                   .arg(st->cpuTimeNs / 1000000);
        qInfo("%s", qPrintable(counts));
        QVERIFY2(sink.lost > sink.samples.size(), qPrintable(counts));
        // The kernel reports losses in LOST records written once the ring has room again;
        // with a ring that never holds a whole sample, the count still pending when the
        // target exits is never written. Since Linux 6.0 the events' own loss counts
        // (PERF_FORMAT_LOST, read at stop) add those: the total comes to the CPU time's.
        QVERIFY2(seen > 0 && seen <= expectedAtMost(st->cpuTimeNs, 999), qPrintable(counts));
        utsname u{};
        QVERIFY(uname(&u) == 0);
        if (std::atoi(u.release) >= 6)
            QVERIFY2(seen >= expectedAtLeast(st->cpuTimeNs, 999), qPrintable(counts));
    }

    void launchThreads()
    {
        CollectingSink sink;
        LaunchRun run;
        runLaunched({workload("threads"), "300"}, SamplingOptions{}, sink, run);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(run.status.code, 0);
        std::map<std::string, pid_t> named; // thr-a.. -> tid, from COMM records
        for (const auto &c : sink.comms) {
            if (c.pid == run.pid && c.comm.rfind("thr-", 0) == 0)
                named[c.comm] = c.tid;
        }
        QCOMPARE(named.size(), std::size_t(4));
        std::map<pid_t, std::size_t> perTid;
        for (const auto &s : sink.samples) {
            QCOMPARE(s.pid, run.pid);
            ++perTid[s.tid];
        }
        for (const auto &[name, tid] : named) {
            QVERIFY2(perTid[tid] >= 100,
                     qPrintable(QStringLiteral("%1: %2 samples").arg(name.c_str()).arg(perTid[tid])));
            const bool forked = std::any_of(sink.tasks.begin(), sink.tasks.end(), [&](const TaskEvent &t) {
                return t.kind == TaskEvent::Kind::Fork && t.pid == run.pid && t.tid == tid && t.ptid == run.pid;
            });
            QVERIFY2(forked, name.c_str());
        }
    }

    void launchForkExec()
    {
        CollectingSink sink;
        LaunchRun run;
        const std::string cpusplit = workload("cpusplit");
        runLaunched({workload("forkexec"), cpusplit, "300"}, SamplingOptions{}, sink, run);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(run.status.code, 0);
        // The forked child process.
        pid_t child = 0;
        for (const auto &t : sink.tasks) {
            if (t.kind == TaskEvent::Kind::Fork && t.ppid == run.pid && t.pid != run.pid)
                child = t.pid;
        }
        QVERIFY(child > 0);
        const CommEvent *exec = sink.comm(child, "cpusplit");
        QVERIFY(exec && exec->exec);
        QVERIFY(sink.hasMmap(child, cpusplit));
        std::size_t parent = 0, childBefore = 0, childAfter = 0;
        for (const auto &s : sink.samples) {
            QVERIFY(s.pid == run.pid || s.pid == child);
            if (s.pid == run.pid)
                ++parent;
            else if (s.timeNs < exec->timeNs)
                ++childBefore;
            else
                ++childAfter;
        }
        // Every phase is seen (each spins 300 ms of wall time; on a busy machine it gets
        // less CPU, so only their presence and the total against the CPU time are checked).
        QVERIFY2(parent >= 10 && childBefore >= 10 && childAfter >= 10,
                 qPrintable(QStringLiteral("%1 %2 %3").arg(parent).arg(childBefore).arg(childAfter)));
        QVERIFY(sink.samples.size() >= expectedAtLeast(run.status.cpuTimeNs, 999));
        const bool exited = std::any_of(sink.tasks.begin(), sink.tasks.end(), [&](const TaskEvent &t) {
            return t.kind == TaskEvent::Kind::Exit && t.pid == child && t.tid == child;
        });
        QVERIFY(exited);
    }

    void attachRunning()
    {
        const std::string cpusplit = workload("cpusplit");
        QProcess target;
        target.start(QString::fromStdString(cpusplit), {QStringLiteral("2500")});
        QVERIFY(target.waitForStarted());
        const pid_t pid = pid_t(target.processId());
        // Attach to a running program, not to ld.so still loading it: a library mapped after
        // the attach comes as the kernel's MMAP record, after samples (seen in CI).
        QVERIFY(QTest::qWaitFor(
            [&] {
                QFile maps(QStringLiteral("/proc/%1/maps").arg(pid));
                if (!maps.open(QIODevice::ReadOnly))
                    return false;
                const QList<QByteArray> lines = maps.readAll().split('\n');
                return std::any_of(lines.begin(), lines.end(), [](const QByteArray &l) {
                    return l.contains(" r-xp ") && l.endsWith("/libc.so.6");
                });
            },
            10000));
        QTest::qWait(50);

        PerfEventBackend backend;
        CollectingSink sink;
        const std::int64_t ticksBefore = processCpuTicks(pid);
        const std::int64_t before = monotonicNs();
        const Status attached = backend.attach(pid, false, SamplingOptions{});
        QVERIFY2(attached, attached.message().c_str());
        while (monotonicNs() - before < 1000000000) {
            const auto polled = backend.poll(sink, 50);
            QVERIFY2(polled, polled ? "" : polled.message().c_str());
        }
        backend.stop(sink);
        const std::int64_t ticksAfter = processCpuTicks(pid);
        QVERIFY(!backend.targetGone());

        // The workload is unharmed: it runs on and exits normally.
        QVERIFY(target.waitForFinished(10000));
        QCOMPARE(target.exitStatus(), QProcess::NormalExit);
        QCOMPARE(target.exitCode(), 0);

        const std::int64_t cpuNs = (ticksAfter - ticksBefore) * (1000000000 / sysconf(_SC_CLK_TCK));
        QVERIFY2(sink.samples.size() >= expectedAtLeast(cpuNs - 20000000, 999),
                 qPrintable(QStringLiteral("%1 samples, %2 ms CPU").arg(sink.samples.size()).arg(cpuNs / 1000000)));
        QVERIFY(!sink.samples.empty());
        for (const auto &s : sink.samples) {
            QCOMPARE(s.pid, pid);
            QVERIFY(s.timeNs >= before);
            QVERIFY(!s.userStack.empty());
        }
        // Synthesized from /proc, before any sample.
        const CommEvent *comm = sink.comm(pid, "cpusplit");
        QVERIFY(comm && !comm->exec);
        QVERIFY(sink.hasMmap(pid, cpusplit));
        QVERIFY(sink.hasMmapEndingWith(pid, "/libc.so.6"));
        // The maps that were there at attach time are synthesized before the first sample;
        // a library the target maps later comes as the kernel's own MMAP record, any time.
        const std::size_t firstSample = sink.order.find('S');
        std::size_t mmapIndex = 0;
        QString late;
        for (std::size_t i = 0; i < sink.order.size(); ++i) {
            if (sink.order[i] != 'M')
                continue;
            const MmapEvent &m = sink.mmaps[mmapIndex++];
            if (i > firstSample && m.executable &&
                (m.filename == cpusplit || m.filename.ends_with("/libc.so.6") ||
                 m.filename.ends_with("/ld-linux-x86-64.so.2")))
                late += QString::fromStdString(m.filename) + QLatin1Char(' ');
        }
        QVERIFY2(late.isEmpty(), qPrintable(QStringLiteral("mapped at attach, but reported after a sample: ") + late));
        QVERIFY(comm->timeNs <= sink.samples.front().timeNs);
    }

    void attachExistingThreads()
    {
        QProcess target;
        target.start(QString::fromStdString(workload("threads")), {QStringLiteral("600")});
        QVERIFY(target.waitForStarted());
        const pid_t pid = pid_t(target.processId());
        QTRY_COMPARE(procscan::threads(pid).size(), std::size_t(5)); // main + thr-a..thr-d

        PerfEventBackend backend;
        CollectingSink sink;
        const Status attached = backend.attach(pid, false, SamplingOptions{});
        QVERIFY2(attached, attached.message().c_str());
        QCOMPARE(backend.openEventCount(), 5 * procscan::onlineCpus().size()); // threads x CPUs
        const std::int64_t begin = monotonicNs();
        while (monotonicNs() - begin < 500000000) {
            const auto polled = backend.poll(sink, 50);
            QVERIFY2(polled, polled ? "" : polled.message().c_str());
        }
        backend.stop(sink);
        QVERIFY(target.waitForFinished(20000));
        QCOMPARE(target.exitCode(), 0);

        std::map<pid_t, std::size_t> perTid;
        for (const auto &s : sink.samples)
            ++perTid[s.tid];
        int named = 0;
        for (const auto &c : sink.comms) {
            if (c.pid == pid && c.comm.rfind("thr-", 0) == 0) {
                ++named;
                QVERIFY2(perTid[c.tid] >= 10, c.comm.c_str());
            }
        }
        QCOMPARE(named, 4);
    }

    void attachFollowsNewThreads()
    {
        // Attach to ourselves, then start threads: they must be found (FORK records and
        // the /proc rescan) and sampled.
        PerfEventBackend backend;
        CollectingSink sink;
        SamplingOptions options;
        options.callGraph = CallGraph::FramePointer;
        const Status attached = backend.attach(getpid(), false, options);
        QVERIFY2(attached, attached.message().c_str());
        QVERIFY(backend.poll(sink, 0));

        std::atomic<int> running{3};
        std::vector<pid_t> tids(3);
        std::vector<std::int64_t> cpuNs(3);
        std::vector<std::thread> threads;
        for (int i = 0; i < 3; ++i) {
            threads.emplace_back([&, i] {
                tids[std::size_t(i)] = pid_t(syscall(SYS_gettid));
                spinThreadCpu(400000000);
                timespec ts{};
                clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
                cpuNs[std::size_t(i)] = std::int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
                --running;
            });
        }
        while (running > 0)
            QVERIFY(backend.poll(sink, 20));
        for (auto &t : threads)
            t.join();
        backend.stop(sink);

        std::map<pid_t, std::size_t> perTid;
        for (const auto &s : sink.samples) {
            QCOMPARE(s.pid, getpid());
            ++perTid[s.tid];
        }
        for (std::size_t i = 0; i < tids.size(); ++i) {
            const pid_t tid = tids[i];
            // Inherited from its first instruction, and sampled once (no second event on it).
            const QString counts =
                QStringLiteral("tid %1: %2 samples for %3 ms CPU").arg(tid).arg(perTid[tid]).arg(cpuNs[i] / 1000000);
            QVERIFY2(perTid[tid] >= expectedAtLeast(cpuNs[i], 999), qPrintable(counts));
            QVERIFY2(perTid[tid] <= expectedAtMost(cpuNs[i], 999), qPrintable(counts));
            const bool forked = std::any_of(sink.tasks.begin(), sink.tasks.end(), [&](const TaskEvent &t) {
                return t.kind == TaskEvent::Kind::Fork && t.tid == tid;
            });
            QVERIFY(forked);
        }
        QCOMPARE(backend.openEventCount(), std::size_t(0)); // stop() closed everything
    }

    void attachErrors_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("failure");
        QTest::newRow("unknown PID") << "unknown" << int(PerfEventBackend::Failure::NoSuchProcess);
        QTest::newRow("negative PID") << "negative" << int(PerfEventBackend::Failure::NoSuchProcess);
        QTest::newRow("zombie") << "zombie" << int(PerfEventBackend::Failure::Zombie);
    }
    void attachErrors()
    {
        QFETCH(QString, kind);
        QFETCH(int, failure);
        pid_t pid = 0;
        std::string expected;
        if (kind == "unknown") {
            pid = 999999999;
            expected = "no process with PID 999999999";
        } else if (kind == "negative") {
            pid = -5;
            expected = "no process with PID -5";
        } else {
            pid = fork();
            if (pid == 0)
                _exit(0);
            // Not reaped yet: a zombie once it has exited.
            QTRY_COMPARE(processState(pid), 'Z');
            expected = "process " + std::to_string(pid) + " is a zombie (it has exited; its parent has not reaped it)";
        }
        PerfEventBackend backend;
        const Status s = backend.attach(pid, false, SamplingOptions{});
        if (kind == "zombie")
            waitpid(pid, nullptr, 0);
        QVERIFY(!s);
        QCOMPARE(s.message(), expected);
        QCOMPARE(int(backend.lastFailure()), failure);
        QCOMPARE(backend.openEventCount(), std::size_t(0));
    }

    void badOptions_data()
    {
        QTest::addColumn<int>("hz");
        QTest::addColumn<int>("pages");
        QTest::addColumn<int>("stack");
        QTest::addColumn<QString>("error");
        const int maxRate = QString::fromUtf8([] {
                                QFile f("/proc/sys/kernel/perf_event_max_sample_rate");
                                f.open(QIODevice::ReadOnly);
                                return f.readAll().trimmed();
                            }())
                                .toInt();
        const QString range =
            QStringLiteral(" Hz is out of range (1 to kernel.perf_event_max_sample_rate=%1)").arg(maxRate);
        QTest::newRow("zero Hz") << 0 << 64 << 8192 << "sampling frequency 0" + range;
        QTest::newRow("too fast") << maxRate + 1 << 64 << 8192
                                  << QString::number(maxRate + 1).prepend("sampling frequency ") + range;
        QTest::newRow("ring not 2^n") << 999 << 48 << 8192 << "ring buffer size must be a power of two pages, not 48";
        QTest::newRow("odd stack") << 999 << 64 << 1001
                                   << "stack dump size 1001 must be a multiple of 8 from 8 to 65528 bytes";
    }
    void badOptions()
    {
        QFETCH(int, hz);
        QFETCH(int, pages);
        QFETCH(int, stack);
        QFETCH(QString, error);
        SamplingOptions o;
        o.frequencyHz = hz;
        o.ringPages = std::uint32_t(pages);
        o.stackDumpBytes = std::uint32_t(stack);
        PerfEventBackend backend;
        const Status s = backend.attach(getpid(), false, o);
        QVERIFY(!s);
        QCOMPARE(QString::fromStdString(s.message()), error);
        QCOMPARE(int(backend.lastFailure()), int(PerfEventBackend::Failure::Other));
    }

    void refusedForAnotherUsersProcess()
    {
        if (geteuid() != 0)
            QSKIP("needs root to drop to user nobody");
        const pid_t rootOwned = getpid();
        const int code = runAsNobody([rootOwned] {
            PerfEventBackend backend;
            const Status s = backend.attach(rootOwned, false, SamplingOptions{});
            if (s || backend.lastFailure() != PerfEventBackend::Failure::Refused ||
                s.message().rfind(
                    "perf_event_open refused for PID " + std::to_string(rootOwned) + ": Permission denied", 0) != 0) {
                fprintf(stderr, "unexpected: %s\n", s.message().c_str());
                return 1;
            }
            return 0;
        });
        QCOMPARE(code, 0);
    }

    void kernelFramesFallBackToUserOnly()
    {
        if (geteuid() != 0)
            QSKIP("needs root to drop to user nobody");
        QFile f("/proc/sys/kernel/perf_event_paranoid");
        QVERIFY(f.open(QIODevice::ReadOnly));
        const int paranoid = f.readAll().trimmed().toInt();
        if (paranoid < 2)
            QSKIP("kernel.perf_event_paranoid < 2: users may record kernel frames here");
        const std::string cpusplit = workload("cpusplit");
        const int code = runAsNobody([&] {
            CollectingSink sink;
            LaunchRun run;
            SamplingOptions options; // kernelFrames = true
            runLaunched({cpusplit, "300"}, options, sink, run);
            const std::string note =
                "kernel frames not permitted (kernel.perf_event_paranoid=" + std::to_string(paranoid) +
                "): user frames only";
            if (QTest::currentTestFailed() || run.notes != note || sink.samples.size() < 100) {
                fprintf(stderr, "notes '%s', %zu samples\n", run.notes.c_str(), sink.samples.size());
                return 1;
            }
            for (const auto &s : sink.samples) {
                if (std::find(s.callchain.begin(), s.callchain.end(), PERF_CONTEXT_KERNEL) != s.callchain.end())
                    return 2;
            }
            return 0;
        });
        QCOMPARE(code, 0);
    }
};

QTEST_GUILESS_MAIN(TestPerfEventBackend)
#include "tst_perfeventbackend.moc"
