// SPDX-License-Identifier: GPL-3.0-or-later
// Analysis on profiles built in code with exactly known stacks, so every
// expected number below is worked out by hand from the stacks in each case.
#include "analysis/callercallee.h"
#include "analysis/calltree.h"
#include "analysis/flamegraphlayout.h"
#include "analysis/functionstats.h"

#include <QTest>

using namespace perfwb;

namespace {

// "main;f;g" root first; each entry one sample at `time` on thread `tid`.
struct StackSpec {
    QString stack;
    quint64 weight;
    qint64 time;
    int tid;
};

model::Profile makeProfile(const QList<StackSpec> &specs)
{
    model::Profile p;
    for (const auto &s : specs) {
        std::vector<model::FrameId> frames;
        for (const auto &name : s.stack.split(QLatin1Char(';'), Qt::SkipEmptyParts))
            frames.push_back(p.internFrame(name.toStdString(), "mod"));
        const auto thread = p.internThread(1, s.tid, "t" + std::to_string(s.tid));
        p.addSample(s.time, thread, p.stacks.internPath(frames), s.weight);
    }
    return p;
}

// "name=self/total" for each function, sorted by name, for one-line comparisons.
QString statsText(const analysis::FunctionTable &ft, const analysis::FunctionStats &stats)
{
    QStringList parts;
    for (const auto &e : stats.entries)
        parts << QStringLiteral("%1=%2/%3")
                     .arg(QString::fromStdString(std::string(ft.name(e.function))))
                     .arg(e.self)
                     .arg(e.total);
    parts.sort();
    return parts.join(QLatin1Char(' '));
}

// Top-down tree as "path:self/total" lines in DFS order.
QString treeText(const analysis::FunctionTable &ft, const analysis::CallTree &tree)
{
    QStringList lines;
    std::vector<std::uint32_t> todo(tree.node(0).children.rbegin(), tree.node(0).children.rend());
    while (!todo.empty()) {
        const auto id = todo.back();
        todo.pop_back();
        QStringList path;
        for (auto n : tree.pathTo(id))
            path << QString::fromStdString(std::string(ft.name(tree.node(n).function)));
        lines << QStringLiteral("%1:%2/%3")
                     .arg(path.join(QLatin1Char(';')))
                     .arg(tree.node(id).self)
                     .arg(tree.node(id).total);
        const auto &c = tree.node(id).children;
        todo.insert(todo.end(), c.rbegin(), c.rend());
    }
    return lines.join(QLatin1Char(' '));
}

const QList<StackSpec> kBasic = {
    {"main;a;b", 5, 10, 1}, {"main;a", 2, 20, 1}, {"main;c", 3, 30, 2}, {"main;a;b", 1, 40, 2}};
const QList<StackSpec> kRecursive = {{"main;r;r;r;leaf", 4, 1, 1}, {"main;r", 1, 2, 1}};

} // namespace

