// SPDX-License-Identifier: GPL-3.0-or-later
// The profile model's invariants: interning, the stack trie's parent-before-child
// order, thread renames, secret redaction, the 24-byte sample and events kept apart.
#include "model/profile.h"
#include "model/profileevents.h"

#include <QTest>

#include <algorithm>
#include <string>

using namespace perfwb;
using model::FrameKind;

class TestModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void stringTableInterns();
    void stringTableViewsStayValid();
    void frameTableInterns();
    void stackTrieSharesPrefixes();
    void stackTrieParentsComeFirst();
    void internThreadRenames();
    void setEnvironmentRedacts_data();
    void setEnvironmentRedacts();
    void missedSamples_data();
    void missedSamples();
    void missedSamplesTotals();
    void sampleTableIs24BytesASample(); // 16 when every weight is 1
    void eventColumnOnlyForSeveralEvents();
    void keepOnlyEvent_data();
    void keepOnlyEvent();
};

// The event column costs nothing until an event other than 0 arrives; renumbering every
// event to 0 gives the memory back.
void TestModel::eventColumnOnlyForSeveralEvents()
{
    model::Profile p;
    const auto t = p.internThread(1, 1);
    const std::vector<model::FrameId> path{p.internFrame("f")};
    const auto s = p.stacks.internPath(path);
    p.samples.reserve(100);
    for (int i = 0; i < 100; ++i)
        p.addSample(i, t, s);
    QCOMPARE(p.samples.bytesUsed(), std::size_t(16 * 100));
    p.addSample(100, t, s, 1, 2);
    QCOMPARE(p.samples.event(0), std::uint16_t(0));
    QCOMPARE(p.samples.event(100), std::uint16_t(2));
    QCOMPARE(p.samples.at(100).event, std::uint16_t(2));
    p.samples.remapEvents({1, 0, 0});
    QCOMPARE(p.samples.event(0), std::uint16_t(1));
    QCOMPARE(p.samples.event(100), std::uint16_t(0));
    p.samples.remapEvents({0, 0});
    QCOMPARE(p.samples.event(0), std::uint16_t(0));
    p.samples.shrinkToFit();
    QCOMPARE(p.samples.bytesUsed(), std::size_t(16 * 101));
    // Events of a table without the column: event 0 renumbered to 1 brings it in.
    model::Profile q;
    q.addSample(0, q.internThread(1, 1), s);
    q.samples.remapEvents({1});
    QCOMPARE(q.samples.event(0), std::uint16_t(1));
}

void TestModel::keepOnlyEvent_data()
{
    QTest::addColumn<QString>("name"); // what --event was given
    QTest::addColumn<int>("index");    // -1: no such event
    QTest::addColumn<int>("samples");
    QTest::addColumn<int>("weight");
    QTest::newRow("first") << "cycles" << 0 << 6 << 12;
    QTest::newRow("second") << "instructions" << 1 << 3 << 30;
    QTest::newRow("a modifier is ignored") << "instructions:u" << 1 << 3 << 30;
    QTest::newRow("unknown") << "cache-misses" << -1 << 0 << 0;
    QTest::newRow("no prefix match") << "cycle" << -1 << 0 << 0;
}

