// SPDX-License-Identifier: GPL-3.0-or-later
// Launcher on real processes: the child is held before exec, exec failures come back as
// one clear error, exit codes and signals are reported, the environment is what we set.
#include "record/launcher.h"
#include "record/processtree.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <csignal>
#include <fstream>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace perfwb;
using namespace perfwb::record;

namespace {

QString exeOf(pid_t pid)
{
    return QFileInfo(QStringLiteral("/proc/%1/exe").arg(pid)).symLinkTarget();
}

std::vector<std::string> shell(const char *script)
{
    return {"/bin/sh", "-c", script};
}

bool hasEnv(const Launcher &l, const std::string &entry)
{
    const auto &env = l.environment();
    return std::find(env.begin(), env.end(), entry) != env.end();
}

// The state letter of /proc/PID/stat ('t': tracing stop).
char stateOf(pid_t pid)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto close = stat.rfind(')');
    return close != std::string::npos && close + 2 < stat.size() ? stat[close + 2] : '?';
}

} // namespace

class TestLauncher : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void heldBeforeExec()
    {
        const std::string workload = PERFWB_WORKLOAD_DIR "/cpusplit";
        Launcher l;
        QVERIFY2(l.create({{workload, "50"}, {}, {}}), "create");
        QVERIFY(l.pid() > 0);
        // Still a copy of us, however long we wait: nothing of the program has run.
        const QString self = QFileInfo(QCoreApplication::applicationFilePath()).canonicalFilePath();
        QCOMPARE(exeOf(l.pid()), self);
        QTest::qWait(100);
        QCOMPARE(exeOf(l.pid()), self);
        QVERIFY(!l.waitFor(0));

        const Status s = l.release();
        QVERIFY2(s, s.message().c_str());
        // The release returns after a successful exec: the image is the workload now,
        // unless it already finished its 50 ms.
        const QString exe = exeOf(l.pid());
        QVERIFY2(exe.isEmpty() || exe == QFileInfo(QString::fromStdString(workload)).canonicalFilePath(),
                 qPrintable(exe));
        const auto st = l.waitFor(-1);
        QVERIFY(st);
        QVERIFY(!st->signaled);
        QCOMPARE(st->code, 0);
        QVERIFY(st->cpuTimeNs > 0);
    }

    // With a cgroup to start in, the child is in it before it runs anything: no move of a
    // running process (the slow part of a short recording's start).
    void startsInsideTheCgroup()
    {
        ProcessTree tree;
        const int fd = tree.prepare();
        if (fd < 0)
            QSKIP("no writable cgroup v2 here (needs root or a delegated cgroup)");
        LaunchOptions options{{"/bin/true"}, {}, {}};
        options.cgroupFd = fd;
        Launcher l;
        QVERIFY2(l.create(options), "create");
        QVERIFY(l.startedInCgroup());
        std::ifstream in("/proc/" + std::to_string(l.pid()) + "/cgroup");
        std::string line;
        std::string v2;
        while (std::getline(in, line))
            v2 = line.rfind("0::", 0) == 0 ? line.substr(3) : v2;
        const std::string path = tree.cgroupPath();
        QVERIFY2(!v2.empty() && path.size() >= v2.size() && path.compare(path.size() - v2.size(), v2.size(), v2) == 0,
                 (v2 + " is not " + path).c_str());
        tree.guard(l.pid(), l.startedInCgroup());
        QCOMPARE(tree.mechanism(), std::string("cgroup"));
        QVERIFY(l.release());
        QVERIFY(l.waitFor(-1));
    }

    void execFailure_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("error");
        QTest::newRow("absolute path") << "/no/such/cmd"
                                       << "cannot run '/no/such/cmd': No such file or directory";
        QTest::newRow("not on PATH") << "perfwb-no-such-command"
                                     << "cannot run 'perfwb-no-such-command': No such file or directory";
        QTest::newRow("not executable") << "/etc/passwd"
                                        << "cannot run '/etc/passwd': Permission denied";
        QTest::newRow("a directory") << "/tmp"
                                     << "cannot run '/tmp': Permission denied";
    }
    void execFailure()
    {
        QFETCH(QString, command);
        QFETCH(QString, error);
        Launcher l;
        QVERIFY(l.create({{command.toStdString(), "arg"}, {}, {}}));
        const Status s = l.release();
        QVERIFY(!s);
        QCOMPARE(QString::fromStdString(s.message()), error);
        // The failed child is reaped already: no zombie left behind.
        QVERIFY(l.exitStatus());
        QCOMPARE(kill(l.pid(), 0), -1);
    }

    void badWorkingDirectory()
    {
        Launcher l;
        const Status s = l.create({{"/bin/true"}, "/no/such/dir", {}});
        QVERIFY(!s);
        QCOMPARE(QString::fromStdString(s.message()),
                 "cannot change to directory '/no/such/dir': No such file or directory");
        QCOMPARE(l.pid(), -1);
        Launcher empty;
        QCOMPARE(QString::fromStdString(empty.create({}).message()), "no command given to run");
    }

    void exitStatus_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<bool>("signaled");
        QTest::addColumn<int>("value");
        QTest::addColumn<QString>("text");
        QTest::newRow("exit 0") << "exit 0" << false << 0 << "exited with code 0";
        QTest::newRow("exit 3") << "exit 3" << false << 3 << "exited with code 3";
        QTest::newRow("SIGSEGV") << "ulimit -c 0; kill -SEGV $$" << true << int(SIGSEGV)
                                 << "killed by signal 11 (Segmentation fault)";
        QTest::newRow("SIGTERM") << "kill -TERM $$" << true << int(SIGTERM) << "killed by signal 15 (Terminated)";
    }
    void exitStatus()
    {
        QFETCH(QString, script);
        QFETCH(bool, signaled);
        QFETCH(int, value);
        QFETCH(QString, text);
        Launcher l;
        const std::string s = script.toStdString();
        QVERIFY(l.create({shell(s.c_str()), {}, {}}));
        QVERIFY(l.release());
        const auto st = l.waitFor(-1);
        QVERIFY(st);
        QCOMPARE(st->signaled, signaled);
        QCOMPARE(signaled ? st->signal : st->code, value);
        QCOMPARE(QString::fromStdString(st->describe()), text);
        // Reaped once; asking again gives the same answer.
        QCOMPARE(l.waitFor(0)->describe(), st->describe());
    }

    void waitTimeoutAndKill()
    {
        Launcher l;
        QVERIFY(l.create({{"sleep", "30"}, {}, {}}));
        QVERIFY(l.release());
        QVERIFY(l.pidfd() >= 0);
        QVERIFY(!l.waitFor(0));
        QVERIFY(!l.waitFor(50));
        QVERIFY(l.kill(SIGKILL));
        const auto st = l.waitFor(-1);
        QVERIFY(st && st->signaled);
        QCOMPARE(st->signal, int(SIGKILL));
        QVERIFY(!l.kill(SIGKILL)); // reaped: never signals a recycled pid
    }

    void abortRunsNothing()
    {
        QTemporaryDir dir;
        const QString marker = dir.filePath("ran");
        const std::string script = "touch '" + marker.toStdString() + "'";
        Launcher l;
        QVERIFY(l.create({shell(script.c_str()), {}, {}}));
        l.abort();
        const auto st = l.exitStatus();
        QVERIFY(st);
        QCOMPARE(st->code, 127);
        QVERIFY(!QFile::exists(marker));
    }

    void workingDirectoryAndEnvironment()
    {
        QTemporaryDir dir;
        const std::string canonical = QFileInfo(dir.path()).canonicalFilePath().toStdString();
        Launcher l;
        QVERIFY(l.create({shell("pwd -P > out.txt; printf '%s|%s' \"$PERFWB_TEST_A\" \"$HOME\" >> out.txt"),
                          dir.path().toStdString(),
                          {{"PERFWB_TEST_A", "value with spaces"}, {"HOME", "/overridden"}}}));
        QVERIFY(l.release());
        QCOMPARE(l.waitFor(-1)->code, 0);
        QFile out(dir.filePath("out.txt"));
        QVERIFY(out.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(out.readAll()),
                 QString::fromStdString(canonical + "\nvalue with spaces|/overridden"));
        QVERIFY(hasEnv(l, "HOME=/overridden"));
        QVERIFY(!hasEnv(l, "PYTHONMALLOC=malloc"));
    }

    void pythonDetection_data()
    {
        QTest::addColumn<QString>("argv0");
        QTest::addColumn<bool>("python");
        QTest::newRow("python3") << "python3" << true;
        QTest::newRow("versioned path") << "/usr/bin/python3.11" << true;
        QTest::newRow("python") << "python" << true;
        QTest::newRow("sh") << "/bin/sh" << false;
        QTest::newRow("python in a directory name") << "/opt/python3/bin/tool" << false;
    }
    void pythonDetection()
    {
        QFETCH(QString, argv0);
        QFETCH(bool, python);
        QCOMPARE(Launcher::isPythonCommand(argv0.toStdString()), python);
    }

    void pythonGetsMallocAllocator()
    {
        if (!QFileInfo::exists("/usr/bin/python3"))
            QSKIP("no /usr/bin/python3");
        LaunchOptions options{{"/usr/bin/python3", "-c",
                               "import os, sys; sys.exit(0 if os.environ.get('PYTHONMALLOC') == 'malloc' else 5)"},
                              {},
                              {}};
        Launcher cpuOnly; // only allocation tracking asks for it
        QVERIFY(cpuOnly.create(options));
        QVERIFY(!hasEnv(cpuOnly, "PYTHONMALLOC=malloc"));
        cpuOnly.abort();

        options.pythonMalloc = true;
        Launcher l;
        QVERIFY(l.create(options));
        QVERIFY(hasEnv(l, "PYTHONMALLOC=malloc"));
        QVERIFY(l.release());
        QCOMPARE(l.waitFor(-1)->code, 0);

        Launcher explicitChoice; // an explicit setting wins
        LaunchOptions pymalloc{{"/usr/bin/python3", "-c", "pass"}, {}, {{"PYTHONMALLOC", "pymalloc"}}};
        pymalloc.pythonMalloc = true;
        QVERIFY(explicitChoice.create(pymalloc));
        QVERIFY(hasEnv(explicitChoice, "PYTHONMALLOC=pymalloc"));
        QVERIFY(!hasEnv(explicitChoice, "PYTHONMALLOC=malloc"));
        explicitChoice.abort();
    }

    // The ptrace fallback traces the launched child from another thread of this process:
    // the Launcher's waits must leave the tracer's stops to the tracer (and never take a
    // stop for the exit).
    void waitLeavesPtraceStopsToTheTracer()
    {
        Launcher l;
        QVERIFY(l.create({{PERFWB_WORKLOAD_DIR "/cpusplit", "300"}, {}, {}}));
        const pid_t pid = l.pid();
        std::atomic<int> phase{0}; // 1: stop pending, 2: the Launcher has looked, 3: done
        int tracerStatus = -1;
        bool detached = false;
        std::thread tracer([&] {
            // ptrace binds the tracee to this thread: seize, interrupt, wait, detach here.
            if (ptrace(PTRACE_SEIZE, pid, nullptr, nullptr) != 0 ||
                ptrace(PTRACE_INTERRUPT, pid, nullptr, nullptr) != 0) {
                phase = 3;
                return;
            }
            while (stateOf(pid) != 't')
                usleep(1000);
            phase = 1;
            while (phase.load() != 2)
                usleep(1000);
            int status = 0;
            if (waitpid(pid, &status, __WALL | WNOHANG) == pid)
                tracerStatus = status;
            detached = ptrace(PTRACE_DETACH, pid, nullptr, nullptr) == 0;
            phase = 3;
        });
        QVERIFY(QTest::qWaitFor([&] { return phase.load() != 0; }, 10000));
        // The stop is pending for the tracer: nothing has ended, and nothing is taken.
        const bool endedEarly = l.waitFor(0).has_value() || l.waitFor(50).has_value();
        phase = phase.load() == 1 ? 2 : phase.load();
        tracer.join();
        QVERIFY(!endedEarly);
        QVERIFY2(WIFSTOPPED(tracerStatus) && (tracerStatus >> 16) == PTRACE_EVENT_STOP,
                 qPrintable(QString::number(tracerStatus, 16)));
        QVERIFY(detached);
        const Status s = l.release();
        QVERIFY2(s, s.message().c_str());
        const auto st = l.waitFor(20000);
        QVERIFY(st.has_value());
        QVERIFY2(!st->signaled && st->code == 0, st->describe().c_str());
        QVERIFY(st->cpuTimeNs >= 250'000'000); // rusage of the real exit: 300 ms of CPU
    }

    void targetDiesWithUs()
    {
        // An intermediate process launches `sleep 60` and exits: PR_SET_PDEATHSIG kills the sleep.
        int fds[2];
        QCOMPARE(pipe(fds), 0);
        const pid_t middle = fork();
        QVERIFY(middle >= 0);
        if (middle == 0) {
            close(fds[0]);
            Launcher l;
            pid_t target = -1;
            if (l.create({{"sleep", "60"}, {}, {}}) && l.release())
                target = l.pid();
            [[maybe_unused]] const auto n = write(fds[1], &target, sizeof target);
            _exit(0); // no destructors: the Launcher would kill the target itself
        }
        close(fds[1]);
        pid_t target = -1;
        QCOMPARE(read(fds[0], &target, sizeof target), ssize_t(sizeof target));
        close(fds[0]);
        int st = 0;
        QCOMPARE(waitpid(middle, &st, 0), middle);
        QVERIFY(target > 0);
        // Reparented to init (or a subreaper), which reaps it once the signal has killed it.
        QTRY_VERIFY_WITH_TIMEOUT(kill(target, 0) != 0 ||
                                     !QFileInfo::exists(QStringLiteral("/proc/%1/exe").arg(target)) ||
                                     exeOf(target).isEmpty(),
                                 10000);
    }
};

QTEST_GUILESS_MAIN(TestLauncher)
#include "tst_launcher.moc"
