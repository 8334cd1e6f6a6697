// SPDX-License-Identifier: GPL-3.0-or-later
// The ptrace fallback sampler against a real workload (cpusplit: 70 % hot_70,
// 30 % warm_30, called from run_split from main; built with frame pointers).
#include "record/ptracebackend.h"

#include <QTest>

#include <csignal>
#include <fstream>
#include <set>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace perfwb;

namespace {

constexpr std::uint64_t kContextUser = static_cast<std::uint64_t>(-512);

struct CollectingSink : perf::RecordSink {
    std::vector<perf::RawSample> samples;
    std::vector<perf::MmapEvent> mmaps;
    std::vector<perf::CommEvent> comms;
    std::vector<perf::TaskEvent> tasks;
    void onSample(const perf::RawSample &s) override { samples.push_back(s); }
    void onMmap(const perf::MmapEvent &e) override { mmaps.push_back(e); }
    void onComm(const perf::CommEvent &e) override { comms.push_back(e); }
    void onTask(const perf::TaskEvent &e) override { tasks.push_back(e); }
    void onLost(std::uint64_t) override {}
};

QString workload(const char *name)
{
    return QStringLiteral(PERFWB_WORKLOAD_DIR "/") + QLatin1String(name);
}

// Forks a child that waits on a pipe before exec'ing, like a launched target.
pid_t spawnHeld(const QString &program, const QStringList &args, int &releaseFd)
{
    int fds[2];
    if (pipe(fds) != 0)
        return -1;
    const QByteArray prog = program.toLocal8Bit();
    QList<QByteArray> argBytes;
    for (const auto &a : args)
        argBytes << a.toLocal8Bit();
    const pid_t pid = fork();
    if (pid == 0) {
        close(fds[1]);
        char c;
        if (read(fds[0], &c, 1) != 1)
            _exit(126);
        std::vector<char *> argv{const_cast<char *>(prog.constData())};
        for (auto &a : argBytes)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        execv(prog.constData(), argv.data());
        _exit(127);
    }
    close(fds[0]);
    releaseFd = fds[1];
    return pid;
}

// Ptrace stops of a tracee are visible to every thread of the tracer's process, so
// look at the child's end without consuming anything (WNOWAIT), then reap it.
bool exitedNow(pid_t pid, int &status)
{
    siginfo_t info{};
    if (waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) != 0 || info.si_pid != pid)
        return false;
    if (info.si_code != CLD_EXITED && info.si_code != CLD_KILLED && info.si_code != CLD_DUMPED)
        return false;
    return waitpid(pid, &status, WNOHANG) == pid;
}

// CPU time a process's main thread has run so far, in seconds (/proc/PID/schedstat).
double cpuSeconds(pid_t pid)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/schedstat");
    double ns = 0;
    in >> ns;
    return ns / 1e9;
}

// Samples a launched target (held by spawnHeld) from before its exec, then releases it.
constexpr int kLaunchedHz = 199;
bool attachLaunched(record::PtraceBackend &backend, pid_t pid, int releaseFd)
{
    perf::SamplingOptions options;
    options.frequencyHz = kLaunchedHz;
    options.callGraph = perf::CallGraph::FramePointer;
    const bool attached = backend.attach(pid, true, options).isOk();
    const bool released = write(releaseFd, "x", 1) == 1;
    close(releaseFd);
    return attached && released;
}

bool inMapping(const std::vector<perf::MmapEvent> &maps, std::uint64_t ip, const QString &pathEnd)
{
    for (const auto &m : maps) {
        if (m.executable && ip >= m.start && ip < m.start + m.length &&
            QString::fromStdString(m.filename).endsWith(pathEnd))
            return true;
    }
    return false;
}

} // namespace