void TestModel::keepOnlyEvent()
{
    QFETCH(QString, name);
    QFETCH(int, index);
    QFETCH(int, samples);
    QFETCH(int, weight);
    model::Profile p;
    p.meta.sampler.event = "cycles,instructions";
    p.events = {{"cycles", model::WeightKind::Samples}, {"instructions", model::WeightUnit::fromName("instr")}};
    const auto t = p.internThread(1, 1);
    const std::vector<model::FrameId> path{p.internFrame("f")};
    const auto s = p.stacks.internPath(path);
    for (int i = 0; i < 9; ++i) // cycles weigh 2, instructions 10; every third sample is an instruction
        p.addSample(i, t, s, i % 3 == 2 ? 10 : 2, i % 3 == 2 ? 1 : 0);
    QCOMPARE(model::ProfileEvents::sampleCounts(p), (std::vector<std::uint64_t>{6, 3}));
    QCOMPARE(model::ProfileEvents::weights(p), (std::vector<std::uint64_t>{12, 30}));
    QCOMPARE(model::ProfileEvents::names(p), std::string("cycles, instructions"));
    const auto found = model::ProfileEvents::find(p, name.toStdString());
    QCOMPARE(found.has_value(), index >= 0);
    if (!found)
        return;
    QCOMPARE(int(*found), index);
    const std::string chosen = p.events[*found].name;
    const auto unit = p.events[*found].unit;
    model::ProfileEvents::keepOnly(p, *found);
    QVERIFY(p.events.empty());
    QCOMPARE(int(p.samples.size()), samples);
    QCOMPARE(int(p.totalWeight()), weight);
    QCOMPARE(p.meta.sampler.event, chosen);
    QVERIFY(p.meta.weightUnit == unit);
    QCOMPARE(p.meta.extra["events"], std::string("cycles, instructions"));
    for (std::size_t i = 0; i < p.samples.size(); ++i)
        QCOMPARE(p.samples.event(i), std::uint16_t(0));
    // A profile of one event is left as it is, and lists that one event.
    const auto before = p.samples.size();
    model::ProfileEvents::keepOnly(p, 0);
    QCOMPARE(p.samples.size(), before);
    QCOMPARE(model::ProfileEvents::list(p).size(), std::size_t(1));
    QCOMPARE(model::ProfileEvents::list(p).front().name, chosen);
}

void TestModel::stringTableInterns()
{
    model::StringTable t;
    QCOMPARE(t.size(), std::size_t(1));
    QVERIFY(t.view(0).empty());
    QCOMPARE(t.intern(""), model::StringId(0));
    const auto a = t.intern("alpha");
    const auto b = t.intern("beta");
    QVERIFY(a != 0 && b != 0 && a != b);
    QCOMPARE(t.intern(std::string("alpha")), a);
    QCOMPARE(t.size(), std::size_t(3));
    QCOMPARE(t.str(b), std::string("beta"));
    // Bytes are kept as they are: embedded NUL and non-UTF-8.
    const std::string_view odd("a\0\xff", 3);
    const auto c = t.intern(odd);
    QCOMPARE(t.view(c), odd);
    QCOMPARE(t.intern(std::string_view("a", 1)) == c, false);
}

void TestModel::stringTableViewsStayValid()
{
    model::StringTable t;
    const auto first = t.intern("the first string, long enough to live on the heap");
    const std::string_view before = t.view(first);
    const char *data = before.data();
    for (int i = 0; i < 200000; ++i)
        t.intern("name_" + std::to_string(i));
    QCOMPARE(t.size(), std::size_t(200002));
    QCOMPARE(t.view(first).data(), data);
    QCOMPARE(before, std::string_view("the first string, long enough to live on the heap"));
    // The index keys are views into the table: lookups still hit after growth.
    QCOMPARE(t.intern("name_0"), model::StringId(2));
    QCOMPARE(t.intern("name_199999"), model::StringId(200001));
    QCOMPARE(t.intern("the first string, long enough to live on the heap"), first);
}

