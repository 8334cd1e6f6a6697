// SPDX-License-Identifier: GPL-3.0-or-later
// The perf-tools image's helper scripts (packaging/perf-tools), run directly on the host
// since no container engine runs here: perf-cprofile leaves its outputs under the
// workspace's outputs/perf, settings are checked before anything runs, and the
// scripts' own usage errors are one line and exit 2.
#include "perfwbrunner.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace perfwbtest;
using namespace Qt::StringLiterals;

namespace {
const QString kScripts = QStringLiteral(PERFWB_SOURCE_DIR "/packaging/perf-tools/");
const QString kWorkload = QStringLiteral(PERFWB_SOURCE_DIR "/tests/workloads/pysplit.py");
} // namespace

class TestPerfTools : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    RunOptions options(const QString &workspace, const QStringList &vars = {})
    {
        RunOptions o;
        o.workDir = dir_.path();
        o.env.insert(u"PERFWB"_s, QStringLiteral(PERFWB_BINARY));
        o.env.insert(u"PERF_WORKSPACE"_s, dir_.filePath(workspace));
        o.env.insert(u"XDG_CONFIG_HOME"_s, dir_.filePath(u"config"_s));
        o.env.remove(u"FIL_PERF_OUTPUT_DIR"_s);
        for (const auto &kv : vars)
            o.env.insert(kv.section(u'=', 0, 0), kv.section(u'=', 1));
        return o;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    void cprofileWrapperWritesToTheWorkspace()
    {
        const auto o = options(u"ws"_s, {u"FIL_PERF_RUN_LABEL=nightly"_s});
        const Run r = runProcess(kScripts + u"perf-cprofile"_s, {u"/usr/bin/python3"_s, kWorkload, u"300"_s}, o);
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QStringList files = QDir(dir_.filePath(u"ws/outputs/perf"_s)).entryList(QDir::Files, QDir::Name);
        QCOMPARE(files,
                 (QStringList{u"nightly-cprofile.pstats"_s, u"nightly-profile.perfwb"_s, u"nightly-run.json"_s}));
    }

    void presetThroughTheScript()
    {
        const auto o = options(u"ws2"_s, {u"FIL_PERF_RUN_LABEL=mem"_s});
        // The built-in "memory" preset enables Memray, which this machine lacks: refused
        // before anything runs, with the way to get it.
        const Run r = runProcess(kScripts + u"perf-run"_s,
                                 {u"--preset"_s, u"memory"_s, u"--"_s, u"/usr/bin/python3"_s, kWorkload}, o);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("Memray is not installed") && r.err.contains("pip install memray"), r.err.constData());
        QVERIFY(!QDir(dir_.filePath(u"ws2/outputs"_s)).exists());
    }

    void refused_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QStringList>("vars");
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("error");
        QTest::newRow("bad value") << u"perf-run"_s << QStringList{u"FIL_PERF_ENABLE_SCALENE=perhaps"_s}
                                   << QStringList{u"python3"_s, u"x.py"_s}
                                   << u"perfwb: FIL_PERF_ENABLE_SCALENE='perhaps' is not valid"_s;
        QTest::newRow("no command") << u"perf-scalene"_s << QStringList{} << QStringList{}
                                    << u"perf-run: no command to profile"_s;
        QTest::newRow("no perfwb") << u"perf-run"_s << QStringList{u"PERFWB=/nonexistent/perfwb"_s}
                                   << QStringList{u"python3"_s, u"x.py"_s} << u"perf-run: perfwb is not installed"_s;
        QTest::newRow("editable without a project")
            << u"perf-run"_s << QStringList{u"PERF_EDITABLE=/nonexistent"_s} << QStringList{u"python3"_s, u"x.py"_s}
            << u"perf-run: PERF_EDITABLE=/nonexistent holds no pyproject.toml"_s;
    }

    void refused()
    {
        QFETCH(QString, script);
        QFETCH(QStringList, vars);
        QFETCH(QStringList, args);
        QFETCH(QString, error);
        const auto o = options(u"refused"_s, vars);
        const Run r = runProcess(kScripts + script, args, o);
        QCOMPARE(r.exitCode, 2);
        const QString err = QString::fromLocal8Bit(r.err).trimmed();
        QVERIFY2(err.startsWith(error), qPrintable(err));
        QVERIFY2(!err.contains(u'\n'), qPrintable(err));
        QVERIFY(!QDir(dir_.filePath(u"refused/outputs"_s)).exists());
    }
};

QTEST_GUILESS_MAIN(TestPerfTools)
#include "tst_perftools.moc"
