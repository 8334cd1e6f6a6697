// SPDX-License-Identifier: GPL-3.0-or-later
// `perfwb record --serve`: the service runs during a recording, the target finds it through
// PERFWB_API_URL, and the marks and spans it posts with the Python and C client helpers land
// in the report on the recording's clock (info --json, Chrome trace export).
#include "perfwbrunner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using perfwbtest::Run;
using perfwbtest::runPerfwb;

class TestRecordServe : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir;
    QProcessEnvironment enabledEnv;

    QJsonObject info(const QString &report)
    {
        const Run r = runPerfwb({u"info"_s, u"--json"_s, report});
        if (r.exitCode != 0)
            return {};
        return QJsonDocument::fromJson(r.out).object();
    }
    static QJsonObject group(const QJsonObject &marks, const QString &name)
    {
        for (const auto &g : marks[u"by_name"_s].toArray()) {
            if (g[u"name"_s].toString() == name)
                return g.toObject();
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir.isValid());
        enabledEnv = QProcessEnvironment::systemEnvironment();
        enabledEnv.insert(u"XDG_CONFIG_HOME"_s, dir.filePath(u"config"_s));
        enabledEnv.remove(u"PERFWB_API_URL"_s);
        perfwbtest::RunOptions o;
        o.env = enabledEnv;
        QCOMPARE(runPerfwb({u"config"_s, u"set"_s, u"features.enable_perf"_s, u"true"_s}, o).exitCode, 0);
    }

    void pythonSpansLandInTheReport()
    {
        const QString report = dir.filePath(u"py.perfwb"_s);
        perfwbtest::RunOptions o;
        o.env = enabledEnv;
        o.env.insert(u"PERFWB_PYTHON_CLIENT_DIR"_s, QStringLiteral(PERFWB_SOURCE_DIR "/resources/clients/python"));
        const Run r = runPerfwb({u"record"_s, u"--serve"_s, u"-o"_s, report, u"--"_s, u"python3"_s,
                                 QStringLiteral(PERFWB_SOURCE_DIR "/tests/workloads/apiclient_demo.py")},
                                o);
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(r.err.contains("serving http://127.0.0.1:") && r.err.contains("profiler on"), r.err.constData());
        QVERIFY2(!r.err.contains("no-ops"), r.err.constData()); // the client never gave up
        const QJsonObject i = info(report);
        const QJsonObject marks = i[u"marks"_s].toObject();
        QCOMPARE(marks[u"count"_s].toInt(), 3 + 5 + 1);
        QCOMPARE(marks[u"spans"_s].toInt(), 3 + 5);
        const QJsonObject render = group(marks, u"render"_s);
        QCOMPARE(render[u"count"_s].toInt(), 5);
        QVERIFY2(render[u"total_ms"_s].toDouble() >= 5 * 40.0,
                 qPrintable(QString::number(render[u"total_ms"_s].toDouble())));
        QCOMPARE(render[u"category"_s].toString(), u"render"_s);
        QCOMPARE(group(marks, u"load"_s)[u"count"_s].toInt(), 3);
        QCOMPARE(group(marks, u"ready"_s)[u"category"_s].toString(), u"app"_s);
        // The spans lie within the recording, on the samples' clock: the Chrome trace puts
        // them between the first and last sample.
        const QString trace = dir.filePath(u"py-trace.json"_s);
        const Run e = runPerfwb({u"export"_s, report, u"--to"_s, u"chrome"_s, u"-o"_s, trace});
        QVERIFY2(e.exitCode == 0, qPrintable(e.describe()));
        QFile f(trace);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonDocument doc = QJsonDocument::fromJson(f.readAll());
        const QJsonArray events = doc.isArray() ? doc.array() : doc.object()[u"traceEvents"_s].toArray();
        double firstSample = 1e300;
        double lastSample = 0;
        QList<double> renderStarts;
        for (const auto &ev : events) {
            const QJsonObject o2 = ev.toObject();
            if (o2[u"name"_s].toString() == u"render"_s && o2[u"ph"_s].toString() == u"X"_s)
                renderStarts.append(o2[u"ts"_s].toDouble());
            else if (o2[u"ph"_s].toString() == u"X"_s || o2[u"ph"_s].toString() == u"B"_s) {
                firstSample = std::min(firstSample, o2[u"ts"_s].toDouble());
                lastSample = std::max(lastSample, o2[u"ts"_s].toDouble());
            }
        }
        QCOMPARE(renderStarts.size(), 5);
        for (double ts : renderStarts)
            QVERIFY2(ts >= firstSample && ts <= lastSample,
                     qPrintable(u"%1 not in [%2, %3]"_s.arg(ts).arg(firstSample).arg(lastSample)));
    }

    void cClientSpansLandInTheReport()
    {
        const QString report = dir.filePath(u"c.perfwb"_s);
        perfwbtest::RunOptions o;
        o.env = enabledEnv;
        const Run r = runPerfwb({u"record"_s, u"--serve"_s, u"-o"_s, report, u"--"_s,
                                 QStringLiteral(PERFWB_WORKLOAD_DIR "/apiclient_demo")},
                                o);
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.describe()));
        const QJsonObject marks = info(report)[u"marks"_s].toObject();
        QCOMPARE(group(marks, u"render"_s)[u"count"_s].toInt(), 5);
        QCOMPARE(group(marks, u"ready"_s)[u"count"_s].toInt(), 1);
    }

    void profilerOffKeepsTheTargetRunning()
    {
        // Flags off (a fresh config): the target's calls are refused, it says so once and
        // runs to the end; the report has no marks.
        const QString report = dir.filePath(u"off.perfwb"_s);
        perfwbtest::RunOptions o;
        o.env = QProcessEnvironment::systemEnvironment();
        o.env.insert(u"XDG_CONFIG_HOME"_s, dir.filePath(u"fresh"_s));
        o.env.insert(u"PERFWB_PYTHON_CLIENT_DIR"_s, QStringLiteral(PERFWB_SOURCE_DIR "/resources/clients/python"));
        const Run r = runPerfwb({u"record"_s, u"--serve"_s, u"-o"_s, report, u"--"_s, u"python3"_s,
                                 QStringLiteral(PERFWB_SOURCE_DIR "/tests/workloads/apiclient_demo.py")},
                                o);
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(r.err.contains("profiler off"), r.err.constData());
        QCOMPARE(r.err.count("further calls are no-ops"), 1);
        QCOMPARE(info(report)[u"marks"_s][u"count"_s].toInt(), 0);
    }

    void badApiPort()
    {
        const Run r = runPerfwb({u"record"_s, u"--serve"_s, u"--api-port"_s, u"70000"_s, u"--"_s, u"/bin/true"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.startsWith("perfwb: bad --api-port value '70000'"));
    }
};

QTEST_GUILESS_MAIN(TestRecordServe)
#include "tst_recordserve.moc"