void TestModel::frameTableInterns()
{
    model::Profile p;
    const auto f = p.internFrame("draw", "libgfx.so", "draw.cpp", 12);
    QCOMPARE(p.internFrame("draw", "libgfx.so", "draw.cpp", 12), f);
    // Every field is part of the identity.
    const model::FrameId variants[] = {
        p.internFrame("draw2", "libgfx.so", "draw.cpp", 12),
        p.internFrame("draw", "libother.so", "draw.cpp", 12),
        p.internFrame("draw", "libgfx.so", "other.cpp", 12),
        p.internFrame("draw", "libgfx.so", "draw.cpp", 13),
        p.internFrame("draw", "libgfx.so", "draw.cpp", 12, FrameKind::Jit),
        p.internFrame("draw", "libgfx.so", "draw.cpp", 12, FrameKind::Native, true),
    };
    for (std::size_t i = 0; i < std::size(variants); ++i) {
        QVERIFY(variants[i] != f);
        for (std::size_t j = 0; j < i; ++j)
            QVERIFY(variants[i] != variants[j]);
    }
    QCOMPARE(p.frames.size(), std::size_t(7));
    const model::Frame &frame = p.frames.at(variants[5]);
    QCOMPARE(p.strings.view(frame.function), std::string_view("draw"));
    QCOMPARE(frame.line, 12U);
    QVERIFY(frame.inlined);
    QCOMPARE(p.functionName(variants[0]), std::string_view("draw2"));
    QCOMPARE(p.moduleName(variants[1]), std::string_view("libother.so"));

    model::FrameKind kind = FrameKind::Native;
    for (auto k : {FrameKind::Native, FrameKind::Kernel, FrameKind::Python, FrameKind::Jit}) {
        QVERIFY(model::frameKindFromName(model::frameKindName(k), kind));
        QCOMPARE(kind, k);
    }
    QVERIFY(!model::frameKindFromName("java", kind));
}

void TestModel::stackTrieSharesPrefixes()
{
    model::StackTrie trie;
    QCOMPARE(trie.size(), std::size_t(1));
    QCOMPARE(trie.internPath({}), model::kEmptyStack);
    const std::vector<model::FrameId> abc{1, 2, 3};
    const std::vector<model::FrameId> abd{1, 2, 4};
    const auto s1 = trie.internPath(abc);
    QCOMPARE(trie.size(), std::size_t(4));
    const auto s2 = trie.internPath(abd);
    QCOMPARE(trie.size(), std::size_t(5)); // only the leaf 4 is new
    QVERIFY(s1 != s2);
    QCOMPARE(trie.node(s1).parent, trie.node(s2).parent);
    QCOMPARE(trie.internPath(abc), s1);
    QCOMPARE(trie.framesLeafFirst(s1), (std::vector<model::FrameId>{3, 2, 1}));
    QCOMPARE(trie.framesLeafFirst(s2), (std::vector<model::FrameId>{4, 2, 1}));
    QVERIFY(trie.framesLeafFirst(model::kEmptyStack).empty());
    QCOMPARE(trie.depth(s1), std::size_t(3));
    QCOMPARE(trie.depth(trie.node(s1).parent), std::size_t(2));
    QCOMPARE(trie.depth(model::kEmptyStack), std::size_t(0));
    // The same frame under another parent is another node.
    const std::vector<model::FrameId> b{2};
    const auto sb = trie.internPath(b);
    QVERIFY(sb != trie.node(s1).parent);
    QCOMPARE(trie.node(sb).parent, model::kEmptyStack);
    QCOMPARE(trie.intern(trie.node(s1).parent, 3), s1);
}

void TestModel::stackTrieParentsComeFirst()
{
    model::StackTrie trie;
    // Paths of varying depth in an order that revisits old prefixes late.
    std::uint32_t seed = 12345;
    for (int i = 0; i < 5000; ++i) {
        seed = seed * 1103515245U + 12345U;
        std::vector<model::FrameId> path;
        const std::size_t depth = 1 + (seed >> 16U) % 30;
        for (std::size_t d = 0; d < depth; ++d)
            path.push_back(static_cast<model::FrameId>((seed >> (d % 16)) % 7));
        const auto leaf = trie.internPath(path);
        QCOMPARE(trie.depth(leaf), depth);
        auto frames = trie.framesLeafFirst(leaf);
        std::reverse(frames.begin(), frames.end());
        QCOMPARE(frames, path);
    }
    for (std::size_t id = 1; id < trie.size(); ++id)
        QVERIFY2(trie.node(static_cast<model::StackId>(id)).parent < id, qPrintable(QString::number(id)));
}