class TestPtraceBackend : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void attachToRunningProcess_data()
    {
        QTest::addColumn<bool>("dwarf");
        QTest::newRow("frame pointers") << false;
        QTest::newRow("stack copies") << true;
    }
    void attachToRunningProcess()
    {
        QFETCH(bool, dwarf);
        int releaseFd = -1;
        const pid_t pid = spawnHeld(workload("cpusplit"), {QStringLiteral("3000")}, releaseFd);
        QVERIFY(pid > 0);
        QVERIFY(write(releaseFd, "x", 1) == 1);
        close(releaseFd);
        QTest::qWait(200); // let it exec and get busy

        record::PtraceBackend backend;
        perf::SamplingOptions options;
        options.frequencyHz = 199;
        options.callGraph = dwarf ? perf::CallGraph::Dwarf : perf::CallGraph::FramePointer;
        QVERIFY2(backend.attach(pid, false, options).isOk(), "attach");
        CollectingSink sink;
        const double cpuBefore = cpuSeconds(pid);
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 1000)
            QVERIFY(backend.poll(sink, 100).isOk());
        backend.stop(sink);
        const double cpu = cpuSeconds(pid) - cpuBefore;

        // About 199 samples per CPU second of a thread that is always running (more on a
        // busy machine, where it is also sampled while waiting for a CPU): at least half.
        // Against CPU time, not wall time: on a busy machine it may get little of either.
        QVERIFY2(cpu > 0 && double(sink.samples.size()) >= 0.5 * cpu * options.frequencyHz,
                 qPrintable(QStringLiteral("%1 samples for %2 s of CPU").arg(sink.samples.size()).arg(cpu)));
        QVERIFY(!sink.comms.empty());
        QCOMPARE(QString::fromStdString(sink.comms.front().comm), QStringLiteral("cpusplit"));
        std::size_t deep = 0;
        std::size_t inBinary = 0;
        for (const auto &s : sink.samples) {
            QCOMPARE(s.pid, pid);
            QCOMPARE(s.callchain.front(), kContextUser);
            // ptrace stops a thread at its next return to user space, which is often
            // the return from cpusplit's clock_gettime system call: the leaf may be
            // libc's, with cpusplit's code right above it.
            for (std::size_t k = 1; k < std::min<std::size_t>(s.callchain.size(), 4); ++k) {
                if (inMapping(sink.mmaps, s.callchain[k], QStringLiteral("/cpusplit"))) {
                    ++inBinary;
                    break;
                }
            }
            // leaf, run_split, main at least (frame pointers throughout cpusplit).
            if (s.callchain.size() >= 4)
                ++deep;
            QCOMPARE(s.userRegs.empty(), !dwarf);
            if (dwarf) {
                QCOMPARE(s.userRegs.size(), std::size_t(20));
                QCOMPARE(s.userRegs[8], s.callchain[1]); // IP
                QVERIFY(s.userStack.size() > 0);
            }
        }
        QVERIFY2(inBinary * 10 >= sink.samples.size() * 9, "stacks should start in or just below cpusplit");
        QVERIFY2(deep * 10 >= sink.samples.size() * 9, "frame-pointer chains should reach main");

        // Detached: the workload carries on and ends normally (its 3 s of CPU can take a
        // while on a busy machine).
        int status = 0;
        QVERIFY(QTest::qWaitFor([&] { return exitedNow(pid, status); }, 120000));
        QVERIFY(WIFEXITED(status));
        QCOMPARE(WEXITSTATUS(status), 0);
    }

    void launchedTargetIsFollowedThroughExec()
    {
        int releaseFd = -1;
        const pid_t pid = spawnHeld(workload("cpusplit"), {QStringLiteral("400")}, releaseFd);
        QVERIFY(pid > 0);
        record::PtraceBackend backend;
        QVERIFY(attachLaunched(backend, pid, releaseFd));
        CollectingSink sink;
        int status = 0;
        QVERIFY(QTest::qWaitFor(
            [&] {
                (void)backend.poll(sink, 20);
                return exitedNow(pid, status);
            },
            10000));
        backend.stop(sink);
        QVERIFY(WIFEXITED(status));
        QCOMPARE(WEXITSTATUS(status), 0);
        bool execComm = false;
        for (const auto &c : sink.comms)
            execComm = execComm || (c.exec && c.comm == "cpusplit");
        QVERIFY(execComm);
        QVERIFY(!sink.samples.empty());
        bool exitSeen = false;
        for (const auto &t : sink.tasks)
            exitSeen = exitSeen || (t.kind == perf::TaskEvent::Kind::Exit && t.tid == pid);
        QVERIFY(exitSeen);
    }

    // A shell forking and exec'ing /bin/true in a loop: its threads hit fork, exec and
    // exit stops all the time, and each such stop cancels a pending PTRACE_INTERRUPT. The
    // sampler must ask again rather than wait for a stop that never comes, so samples
    // keep up with the CPU time the processes used.
    void samplesThroughForksAndExecs()
    {
        int releaseFd = -1;
        const pid_t pid = spawnHeld(
            QStringLiteral("/bin/sh"),
            {QStringLiteral("-c"), QStringLiteral("i=0; while [ $i -lt 500 ]; do /bin/true; i=$((i+1)); done")},
            releaseFd);
        QVERIFY(pid > 0);
        record::PtraceBackend backend;
        QVERIFY(attachLaunched(backend, pid, releaseFd));
        CollectingSink sink;
        rusage usage{};
        int status = 0;
        QVERIFY(QTest::qWaitFor(
            [&] {
                (void)backend.poll(sink, 20);
                siginfo_t info{};
                if (waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) != 0 ||
                    info.si_pid != pid || info.si_code == CLD_TRAPPED)
                    return false;
                return wait4(pid, &status, WNOHANG, &usage) == pid;
            },
            60000));
        backend.stop(sink);
        QVERIFY(WIFEXITED(status));
        QCOMPARE(WEXITSTATUS(status), 0);
        std::set<std::int32_t> pids;
        for (const auto &s : sink.samples)
            pids.insert(s.pid);
        // The CPU time of the shell and every /bin/true it reaped, against the samples:
        // a sampler that keeps running sees at least half of it (runnable threads are
        // sampled too, so on a busy machine it sees more, never less).
        const double cpuS = double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                            double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
        const double covered = double(sink.samples.size()) / kLaunchedHz;
        qInfo("%zu samples (%.2f s) for %.2f s of CPU, %zu processes", sink.samples.size(), covered, cpuS, pids.size());
        QVERIFY2(covered >= 0.5 * cpuS, qPrintable(QStringLiteral("%1 samples (%2 s) for %3 s of CPU, %4 processes")
                                                       .arg(sink.samples.size())
                                                       .arg(covered)
                                                       .arg(cpuS)
                                                       .arg(pids.size())));
        QVERIFY2(pids.size() >= 3, "samples in the shell and in several of its children");
    }

    void badTargets_data()
    {
        QTest::addColumn<int>("pid");
        QTest::addColumn<QString>("message");
        QTest::newRow("no such pid") << 999999999 << "no process with PID 999999999";
    }
    void badTargets()
    {
        QFETCH(int, pid);
        QFETCH(QString, message);
        record::PtraceBackend backend;
        perf::SamplingOptions options;
        options.frequencyHz = 99;
        const Status st = backend.attach(pid, false, options);
        QVERIFY(!st.isOk());
        QCOMPARE(QString::fromStdString(st.message()), message);
    }

    void rateIsBounded()
    {
        record::PtraceBackend backend;
        perf::SamplingOptions options;
        options.frequencyHz = 5000;
        const Status st = backend.attach(getpid(), false, options);
        QVERIFY(!st.isOk());
        QVERIFY(QString::fromStdString(st.message()).contains(QStringLiteral("1..1000 Hz")));
    }
};

QTEST_GUILESS_MAIN(TestPtraceBackend)
#include "tst_ptracebackend.moc"
