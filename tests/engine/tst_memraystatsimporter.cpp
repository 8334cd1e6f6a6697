// SPDX-License-Identifier: GPL-3.0-or-later
// Memray's `memray stats --json` output (MemrayStatsImporter). Memray is on PyPI only and
// is not installed here, so no real memray runs: the files follow the schema of memray
// 1.x's StatsReporter._render_to_json exactly. tests/data/memray/stats.json is the JSON
// memray's own test (tests/unit/test_stats_reporter.py, test_stats_output_json) expects
// from its fake stats; native.json is the same schema with native (C++) frames, a
// "<stack trace unavailable>" location, fractional times and a secret on the command line.
#include "engine/importertesthelpers.h"
#include "formats/formatregistry.h"
#include "formats/memraystatsimporter.h"

using namespace perfwb;
using namespace perfwb::testing;

namespace {

model::Profile parseText(const QByteArray &text, Status &st)
{
    model::Profile p;
    st = formats::MemrayStatsImporter().parse(std::string_view(text.constData(), static_cast<std::size_t>(text.size())),
                                              p);
    return p;
}

// "function@file:line calls=N bytes=N" per allocation row, sorted.
QString allocationsText(const model::Profile &p)
{
    QStringList rows;
    for (std::size_t i = 0; i < p.allocations.size(); ++i) {
        const auto frame = p.stacks.node(p.allocations.stacks[i]).frame;
        const auto &f = p.frames.at(frame);
        rows << QStringLiteral("%1@%2:%3 calls=%4 bytes=%5")
                    .arg(QString::fromStdString(std::string(p.functionName(frame))),
                         QString::fromStdString(std::string(p.strings.view(f.file))))
                    .arg(f.line)
                    .arg(p.allocations.stats[i].calls)
                    .arg(p.allocations.stats[i].bytes);
    }
    rows.sort();
    return rows.join(QLatin1String(" | "));
}

} // namespace

