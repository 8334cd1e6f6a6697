// SPDX-License-Identifier: GPL-3.0-or-later
// End-to-end tests of `perfwb ci`: scenarios of the hotspot2x workload run 5 times under
// perfwb record; a baseline made from factor 1 (hot_function and steady_function equal)
// against a version whose hot_function is twice as slow must fail and name it, exit 1
// with --gate and 0 without; an identical version passes; before_after.md and the job
// summary are written; a scenario whose command is missing fails alone.
#include "perfwbrunner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using perfwbtest::Run;
using perfwbtest::RunOptions;
using perfwbtest::runPerfwb;

namespace {

// A scenarios file with the hotspot2x workload at `factor` (and more scenarios).
QByteArray scenarios(const QString &factor, const QByteArray &more = {})
{
    return "{\"runs\": 5, \"scenarios\": [{\"name\": \"hotspot\", \"command\": [\"" PERFWB_WORKLOAD_DIR
           "/hotspot2x\", \"" +
           factor.toUtf8() + "\", \"150\"], \"record\": [\"--call-graph\", \"fp\"]}" + more + "]}";
}

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

QJsonObject scenarioIn(const QJsonObject &results, const QString &name)
{
    for (const auto &s : results.value(u"scenarios"_s).toArray()) {
        if (s.toObject().value(u"name"_s).toString() == name)
            return s.toObject();
    }
    return {};
}

} // namespace