class TestAnalysis : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void functionStats_data()
    {
        QTest::addColumn<QList<StackSpec>>("specs");
        QTest::addColumn<qint64>("begin");
        QTest::addColumn<qint64>("end");
        QTest::addColumn<int>("onlyTid"); // 0 = all threads
        QTest::addColumn<QString>("expected");
        QTest::addColumn<quint64>("grandTotal");
        const qint64 lo = std::numeric_limits<qint64>::min();
        const qint64 hi = std::numeric_limits<qint64>::max();
        QTest::newRow("basic") << kBasic << lo << hi << 0 << "a=2/8 b=6/6 c=3/3 main=0/11" << quint64(11);
        QTest::newRow("time range") << kBasic << qint64(15) << qint64(35) << 0 << "a=2/2 c=3/3 main=0/5" << quint64(5);
        QTest::newRow("thread 2") << kBasic << lo << hi << 2 << "a=0/1 b=1/1 c=3/3 main=0/4" << quint64(4);
        QTest::newRow("range excludes all") << kBasic << qint64(100) << qint64(200) << 0 << "" << quint64(0);
        // Recursion: r appears 3 times in one stack but its total counts the sample once.
        QTest::newRow("recursion") << kRecursive << lo << hi << 0 << "leaf=4/4 main=0/5 r=1/5" << quint64(5);
    }
    void functionStats()
    {
        QFETCH(QList<StackSpec>, specs);
        QFETCH(qint64, begin);
        QFETCH(qint64, end);
        QFETCH(int, onlyTid);
        QFETCH(QString, expected);
        QFETCH(quint64, grandTotal);
        const auto p = makeProfile(specs);
        analysis::SampleFilter filter;
        filter.beginNs = begin;
        filter.endNs = end;
        if (onlyTid != 0) {
            filter.threads.assign(p.threads().size(), false);
            for (std::size_t i = 0; i < p.threads().size(); ++i)
                filter.threads[i] = p.thread(static_cast<model::ThreadIndex>(i)).tid == onlyTid;
        }
        const analysis::FunctionTable ft(p);
        const auto w = analysis::StackWeights::compute(p, filter);
        const auto stats = analysis::FunctionStats::compute(ft, w);
        QCOMPARE(statsText(ft, stats), expected);
        QCOMPARE(stats.grandTotal, grandTotal);
    }

    void topDown_data()
    {
        QTest::addColumn<QList<StackSpec>>("specs");
        QTest::addColumn<QString>("expected");
        QTest::newRow("basic") << kBasic << "main:0/11 main;a:2/8 main;a;b:6/6 main;c:3/3";
        QTest::newRow("recursion") << kRecursive
                                   << "main:0/5 main;r:1/5 main;r;r:0/4 main;r;r;r:0/4 main;r;r;r;leaf:4/4";
        // Same function in two modules stays two functions (merge is by name + module).
        QTest::newRow("single") << QList<StackSpec>{{"x", 7, 0, 1}} << "x:7/7";
    }
    void topDown()
    {
        QFETCH(QList<StackSpec>, specs);
        QFETCH(QString, expected);
        const auto p = makeProfile(specs);
        const analysis::FunctionTable ft(p);
        const auto tree = analysis::CallTree::topDown(ft, analysis::StackWeights::compute(p));
        QCOMPARE(treeText(ft, tree), expected);
        // Invariant: a node's total is its self plus its children's totals.
        for (const auto &n : tree.nodes()) {
            std::uint64_t sum = n.self;
            for (auto c : n.children)
                sum += tree.node(c).total;
            QCOMPARE(n.total, sum);
        }
    }

    // Live snapshots: what the previous tree showed keeps its place although the weights
    // changed order; what is new comes after, heaviest first.
    void orderChildrenLike_data()
    {
        QTest::addColumn<QList<StackSpec>>("before");
        QTest::addColumn<QList<StackSpec>>("after");
        QTest::addColumn<QString>("expected");
        const QList<StackSpec> workers = {{"main;worker_c", 4, 0, 1},
                                          {"main;worker_b", 3, 0, 1},
                                          {"main;worker_d", 2, 0, 1},
                                          {"main;worker_a", 1, 0, 1}};
        QTest::newRow("reweighted") << workers
                                    << QList<StackSpec>{{"main;worker_c", 5, 0, 1},
                                                        {"main;worker_b", 6, 0, 1},
                                                        {"main;worker_d", 9, 0, 1},
                                                        {"main;worker_a", 8, 0, 1}}
                                    << "main:0/28 main;worker_c:5/5 main;worker_b:6/6 main;worker_d:9/9 "
                                       "main;worker_a:8/8";
        QTest::newRow("new ones last") << workers
                                       << QList<StackSpec>{{"main;worker_a", 1, 0, 1},
                                                           {"main;new_small", 2, 0, 1},
                                                           {"main;new_big", 7, 0, 1},
                                                           {"main;worker_c", 3, 0, 1}}
                                       << "main:0/13 main;worker_c:3/3 main;worker_a:1/1 main;new_big:7/7 "
                                          "main;new_small:2/2";
        QTest::newRow("nested") << QList<StackSpec>{{"main;a;x", 5, 0, 1}, {"main;a;y", 1, 0, 1}}
                                << QList<StackSpec>{{"main;a;x", 1, 0, 1}, {"main;a;y", 5, 0, 1}}
                                << "main:0/6 main;a:0/6 main;a;x:1/1 main;a;y:5/5";
    }
    void orderChildrenLike()
    {
        QFETCH(QList<StackSpec>, before);
        QFETCH(QList<StackSpec>, after);
        QFETCH(QString, expected);
        const auto p0 = makeProfile(before);
        const auto p1 = makeProfile(after);
        const analysis::FunctionTable f0(p0);
        const analysis::FunctionTable f1(p1);
        const auto t0 = analysis::CallTree::topDown(f0, analysis::StackWeights::compute(p0));
        auto t1 = analysis::CallTree::topDown(f1, analysis::StackWeights::compute(p1));
        t1.orderChildrenLike(f1, t0, f0);
        QCOMPARE(treeText(f1, t1), expected);
    }

    void bottomUp()
    {
        const auto p = makeProfile(kBasic);
        const analysis::FunctionTable ft(p);
        const auto tree = analysis::CallTree::bottomUp(ft, analysis::StackWeights::compute(p));
        // Leaves first: b (6, called by a from main), c (3), a (2, called by main).
        QCOMPARE(treeText(ft, tree), QStringLiteral("b:6/6 b;a:0/6 b;a;main:0/6 c:3/3 c;main:0/3 a:2/2 a;main:0/2"));
        QCOMPARE(tree.total(), quint64(11));
    }

    void moduleSeparatesFunctions()
    {
        model::Profile p;
        const auto t = p.internThread(1, 1, "t");
        p.addSample(0, t, p.stacks.intern(model::kEmptyStack, p.internFrame("f", "liba.so")), 1);
        p.addSample(1, t, p.stacks.intern(model::kEmptyStack, p.internFrame("f", "libb.so")), 1);
        // Same name + module but a different line: still one function.
        p.addSample(2, t, p.stacks.intern(model::kEmptyStack, p.internFrame("f", "liba.so", "a.c", 12)), 1);
        const analysis::FunctionTable ft(p);
        QCOMPARE(ft.size(), std::size_t(2));
        const auto stats = analysis::FunctionStats::compute(ft, analysis::StackWeights::compute(p));
        QCOMPARE(stats.entries.size(), std::size_t(2));
        QCOMPARE(stats.entries[0].self, quint64(2));
    }

    void callerCallee_data()
    {
        QTest::addColumn<QList<StackSpec>>("specs");
        QTest::addColumn<QString>("function");
        QTest::addColumn<QString>("expected"); // self/total callers | callees
        QTest::newRow("a") << kBasic << "a"
                           << "2/8 main=8 | b=6";
        QTest::newRow("main") << kBasic << "main"
                              << "0/11  | a=8 c=3"; // no callers
        QTest::newRow("b") << kBasic << "b"
                           << "6/6 a=6 | ";
        // Recursion: r calls r; each stack counts once per neighbour.
        QTest::newRow("recursive r") << kRecursive << "r"
                                     << "1/5 main=5 r=4 | r=4 leaf=4";
    }
    void callerCallee()
    {
        QFETCH(QList<StackSpec>, specs);
        QFETCH(QString, function);
        QFETCH(QString, expected);
        const auto p = makeProfile(specs);
        const analysis::FunctionTable ft(p);
        analysis::FunctionId f = analysis::kNoFunction;
        for (analysis::FunctionId i = 0; i < ft.size(); ++i) {
            if (ft.name(i) == function.toStdString())
                f = i;
        }
        QVERIFY(f != analysis::kNoFunction);
        const auto cc = analysis::CallerCallee::compute(ft, analysis::StackWeights::compute(p), f);
        auto edges = [&](const std::vector<analysis::CallerCallee::Edge> &v) {
            QStringList s;
            for (const auto &e : v)
                s << QStringLiteral("%1=%2")
                         .arg(QString::fromStdString(std::string(ft.name(e.function))))
                         .arg(e.weight);
            return s.join(QLatin1Char(' '));
        };
        QCOMPARE(QStringLiteral("%1/%2 %3 | %4").arg(cc.self).arg(cc.total).arg(edges(cc.callers), edges(cc.callees)),
                 expected);
    }

    void flameGraphLayout()
    {
        const auto p = makeProfile(kBasic);
        const analysis::FunctionTable ft(p);
        const auto tree = analysis::CallTree::topDown(ft, analysis::StackWeights::compute(p));
        const auto layout = analysis::FlameGraphLayout::compute(tree);
        QCOMPARE(layout.total, quint64(11));
        QCOMPARE(layout.maxDepth, 2u);
        QStringList rects;
        for (const auto &r : layout.rects)
            rects << QStringLiteral("%1@%2:%3+%4")
                         .arg(QString::fromStdString(std::string(ft.name(tree.node(r.node).function))))
                         .arg(r.depth)
                         .arg(r.start)
                         .arg(r.width);
        QCOMPARE(rects.join(QLatin1Char(' ')), QStringLiteral("main@0:0+11 a@1:0+8 b@2:0+6 c@1:8+3"));

        // Narrow frames are left out but their parent keeps its full width.
        const auto merged = analysis::FlameGraphLayout::compute(tree, 4);
        QStringList kept;
        for (const auto &r : merged.rects)
            kept << QStringLiteral("%1+%2")
                        .arg(QString::fromStdString(std::string(ft.name(tree.node(r.node).function))))
                        .arg(r.width);
        QCOMPARE(kept.join(QLatin1Char(' ')), QStringLiteral("main+11 a+8 b+6"));
    }

    void deepStackDoesNotRecurse()
    {
        // 10 000 frames deep: the layout and trees walk iteratively.
        QString stack = QStringLiteral("main");
        for (int i = 0; i < 10000; ++i)
            stack += QStringLiteral(";f%1").arg(i % 3);
        const auto p = makeProfile({{stack, 1, 0, 1}});
        const analysis::FunctionTable ft(p);
        const auto tree = analysis::CallTree::topDown(ft, analysis::StackWeights::compute(p));
        const auto layout = analysis::FlameGraphLayout::compute(tree);
        QCOMPARE(layout.rects.size(), std::size_t(10001));
        QCOMPARE(layout.maxDepth, 10000u);
    }
};

QTEST_GUILESS_MAIN(TestAnalysis)
#include "tst_analysis.moc"
