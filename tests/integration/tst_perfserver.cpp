// SPDX-License-Identifier: GPL-3.0-or-later
// The /api/perf service as users reach it: `perfwb serve` on 127.0.0.1 (ephemeral port,
// a config directory of its own), real HTTP. The seed's verification checklist (flags off
// by default, 403 until enabled, health never mutates, anonymised hooks, the toggle keeps
// the legacy keys in step), the seed's quickstart run literally with curl and jq, job
// scheduling under real memory figures, bad input, the SSE stream, tokens.
#include "perfserverprocess.h"
#include "perfwbrunner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using perfwbtest::http;
using perfwbtest::HttpReply;
using perfwbtest::PerfServer;
using perfwbtest::runPerfwb;
using perfwbtest::runProcess;

class TestPerfServer : public QObject {
    Q_OBJECT

private:
    QTemporaryDir home;
    QProcessEnvironment env;
    std::unique_ptr<PerfServer> shared; // one server for the data-driven rows

    QProcessEnvironment envWith(const QString &configHome)
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(u"XDG_CONFIG_HOME"_s, configHome);
        return e;
    }
    void setConfig(const QString &key, const QString &value, const QProcessEnvironment &e)
    {
        perfwbtest::RunOptions o;
        o.env = e;
        const auto r = runPerfwb({u"config"_s, u"set"_s, key, value}, o);
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.describe()));
    }
    // The service re-reads its config within half a second; wait for it (a hang guard).
    static bool waitFor(const std::function<bool()> &ready)
    {
        for (int i = 0; i < 200; ++i) {
            if (ready())
                return true;
            QTest::qWait(50);
        }
        return false;
    }
    static QByteArray post(const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); }

    // A server with the perf features on.
    void startEnabled(PerfServer &server, const QString &name)
    {
        const QString dir = home.filePath(name);
        const QProcessEnvironment e = envWith(dir);
        setConfig(u"features.enable_perf"_s, u"true"_s, e);
        QVERIFY2(server.start({u"serve"_s, u"--port"_s, u"0"_s}, e), server.stderrText().constData());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(home.isValid());
        env = envWith(home.filePath(u"fresh"_s));
    }

    void cleanupTestCase() { shared.reset(); }

    void freshInstallIsOff()
    {
        PerfServer server;
        QVERIFY2(server.start({u"serve"_s, u"--port"_s, u"0"_s}, env), server.stderrText().constData());
        QVERIFY(server.stderrText().contains("budgets off, profiler off"));
        const HttpReply h = http("GET", server.url(u"/health"_s));
        QCOMPARE(h.status, 200);
        QCOMPARE(h.json()[u"feature_flag"_s], QJsonValue(false));
        QCOMPARE(h.json()[u"budgets_enabled"_s], QJsonValue(false));
        QCOMPARE(h.json()[u"profiler_enabled"_s], QJsonValue(false));
        for (const auto &[method, route] :
             {std::pair{"GET", "/budgets"}, std::pair{"POST", "/budgets/apply"},
              std::pair{"POST", "/budgets/jobs/register"}, std::pair{"POST", "/profiler/mark"},
              std::pair{"GET", "/profiler/dashboard"}}) {
            const HttpReply r = http(method, server.url(QString::fromLatin1(route)), "{}");
            QCOMPARE(r.status, 403);
            QCOMPARE(r.json()[u"feature_flag"_s], QJsonValue(false));
            QVERIFY(r.json()[u"error"_s].toString().contains(u"enable_perf"_s));
        }
        QCOMPARE(server.stop(), 0);
    }

    void toggleEnablesRoutesAndKeepsLegacyKeys()
    {
        const QString dir = home.filePath(u"toggle"_s);
        const QProcessEnvironment e = envWith(dir);
        PerfServer server;
        QVERIFY(server.start({u"serve"_s, u"--port"_s, u"0"_s}, e));
        QCOMPARE(http("GET", server.url(u"/budgets"_s)).status, 403);
        setConfig(u"features.enable_perf"_s, u"true"_s, e);
        QVERIFY(waitFor([&] { return http("GET", server.url(u"/budgets"_s)).status == 200; }));
        QFile config(dir + u"/perfwb/config.json"_s);
        QVERIFY(config.open(QIODevice::ReadOnly));
        const QJsonObject features = QJsonDocument::fromJson(config.readAll()).object()[u"features"_s].toObject();
        QCOMPARE(features[u"enable_perf_budgets"_s], QJsonValue(true));
        QCOMPARE(features[u"enable_perf_profiler_dashboard"_s], QJsonValue(true));
        perfwbtest::RunOptions o;
        o.env = e;
        QCOMPARE(runPerfwb({u"config"_s, u"get"_s, u"features.enable_perf_budgets"_s}, o).out.trimmed(),
                 QByteArray("true"));
        // A legacy key alone switches on its own part only.
        setConfig(u"features.enable_perf"_s, u"false"_s, e);
        setConfig(u"features.enable_perf_profiler_dashboard"_s, u"true"_s, e);
        // Only the final file has the switch off and the dashboard's legacy key on.
        QVERIFY(waitFor([&] {
            const QJsonObject health = http("GET", server.url(u"/health"_s)).json();
            return !health[u"feature_flag"_s].toBool() && health[u"profiler_enabled"_s].toBool();
        }));
        QCOMPARE(http("GET", server.url(u"/budgets"_s)).status, 403);
        const HttpReply h = http("GET", server.url(u"/health"_s));
        QCOMPARE(h.json()[u"profiler_enabled"_s], QJsonValue(true));
        QCOMPARE(h.json()[u"feature_flag"_s], QJsonValue(false));
        QCOMPARE(http("POST", server.url(u"/profiler/mark"_s), R"({"name":"m"})").status, 200);
    }

    void quickstartWithCurlAndJq()
    {
        // The seed's four commands, literally (port 8001, its default).
        const QString dir = home.filePath(u"quickstart"_s);
        const QProcessEnvironment e = envWith(dir);
        setConfig(u"features.enable_perf"_s, u"true"_s, e);
        PerfServer server;
        QVERIFY2(server.start({u"serve"_s}, e), server.stderrText().constData());
        QCOMPARE(server.port(), 8001);
        perfwbtest::RunOptions o;
        o.env = e;
        const auto r =
            runProcess(u"bash"_s, {QStringLiteral(PERFWB_SOURCE_DIR "/tests/integration/perf_quickstart.sh")}, o);
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.describe()));
        const QByteArray out = r.out;
        QVERIFY2(out.contains("\"feature_flag\": true") && out.contains("\"queued\": 0"), out.constData());
        QVERIFY2(out.contains("\"max_cpu_percent\":70") && out.contains("\"max_running_jobs\":2"), out.constData());
        QVERIFY2(out.contains("\"job_id\":\"render-01\"") && out.contains("\"state\":\"queued\""), out.constData());
        QVERIFY2(out.contains("\"name\": \"step\"") && out.contains("\"total_ms\": 12"), out.constData());
        QCOMPARE(http("GET", server.url(u"/budgets"_s)).json()[u"queue"_s][u"queued"_s].toArray().size(), 1);
    }

    void healthNeverMutates()
    {
        PerfServer server;
        startEnabled(server, u"health"_s);
        QCOMPARE(http("POST", server.url(u"/budgets/jobs/register"_s), R"({"job_id":"h1"})").status, 200);
        QCOMPARE(http("POST", server.url(u"/profiler/span"_s), R"({"name":"s","duration_ms":5})").status, 200);
        const QByteArray before = post(http("GET", server.url(u"/budgets"_s)).json()[u"queue"_s].toObject());
        const HttpReply h1 = http("GET", server.url(u"/health"_s));
        const HttpReply h2 = http("GET", server.url(u"/health"_s));
        QCOMPARE(h1.json()[u"budgets"_s], h2.json()[u"budgets"_s]);
        QCOMPARE(h1.json()[u"budgets"_s][u"queue"_s][u"queued"_s].toInt(), 1);
        QCOMPARE(h1.json()[u"profiler"_s][u"top_offenders"_s].toArray().first()[u"name"_s].toString(), u"s"_s);
        QCOMPARE(post(http("GET", server.url(u"/budgets"_s)).json()[u"queue"_s].toObject()), before);
    }

    void jobOverMemoryLimitDelayedThenPromoted()
    {
        PerfServer server;
        startEnabled(server, u"pressure"_s);
        const double used = http("GET", server.url(u"/budgets"_s)).json()[u"metrics"_s][u"mem_used_mb"_s].toDouble();
        QVERIFY(used > 0);
        // Room for one 1000 MB job on top of what the host uses now, not two.
        const QJsonObject limits{
            {u"max_mem_mb"_s, std::floor(used + 1500)}, {u"max_cpu_percent"_s, 100}, {u"max_running_jobs"_s, 4}};
        QCOMPARE(http("POST", server.url(u"/budgets/apply"_s), post(limits)).status, 200);
        for (const char *id : {"a", "b"}) {
            const QJsonObject job{{u"job_id"_s, QString::fromLatin1(id)},
                                  {u"payload"_s, QJsonObject{{u"perf"_s, QJsonObject{{u"ram_mb"_s, 1000}}}}}};
            QCOMPARE(http("POST", server.url(u"/budgets/jobs/register"_s), post(job)).status, 200);
        }
        QCOMPARE(http("POST", server.url(u"/budgets/jobs/start"_s), R"({"job_id":"a"})").json()[u"job"_s][u"state"_s],
                 QJsonValue(u"running"_s));
        const HttpReply b = http("POST", server.url(u"/budgets/jobs/start"_s), R"({"job_id":"b"})");
        QCOMPARE(b.json()[u"job"_s][u"state"_s], QJsonValue(u"delayed"_s));
        QVERIFY2(b.json()[u"job"_s][u"reason"_s].toString().contains(u"max_mem_mb"_s), b.body.constData());
        const QJsonObject queue = http("GET", server.url(u"/budgets"_s)).json()[u"queue"_s].toObject();
        QCOMPARE(queue[u"delayed"_s].toArray().first()[u"job_id"_s], QJsonValue(u"b"_s));
        QCOMPARE(http("POST", server.url(u"/budgets/jobs/finish"_s), R"({"job_id":"a"})").status, 200);
        const QJsonObject after = http("GET", server.url(u"/budgets"_s)).json()[u"queue"_s].toObject();
        QCOMPARE(after[u"running"_s].toArray(), QJsonArray{u"b"_s});
        QCOMPARE(after[u"finished"_s].toInt(), 1);
        // Queue depth refusal and LRU order over HTTP.
        QCOMPARE(http("POST", server.url(u"/budgets/apply"_s), R"({"max_queue_depth":1})").status, 200);
        QCOMPARE(http("POST", server.url(u"/budgets/jobs/register"_s), R"({"job_id":"c"})").status, 200);
        QCOMPARE(http("POST", server.url(u"/budgets/jobs/register"_s), R"({"job_id":"d"})").status, 429);
        QCOMPARE(http("POST", server.url(u"/budgets/jobs/register"_s), R"({"job_id":"c"})").status, 409);
        QCOMPARE(http("POST", server.url(u"/budgets/jobs/start"_s), R"({"job_id":"zz"})").status, 404);
        QCOMPARE(http("POST", server.url(u"/budgets/apply"_s), R"({"lazy_asset_target_mb":250})").status, 200);
        for (const char *id : {"t1", "t2"})
            QCOMPARE(http("POST", server.url(u"/budgets/assets/register"_s),
                          post({{u"asset_id"_s, QString::fromLatin1(id)}, {u"size_mb"_s, 100}}))
                         .status,
                     200);
        QCOMPARE(http("POST", server.url(u"/budgets/assets/touch"_s), R"({"asset_id":"t1"})").status, 200);
        const HttpReply t3 =
            http("POST", server.url(u"/budgets/assets/register"_s), R"({"asset_id":"t3","size_mb":100})");
        QCOMPARE(t3.json()[u"evicted"_s].toArray(), QJsonArray{u"t2"_s});
    }

    void badInputChangesNothing_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("route");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::newRow("invalid json") << QByteArray("POST") << u"/budgets/apply"_s << QByteArray("{\"max_cpu") << 400;
        QTest::newRow("array body") << QByteArray("POST") << u"/budgets/apply"_s << QByteArray("[1]") << 400;
        QTest::newRow("wrong type") << QByteArray("POST") << u"/budgets/apply"_s
                                    << QByteArray(R"({"max_cpu_percent":"70"})") << 400;
        QTest::newRow("unknown limit") << QByteArray("POST") << u"/budgets/apply"_s << QByteArray(R"({"max_x":1})")
                                       << 400;
        QTest::newRow("job id number") << QByteArray("POST") << u"/budgets/jobs/register"_s
                                       << QByteArray(R"({"job_id":7})") << 400;
        QTest::newRow("asset size string") << QByteArray("POST") << u"/budgets/assets/register"_s
                                           << QByteArray(R"({"asset_id":"a","size_mb":"big"})") << 400;
        QTest::newRow("unknown route") << QByteArray("GET") << u"/nothing"_s << QByteArray() << 404;
        QTest::newRow("outside prefix") << QByteArray("GET") << u"/../etc/passwd"_s << QByteArray() << 404;
        QTest::newRow("wrong method") << QByteArray("GET") << u"/budgets/apply"_s << QByteArray() << 405;
        QTest::newRow("wrong method health") << QByteArray("POST") << u"/health"_s << QByteArray("{}") << 405;
        QTest::newRow("over 1 MiB") << QByteArray("POST") << u"/profiler/mark"_s
                                    << QByteArray("{\"name\":\"") + QByteArray(1100000, 'x') + "\"}" << 413;
        QTest::newRow("bad limit") << QByteArray("GET") << u"/profiler/dashboard?limit=0"_s << QByteArray() << 400;
    }
    void badInputChangesNothing()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, route);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        if (!shared) {
            shared = std::make_unique<PerfServer>();
            startEnabled(*shared, u"bad"_s);
        }
        PerfServer *server = shared.get();
        const QJsonObject before = http("GET", server->url(u"/budgets"_s)).json();
        const HttpReply r = http(method, server->url(route), body);
        QCOMPARE(r.status, status);
        QVERIFY2(r.json().contains(u"error"_s) && r.json().contains(u"feature_flag"_s), r.body.constData());
        if (status == 405)
            QVERIFY(!r.header("allow").isEmpty());
        const QJsonObject after = http("GET", server->url(u"/budgets"_s)).json();
        QCOMPARE(after[u"limits"_s], before[u"limits"_s]);
        QCOMPARE(after[u"jobs"_s], before[u"jobs"_s]);
        QCOMPARE(after[u"assets"_s], before[u"assets"_s]);
        QCOMPARE(
            http("GET", server->url(u"/profiler/dashboard"_s)).json()[u"dashboard"_s][u"marks"_s][u"total"_s].toInt(),
            0);
    }

    void slowClientDoesNotBlockOthers()
    {
        PerfServer server;
        startEnabled(server, u"slow"_s);
        QTcpSocket slow;
        slow.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(server.port()));
        QVERIFY(slow.waitForConnected(5000));
        slow.write("POST /api/perf/profiler/mark HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"na");
        slow.flush();
        QTcpSocket idle; // half-open: connected, says nothing
        idle.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(server.port()));
        QVERIFY(idle.waitForConnected(5000));
        QCOMPARE(http("GET", server.url(u"/health"_s)).status, 200);
        QCOMPARE(http("POST", server.url(u"/profiler/mark"_s), R"({"name":"fast"})").status, 200);
    }

    void eventStreamCarriesAnonymisedHooks()
    {
        PerfServer server;
        startEnabled(server, u"sse"_s);
        QProcess curl;
        curl.start(u"curl"_s, {u"-sN"_s, server.url(u"/events"_s)});
        QVERIFY(curl.waitForStarted());
        QVERIFY(waitFor([&] {
            curl.waitForReadyRead(50);
            return curl.peek(4096).contains("perfwb events");
        }));
        const QByteArray job =
            R"({"job_id":"j1","payload":{"scene":"/home/alice/scenes/city.json","api_key":"sk-live-999","env":{"X":"1"}}})";
        QCOMPARE(http("POST", server.url(u"/budgets/jobs/register"_s), job).status, 200);
        QCOMPARE(http("POST", server.url(u"/profiler/mark"_s), R"({"name":"frame","category":"render"})").status, 200);
        QByteArray seen;
        QVERIFY(waitFor([&] {
            curl.waitForReadyRead(50);
            seen += curl.readAllStandardOutput();
            return seen.contains("on_perf_profiler_snapshot");
        }));
        curl.kill();
        curl.waitForFinished();
        QVERIFY2(seen.contains("event: on_perf_budget_state\ndata: {"), seen.constData());
        QVERIFY(seen.contains("\"trigger\":\"job_registered\""));
        QVERIFY(seen.contains("\"trigger\":\"mark\""));
        QVERIFY(seen.contains("\"timestamp\":"));
        QVERIFY(seen.contains("city.json"));
        QVERIFY2(!seen.contains("/home/alice") && !seen.contains("sk-live-999") && !seen.contains("\"env\""),
                 seen.constData());
    }

    void tokenAndBind()
    {
        const QString tokenFile = home.filePath(u"token"_s);
        QFile f(tokenFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("s3cr3t-token-0123456789\n");
        f.close();
        PerfServer server;
        QVERIFY(server.start({u"serve"_s, u"--port"_s, u"0"_s, u"--token-file"_s, tokenFile}, env));
        QCOMPARE(http("GET", server.url(u"/health"_s)).status, 401);
        QCOMPARE(http("GET", server.url(u"/health"_s), {}, {{"Authorization", "Bearer wrong-token-0123456789"}}).status,
                 401);
        QCOMPARE(
            http("GET", server.url(u"/health"_s), {}, {{"Authorization", "Bearer s3cr3t-token-0123456789"}}).status,
            200);
        // Any address but loopback needs a token: refused before listening.
        perfwbtest::RunOptions o;
        o.env = env;
        const auto r = runPerfwb({u"serve"_s, u"--bind"_s, u"0.0.0.0"_s, u"--port"_s, u"0"_s}, o);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("without a token"), r.err.constData());
        QCOMPARE(r.err.count('\n'), 1);
    }

    void damagedConfigRunsWithFlagsOff()
    {
        const QString dir = home.filePath(u"damaged"_s);
        QDir().mkpath(dir + u"/perfwb"_s);
        QFile f(dir + u"/perfwb/config.json"_s);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"features": {"enable_perf": "yes"}})");
        f.close();
        PerfServer server;
        QVERIFY(server.start({u"serve"_s, u"--port"_s, u"0"_s}, envWith(dir)));
        const QByteArray err = server.stderrText();
        QVERIFY2(err.contains("config.json: key features.enable_perf must be true or false"), err.constData());
        QCOMPARE(http("GET", server.url(u"/budgets"_s)).status, 403);
        QCOMPARE(http("GET", server.url(u"/health"_s)).json()[u"budgets_enabled"_s], QJsonValue(false));
    }

    void portInUseIsOneLine()
    {
        PerfServer first;
        startEnabled(first, u"inuse"_s);
        perfwbtest::RunOptions o;
        o.env = env;
        const auto r = runPerfwb({u"serve"_s, u"--port"_s, QString::number(first.port())}, o);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.startsWith("perfwb: cannot listen on 127.0.0.1:"), r.err.constData());
        QCOMPARE(r.err.count('\n'), 1);
    }
};

QTEST_GUILESS_MAIN(TestPerfServer)
#include "tst_perfserver.moc"
