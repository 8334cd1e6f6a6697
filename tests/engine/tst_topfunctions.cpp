// SPDX-License-Identifier: GPL-3.0-or-later
// TopFunctions on profiles built in code: inlined frames are counted apart by the
// function they were inlined into (the nearest caller frame that is not inlined), and
// without inline frames the figures are exactly FunctionStats'. Every number is worked
// out by hand from the stacks of each case.
#include "analysis/functionstats.h"
#include "analysis/topfunctions.h"

#include <QTest>

using namespace perfwb;

namespace {

// "main;f;g*" root first, '*' marks an inlined frame; `weight` samples of that stack.
struct StackSpec {
    QString stack;
    quint64 weight;
};

model::Profile makeProfile(const QList<StackSpec> &specs)
{
    model::Profile p;
    const auto thread = p.internThread(1, 1, "t");
    std::int64_t time = 0;
    for (const auto &s : specs) {
        std::vector<model::FrameId> frames;
        for (QString name : s.stack.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
            const bool inlined = name.endsWith(QLatin1Char('*'));
            name.remove(QLatin1Char('*'));
            frames.push_back(p.internFrame(name.toStdString(), "mod", {}, 0, model::FrameKind::Native, inlined));
        }
        p.addSample(time += 10, thread, p.stacks.internPath(frames), s.weight);
    }
    return p;
}

// "label=self/total" heaviest self first.
QStringList topText(const model::Profile &p)
{
    const analysis::FunctionTable ft(p);
    const auto top = analysis::TopFunctions::compute(ft, analysis::StackWeights::compute(p));
    QStringList out;
    for (const auto &e : top.entries)
        out << QStringLiteral("%1=%2/%3")
                   .arg(QString::fromStdString(analysis::TopFunctions::label(ft, e)))
                   .arg(e.self)
                   .arg(e.total);
    return out;
}

} // namespace

class TestTopFunctions : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void split_data()
    {
        QTest::addColumn<QList<StackSpec>>("specs");
        QTest::addColumn<QStringList>("expected");
        // cpusplit's shape: one spin loop inlined into two callers.
        QTest::newRow("one function inlined into two callers") << QList<StackSpec>{{"main;run;hot_70;spin_for*", 66},
                                                                                   {"main;run;warm_30;spin_for*", 28},
                                                                                   {"main;run;hot_70", 4},
                                                                                   {"main;run;warm_30", 2}}
                                                               << QStringList{"spin_for (inlined in hot_70)=66/66",
                                                                              "spin_for (inlined in warm_30)=28/28",
                                                                              "hot_70=4/70",
                                                                              "warm_30=2/30",
                                                                              "main=0/100",
                                                                              "run=0/100"};
        // Inlined into an inlined function: the copy lives in the nearest real caller.
        QTest::newRow("nested inlining") << QList<StackSpec>{{"main;f;a*;b*", 3}, {"main;f;a*", 1}}
                                         << QStringList{"b (inlined in f)=3/3", "a (inlined in f)=1/4", "f=0/4",
                                                        "main=0/4"};
        QTest::newRow("stack cut off above the inlined frame")
            << QList<StackSpec>{{"a*;b*", 2}} << QStringList{"b (inlined)=2/2", "a (inlined)=0/2"};
        QTest::newRow("out of line in one caller, inlined in another")
            << QList<StackSpec>{{"main;g;h", 1}, {"main;k;h*", 2}}
            << QStringList{"h (inlined in k)=2/2", "h=1/1", "main=0/3", "k=0/2", "g=0/1"};
        // Recursion through the inlined copy counts each sample once in total.
        QTest::newRow("recursion") << QList<StackSpec>{{"main;r;s*;r;s*", 4}, {"main;r", 1}}
                                   << QStringList{"s (inlined in r)=4/4", "r=1/5", "main=0/5"};
        QTest::newRow("no samples") << QList<StackSpec>{} << QStringList{};
    }

    void split()
    {
        QFETCH(QList<StackSpec>, specs);
        QFETCH(QStringList, expected);
        QCOMPARE(topText(makeProfile(specs)), expected);
    }

    // Without inline frames every entry is FunctionStats' entry, in the same order.
    void sameAsFunctionStatsWithoutInlining()
    {
        const auto p = makeProfile(
            {{"main;a;b", 5}, {"main;a", 2}, {"main;c", 3}, {"main;a;b", 1}, {"main;r;r;r;leaf", 4}, {"main;r", 1}});
        const analysis::FunctionTable ft(p);
        const auto weights = analysis::StackWeights::compute(p);
        const auto stats = analysis::FunctionStats::compute(ft, weights);
        const auto top = analysis::TopFunctions::compute(ft, weights);
        QCOMPARE(top.grandTotal, stats.grandTotal);
        QCOMPARE(top.entries.size(), stats.entries.size());
        for (std::size_t i = 0; i < stats.entries.size(); ++i) {
            QCOMPARE(top.entries[i].function, stats.entries[i].function);
            QCOMPARE(top.entries[i].self, stats.entries[i].self);
            QCOMPARE(top.entries[i].total, stats.entries[i].total);
            QVERIFY(!top.entries[i].inlined);
        }
    }

    // A time range filter reaches the split through the stack weights.
    void filtered()
    {
        const auto p = makeProfile({{"main;hot;spin*", 3}, {"main;warm;spin*", 5}});
        const analysis::FunctionTable ft(p);
        analysis::SampleFilter filter;
        filter.beginNs = 15;
        filter.endNs = 100;
        const auto top = analysis::TopFunctions::compute(ft, analysis::StackWeights::compute(p, filter));
        QCOMPARE(top.grandTotal, quint64(5));
        QCOMPARE(QString::fromStdString(analysis::TopFunctions::label(ft, top.entries.front())),
                 QStringLiteral("spin (inlined in warm)"));
        QCOMPARE(top.entries.front().self, quint64(5));
    }
};

QTEST_GUILESS_MAIN(TestTopFunctions)
#include "tst_topfunctions.moc"