class TestMemrayStatsImporter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void memrayFixture()
    {
        model::Profile p;
        const auto st = formats::MemrayStatsImporter().importFile(sdata("memray/stats.json"), p);
        QVERIFY2(st.isOk(), st.message().c_str());
        QCOMPARE(p.meta.sourceFormat, std::string("memray-stats"));
        QCOMPARE(std::string(p.meta.weightUnit.name()), std::string("bytes"));
        QCOMPARE(p.allocations.totals.calls, std::uint64_t(20));
        QCOMPARE(p.allocations.totals.bytes, std::uint64_t(3341500));
        QCOMPARE(p.allocations.totals.peakBytes, std::uint64_t(1500000));
        QCOMPARE(allocationsText(p), QStringLiteral("__main__@fake.py:15 calls=1 bytes=4 | "
                                                    "fake_func2@fake.py:10 calls=50 bytes=3072 | "
                                                    "fake_func@fake.py:5 calls=20 bytes=5242880"));
        // the by-size list as samples, so flame graph and top functions show it
        QCOMPARE(stacksText(p), QStringLiteral("fake.py`__main__=4 fake.py`fake_func=5242880 fake.py`fake_func2=3072"));
        for (model::FrameId f = 0; f < p.frames.size(); ++f)
            QCOMPARE(p.frames.at(f).kind, model::FrameKind::Python);
        QCOMPARE(p.threads().size(), std::size_t(1));
        QCOMPARE(p.thread(0).pid, 123456);
        QCOMPARE(p.meta.commandLine, (std::vector<std::string>{"fake", "stats"}));
        QCOMPARE(p.meta.durationNs, std::int64_t(3600) * 1000000000);
        QVERIFY(p.meta.startTimeUnixNs > 0);
        const auto &x = p.meta.extra;
        QCOMPARE(x.at("memray.python_allocator"), std::string("pymalloc"));
        QCOMPARE(x.at("memray.has_native_traces"), std::string("false"));
        QCOMPARE(x.at("memray.trace_python_allocators"), std::string("true"));
        QCOMPARE(x.at("memray.total_frames"), std::string("10"));
        QCOMPARE(x.at("memray.peak_memory"), std::string("1500000"));
        QCOMPARE(x.at("memray.allocator.MALLOC"), std::string("1013"));
        QCOMPARE(x.at("memray.allocator.MMAP"), std::string("4"));
        QCOMPARE(x.at("memray.allocation_size_histogram"),
                 std::string("0-4738:1 4739-8985:0 8986-17035:3 17036-32298:0 32299-61236:1 61237-116098:1 "
                             "116099-220112:6 220113-417311:0 417312-791180:0 791181-1500000:2"));
        QVERIFY(x.count("memray.command_line") == 0); // only in commandLine, where secrets are redacted
        auto sniffed = formats::FormatRegistry::sniff(sdata("memray/stats.json"));
        QVERIFY(sniffed.isOk());
        QCOMPARE(sniffed.value()->format(), std::string_view("memray-stats"));
    }

    void nativeAndUnavailable()
    {
        model::Profile p;
        const auto st = formats::MemrayStatsImporter().importFile(sdata("memray/native.json"), p);
        QVERIFY2(st.isOk(), st.message().c_str());
        // a location in one top list only has only that figure
        QCOMPARE(allocationsText(p), QStringLiteral("<stack trace unavailable>@:0 calls=0 bytes=4194304 | "
                                                    "load_images@/srv/app/render loop.py:42 calls=32 bytes=33554432 | "
                                                    "parse@/srv/app/config.py:7 calls=1100 bytes=0 | "
                                                    "std::vector<int, std::allocator<int> >::_M_realloc_insert@"
                                                    "/usr/include/c++/12/bits/vector.tcc:445 calls=0 bytes=67108864"));
        for (model::FrameId f = 0; f < p.frames.size(); ++f) {
            const auto name = p.functionName(f);
            if (name.starts_with("std::vector")) {
                QCOMPARE(p.frames.at(f).kind, model::FrameKind::Native);
                QCOMPARE(p.moduleName(f), std::string_view());
            }
            if (name == "load_images") {
                QCOMPARE(p.frames.at(f).kind, model::FrameKind::Python);
                QCOMPARE(p.moduleName(f), std::string_view("/srv/app/render loop.py"));
            }
        }
        QCOMPARE(p.meta.durationNs, std::int64_t(2500000000));
        QCOMPARE(p.allocations.totals.peakBytes, std::uint64_t(98566144));
        QCOMPARE(p.thread(0).pid, 4242);
        std::string cmd;
        for (const auto &a : p.meta.commandLine)
            cmd += a + " ";
        QVERIFY2(cmd.find("s3cr3t") == std::string::npos, cmd.c_str());
        QVERIFY(cmd.starts_with("memray run --native"));
    }

    void minimal()
    {
        // only the keys every memray version writes; empty top lists
        Status st;
        const auto p =
            parseText("{\"total_num_allocations\": 0, \"total_bytes_allocated\": 0, \"top_allocations_by_size\": [], "
                      "\"top_allocations_by_count\": []}",
                      st);
        QVERIFY2(st.isOk(), st.message().c_str());
        QCOMPARE(p.samples.size(), std::size_t(0));
        QCOMPARE(p.allocations.size(), std::size_t(0));
    }

    void sniff()
    {
        const formats::MemrayStatsImporter memray;
        QCOMPARE(memray.sniff("{\n  \"total_num_allocations\": 20,\n  \"total_bytes_allocated\": 3341500,"), 95);
        QCOMPARE(memray.sniff("{\"elapsed_time_sec\": 1}"), 0);
        QCOMPARE(memray.sniff("main;a 1\n"), 0);
    }

    void bad_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("error");
        const QByteArray totals = "\"total_num_allocations\": 1, \"total_bytes_allocated\": 8, ";
        const QByteArray lists = "\"top_allocations_by_size\": [], \"top_allocations_by_count\": []";
        QTest::newRow("not JSON") << QByteArray("{\"total_num_allocations\": ") << "not valid JSON";
        QTest::newRow("array") << QByteArray("[]")
                               << "not a memray stats --json file: the top level is not a JSON object";
        QTest::newRow("empty object") << QByteArray("{}")
                                      << "total_num_allocations: missing (not a memray stats --json file?)";
        QTest::newRow("negative total") << QByteArray("{\"total_num_allocations\": -1}")
                                        << "total_num_allocations: number -1 is out of range";
        QTest::newRow("fractional bytes")
            << QByteArray("{\"total_num_allocations\": 1, \"total_bytes_allocated\": 1.5}")
            << "total_bytes_allocated: expected a whole number, got 1.5";
        QTest::newRow("no top list") << QByteArray("{" + totals + "\"top_allocations_by_count\": []}")
                                     << "top_allocations_by_size: missing";
        QTest::newRow("top list not an array") << QByteArray("{" + totals + "\"top_allocations_by_size\": {}}")
                                               << "top_allocations_by_size: expected an array, got an object";
        QTest::newRow("entry not an object") << QByteArray("{" + totals + "\"top_allocations_by_size\": [3]}")
                                             << "top_allocations_by_size[0]: expected an object, got the number 3";
        QTest::newRow("no location") << QByteArray("{" + totals + "\"top_allocations_by_size\": [{\"size\": 3}]}")
                                     << "top_allocations_by_size[0].location: missing";
        QTest::newRow("location without line")
            << QByteArray("{" + totals + "\"top_allocations_by_size\": [{\"location\": \"f:a.py\", \"size\": 3}]}")
            << "top_allocations_by_size[0].location: location \"f:a.py\" is not function:file:line";
        QTest::newRow("location without file")
            << QByteArray("{" + totals + "\"top_allocations_by_size\": [{\"location\": \"f:12\", \"size\": 3}]}")
            << "is not function:file:line";
        QTest::newRow("size a string")
            << QByteArray("{" + totals +
                          "\"top_allocations_by_size\": [{\"location\": \"f:a.py:1\", \"size\": \"3\"}]}")
            << "top_allocations_by_size[0].size: expected a number, got the string \"3\"";
        QTest::newRow("count missing")
            << QByteArray(
                   "{" + totals +
                   "\"top_allocations_by_size\": [], \"top_allocations_by_count\": [{\"location\": \"f:a.py:1\"}]}")
            << "top_allocations_by_count[0].count: missing";
        QTest::newRow("huge size")
            << QByteArray("{" + totals +
                          "\"top_allocations_by_size\": [{\"location\": \"f:a.py:1\", \"size\": 1e300}]}")
            << "top_allocations_by_size[0].size: number";
        QTest::newRow("metadata not an object")
            << QByteArray("{" + totals + lists + ", \"metadata\": []}") << "metadata: expected an object, got an array";
        QTest::newRow("bad peak") << QByteArray("{" + totals + lists + ", \"metadata\": {\"peak_memory\": -5}}")
                                  << "metadata.peak_memory: number -5 is out of range";
        QTest::newRow("bad pid") << QByteArray("{" + totals + lists + ", \"metadata\": {\"pid\": \"x\"}}")
                                 << "metadata.pid: expected a number, got the string \"x\"";
        QTest::newRow("bad histogram") << QByteArray("{" + totals + lists + ", \"allocation_size_histogram\": [{}]}")
                                       << "allocation_size_histogram[0].min_bytes: missing";
        QTest::newRow("bad allocator count")
            << QByteArray("{" + totals + lists + ", \"allocator_type_distribution\": {\"MALLOC\": true}}")
            << "allocator_type_distribution.MALLOC: expected a number, got a boolean";
    }

    void bad()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, error);
        Status st;
        (void)parseText(input, st);
        testing::verifyOneLineError(st, error);
    }
};

QTEST_GUILESS_MAIN(TestMemrayStatsImporter)
#include "tst_memraystatsimporter.moc"