void TestModel::internThreadRenames()
{
    model::Profile p;
    const auto main = p.internThread(100, 100, "app");
    const auto worker = p.internThread(100, 101);
    QCOMPARE(main, model::ThreadIndex(0));
    QCOMPARE(worker, model::ThreadIndex(1));
    QCOMPARE(p.strings.view(p.thread(main).name), std::string_view("app"));
    QCOMPARE(p.thread(worker).name, model::StringId(0));
    // Seen again without a name: keeps the name it had.
    QCOMPARE(p.internThread(100, 100), main);
    QCOMPARE(p.strings.view(p.thread(main).name), std::string_view("app"));
    // Renamed after start (pthread_setname_np): same thread, new name.
    QCOMPARE(p.internThread(100, 101, "render-worker"), worker);
    QCOMPARE(p.strings.view(p.thread(worker).name), std::string_view("render-worker"));
    // The same tid in another process is another thread.
    QCOMPARE(p.internThread(200, 101, "other"), model::ThreadIndex(2));
    QCOMPARE(p.threads().size(), std::size_t(3));
    QCOMPARE(p.thread(2).pid, 200);
    QCOMPARE(p.thread(2).tid, 101);
    QCOMPARE(p.thread(2).startNs, model::kUnknownTime);
}

void TestModel::setEnvironmentRedacts_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("stored");
    QTest::newRow("token") << "GITHUB_TOKEN"
                           << "ghp_abc123"
                           << "<redacted>";
    QTest::newRow("password") << "DB_PASSWORD"
                              << "hunter2"
                              << "<redacted>";
    QTest::newRow("api key") << "API_KEY"
                             << "sk-live-1"
                             << "<redacted>";
    QTest::newRow("empty secret") << "SECRET"
                                  << ""
                                  << "<redacted>";
    QTest::newRow("home") << "HOME"
                          << "/home/dev"
                          << "/home/dev";
    QTest::newRow("secret inside a value") << "NOTE"
                                           << "password=1"
                                           << "password=<redacted>";
    QTest::newRow("url password in a value") << "DATABASE_URL"
                                             << "postgres://app:pw1@db/x"
                                             << "postgres://app:<redacted>@db/x";
    QTest::newRow("empty value") << "EMPTY"
                                 << ""
                                 << "";
}

void TestModel::setEnvironmentRedacts()
{
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(QString, stored);
    model::RunMetadata meta;
    meta.setEnvironment({{"BEFORE", "1"}, {name.toStdString(), value.toStdString()}, {"AFTER", "2"}});
    QCOMPARE(meta.environment().size(), std::size_t(3));
    QCOMPARE(QString::fromStdString(meta.environment()[1].first), name);
    QCOMPARE(QString::fromStdString(meta.environment()[1].second), stored);
    QCOMPARE(meta.environment()[0].second, std::string("1"));
    QCOMPARE(meta.environment()[2].second, std::string("2"));
    // Setting again replaces the list (no stale entries from before).
    meta.setEnvironment({{"ONLY", "x"}});
    QCOMPARE(meta.environment().size(), std::size_t(1));
}

void TestModel::sampleTableIs24BytesASample()
{
    model::Profile p;
    const auto t = p.internThread(1, 1);
    const std::vector<model::FrameId> path{p.internFrame("f")};
    const auto s = p.stacks.internPath(path);
    p.samples.reserve(1000);
    for (int i = 0; i < 1000; ++i)
        p.addSample(i * 10, t, s, i % 3 == 0 ? 2 : 1);
    QCOMPARE(p.samples.bytesUsed(), std::size_t(24 * 1000));
    QCOMPARE(p.samples.size(), std::size_t(1000));
    const model::Sample last = p.samples.at(999);
    QCOMPARE(last.timeNs, 9990);
    QCOMPARE(last.stack, s);
    QCOMPARE(last.weight, std::uint64_t(2));
    QCOMPARE(p.totalWeight(), std::uint64_t(334 * 2 + 666));
    QCOMPARE(p.firstSampleTime(), 0);
    QCOMPARE(p.lastSampleTime(), 9990);
    // Appending grows capacity beyond size; shrinkToFit gives it back.
    for (int i = 0; i < 1001; ++i)
        p.addSample(10000 + i, t, s);
    QVERIFY(p.samples.bytesUsed() > std::size_t(24 * 2001));
    p.samples.shrinkToFit();
    QCOMPARE(p.samples.bytesUsed(), std::size_t(24 * 2001));

    // A recording (every weight 1) has no weight column: 16 bytes a sample, until
    // the first other weight, which brings the column in with the earlier 1s.
    model::Profile r;
    const auto rt = r.internThread(1, 1);
    r.samples.reserve(500);
    for (int i = 0; i < 500; ++i)
        r.addSample(i, rt, s);
    QVERIFY(r.samples.hasUniformWeights());
    QCOMPARE(r.samples.bytesUsed(), std::size_t(16 * 500));
    QCOMPARE(r.totalWeight(), std::uint64_t(500));
    r.addSample(500, rt, s, 7);
    QVERIFY(!r.samples.hasUniformWeights());
    QCOMPARE(r.samples.weight(0), std::uint64_t(1));
    QCOMPARE(r.samples.weight(500), std::uint64_t(7));
    QCOMPARE(r.totalWeight(), std::uint64_t(507));
    // A weighted first sample also starts the column.
    model::Profile w;
    w.addSample(0, w.internThread(1, 1), s, 3);
    QCOMPARE(w.samples.weight(0), std::uint64_t(3));
}

