// SPDX-License-Identifier: GPL-3.0-or-later
// The budget manager on given host metrics: limits patching and validation, job
// scheduling under pressure (delayed with a reason, promoted when pressure drops), queue
// depth refusal, LRU eviction of lazy assets, and the hook events with anonymised payloads.
#include "budgets/budgetmanager.h"
#include "budgets/payloadanonymizer.h"
#include "budgets/perfevent.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace perfwb::budgets;
using namespace Qt::StringLiterals;

namespace {

struct Host {
    HostMetrics m;
    BudgetManager::MetricsSource source()
    {
        return [this] { return m; };
    }
};

QJsonObject obj(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

} // namespace

class TestBudgetManager : public QObject {
    Q_OBJECT

private:
    Host host;
    HookBus hooks;
    std::vector<PerfEvent> events;
    std::unique_ptr<BudgetManager> manager;
    int subscription = 0;

private Q_SLOTS:
    void init()
    {
        host.m = HostMetrics{};
        host.m.cpuPercent = 20;
        host.m.memUsedMb = 1000;
        host.m.memTotalMb = 8000;
        events.clear();
        subscription = hooks.subscribe([this](const PerfEvent &e) { events.push_back(e); });
        manager = std::make_unique<BudgetManager>(hooks, host.source());
    }
    void cleanup()
    {
        manager.reset();
        hooks.unsubscribe(subscription);
    }

    void defaultsFollowTheHost()
    {
        const BudgetLimits l = manager->limits();
        QCOMPARE(l.maxMemMb, 6800.0); // 85 % of 8000
        QCOMPARE(l.maxVramMb, 0.0);   // no NVML: not checked
        QCOMPARE(l.maxCpuPercent, 90.0);
        QCOMPARE(l.maxRunningJobs, 2);
    }

    void patchChangesOnlyNamedKeys()
    {
        const BudgetLimits before = manager->limits();
        const Outcome o = manager->applyLimits(obj(R"({"max_cpu_percent":70,"max_running_jobs":3})"));
        QVERIFY2(o.ok(), o.message.c_str());
        const BudgetLimits after = manager->limits();
        QCOMPARE(after.maxCpuPercent, 70.0);
        QCOMPARE(after.maxRunningJobs, 3);
        QCOMPARE(after.maxMemMb, before.maxMemMb);
        QCOMPARE(after.lazyAssetTargetMb, before.lazyAssetTargetMb);
        QCOMPARE(events.back().trigger, u"limits_updated"_s);
        QCOMPARE(events.back().hook, QString::fromLatin1(PerfEvent::kBudgetState));
    }

    void badPatchChangesNothing_data()
    {
        QTest::addColumn<QString>("patch");
        QTest::addColumn<QString>("named");
        QTest::newRow("unknown key") << R"({"max_cpu_percent":50,"max_gpu":1})"
                                     << "max_gpu";
        QTest::newRow("string") << R"({"max_mem_mb":"1024"})"
                                << "max_mem_mb";
        QTest::newRow("bool") << R"({"max_running_jobs":true})"
                              << "max_running_jobs";
        QTest::newRow("fraction for integer") << R"({"max_running_jobs":1.5})"
                                              << "max_running_jobs";
        QTest::newRow("cpu over 100") << R"({"max_cpu_percent":150})"
                                      << "max_cpu_percent";
        QTest::newRow("zero jobs") << R"({"max_running_jobs":0})"
                                   << "max_running_jobs";
        QTest::newRow("negative target") << R"({"lazy_asset_target_mb":-1})"
                                         << "lazy_asset_target_mb";
        QTest::newRow("interval too short") << R"({"evaluation_interval":0.01})"
                                            << "evaluation_interval";
        QTest::newRow("null") << R"({"max_vram_mb":null})"
                              << "max_vram_mb";
    }
    void badPatchChangesNothing()
    {
        QFETCH(QString, patch);
        QFETCH(QString, named);
        const BudgetLimits before = manager->limits();
        const std::size_t eventsBefore = events.size();
        const Outcome o = manager->applyLimits(QJsonDocument::fromJson(patch.toUtf8()).object());
        QCOMPARE(o.refusal, Refusal::BadValue);
        QVERIFY2(QString::fromStdString(o.message).contains(named), o.message.c_str());
        QVERIFY(manager->limits() == before);
        QCOMPARE(events.size(), eventsBefore);
    }

