// SPDX-License-Identifier: GPL-3.0-or-later
// `perfwb record` with FIL_PERF_ENABLE_*: the command runs again under each enabled
// profiler (the real cProfile and Scalene), every output lands in the output directory
// as <run_label>-<tool>.<ext> with the run's manifest, each imports and shows the
// workload's hot function; bad settings, missing tools and non-Python commands stop
// everything with one line and exit 2, and a failing tool leaves nothing half-written.
// Also the settings and preset commands end to end.
#include "perfwbrunner.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace perfwbtest;
using namespace Qt::StringLiterals;

namespace {

const QString kPython = u"/usr/bin/python3"_s;
const QString kWorkload = QStringLiteral(PERFWB_SOURCE_DIR "/tests/workloads/pysplit.py");

QStringList entries(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden, QDir::Name);
}

// The name of the function with the most self weight among the workload's own functions
// in `file` (built-ins, "<built-in method ...>", are left out).
QString hottest(const QString &file)
{
    const Run r = runPerfwb({u"info"_s, u"--json"_s, u"--top"_s, u"50"_s, file});
    if (r.exitCode != 0)
        return u"(info failed: "_s + QString::fromLocal8Bit(r.err) + u")"_s;
    // cProfile times by the wall clock: on a busy machine the workload is preempted most
    // often on its way out of the thread_time() system call it loops on.
    for (const auto &f : QJsonDocument::fromJson(r.out).object().value(u"functions"_s).toArray()) {
        const QString name = f.toObject().value(u"name"_s).toString();
        if (!name.startsWith(u'<'))
            return name;
    }
    return {};
}

// The rows of the cProfile top list perfwb prints: "calls self total function (where)".
int topRows(const QByteArray &out)
{
    static const QRegularExpression row(u"^ +\\d+ +\\d+\\.\\d{6} +\\d+\\.\\d{6}  \\S"_s);
    int n = 0;
    for (const auto &line : out.split('\n'))
        n += row.match(QString::fromUtf8(line)).hasMatch() ? 1 : 0;
    return n;
}

} // namespace

