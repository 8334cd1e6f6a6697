// SPDX-License-Identifier: GPL-3.0-or-later
// LiveSamples, the binned form of a recording's written samples: every sample's weight
// kept under its thread and stack whatever the batch order and edges, bins widening to
// stay under their limit, and the timeline's counts right to the bin.
#include "record/livesamples.h"

#include <QTest>

#include <map>
#include <random>
#include <tuple>

using namespace perfwb;
using record::LiveSamples;

namespace {

struct Raw {
    std::int64_t time;
    model::ThreadIndex thread;
    model::StackId stack;
    std::uint64_t weight;
};

model::SampleTable tableOf(const std::vector<Raw> &rows)
{
    model::SampleTable t;
    for (const Raw &r : rows)
        t.add({r.time, r.thread, r.stack, r.weight});
    return t;
}

// Weight per (thread, stack): what the flame graph and call tree see.
std::map<std::pair<model::ThreadIndex, model::StackId>, std::uint64_t> byStack(const model::SampleTable &t)
{
    std::map<std::pair<model::ThreadIndex, model::StackId>, std::uint64_t> out;
    for (std::size_t i = 0; i < t.size(); ++i)
        out[{t.thread(i), t.stack(i)}] += t.weight(i);
    return out;
}

// Weight before `cut`: what the timeline sees of the samples left of a position.
std::uint64_t weightBefore(const model::SampleTable &t, std::int64_t cut)
{
    std::uint64_t w = 0;
    for (std::size_t i = 0; i < t.size(); ++i)
        if (t.time(i) < cut)
            w += t.weight(i);
    return w;
}

} // namespace

class TestLiveSamples : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void keepsEveryWeight_data();
    void keepsEveryWeight();
    void mergesEqualStacksInABin();
    void olderSampleThanTheFirst();
    void emptyBatchChangesNothing();
};

void TestLiveSamples::keepsEveryWeight_data()
{
    QTest::addColumn<int>("samples");
    QTest::addColumn<int>("batches");
    QTest::addColumn<int>("maxBins");
    QTest::addColumn<int>("stacks");
    QTest::addColumn<int>("jitterNs"); // how far a sample may arrive out of order
    QTest::addColumn<bool>("weighted");
    QTest::newRow("one batch") << 1000 << 1 << 2048 << 5 << 0 << false;
    QTest::newRow("many batches") << 20000 << 40 << 2048 << 30 << 0 << false;
    QTest::newRow("batches out of order at edges") << 20000 << 40 << 2048 << 30 << 30'000'000 << false;
    QTest::newRow("bins widen") << 50000 << 100 << 16 << 10 << 5'000'000 << false;
    QTest::newRow("bins widen a lot") << 50000 << 100 << 2 << 10 << 5'000'000 << false;
    QTest::newRow("weighted rows") << 10000 << 20 << 64 << 50 << 1'000'000 << true;
    QTest::newRow("one stack") << 30000 << 60 << 128 << 1 << 0 << false;
}

void TestLiveSamples::keepsEveryWeight()
{
    QFETCH(int, samples);
    QFETCH(int, batches);
    QFETCH(int, maxBins);
    QFETCH(int, stacks);
    QFETCH(int, jitterNs);
    QFETCH(bool, weighted);
    const std::int64_t t0 = 5'000'000'000LL;
    const std::int64_t step = 100'000; // 10,000 samples/s
    std::mt19937 rng(42);
    std::vector<Raw> rows;
    for (int i = 0; i < samples; ++i) {
        const std::int64_t jitter = jitterNs > 0 ? std::int64_t(rng() % unsigned(jitterNs)) : 0;
        rows.push_back({t0 + i * step - jitter, model::ThreadIndex(rng() % 5),
                        model::StackId(1 + rng() % unsigned(stacks)), weighted ? 1 + rng() % 7 : 1});
    }
    LiveSamples live(std::size_t(maxBins), 10'000'000);
    const std::size_t per = rows.size() / std::size_t(batches);
    for (int b = 0; b < batches; ++b) {
        const auto begin = rows.begin() + std::ptrdiff_t(std::size_t(b) * per);
        const auto end = b + 1 == batches ? rows.end() : begin + std::ptrdiff_t(per);
        live.add(tableOf(std::vector<Raw>(begin, end)));
    }
    const model::SampleTable all = tableOf(rows);
    model::SampleTable out;
    live.appendTo(out);

    QCOMPARE(byStack(out), byStack(all));
    std::uint64_t total = 0;
    for (const Raw &r : rows)
        total += r.weight;
    QCOMPARE(live.totalWeight(), total);
    QVERIFY(out.size() <= all.size());
    for (std::size_t i = 1; i < out.size(); ++i)
        QVERIFY(out.time(i - 1) <= out.time(i));

    // At most maxBins bins, each a power-of-two multiple of 10 ms.
    const std::int64_t bin = live.binNs();
    QVERIFY(bin >= 10'000'000 && (bin / 10'000'000 & (bin / 10'000'000 - 1)) == 0);
    std::int64_t first = out.time(0), last = out.time(out.size() - 1);
    QVERIFY2((last - first) / bin < maxBins, qPrintable(QString::number((last - first) / bin)));
    // The timeline is right at every bin edge: no sample moved across one.
    std::int64_t origin = first;
    for (const Raw &r : rows)
        origin = std::min(origin, r.time);
    for (std::int64_t edge = first; edge <= last + bin; edge += bin)
        QCOMPARE(weightBefore(out, edge), weightBefore(all, edge));
    QVERIFY(first >= origin - bin);
}

void TestLiveSamples::mergesEqualStacksInABin()
{
    LiveSamples live(2048, 10'000'000);
    // Three samples of one stack in one bin, one of another stack, one in the next bin.
    live.add(tableOf({{0, 0, 7, 1}, {1'000'000, 0, 7, 1}, {2'000'000, 0, 7, 1}, {3'000'000, 0, 8, 1}}));
    live.add(tableOf({{9'000'000, 0, 7, 1}, {12'000'000, 0, 7, 1}}));
    QCOMPARE(live.entries(), std::size_t(3));
    model::SampleTable out;
    live.appendTo(out);
    QCOMPARE(out.size(), std::size_t(3));
    QCOMPARE(out.time(0), std::int64_t(0));
    QCOMPARE(out.time(2), std::int64_t(10'000'000));
    QCOMPARE(byStack(out)[std::make_pair(model::ThreadIndex(0), model::StackId(7))], std::uint64_t(5));
    QCOMPARE(out.weight(2), std::uint64_t(1));
}

void TestLiveSamples::olderSampleThanTheFirst()
{
    // Rings are read per CPU: a later batch may hold a sample older than the first one.
    LiveSamples live(2048, 10'000'000);
    live.add(tableOf({{100'000'000, 1, 2, 1}}));
    live.add(tableOf({{95'000'000, 1, 2, 1}, {120'000'000, 1, 2, 1}}));
    model::SampleTable out;
    live.appendTo(out);
    QCOMPARE(out.size(), std::size_t(3));
    QCOMPARE(out.time(0), std::int64_t(90'000'000));
    QCOMPARE(out.time(1), std::int64_t(100'000'000));
    QCOMPARE(out.time(2), std::int64_t(120'000'000));
}

void TestLiveSamples::emptyBatchChangesNothing()
{
    LiveSamples live;
    live.add(model::SampleTable{});
    QCOMPARE(live.entries(), std::size_t(0));
    model::SampleTable out;
    live.appendTo(out);
    QVERIFY(out.empty());
}

QTEST_GUILESS_MAIN(TestLiveSamples)
#include "tst_livesamples.moc"