    void jobOverMemoryLimitIsDelayedThenPromoted()
    {
        QVERIFY(manager->applyLimits(obj(R"({"max_mem_mb":2500,"max_running_jobs":4})")).ok());
        QVERIFY(manager->registerJob(obj(R"({"job_id":"a","payload":{"perf":{"ram_mb":1000}}})")).ok());
        QVERIFY(manager->registerJob(obj(R"({"job_id":"b","payload":{"perf":{"ram_mb":1000}}})")).ok());
        Outcome a = manager->startJob("a");
        QCOMPARE(a.body[u"job"_s][u"state"_s].toString(), u"running"_s); // 1000 + 1000 <= 2500
        Outcome b = manager->startJob("b");
        QCOMPARE(b.body[u"job"_s][u"state"_s].toString(), u"delayed"_s); // + 1000 reserved > 2500
        const QString reason = b.body[u"job"_s][u"reason"_s].toString();
        QVERIFY2(reason.contains(u"max_mem_mb"_s) && reason.contains(u"2500"_s), qPrintable(reason));
        QCOMPARE(manager->queueCounts().delayed, 1);
        // Still delayed on a refresh while a runs.
        QCOMPARE(manager->refreshJobs().body[u"promoted"_s].toArray().size(), 0);
        events.clear();
        QVERIFY(manager->finishJob("a").ok());
        QCOMPARE(manager->queueCounts().running, 1);
        QCOMPARE(manager->queueCounts().finished, 1u);
        QCOMPARE(events.back().trigger, u"job_promoted"_s);
        QCOMPARE(events.back().payload[u"job"_s][u"job_id"_s].toString(), u"b"_s);
    }

    void measuredPressurePromotesOnEvaluation()
    {
        QVERIFY(manager->applyLimits(obj(R"({"max_cpu_percent":50})")).ok());
        host.m.cpuPercent = 45;
        manager->evaluate();
        QVERIFY(manager->registerJob(obj(R"({"job_id":"r","payload":{"perf":{"cpu_percent":10}}})")).ok());
        QCOMPARE(manager->startJob("r").body[u"job"_s][u"state"_s].toString(), u"delayed"_s);
        host.m.cpuPercent = 30;
        manager->evaluate();
        QCOMPARE(manager->queueCounts().running, 1);
    }

    void runningJobsCap()
    {
        for (const char *id : {"j1", "j2", "j3"})
            QVERIFY(manager->registerJob(QJsonObject{{u"job_id"_s, QString::fromLatin1(id)}}).ok());
        QVERIFY(manager->startJob("j1").ok());
        QVERIFY(manager->startJob("j2").ok());
        const Outcome third = manager->startJob("j3");
        QCOMPARE(third.body[u"job"_s][u"state"_s].toString(), u"delayed"_s);
        QVERIFY(third.body[u"job"_s][u"reason"_s].toString().contains(u"max_running_jobs 2"_s));
    }

    void registrationRefusals()
    {
        QVERIFY(manager->applyLimits(obj(R"({"max_queue_depth":2})")).ok());
        QVERIFY(manager->registerJob(obj(R"({"job_id":"q1"})")).ok());
        QCOMPARE(manager->registerJob(obj(R"({"job_id":"q1"})")).refusal, Refusal::Conflict);
        QVERIFY(manager->registerJob(obj(R"({"job_id":"q2"})")).ok());
        const Outcome full = manager->registerJob(obj(R"({"job_id":"q3"})"));
        QCOMPARE(full.refusal, Refusal::QueueFull);
        QCOMPARE(manager->queueCounts().queued, 2);
        QCOMPARE(manager->startJob("nope").refusal, Refusal::NotFound);
        QCOMPARE(manager->finishJob("nope").refusal, Refusal::NotFound);
        QCOMPARE(manager->registerJob(obj(R"({"job_id":""})")).refusal, Refusal::BadValue);
        QCOMPARE(manager->registerJob(obj(R"({"job_id":"x","payload":{"perf":{"ram_mb":-5}}})")).refusal,
                 Refusal::BadValue);
        QCOMPARE(manager->registerJob(obj(R"({"job_id":"x","payload":{"perf":{"cpu_percent":"10"}}})")).refusal,
                 Refusal::BadValue);
        QCOMPARE(manager->queueCounts().queued, 2);
    }

