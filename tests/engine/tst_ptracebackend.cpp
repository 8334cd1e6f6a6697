// The ptrace fallback sampler against a real workload (cpusplit: 70 % hot_70,
// 30 % warm_30, called from run_split from main; built with frame pointers).
#include "record/ptracebackend.h"

#include <QTest>

#include <csignal>
#include <set>
#include <sys/wait.h>
#include <unistd.h>

using namespace perfwb;

namespace {

constexpr std::uint64_t kContextUser = static_cast<std::uint64_t>(-512);

struct CollectingSink : record::RecordSink {
    std::vector<record::RawSample> samples;
    std::vector<record::MmapEvent> mmaps;
    std::vector<record::CommEvent> comms;
    std::vector<record::TaskEvent> tasks;
    void onSample(const record::RawSample &s) override { samples.push_back(s); }
    void onMmap(const record::MmapEvent &e) override { mmaps.push_back(e); }
    void onComm(const record::CommEvent &e) override { comms.push_back(e); }
    void onTask(const record::TaskEvent &e) override { tasks.push_back(e); }
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

bool inMapping(const std::vector<record::MmapEvent> &maps, std::uint64_t ip, const QString &pathEnd)
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
        record::SamplingOptions options;
        options.frequencyHz = 199;
        options.callGraph = dwarf ? record::CallGraph::Dwarf : record::CallGraph::FramePointer;
        QVERIFY2(backend.attach(pid, false, options).isOk(), "attach");
        CollectingSink sink;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 1000)
            QVERIFY(backend.poll(sink, 100).isOk());
        backend.stop(sink);

        // About 199 samples a second of a thread that is always running.
        QVERIFY2(sink.samples.size() >= 100, QByteArray::number(qulonglong(sink.samples.size())));
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

        // Detached: the workload carries on and ends normally.
        int status = 0;
        QVERIFY(QTest::qWaitFor([&] { return exitedNow(pid, status); }, 10000));
        QVERIFY(WIFEXITED(status));
        QCOMPARE(WEXITSTATUS(status), 0);
    }

    void launchedTargetIsFollowedThroughExec()
    {
        int releaseFd = -1;
        const pid_t pid = spawnHeld(workload("cpusplit"), {QStringLiteral("400")}, releaseFd);
        QVERIFY(pid > 0);
        record::PtraceBackend backend;
        record::SamplingOptions options;
        options.frequencyHz = 199;
        options.callGraph = record::CallGraph::FramePointer;
        QVERIFY(backend.attach(pid, true, options).isOk());
        QVERIFY(write(releaseFd, "x", 1) == 1);
        close(releaseFd);
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
            exitSeen = exitSeen || (t.kind == record::TaskEvent::Kind::Exit && t.tid == pid);
        QVERIFY(exitSeen);
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
        record::SamplingOptions options;
        options.frequencyHz = 99;
        const Status st = backend.attach(pid, false, options);
        QVERIFY(!st.isOk());
        QCOMPARE(QString::fromStdString(st.message()), message);
    }

    void rateIsBounded()
    {
        record::PtraceBackend backend;
        record::SamplingOptions options;
        options.frequencyHz = 5000;
        const Status st = backend.attach(getpid(), false, options);
        QVERIFY(!st.isOk());
        QVERIFY(QString::fromStdString(st.message()).contains(QStringLiteral("1..1000 Hz")));
    }
};

QTEST_GUILESS_MAIN(TestPtraceBackend)
#include "tst_ptracebackend.moc"
