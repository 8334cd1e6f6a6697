// SPDX-License-Identifier: GPL-3.0-or-later
// /api/perf/metrics as a monitoring system reads it: promtool (Debian's prometheus
// package) accepts the exposition, and a real Prometheus server, started on loopback with
// a scrape job for a real `perfwb serve`, answers a query for the queue depth that was set.
#include "perfserverprocess.h"
#include "perfwbrunner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using perfwbtest::http;
using perfwbtest::HttpReply;
using perfwbtest::PerfServer;
using perfwbtest::runPerfwb;
using perfwbtest::runProcess;

class TestPrometheus : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir;
    PerfServer server;

    static int freePort()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        return probe.serverPort();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir.isValid());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"XDG_CONFIG_HOME"_s, dir.filePath(u"config"_s));
        perfwbtest::RunOptions o;
        o.env = env;
        QCOMPARE(runPerfwb({u"config"_s, u"set"_s, u"features.enable_perf"_s, u"true"_s}, o).exitCode, 0);
        QVERIFY2(server.start({u"serve"_s, u"--port"_s, u"0"_s}, env), server.stderrText().constData());
        QCOMPARE(http("POST", server.url(u"/budgets/apply"_s), R"({"max_running_jobs":1})").status, 200);
        for (int i = 0; i < 3; ++i) {
            const QJsonObject job{{u"job_id"_s, u"job-%1"_s.arg(i)}};
            QCOMPARE(http("POST", server.url(u"/budgets/jobs/register"_s), QJsonDocument(job).toJson()).status, 200);
        }
        const QList<QJsonObject> spans = {
            {{u"name"_s, u"draw"_s}, {u"category"_s, u"render"_s}, {u"duration_ms"_s, 3}},
            {{u"name"_s, u"draw"_s}, {u"category"_s, u"render"_s}, {u"duration_ms"_s, 300}},
            {{u"name"_s, u"read \"x\""_s}, {u"category"_s, u"io\nline"_s}, {u"duration_ms"_s, 20}}};
        for (const QJsonObject &span : spans)
            QCOMPARE(http("POST", server.url(u"/profiler/span"_s), QJsonDocument(span).toJson()).status, 200);
        QCOMPARE(http("POST", server.url(u"/profiler/mark"_s), R"({"name":"ready","category":"app"})").status, 200);
    }

    void promtoolAcceptsTheExposition()
    {
        const HttpReply r = http("GET", server.url(u"/metrics"_s));
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("content-type").startsWith("text/plain; version=0.0.4"));
        const QByteArray text = r.body;
        QVERIFY2(text.contains("\nperfwb_queue_depth 3\n"), text.constData());
        QVERIFY(text.contains("perfwb_jobs{state=\"queued\"} 3"));
        QVERIFY(text.contains("perfwb_span_duration_seconds_bucket{category=\"render\",le=\"0.005\"} 1"));
        QVERIFY(text.contains("perfwb_span_duration_seconds_count{category=\"render\"} 2"));
        QVERIFY(text.contains("perfwb_span_duration_seconds_count{category=\"io\\nline\"} 1"));
        QVERIFY(text.contains("perfwb_profiler_marks_total{category=\"app\"} 1"));
        // VRAM unknown (no NVML) is absent, never 0; known, it is there.
        const bool vramKnown = !http("GET", server.url(u"/budgets"_s)).json()[u"metrics"_s][u"vram_used_mb"_s].isNull();
        QCOMPARE(text.contains("perfwb_host_vram_used_bytes"), vramKnown);
        const QString file = dir.filePath(u"metrics.txt"_s);
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
        f.close();
        const auto check = runProcess(u"bash"_s, {u"-c"_s, u"promtool check metrics < \"$0\""_s, file});
        QVERIFY2(check.finished && check.exitCode == 0, qPrintable(check.describe()));
    }

    void prometheusScrapesPerfwb()
    {
        const int port = freePort();
        const QString config = dir.filePath(u"prometheus.yml"_s);
        QFile f(config);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("global:\n  scrape_interval: 1s\nscrape_configs:\n  - job_name: perfwb\n"
                               "    metrics_path: /api/perf/metrics\n    static_configs:\n"
                               "      - targets: ['127.0.0.1:%1']\n")
                    .arg(server.port())
                    .toUtf8());
        f.close();
        QProcess prometheus;
        prometheus.setProcessChannelMode(QProcess::MergedChannels);
        prometheus.start(u"prometheus"_s,
                         {u"--config.file="_s + config, u"--storage.tsdb.path="_s + dir.filePath(u"tsdb"_s),
                          u"--web.listen-address=127.0.0.1:"_s + QString::number(port)});
        QVERIFY2(prometheus.waitForStarted(), "prometheus is not installed (packaging/setup.sh installs it)");
        // Poll the query API until the scraped value arrives (a hang guard, not a speed check).
        const QString query = u"http://127.0.0.1:%1/api/v1/query?query=perfwb_queue_depth"_s.arg(port);
        QJsonArray result;
        for (int i = 0; i < 240 && result.isEmpty(); ++i) {
            QTest::qWait(250);
            const HttpReply r = http("GET", query);
            if (r.status == 200)
                result = r.json()[u"data"_s][u"result"_s].toArray();
        }
        QByteArray log = prometheus.readAll();
        prometheus.terminate();
        prometheus.waitForFinished(20000);
        QVERIFY2(!result.isEmpty(), log.right(2000).constData());
        const QJsonObject sample = result.first().toObject();
        QCOMPARE(sample[u"metric"_s][u"job"_s].toString(), u"perfwb"_s);
        QCOMPARE(sample[u"value"_s].toArray().at(1).toString(), u"3"_s);
    }

    void cleanupTestCase() { QCOMPARE(server.stop(), 0); }
};

QTEST_GUILESS_MAIN(TestPrometheus)
#include "tst_prometheus.moc"