class TestProfilerRuns : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    RunOptions options(const QString &sub, const QStringList &vars)
    {
        RunOptions o;
        o.workDir = dir_.filePath(sub);
        QDir().mkpath(o.workDir);
        o.env.insert(u"XDG_CONFIG_HOME"_s, dir_.filePath(u"config"_s));
        for (const auto &kv : vars)
            o.env.insert(kv.section(u'=', 0, 0), kv.section(u'=', 1));
        return o;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    // The "done when": cProfile and Scalene next to perfwb's own recording.
    void cprofileAndScaleneBesidePerfwb()
    {
        const auto o = options(u"both"_s, {u"FIL_PERF_ENABLE_CPROFILE=1"_s, u"FIL_PERF_ENABLE_SCALENE=1"_s,
                                           u"FIL_PERF_RUN_LABEL=demo"_s, u"FIL_PERF_CPROFILE_TOP=25"_s});
        const Run r = runPerfwb({u"record"_s, u"--"_s, kPython, kWorkload, u"600"_s}, o);
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QString out = o.workDir + u"/outputs/perf"_s;
        QCOMPARE(entries(out), (QStringList{u"demo-cprofile.pstats"_s, u"demo-profile.perfwb"_s, u"demo-run.json"_s,
                                            u"demo-scalene.json"_s}));
        // cProfile's top list, in FIL_PERF_CPROFILE_SORT order, FIL_PERF_CPROFILE_TOP long.
        QVERIFY2(r.out.contains("(by cumulative)"), r.out.constData());
        QCOMPARE(topRows(r.out), 25);
        // A location is printed once, also for names the importer made unique with it.
        const QRegularExpression twice(u"\\(([^()]+:\\d+)\\) \\(\\1\\)"_s);
        QVERIFY2(!twice.match(QString::fromUtf8(r.out)).hasMatch(), r.out.constData());
        QVERIFY2(r.out.contains("perfwb: run files -> outputs/perf/demo-run.json"), r.out.constData());
        QCOMPARE(hottest(out + u"/demo-cprofile.pstats"_s), u"hot_70"_s);
        QCOMPARE(hottest(out + u"/demo-scalene.json"_s), u"hot_70"_s);
        // info on any of the run's files lists them all.
        const Run info = runPerfwb({u"info"_s, u"--json"_s, out + u"/demo-scalene.json"_s});
        QVERIFY2(info.err.isEmpty(), info.err.constData());
        const auto files = QJsonDocument::fromJson(info.out).object().value(u"run_files"_s).toArray();
        QStringList tools;
        for (const auto &f : files)
            tools << f.toObject().value(u"tool"_s).toString();
        QCOMPARE(tools, (QStringList{u"perfwb"_s, u"scalene"_s, u"cprofile"_s}));
    }

    void refusedBeforeAnythingRuns_data()
    {
        QTest::addColumn<QStringList>("vars");
        QTest::addColumn<QStringList>("command");
        QTest::addColumn<QString>("error");
        QTest::newRow("bad boolean") << QStringList{u"FIL_PERF_ENABLE_PYSPY=maybe"_s} << QStringList{kPython, kWorkload}
                                     << u"FIL_PERF_ENABLE_PYSPY='maybe' is not valid: expected a boolean"_s;
        QTest::newRow("unknown variable")
            << QStringList{u"FIL_PERF_ENABLE_PYSPI=1"_s} << QStringList{kPython, kWorkload}
            << u"unknown setting FIL_PERF_ENABLE_PYSPI"_s;
        QTest::newRow("bad rate") << QStringList{u"FIL_PERF_SPY_RATE=fast"_s} << QStringList{kPython, kWorkload}
                                  << u"FIL_PERF_SPY_RATE='fast' is not valid: expected a whole number"_s;
        // py-spy and Memray come from PyPI only: not on this machine.
        QTest::newRow("py-spy missing") << QStringList{u"FIL_PERF_ENABLE_PYSPY=1"_s} << QStringList{kPython, kWorkload}
                                        << u"py-spy is not installed (no py-spy on PATH): py-spy comes from PyPI "
                                           "(pip install py-spy); Debian 12 does not package it. perfwb record "
                                           "already shows a CPython 3.11/3.12 program's Python stacks"_s;
        QTest::newRow("memray missing") << QStringList{u"FIL_PERF_ENABLE_MEMRAY=yes"_s}
                                        << QStringList{kPython, kWorkload}
                                        << u"Memray is not installed (no memray on PATH): Memray comes from PyPI "
                                           "(pip install memray); Debian 12 does not package it. perfwb record "
                                           "--alloc already gives a CPython 3.11/3.12 program's allocations with "
                                           "their Python stacks"_s;
        QTest::newRow("scalene off PATH")
            << QStringList{u"FIL_PERF_ENABLE_SCALENE=1"_s, u"PATH=/nonexistent"_s} << QStringList{kPython, kWorkload}
            << u"Scalene is not installed (no scalene on PATH): install Debian's python3-scalene"_s;
        QTest::newRow("not python") << QStringList{u"FIL_PERF_ENABLE_CPROFILE=1"_s} << QStringList{u"/bin/true"_s}
                                    << u"cprofile: '/bin/true' is not a Python command"_s;
        QTest::newRow("python -c") << QStringList{u"FIL_PERF_ENABLE_SCALENE=1"_s}
                                   << QStringList{kPython, u"-c"_s, u"pass"_s}
                                   << u"scalene: 'python -c CODE' cannot be run under a Python profiler"_s;
    }

    void refusedBeforeAnythingRuns()
    {
        QFETCH(QStringList, vars);
        QFETCH(QStringList, command);
        QFETCH(QString, error);
        const auto o = options(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-'), vars);
        const Run r = runPerfwb(QStringList{u"record"_s, u"--"_s} + command, o);
        QCOMPARE(r.exitCode, 2);
        const QString err = QString::fromLocal8Bit(r.err).trimmed();
        QVERIFY2(err.startsWith(u"perfwb: "_s + error), qPrintable(err));
        QVERIFY2(!err.contains(u'\n'), qPrintable(err));
        QVERIFY2(r.out.isEmpty(), r.out.constData());
        QVERIFY(!QDir(o.workDir + u"/outputs"_s).exists()); // nothing recorded, nothing written
    }

    void failingToolLeavesNothingHalfWritten()
    {
        const auto o = options(u"fails"_s, {u"FIL_PERF_ENABLE_CPROFILE=1"_s, u"FIL_PERF_RUN_LABEL=gone"_s});
        const Run r = runPerfwb({u"record"_s, u"--"_s, kPython, u"no-such-script.py"_s}, o);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("perfwb: cProfile failed"), r.err.constData());
        const QStringList left = entries(o.workDir + u"/outputs/perf"_s);
        QVERIFY2(left.filter(u"cprofile"_s).isEmpty(), qPrintable(left.join(u' ')));
        QVERIFY2(left.filter(u".partial"_s).isEmpty(), qPrintable(left.join(u' ')));
        QVERIFY(left.contains(u"gone-run.json"_s)); // the manifest still lists what exists
    }

    void presetDrivesARun()
    {
        const auto o = options(u"preset"_s, {});
        Run r =
            runPerfwb({u"preset"_s, u"save"_s, u"quick"_s, u"FIL_PERF_ENABLE_CPROFILE=on"_s,
                       u"FIL_PERF_CPROFILE_TOP=3"_s, u"FIL_PERF_CPROFILE_SORT=tottime"_s, u"FIL_PERF_RUN_LABEL=fast"_s},
                      o);
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY(QFile::exists(dir_.filePath(u"config/perfwb/presets/quick.json"_s)));
        r = runPerfwb({u"record"_s, u"--preset"_s, u"quick"_s, u"--"_s, kPython, kWorkload, u"300"_s}, o);
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(r.out.contains("(by tottime)"), r.out.constData());
        QCOMPARE(topRows(r.out), 3);
        QVERIFY2(r.out.contains("hot_70 ("), r.out.constData()); // tottime: the hottest first
        QVERIFY(QFile::exists(o.workDir + u"/outputs/perf/fast-cprofile.pstats"_s));
        // The environment overrides the preset.
        auto env = options(u"preset"_s, {u"FIL_PERF_CPROFILE_TOP=2"_s});
        r = runPerfwb({u"settings"_s, u"--preset"_s, u"quick"_s}, env);
        QVERIFY2(r.out.contains("FIL_PERF_CPROFILE_TOP = 2"), r.out.constData());
        QVERIFY2(r.out.contains("FIL_PERF_CPROFILE_SORT = tottime"), r.out.constData());
        QVERIFY2(r.out.contains("preset quick"), r.out.constData());
        r = runPerfwb({u"record"_s, u"--preset"_s, u"nope"_s, u"--"_s, kPython, kWorkload}, o);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("no preset named 'nope'"), r.err.constData());
    }

    void settingsAndPresetCommands()
    {
        auto o = options(u"cmds"_s, {u"FIL_PERF_ENABLE_SCALENE=YES"_s, u"FIL_PERF_SPY_RATE=250"_s});
        Run r = runPerfwb({u"settings"_s, u"--shell"_s}, o);
        QCOMPARE(r.out, QByteArray("export FIL_PERF_ENABLE_SCALENE='true'\nexport FIL_PERF_SPY_RATE='250'\n"));
        r = runPerfwb({u"settings"_s, u"--json"_s}, o);
        const auto s = QJsonDocument::fromJson(r.out).object().value(u"settings"_s).toObject();
        QCOMPARE(s.value(u"FIL_PERF_SPY_RATE"_s).toObject().value(u"source"_s).toString(), u"environment"_s);
        QCOMPARE(s.value(u"FIL_PERF_SPY_IDLE"_s).toObject().value(u"source"_s).toString(), u"default"_s);
        QCOMPARE(s.value(u"FIL_PERF_SPY_IDLE"_s).toObject().value(u"flag"_s).toString(), u"--idle"_s);
        r = runPerfwb({u"preset"_s, u"save"_s, u"mine"_s, u"--from-env"_s}, o);
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        r = runPerfwb({u"preset"_s, u"list"_s}, o);
        QVERIFY2(r.out.contains("mine ") && r.out.contains("ci ") && r.out.contains("memory "), r.out.constData());
        r = runPerfwb({u"preset"_s, u"show"_s, u"mine"_s}, o);
        QVERIFY2(r.out.contains("\"FIL_PERF_SPY_RATE\": 250"), r.out.constData());
        r = runPerfwb({u"preset"_s, u"delete"_s, u"ci"_s}, o);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("built in"), r.err.constData());
        r = runPerfwb({u"preset"_s, u"delete"_s, u"mine"_s}, o);
        QCOMPARE(r.exitCode, 0);
        r = runPerfwb({u"preset"_s, u"save"_s, u"empty"_s}, options(u"cmds2"_s, {}));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("nothing to save"), r.err.constData());
        r = runPerfwb({u"preset"_s, u"save"_s, u"../evil"_s, u"FIL_PERF_ENABLE_PYSPY=1"_s}, o);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("bad preset name"), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestProfilerRuns)
#include "tst_profilerruns.moc"
