// SPDX-License-Identifier: GPL-3.0-or-later
// End-to-end tests of `perfwb record` on real processes and the real kernel: the perfwb
// binary samples the workloads from tests/workloads, and the checks read the report it
// wrote (store::ReportReader) and compare with the shape each workload states at its top.
//
// The workloads spin on wall time, so on a machine busy with other work their CPU share
// is skewed by the scheduler; the test process lowers its nice value when it may (root),
// and every child inherits that, so the shapes hold on a loaded machine too.
#include "analysis/functionstats.h"
#include "analysis/functiontable.h"
#include "analysis/stackweights.h"
#include "recordchecks.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <csignal>
#include <cstddef>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace perfwb;
using namespace perfwbtest;

namespace {

const QString kPerfwb = QStringLiteral(PERFWB_BINARY);

const model::Timeline *timeline(const model::Profile &p, const char *name)
{
    for (const auto &t : p.timelines) {
        if (t.name == name)
            return &t;
    }
    return nullptr;
}

// utime + stime of a process, in seconds.
double cpuSeconds(qint64 pid)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::istringstream rest(text.substr(text.rfind(')') + 2));
    std::string field;
    double ticks = 0;
    for (int i = 3; i <= 15 && rest >> field; ++i) {
        if (i == 14 || i == 15)
            ticks += std::stod(field);
    }
    return ticks / double(sysconf(_SC_CLK_TCK));
}

} // namespace

class TestRecord : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QString out(const char *name) const { return dir_.filePath(QLatin1String(name)); }