void TestModel::missedSamples_data()
{
    QTest::addColumn<qint64>("cpuNs");
    QTest::addColumn<qint64>("taken");
    QTest::addColumn<double>("hz");
    QTest::addColumn<qint64>("missed"); // -1: unknown
    // At 1000 Hz a thread expects one sample per ms of CPU time, less the period it ends in.
    QTest::newRow("unknown CPU time") << qint64(-1) << qint64(5) << 1000.0 << qint64(-1);
    QTest::newRow("unknown frequency") << qint64(5'000'000) << qint64(5) << 0.0 << qint64(-1);
    QTest::newRow("all taken") << qint64(100'000'000) << qint64(100) << 1000.0 << qint64(0);
    QTest::newRow("more than expected") << qint64(100'000'000) << qint64(110) << 1000.0 << qint64(0);
    QTest::newRow("within the jitter") << qint64(100'000'000) << qint64(88) << 1000.0 << qint64(0);
    QTest::newRow("beyond the jitter") << qint64(100'000'000) << qint64(80) << 1000.0 << qint64(19);
    QTest::newRow("short thread, two taken") << qint64(5'000'000) << qint64(2) << 1000.0 << qint64(0);
    QTest::newRow("short thread, none taken") << qint64(5'000'000) << qint64(0) << 1000.0 << qint64(4);
    QTest::newRow("most lost") << qint64(1'000'000'000) << qint64(100) << 999.0 << qint64(898);
    QTest::newRow("never ran") << qint64(0) << qint64(0) << 999.0 << qint64(0);
}

void TestModel::missedSamples()
{
    QFETCH(qint64, cpuNs);
    QFETCH(qint64, taken);
    QFETCH(double, hz);
    QFETCH(qint64, missed);
    model::ThreadInfo t;
    t.cpuNs = cpuNs;
    t.samplesTaken = static_cast<std::uint64_t>(taken);
    const auto got = model::missedSamples(t, hz);
    QCOMPARE(got.has_value(), missed >= 0);
    if (got)
        QCOMPARE(static_cast<qint64>(*got), missed);
}

void TestModel::missedSamplesTotals()
{
    std::vector<model::ThreadInfo> threads(4);
    threads[0].cpuNs = 100'000'000; // 99 expected, 50 taken: 49 missed
    threads[0].samplesTaken = 50;
    threads[1].cpuNs = 100'000'000; // all there
    threads[1].samplesTaken = 101;
    threads[2].cpuNs = 20'000'000;                        // none taken: 19 missed
    const auto m = model::missedSamples(threads, 1000.0); // threads[3]: unknown
    QCOMPARE(m.perThread.size(), std::size_t(4));
    QVERIFY(!m.perThread[3]);
    QCOMPARE(m.counted, std::size_t(3));
    QCOMPARE(m.threadsMissing, std::size_t(2));
    QCOMPARE(m.total, std::uint64_t(49 + 19));
}

QTEST_GUILESS_MAIN(TestModel)
#include "tst_model.moc"
