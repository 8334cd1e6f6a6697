// SPDX-License-Identifier: GPL-3.0-or-later
// The profiler's marks and spans: validation, dashboard aggregates (top offenders by time
// and memory, category slices), begin/end spans, bounded memory under many distinct
// names, reset, and the recording sink on the monotonic clock.
#include "budgets/perfevent.h"
#include "budgets/perfprofiler.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <ctime>

using namespace perfwb::budgets;
using namespace Qt::StringLiterals;

namespace {
QJsonObject obj(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}
} // namespace

class TestPerfProfiler : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void dashboardAggregates()
    {
        HookBus hooks;
        PerfProfiler p(hooks);
        for (int i = 0; i < 3; ++i)
            QVERIFY(
                p.span(obj(R"({"name":"load","category":"io","duration_ms":10,"rss_start_mb":100,"rss_end_mb":150})"))
                    .ok());
        for (int i = 0; i < 5; ++i)
            QVERIFY(p.span(obj(R"({"name":"render","category":"render","duration_ms":40})")).ok());
        QVERIFY(p.mark(obj(R"({"name":"ready","category":"app"})")).ok());
        const QJsonObject d = p.dashboardJson(5);
        const QJsonArray top = d[u"top_time"_s].toArray();
        QCOMPARE(top.size(), 2);
        QCOMPARE(top[0][u"name"_s].toString(), u"render"_s);
        QCOMPARE(top[0][u"total_ms"_s].toDouble(), 200.0);
        QCOMPARE(top[0][u"count"_s].toInt(), 5);
        QCOMPARE(top[1][u"mean_ms"_s].toDouble(), 10.0);
        const QJsonArray mem = d[u"top_memory"_s].toArray();
        QCOMPARE(mem.size(), 1); // render carried no memory figures
        QCOMPARE(mem[0][u"mem_delta_mb"_s].toDouble(), 150.0);
        const QJsonArray cats = d[u"categories"_s].toArray();
        QCOMPARE(cats.size(), 2);
        double share = 0;
        for (const auto &c : cats)
            share += c[u"share"_s].toDouble();
        QCOMPARE(share, 1.0);
        QCOMPARE(d[u"marks"_s][u"by_category"_s][u"app"_s].toInt(), 1);
        QCOMPARE(d[u"recent"_s].toArray().first()[u"name"_s].toString(), u"ready"_s);
        QCOMPARE(p.healthJson()[u"top_offenders"_s].toArray().first()[u"name"_s].toString(), u"render"_s);
        QVERIFY(p.reset().ok());
        QCOMPARE(p.dashboardJson(5)[u"top_time"_s].toArray().size(), 0);
        QCOMPARE(p.totalMarks(), 0u);
    }

    void badRequests_data()
    {
        QTest::addColumn<QString>("route");
        QTest::addColumn<QString>("body");
        QTest::newRow("mark without name") << "mark"
                                           << R"({"category":"x"})";
        QTest::newRow("mark numeric name") << "mark"
                                           << R"({"name":5})";
        QTest::newRow("mark metadata array") << "mark"
                                             << R"({"name":"a","metadata":[1]})";
        QTest::newRow("span without duration") << "span"
                                               << R"({"name":"a"})";
        QTest::newRow("span negative") << "span"
                                       << R"({"name":"a","duration_ms":-1})";
        QTest::newRow("span string duration") << "span"
                                              << R"({"name":"a","duration_ms":"3"})";
        QTest::newRow("bad phase") << "span"
                                   << R"({"phase":"middle","span_id":"s"})";
        QTest::newRow("begin without id") << "span"
                                          << R"({"phase":"begin","name":"a"})";
        QTest::newRow("empty category") << "mark"
                                        << R"({"name":"a","category":""})";
    }
    void badRequests()
    {
        QFETCH(QString, route);
        QFETCH(QString, body);
        HookBus hooks;
        PerfProfiler p(hooks);
        const QJsonObject request = QJsonDocument::fromJson(body.toUtf8()).object();
        const Outcome o = route == u"mark"_s ? p.mark(request) : p.span(request);
        QCOMPARE(o.refusal, Refusal::BadValue);
        QVERIFY(!o.message.empty());
        QCOMPARE(p.totalMarks() + p.totalSpans(), 0u);
    }

    void beginEndSpan()
    {
        HookBus hooks;
        PerfProfiler p(hooks);
        QVERIFY(p.span(obj(R"({"phase":"begin","span_id":"s1","name":"step","rss_mb":10})")).ok());
        QCOMPARE(p.span(obj(R"({"phase":"begin","span_id":"s1","name":"step"})")).refusal, Refusal::Conflict);
        QTest::qSleep(20);
        const Outcome end = p.span(obj(R"({"phase":"end","span_id":"s1","rss_mb":30})"));
        QVERIFY2(end.ok(), end.message.c_str());
        QVERIFY(end.body[u"span"_s][u"duration_ms"_s].toDouble() >= 20.0);
        QCOMPARE(end.body[u"span"_s][u"mem_delta_mb"_s].toDouble(), 20.0);
        QCOMPARE(p.span(obj(R"({"phase":"end","span_id":"s1"})")).refusal, Refusal::NotFound);
    }

    void boundedUnderManyNames()
    {
        HookBus hooks;
        PerfProfiler p(hooks);
        for (int i = 0; i < 20000; ++i)
            p.recordSpan("step-" + std::to_string(i), "cat-" + std::to_string(i % 500), 1.0, std::nullopt);
        QCOMPARE(p.totalSpans(), 20000u);
        QVERIFY(p.categories().size() <= PerfProfiler::kMaxCategories + 1);
        const QJsonObject d = p.dashboardJson(1000);
        QVERIFY(d[u"recent"_s].toArray().size() <= static_cast<int>(PerfProfiler::kRecent));
        double total = 0;
        for (const auto &[name, c] : p.categories())
            total += c.totalS;
        QCOMPARE(qRound(total * 1000), 20000); // nothing lost, only grouped
    }

    void histogramIsCumulative()
    {
        HookBus hooks;
        PerfProfiler p(hooks);
        p.recordSpan("a", "c", 3, std::nullopt);     // 0.003 s
        p.recordSpan("a", "c", 200, std::nullopt);   // 0.2 s
        p.recordSpan("a", "c", 20000, std::nullopt); // 20 s: only +Inf
        const auto c = p.categories().at("c");
        QCOMPARE(c.buckets[0], 0u);  // <= 1 ms
        QCOMPARE(c.buckets[1], 1u);  // <= 5 ms
        QCOMPARE(c.buckets[6], 2u);  // <= 250 ms
        QCOMPARE(c.buckets[11], 2u); // <= 10 s
        QCOMPARE(c.spans, 3u);
    }

    void sinkGetsMonotonicTimes()
    {
        HookBus hooks;
        PerfProfiler p(hooks);
        std::vector<PerfProfiler::TimedEntry> got;
        p.setSink([&](const PerfProfiler::TimedEntry &e) { got.push_back(e); });
        timespec ts{};
        ::clock_gettime(CLOCK_MONOTONIC, &ts);
        const std::int64_t now = ts.tv_sec * 1'000'000'000LL + ts.tv_nsec;
        QVERIFY(p.span(obj(R"({"name":"frame","category":"render","duration_ms":50})")).ok());
        QVERIFY(p.mark(obj(R"({"name":"ready"})")).ok());
        QCOMPARE(got.size(), std::size_t{2});
        QCOMPARE(got[0].endNs - got[0].startNs, 50'000'000);
        QVERIFY(got[0].endNs >= now && got[0].endNs - now < 5'000'000'000LL);
        QCOMPARE(got[1].startNs, got[1].endNs);
        QCOMPARE(got[1].category, std::string("default"));
    }

    void eventsOnlyWithSubscribers()
    {
        HookBus hooks;
        PerfProfiler p(hooks);
        std::vector<PerfEvent> events;
        const int id = hooks.subscribe([&](const PerfEvent &e) { events.push_back(e); });
        QVERIFY(p.mark(obj(R"({"name":"m","metadata":{"path":"/home/x/secret.txt","password":"pw"}})")).ok());
        QCOMPARE(events.size(), std::size_t{1});
        QCOMPARE(events[0].hook, QString::fromLatin1(PerfEvent::kProfilerSnapshot));
        QCOMPARE(events[0].trigger, u"mark"_s);
        const QByteArray text = QJsonDocument(events[0].toJson()).toJson();
        QVERIFY(!text.contains("/home/x") && !text.contains("\"pw\""));
        hooks.unsubscribe(id);
        QVERIFY(p.reset().ok());
        QCOMPARE(events.size(), std::size_t{1});
    }
};

QTEST_GUILESS_MAIN(TestPerfProfiler)
#include "tst_perfprofiler.moc"