class TestCiCommand : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &data)
    {
        QFile f(m_dir.filePath(name));
        if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size())
            return {};
        return f.fileName();
    }

    Run ci(const QStringList &args, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
    {
        RunOptions o;
        o.workDir = m_dir.path();
        o.env = env;
        o.env.remove(u"GITHUB_STEP_SUMMARY"_s);
        o.env.remove(u"FIL_PERF_OUTPUT_DIR"_s);
        for (const QString &key : env.keys()) {
            if (key == u"GITHUB_STEP_SUMMARY"_s)
                o.env.insert(key, env.value(key));
        }
        return runPerfwb(QStringList{u"ci"_s} + args, o);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // The baseline: factor 1, made and then frozen by `ci baseline update`.
        const QString file = write(u"base.json"_s, scenarios(u"1"_s));
        const Run r = ci({u"run"_s, u"--scenarios"_s, file, u"--label"_s, u"base"_s});
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(r.out.contains("new      hotspot: not in the baseline"), qPrintable(r.describe()));
        const Run u = ci({u"baseline"_s, u"update"_s});
        QVERIFY2(u.finished && u.exitCode == 0, qPrintable(u.describe()));
        QVERIFY(QFile::exists(m_dir.filePath(u"perf_reports/baseline.json"_s)));
        QVERIFY(QFile::exists(m_dir.filePath(u"perf_reports/baseline-reports/hotspot.perfwb"_s)));
    }

    void latestJsonHoldsEveryFigure()
    {
        // latest.json of the baseline's run was copied into baseline.json: same figures.
        const QJsonObject base = readJson(m_dir.filePath(u"perf_reports/baseline.json"_s));
        QCOMPARE(base.value(u"schema"_s).toString(), u"perfwb-ci/1"_s);
        QCOMPARE(base.value(u"label"_s).toString(), u"base"_s);
        const QJsonObject s = scenarioIn(base, u"hotspot"_s);
        QCOMPARE(s.value(u"status"_s).toString(), u"ok"_s);
        const QJsonObject metrics = s.value(u"metrics"_s).toObject();
        for (const QString &m :
             {u"wall_time"_s, u"cpu_time"_s, u"peak_rss"_s, u"cpu_percent"_s, u"samples"_s, u"lost_samples"_s}) {
            const QJsonObject o = metrics.value(m).toObject();
            QVERIFY2(o.value(u"values"_s).toArray().size() == 5, qPrintable(m));
            QVERIFY2(o.value(u"min"_s).toDouble() <= o.value(u"median"_s).toDouble() &&
                         o.value(u"median"_s).toDouble() <= o.value(u"max"_s).toDouble(),
                     qPrintable(m));
        }
        // 2 x 150 ms of CPU: the CPU time is about 300 ms whatever the machine's load.
        const double cpuMs = metrics.value(u"cpu_time"_s).toObject().value(u"median"_s).toDouble() / 1e6;
        QVERIFY2(cpuMs > 250 && cpuMs < 450, qPrintable(QString::number(cpuMs)));
        // The two functions hold about half the samples each.
        bool hot = false;
        for (const auto &f : s.value(u"top_functions"_s).toArray()) {
            if (f.toObject().value(u"name"_s).toString() == u"hot_function"_s) {
                const double share = f.toObject().value(u"self_share"_s).toDouble();
                QVERIFY2(share > 0.35 && share < 0.65, qPrintable(QString::number(share)));
                hot = true;
            }
        }
        QVERIFY(hot);
        // The latest run's reports and the median run's exports are under outputs/perf/base.
        const QJsonObject latest = readJson(m_dir.filePath(u"perf_reports/latest.json"_s));
        const QJsonObject ls = scenarioIn(latest, u"hotspot"_s);
        QCOMPARE(ls.value(u"runs"_s).toArray().size(), 5);
        for (const auto &run : ls.value(u"runs"_s).toArray()) {
            const QString report = run.toObject().value(u"report"_s).toString();
            QVERIFY2(report.startsWith(u"../outputs/perf/base/hotspot/run-"_s), qPrintable(report));
            QVERIFY(QFile::exists(m_dir.filePath(u"perf_reports/"_s + report)));
        }
        QCOMPARE(ls.value(u"exports"_s).toArray().size(), 2);
        QVERIFY(QFile::exists(m_dir.filePath(u"outputs/perf/base/hotspot/hotspot-median-flamegraph.svg"_s)));
        QVERIFY(QFile::exists(m_dir.filePath(u"outputs/perf/base/hotspot/hotspot-median-report.html"_s)));
    }

    // The same program twice, its baseline made just before (so both sides ran under the
    // same machine load; the shared baseline of initTestCase ran cold, first in the suite):
    // the gate passes. Noise may still show as "improved", never as warn or fail.
    void identicalVersionPasses()
    {
        const QString file = write(u"same.json"_s, scenarios(u"1"_s));
        const QStringList dir{u"--reports-dir"_s, u"same-reports"_s};
        const Run base = ci(QStringList{u"run"_s, u"--scenarios"_s, file, u"--label"_s, u"same-base"_s} + dir);
        QVERIFY2(base.finished && base.exitCode == 0, qPrintable(base.describe()));
        const Run u = ci({u"baseline"_s, u"update"_s, u"--from"_s, u"same-reports/latest.json"_s, u"--baseline"_s,
                          u"same-reports/baseline.json"_s});
        QVERIFY2(u.finished && u.exitCode == 0, qPrintable(u.describe()));
        const Run r = ci(QStringList{u"run"_s, u"--scenarios"_s, file, u"--label"_s, u"same"_s, u"--gate"_s} + dir);
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(r.out.contains("pass     hotspot:") || r.out.contains("improved hotspot:"), qPrintable(r.describe()));
        QVERIFY2(r.out.contains("verdict: pass"), qPrintable(r.describe()));
    }

    void slowerFunctionFailsAndIsNamed()
    {
        const QString summary = m_dir.filePath(u"summary.md"_s);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"GITHUB_STEP_SUMMARY"_s, summary);
        env.insert(u"GITHUB_SERVER_URL"_s, u"https://github.com"_s);
        env.insert(u"GITHUB_REPOSITORY"_s, u"perfwb/perfwb"_s);
        env.insert(u"GITHUB_RUN_ID"_s, u"42"_s);
        const QString file = write(u"slow.json"_s, scenarios(u"2"_s));
        const Run gated = ci({u"run"_s, u"--scenarios"_s, file, u"--label"_s, u"slow"_s, u"--gate"_s}, env);
        QVERIFY2(gated.finished && gated.exitCode == 1, qPrintable(gated.describe()));
        const QString out = QString::fromUtf8(gated.out);
        QVERIFY2(out.contains(u"fail     hotspot: "_s) && out.contains(u"CPU time +"_s) &&
                     out.contains(u"; hot_function +"_s),
                 qPrintable(out));

        // before_after.md: the table, the named function, the comparison page.
        QFile md(m_dir.filePath(u"perf_reports/before_after.md"_s));
        QVERIFY(md.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(md.readAll());
        QVERIFY2(text.contains(u"**Verdict: fail**"_s), qPrintable(text));
        QVERIFY2(text.contains(u"against baseline base"_s), qPrintable(text));
        QVERIFY2(text.contains(u"| CPU time | "_s) && text.contains(u"U test p = 0.008 | **fail** |"_s),
                 qPrintable(text));
        QVERIFY2(text.contains(u"| **hot\\_function <sub>hotspot2x</sub>** |"_s), qPrintable(text));
        QVERIFY2(text.contains(u"`perfwb diff` of the median runs"_s), qPrintable(text));
        QVERIFY(QFile::exists(m_dir.filePath(u"outputs/perf/slow/hotspot/hotspot-diff.html"_s)));
        // Paths as the downloaded artifacts lay them out: relative to the working directory.
        QVERIFY2(text.contains(u"Comparison page: `outputs/perf/slow/hotspot/hotspot-diff.html`"_s), qPrintable(text));
        QVERIFY2(text.contains(u"exports in `outputs/perf/slow`, results in `perf_reports`"_s), qPrintable(text));
        // The job summary got the same table, with a link to the run's artifacts.
        QFile s(summary);
        QVERIFY(s.open(QIODevice::ReadOnly));
        const QString job = QString::fromUtf8(s.readAll());
        QCOMPARE(job, text);
        QVERIFY2(job.contains(u"(https://github.com/perfwb/perfwb/actions/runs/42)"_s), qPrintable(job));

        // Informational by default: the same verdict, exit 0 (3 runs: the ranges rule).
        const Run informational = ci({u"run"_s, u"--scenarios"_s, file, u"--runs"_s, u"3"_s, u"--label"_s, u"slow3"_s});
        QVERIFY2(informational.finished && informational.exitCode == 0, qPrintable(informational.describe()));
        QVERIFY2(informational.out.contains("verdict: fail"), qPrintable(informational.describe()));
        // The baseline was not touched by either run.
        QCOMPARE(readJson(m_dir.filePath(u"perf_reports/baseline.json"_s)).value(u"label"_s).toString(), u"base"_s);
    }

    void missingCommandFailsAlone()
    {
        const QString file =
            write(u"missing.json"_s,
                  scenarios(u"1"_s, ", {\"name\": \"gone\", \"command\": [\"/nonexistent/perfwb-no-such-tool\"]}"));
        const Run r = ci({u"run"_s, u"--scenarios"_s, file, u"--runs"_s, u"2"_s, u"--label"_s, u"missing"_s});
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.describe()));
        QStringList errors;
        for (const QByteArray &line : r.err.split('\n')) {
            if (line.startsWith("perfwb: "))
                errors << QString::fromUtf8(line);
        }
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors[0].contains(u"gone: run 1: cannot run '/nonexistent/perfwb-no-such-tool'"_s),
                 qPrintable(errors[0]));
        const QJsonObject latest = readJson(m_dir.filePath(u"perf_reports/latest.json"_s));
        QCOMPARE(scenarioIn(latest, u"gone"_s).value(u"status"_s).toString(), u"failed"_s);
        QCOMPARE(scenarioIn(latest, u"hotspot"_s).value(u"status"_s).toString(), u"ok"_s);
        QCOMPARE(scenarioIn(latest, u"hotspot"_s).value(u"runs"_s).toArray().size(), 2);
        // With --gate a scenario that could not run fails the gate.
        const Run gated =
            ci({u"run"_s, u"--scenarios"_s, file, u"--runs"_s, u"1"_s, u"--label"_s, u"missing1"_s, u"--gate"_s});
        QVERIFY2(gated.finished && gated.exitCode == 1, qPrintable(gated.describe()));
    }

    void badInputsGetOneLine_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("says");
        QTest::newRow("no scenarios") << QStringList{u"run"_s} << u"ci run needs --scenarios FILE"_s;
        QTest::newRow("missing file") << QStringList{u"run"_s, u"--scenarios"_s, u"/nonexistent.json"_s}
                                      << u"cannot read the scenarios file"_s;
        QTest::newRow("bad runs") << QStringList{u"run"_s, u"--scenarios"_s, u"base.json"_s, u"--runs"_s, u"0"_s}
                                  << u"--runs needs a whole number"_s;
        QTest::newRow("bad baseline") << QStringList{u"run"_s, u"--scenarios"_s, u"base.json"_s, u"--baseline"_s,
                                                     u"base.json"_s}
                                      << u"not a perfwb ci results file"_s;
        QTest::newRow("unknown sub") << QStringList{u"walk"_s} << u"ci: unknown command 'walk'"_s;
        QTest::newRow("baseline from nothing")
            << QStringList{u"baseline"_s, u"update"_s, u"--from"_s, u"/nonexistent/latest.json"_s} << u"cannot read"_s;
    }

    void badInputsGetOneLine()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, says);
        const QByteArray before =
            readJson(m_dir.filePath(u"perf_reports/baseline.json"_s)).value(u"label"_s).toString().toUtf8();
        const Run r = ci(args);
        QVERIFY2(r.finished && r.exitCode == 2, qPrintable(r.describe()));
        const QString err = QString::fromUtf8(r.err.trimmed());
        QVERIFY2(!err.contains(u'\n') && err.startsWith(u"perfwb: "_s) && err.contains(says), qPrintable(err));
        QCOMPARE(readJson(m_dir.filePath(u"perf_reports/baseline.json"_s)).value(u"label"_s).toString().toUtf8(),
                 before);
    }
};

QTEST_GUILESS_MAIN(TestCiCommand)
#include "tst_cicommand.moc"