    void lruEviction()
    {
        QVERIFY(manager->applyLimits(obj(R"({"lazy_asset_target_mb":300})")).ok());
        std::vector<std::string> unloaded;
        const auto handler = [&](const std::string &id) { unloaded.push_back(id); };
        QVERIFY(manager->registerAsset("a", 100, handler).ok());
        QVERIFY(manager->registerAsset("b", 100, handler).ok());
        QVERIFY(manager->registerAsset("c", 100, handler).ok());
        QVERIFY(manager->touchAsset("a").ok()); // b is now the least recently used
        const Outcome d = manager->registerAsset("d", 150, handler);
        QCOMPARE(d.body[u"evicted"_s].toArray(), (QJsonArray{u"b"_s, u"c"_s}));
        QCOMPARE(unloaded, (std::vector<std::string>{"b", "c"}));
        QCOMPARE(manager->assetsTotalMb(), 250.0);
        // Lowering the target evicts at once; then an explicit eviction.
        QVERIFY(manager->applyLimits(obj(R"({"lazy_asset_target_mb":200})")).ok());
        QCOMPARE(unloaded.back(), std::string("a"));
        QVERIFY(manager->evictAssets("d").ok());
        QCOMPARE(manager->assets().size(), std::size_t{0});
        QCOMPARE(manager->evictAssets("d").refusal, Refusal::NotFound);
        QCOMPARE(manager->touchAsset("zz").refusal, Refusal::NotFound);
        QCOMPARE(manager->assetEvictions(), 4u);
    }

    void hookPayloadsAreAnonymised()
    {
        const Outcome o = manager->registerJob(
            obj("{\"job_id\":\"render-01\",\"job_type\":\"render\",\"payload\":{"
                "\"scene\":\"/home/alice/projects/secret/scene.json\",\"api_token\":\"tok-123456\","
                "\"env\":{\"HOME\":\"/home/alice\"},\"note\":\"see /srv/data/x.bin or Bearer abc.def\","
                "\"db\":\"postgres://bob:hunter2@db.local/app\",\"perf\":{\"ram_mb\":10}}}"));
        QVERIFY2(o.ok(), o.message.c_str());
        QCOMPARE(events.back().trigger, u"job_registered"_s);
        const QByteArray text = QJsonDocument(events.back().toJson()).toJson();
        for (const char *leak : {"/home/alice", "tok-123456", "hunter2", "abc.def", "/srv/data", "HOME"})
            QVERIFY2(!text.contains(leak), qPrintable(QString::fromLatin1(leak) + u" in "_s + QString::fromUtf8(text)));
        QVERIFY(text.contains("scene.json"));
        QVERIFY(text.contains("x.bin"));
        QVERIFY(text.contains("db.local/app"));
        // The API's view carries the same anonymised payload.
        QVERIFY(!QJsonDocument(manager->snapshotJson()).toJson().contains("/home/alice"));
    }

    void anonymizeText_data()
    {
        QTest::addColumn<QString>("in");
        QTest::addColumn<QString>("out");
        QTest::newRow("absolute path") << "/home/u/a.py"
                                       << "a.py";
        QTest::newRow("home path") << "~/x/y.txt"
                                   << "y.txt";
        QTest::newRow("relative stays") << "src/main.cpp"
                                        << "src/main.cpp";
        QTest::newRow("url path stays") << "http://host/a/b"
                                        << "http://host/a/b";
        QTest::newRow("url password") << "https://u:pw@h/x"
                                      << "https://u:<redacted>@h/x";
        QTest::newRow("assignment") << "password=abc next"
                                    << "password=<redacted> next";
        QTest::newRow("bearer") << "Authorization: Bearer xyz"
                                << "Authorization: Bearer <redacted>";
        QTest::newRow("in text") << "failed at /var/tmp/job/out.log now"
                                 << "failed at out.log now";
    }
    void anonymizeText()
    {
        QFETCH(QString, in);
        QFETCH(QString, out);
        QCOMPARE(PayloadAnonymizer::anonymizeText(in), out);
    }

    void healthDoesNotMutate()
    {
        QVERIFY(manager->registerJob(obj(R"({"job_id":"h"})")).ok());
        const QJsonObject before = manager->snapshotJson();
        const std::size_t eventsBefore = events.size();
        for (int i = 0; i < 3; ++i)
            QCOMPARE(manager->healthJson()[u"queue"_s][u"queued"_s].toInt(), 1);
        QCOMPARE(events.size(), eventsBefore);
        QCOMPARE(manager->snapshotJson()[u"jobs"_s], before[u"jobs"_s]);
    }
};

QTEST_GUILESS_MAIN(TestBudgetManager)
#include "tst_budgetmanager.moc"