private Q_SLOTS:
    void initTestCase() { prepareRecordingSuite(dir_); }

    void cpuSplit_data()
    {
        QTest::addColumn<QString>("callGraph");
        QTest::newRow("dwarf") << QStringLiteral("dwarf");
        QTest::newRow("fp") << QStringLiteral("fp");
    }

    void cpuSplit()
    {
        QFETCH(QString, callGraph);
        const QString report = out("cpusplit.perfwb");
        const Run r =
            runPerfwb({QStringLiteral("record"), QStringLiteral("--call-graph"), callGraph, QStringLiteral("-o"),
                       report, QStringLiteral("--"), workload("cpusplit"), QStringLiteral("2000")});
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.describe()));
        // One summary line naming samples, the end of the target and the report.
        const QString line = QString::fromLocal8Bit(r.out.trimmed());
        QVERIFY2(!line.contains(QLatin1Char('\n')), qPrintable(line));
        QVERIFY2(line.startsWith(QLatin1String("perfwb: ")) && line.contains(QLatin1String(" samples (")) &&
                     line.contains(QLatin1String("1 thread, exit 0 -> ")) && line.endsWith(report),
                 qPrintable(line));

        model::Profile p;
        CHECKED(readReport(report, p));
        QVERIFY2(p.samples.size() > 500, qPrintable(QString::number(p.samples.size())));
        const double hot = leafShare(p, "hot_70");
        const double warm = leafShare(p, "warm_30");
        QVERIFY2(hot >= 63 && hot <= 77, qPrintable(QStringLiteral("hot_70 %1 %").arg(hot)));
        QVERIFY2(warm >= 23 && warm <= 37, qPrintable(QStringLiteral("warm_30 %1 %").arg(warm)));
        QVERIFY2(stackShare(p, "main") >= 95, qPrintable(QStringLiteral("main in %1 %").arg(stackShare(p, "main"))));
        QVERIFY2(stackShare(p, "run_split", "hot_70") >= 99, "hot_70 not under run_split");

        // Samples account for the target's CPU time (cpu-clock at 999 Hz).
        const double cpuNs = std::stod(p.meta.extra.at("target_cpu_ns"));
        const double expected = cpuNs / 1e9 * 999;
        QVERIFY2(p.samples.size() + p.meta.lostSamples >= 0.85 * expected && p.samples.size() <= 1.1 * expected,
                 qPrintable(QStringLiteral("%1 samples for %2 s of CPU").arg(p.samples.size()).arg(cpuNs / 1e9)));

        const model::RunMetadata &m = p.meta;
        QCOMPARE(m.sourceFormat, std::string("perfwb-record"));
        QCOMPARE(m.sampler.callGraph, callGraph.toStdString());
        QCOMPARE(m.sampler.frequencyHz, 999);
        QVERIFY(!m.sampler.event.empty());
        QCOMPARE(m.commandLine.size(), std::size_t(2));
        QCOMPARE(m.commandLine[0], workload("cpusplit").toStdString());
        QCOMPARE(m.runLabel, std::string("cpusplit"));
        QVERIFY(m.exited);
        QCOMPARE(m.exitCode, 0);
        QCOMPARE(m.exitSignal, 0);
        QVERIFY2(m.durationNs >= 1'900'000'000 && m.durationNs < 30'000'000'000LL,
                 qPrintable(QString::number(m.durationNs)));
        QVERIFY(!m.host.empty());
        QVERIFY(m.startTimeUnixNs > 1'600'000'000'000'000'000LL);
        QCOMPARE(m.workingDir, QDir::currentPath().toStdString());
        QVERIFY(!m.environment().empty());

        QCOMPARE(p.threads().size(), std::size_t(1));
        QCOMPARE(p.strings.view(p.threads()[0].name), std::string_view("cpusplit"));
        QCOMPARE(p.processes.size(), std::size_t(1));

        // Timelines on the samples' clock: RSS in bytes, CPU % of one CPU, thread count.
        const model::Timeline *rss = timeline(p, "rss");
        const model::Timeline *cpu = timeline(p, "cpu");
        const model::Timeline *threads = timeline(p, "threads");
        QVERIFY(rss && cpu && threads);
        QVERIFY2(rss->points.size() >= 20, qPrintable(QString::number(rss->points.size()))); // 2 s at 50 ms
        for (const auto &pt : rss->points)
            QVERIFY(pt.value > 100 * 1024 && pt.value < 1024.0 * 1024 * 1024);
        for (const auto &pt : threads->points)
            QCOMPARE(pt.value, 1.0);
        double cpuSum = 0;
        for (const auto &pt : cpu->points) {
            QVERIFY2(pt.value >= 0 && pt.value <= 130, qPrintable(QString::number(pt.value)));
            cpuSum += pt.value;
        }
        QVERIFY(!cpu->points.empty());
        const double firstSample = double(p.firstSampleTime());
        QVERIFY2(std::abs(double(rss->points.front().timeNs) - firstSample) < 1e9, "timelines on another clock");
        QVERIFY2(cpuSum / double(cpu->points.size()) > 20, "the target hardly used the CPU");
    }

    // Without -o: <FIL_PERF_OUTPUT_DIR>/<label>-profile.perfwb, the label from the command.
    void standardOutputDirectory()
    {
        const QString outDir = dir_.filePath(QStringLiteral("std-out"));
        perfwbtest::RunOptions options;
        options.env.insert(QStringLiteral("FIL_PERF_OUTPUT_DIR"), outDir);
        const Run r = runPerfwb({QStringLiteral("record"), workload("cpusplit"), QStringLiteral("200")}, options);
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.describe()));
        const QString expected = outDir + QStringLiteral("/cpusplit-profile.perfwb");
        QVERIFY2(r.out.trimmed().endsWith(expected.toLocal8Bit()), qPrintable(expected));
        model::Profile profile;
        CHECKED(readReport(expected, profile));
        QCOMPARE(profile.meta.runLabel, std::string("cpusplit"));
        QCOMPARE(profile.meta.commandLine.back(), std::string("200")); // arguments after the command are its own
    }

    void threadsNamed()
    {
        const QString report = out("threads.perfwb");
        const Run r = runPerfwb({QStringLiteral("record"), QStringLiteral("-o"), report, QStringLiteral("--"),
                                 workload("threads"), QStringLiteral("500")});
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.describe()));
        model::Profile p;
        CHECKED(readReport(report, p));
        // Each worker thread: its name, and its samples in its own worker.
        for (const char c : {'a', 'b', 'c', 'd'}) {
            const std::string name = std::string("thr-") + c;
            const std::string worker = std::string("worker_") + c;
            std::size_t own = 0, all = 0;
            bool found = false;
            for (std::size_t t = 0; t < p.threads().size(); ++t) {
                if (p.strings.view(p.threads()[t].name) != name)
                    continue;
                found = true;
                for (std::size_t i = 0; i < p.samples.size(); ++i) {
                    if (p.samples.thread(i) != t)
                        continue;
                    ++all;
                    own += stackHas(p, p.samples.stack(i), worker) ? 1 : 0;
                }
            }
            QVERIFY2(found, name.c_str());
            QVERIFY2(all >= 100, qPrintable(QStringLiteral("%1: %2 samples").arg(name.c_str()).arg(all)));
            QVERIFY2(own >= 0.95 * double(all),
                     qPrintable(
                         QStringLiteral("%1: %2 of %3 in %4").arg(name.c_str()).arg(own).arg(all).arg(worker.c_str())));
        }
        QVERIFY(p.threads().size() >= 5); // main and the four workers
        QVERIFY2(stackShare(p, "thread_main", "worker_a") >= 95, "worker stacks do not reach thread_main");
        QVERIFY(r.out.contains(" threads, exit 0"));
    }

    void forkAndExec()
    {
        const QString report = out("forkexec.perfwb");
        const Run r = runPerfwb({QStringLiteral("record"), QStringLiteral("-o"), report, QStringLiteral("--"),
                                 workload("forkexec"), workload("cpusplit"), QStringLiteral("400")});
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.describe()));
        model::Profile p;
        CHECKED(readReport(report, p));
        // Each phase in its own process: the parent, the forked child before its exec,
        // and the program it exec'd (the thread carries the name it had last).
        auto pidsOf = [&](std::string_view function) {
            std::map<std::int32_t, std::size_t> pids;
            for (std::size_t i = 0; i < p.samples.size(); ++i) {
                if (stackHas(p, p.samples.stack(i), function))
                    ++pids[p.thread(p.samples.thread(i)).pid];
            }
            return pids;
        };
        const auto parent = pidsOf("parent_work");
        const auto child = pidsOf("child_work");
        const auto exec = pidsOf("hot_70");
        QVERIFY2(parent.size() == 1 && parent.begin()->second >= 100, "parent not seen");
        QVERIFY2(child.size() == 1 && child.begin()->second >= 100, "forked child not seen");
        QVERIFY2(exec.size() == 1 && exec.begin()->second >= 50, "exec'd program not seen");
        const std::int32_t parentPid = parent.begin()->first;
        const std::int32_t childPid = child.begin()->first;
        QVERIFY(childPid != parentPid);
        QCOMPARE(exec.begin()->first, childPid);
        QVERIFY(!pidsOf("warm_30").empty());
        for (const auto &t : p.threads()) {
            const std::string_view name = p.strings.view(t.name);
            QVERIFY2(t.pid == parentPid ? name == "forkexec" : name == "cpusplit", std::string(name).c_str());
        }
        // Processes: the parent, the child as forked (ended by its exec), the exec'd program.
        std::map<std::string_view, const model::ProcessInfo *> procs;
        for (const auto &proc : p.processes)
            procs[p.strings.view(proc.name)] = &proc;
        QCOMPARE(p.processes.size(), std::size_t(3));
        QVERIFY(procs.count("forkexec") && procs.count("cpusplit"));
        const model::ProcessInfo &program = *procs["cpusplit"];
        QCOMPARE(program.pid, childPid);
        QCOMPARE(program.parentPid, parentPid);
        QVERIFY(program.startNs != model::kUnknownTime);
        bool forkedChild = false;
        for (const auto &proc : p.processes) {
            if (proc.pid == childPid && &proc != &program) {
                forkedChild = true;
                QCOMPARE(p.strings.view(proc.name), std::string_view("forkexec"));
                QVERIFY(proc.startNs != model::kUnknownTime && proc.endNs == program.startNs);
            }
        }
        QVERIFY(forkedChild);
    }

    void deepRecursion()
    {
        const QString report = out("deep.perfwb");
        const Run r = runPerfwb({QStringLiteral("record"), QStringLiteral("-o"), report, QStringLiteral("--"),
                                 workload("deeprecurse"), QStringLiteral("1000")});
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.describe()));
        model::Profile p;
        CHECKED(readReport(report, p));
        std::size_t inLeaf = 0, complete = 0;
        for (std::size_t i = 0; i < p.samples.size(); ++i) {
            const auto s = p.samples.stack(i);
            if (!stackHas(p, s, "busy_leaf"))
                continue;
            ++inLeaf;
            if (stackHas(p, s, "main") && p.stacks.depth(s) >= 252)
                ++complete;
        }
        QVERIFY2(inLeaf >= 300, qPrintable(QString::number(inLeaf)));
        QVERIFY2(complete >= 0.9 * double(inLeaf),
                 qPrintable(QStringLiteral("%1 of %2 stacks complete").arg(complete).arg(inLeaf)));
    }

    void throughLibcWithoutFramePointers()
    {
        const QString report = out("qsort.perfwb");
        const Run r = runPerfwb({QStringLiteral("record"), QStringLiteral("-o"), report, QStringLiteral("--"),
                                 workload("qsortcb"), QStringLiteral("1000")});
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.describe()));
        model::Profile p;
        CHECKED(readReport(report, p));
        QCOMPARE(p.meta.sampler.callGraph, std::string("dwarf")); // the default
        QVERIFY2(p.samples.size() >= 100, qPrintable(QString::number(p.samples.size())));
        const double compare = stackShare(p, "compare_items");
        QVERIFY2(compare >= 50, qPrintable(QStringLiteral("compare_items in %1 %").arg(compare)));
        const double reach = stackShare(p, "main", "compare_items");
        QVERIFY2(reach >= 90, qPrintable(QStringLiteral("%1 % of compare_items stacks reach main").arg(reach)));
        QVERIFY2(stackShare(p, "sort_items", "compare_items") >= 90, "sort_items missing between qsort and main");
    }

    void inlinedFrames()
    {
        const QString report = out("inlined.perfwb");
        const Run r = runPerfwb({QStringLiteral("record"), QStringLiteral("-o"), report, QStringLiteral("--"),
                                 workload("inlined"), QStringLiteral("1000")});
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.describe()));
        model::Profile p;
        CHECKED(readReport(report, p));
        // mix_rounds shows as an inlined frame directly under churn, with a source location.
        std::size_t inMix = 0, shaped = 0;
        for (std::size_t i = 0; i < p.samples.size(); ++i) {
            const auto frames = p.stacks.framesLeafFirst(p.samples.stack(i));
            for (std::size_t k = 0; k + 1 < frames.size(); ++k) {
                const model::Frame &f = p.frames.at(frames[k]);
                if (fn(p, frames[k]) != "mix_rounds")
                    continue;
                ++inMix;
                const model::Frame &caller = p.frames.at(frames[k + 1]);
                if (f.inlined && !caller.inlined && fn(p, frames[k + 1]) == "churn" && f.line > 0 &&
                    p.strings.view(f.file).find("inlined.c") != std::string_view::npos)
                    ++shaped;
                break;
            }
        }
        QVERIFY2(inMix >= 0.8 * double(p.samples.size()),
                 qPrintable(QStringLiteral("%1 of %2 in mix_rounds").arg(inMix).arg(p.samples.size())));
        QVERIFY2(shaped == inMix, qPrintable(QStringLiteral("%1 of %2 inlined under churn").arg(shaped).arg(inMix)));
    }

    void crashRecorded()
    {
        const QString report = out("crash.perfwb");
        const Run r = runPerfwb({QStringLiteral("record"), QStringLiteral("-o"), report, QStringLiteral("--"),
                                 workload("crasher"), QStringLiteral("1000")});
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(r.out.contains("killed by signal 11"), r.out.constData());
        model::Profile p;
        CHECKED(readReport(report, p));
        QVERIFY(p.meta.exited);
        QCOMPARE(p.meta.exitSignal, 11);
        // 1 s of CPU at 999 Hz.
        QVERIFY2(p.samples.size() >= 800, qPrintable(QString::number(p.samples.size())));
        QVERIFY2(leafShare(p, "busy_then_crash") >= 90, "samples not in busy_then_crash");
        QVERIFY(p.meta.durationNs >= 900'000'000);
        const model::Timeline *rss = timeline(p, "rss");
        QVERIFY(rss && !rss->points.empty());
    }

    void attachAndDetach()
    {
        QProcess target;
        target.start(workload("cpusplit"), {QStringLiteral("5000")});
        QVERIFY(target.waitForStarted());
        const qint64 pid = target.processId();
        QTest::qWait(200);
        const double cpuBefore = cpuSeconds(pid);
        const QString report = out("attach.perfwb");
        const Run r = runPerfwb({QStringLiteral("record"), QStringLiteral("--pid"), QString::number(pid),
                                 QStringLiteral("--duration"), QStringLiteral("1"), QStringLiteral("-o"), report});
        const double cpuDuring = cpuSeconds(pid) - cpuBefore;
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(r.out.contains(", detached -> "), r.out.constData());
        // Unharmed: still running after the detach, and it ends normally.
        QCOMPARE(target.state(), QProcess::Running);
        QVERIFY(target.waitForFinished(15000));
        QCOMPARE(target.exitStatus(), QProcess::NormalExit);
        QCOMPARE(target.exitCode(), 0);

        model::Profile p;
        CHECKED(readReport(report, p));
        QVERIFY2(p.samples.size() >= 500 || p.samples.size() >= 0.6 * cpuDuring * 999,
                 qPrintable(QStringLiteral("%1 samples, %2 s of CPU").arg(p.samples.size()).arg(cpuDuring)));
        QVERIFY(p.samples.size() >= 100);
        QVERIFY2(stackShare(p, "main") >= 95, "attached stacks do not reach main");
        const double inLeaves = leafShare(p, "hot_70") + leafShare(p, "warm_30");
        QVERIFY2(inLeaves >= 90, qPrintable(QString::number(inLeaves)));
        QCOMPARE(p.meta.commandLine.front(), workload("cpusplit").toStdString());
        QCOMPARE(p.meta.runLabel, "pid-" + std::to_string(pid));
        QVERIFY(!p.meta.exited);
        QVERIFY2(p.meta.durationNs >= 950'000'000 && p.meta.durationNs < 3'000'000'000LL,
                 qPrintable(QString::number(p.meta.durationNs)));
        QCOMPARE(p.strings.view(p.threads().at(0).name), std::string_view("cpusplit"));
    }

    // Attached without --duration: the recording ends with the process.
    void attachUntilExit()
    {
        QProcess target;
        target.start(workload("threads"), {QStringLiteral("600")});
        QVERIFY(target.waitForStarted());
        QTest::qWait(100);
        const QString report = out("attach-exit.perfwb");
        const Run r = runPerfwb({QStringLiteral("record"), QStringLiteral("--pid"), QString::number(target.processId()),
                                 QStringLiteral("-o"), report});
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(r.out.contains(", process ended -> "), r.out.constData());
        QVERIFY(target.waitForFinished(5000));
        QCOMPARE(target.exitCode(), 0);
        model::Profile p;
        CHECKED(readReport(report, p));
        QCOMPARE(p.meta.extra.at("attach_end"), std::string("the process exited"));
        // Threads that existed before the attach, with their names.
        std::set<std::string_view> names;
        for (const auto &t : p.threads())
            names.insert(p.strings.view(t.name));
        for (const char *name : {"thr-a", "thr-b", "thr-c", "thr-d"})
            QVERIFY2(names.count(name), name);
        QVERIFY(p.samples.size() >= 100);
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString cpusplit = workload("cpusplit");
        // PIDs above kernel.pid_max (at most 4194304) never exist.
        QTest::newRow("unknown pid") << QStringList{QStringLiteral("--pid"), QStringLiteral("99999999")}
                                     << QStringLiteral("no process with PID 99999999");
        QTest::newRow("zombie pid") << QStringList{QStringLiteral("--pid"), QStringLiteral("ZOMBIE")}
                                    << QStringLiteral("is a zombie");
        QTest::newRow("no such command") << QStringList{QStringLiteral("--"), QStringLiteral("perfwb-no-such-command")}
                                         << QStringLiteral("cannot run 'perfwb-no-such-command'");
        QTest::newRow("no such path") << QStringList{QStringLiteral("/nonexistent/dir/prog")}
                                      << QStringLiteral("cannot run '/nonexistent/dir/prog'");
        QTest::newRow("bad -F") << QStringList{QStringLiteral("-F"), QStringLiteral("fast"), cpusplit}
                                << QStringLiteral("bad -F value 'fast'");
        QTest::newRow("zero -F") << QStringList{QStringLiteral("-F"), QStringLiteral("0"), cpusplit}
                                 << QStringLiteral("bad -F value '0'");
        QTest::newRow("pid and command") << QStringList{QStringLiteral("--pid"), QString::number(getpid()),
                                                        QStringLiteral("--"), cpusplit}
                                         << QStringLiteral("not both");
        QTest::newRow("nothing to record") << QStringList{} << QStringLiteral("needs a command");
        QTest::newRow("bad call graph") << QStringList{QStringLiteral("--call-graph"), QStringLiteral("lbr"), cpusplit}
                                        << QStringLiteral("bad --call-graph value 'lbr'");
    }

    void badInput()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        pid_t zombie = 0;
        if (args.contains(QStringLiteral("ZOMBIE"))) {
            zombie = fork();
            if (zombie == 0)
                _exit(0);
            QVERIFY(zombie > 0);
            QTest::qWait(100); // exited, not reaped: a zombie
            args.replace(args.indexOf(QStringLiteral("ZOMBIE")), QString::number(zombie));
        }
        const QString report = out("bad.perfwb");
        QFile::remove(report);
        const Run r = runPerfwb(QStringList{QStringLiteral("record"), QStringLiteral("-o"), report} + args);
        if (zombie > 0)
            waitpid(zombie, nullptr, 0);
        QVERIFY2(r.finished && r.exitCode == 2, qPrintable(r.describe()));
        const QString line = stderrLine(r);
        QVERIFY2(!line.isEmpty() && !line.contains(QLatin1Char('\n')), qPrintable(r.describe()));
        QVERIFY2(line.startsWith(QLatin1String("perfwb: ")) && line.contains(message), qPrintable(line));
        QVERIFY2(!QFile::exists(report), "a report was written for bad input");
        QVERIFY(r.out.isEmpty());
    }

    // perf_event_open refused: ptrace sampling, said so on stderr and in the report.
    // Ctrl+C (here SIGINT to perfwb alone): the recording ends cleanly, the target is
    // asked to end, and its end is in the report.
    void interruptStopsCleanly()
    {
        const QString report = out("sigint.perfwb");
        QProcess perfwb;
        perfwb.start(kPerfwb, {QStringLiteral("record"), QStringLiteral("-o"), report, QStringLiteral("--"),
                               workload("cpusplit"), QStringLiteral("60000")});
        QVERIFY(perfwb.waitForStarted());
        QTest::qWait(1500);
        QCOMPARE(perfwb.state(), QProcess::Running);
        ::kill(static_cast<pid_t>(perfwb.processId()), SIGINT);
        QVERIFY2(perfwb.waitForFinished(10000), "perfwb did not stop on SIGINT");
        QCOMPARE(perfwb.exitStatus(), QProcess::NormalExit);
        QCOMPARE(perfwb.exitCode(), 0);
        const QByteArray stdoutText = perfwb.readAllStandardOutput();
        QVERIFY2(stdoutText.contains("killed by signal 15"), stdoutText.constData());
        model::Profile p;
        CHECKED(readReport(report, p));
        QVERIFY2(p.samples.size() >= 100, qPrintable(QString::number(p.samples.size())));
        QVERIFY(p.meta.exited);
        QCOMPARE(p.meta.exitSignal, SIGTERM);
        QVERIFY(p.meta.durationNs >= 1'000'000'000 && p.meta.durationNs < 10'000'000'000LL);
    }

    // perfwb killed outright: the report holds every batch written before (one per 500 ms).
    void reportSurvivesSigkill()
    {
        const QString report = out("sigkill.perfwb");
        QProcess perfwb;
        perfwb.start(kPerfwb, {QStringLiteral("record"), QStringLiteral("-o"), report, QStringLiteral("--"),
                               workload("cpusplit"), QStringLiteral("60000")});
        QVERIFY(perfwb.waitForStarted());
        QTest::qWait(2500);
        QCOMPARE(perfwb.state(), QProcess::Running);
        perfwb.kill();
        QVERIFY(perfwb.waitForFinished(5000));
        model::Profile p;
        CHECKED(readReport(report, p));
        QVERIFY2(p.samples.size() >= 100, qPrintable(QString::number(p.samples.size())));
        QCOMPARE(p.meta.sourceFormat, std::string("perfwb-record"));
        QVERIFY(!p.meta.exited); // the end never came
        QVERIFY(timeline(p, "rss") && !timeline(p, "rss")->points.empty());
        QVERIFY(stackShare(p, "main") >= 95);
    }
};

QTEST_GUILESS_MAIN(TestRecord)
#include "tst_record.moc"
