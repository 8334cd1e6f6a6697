// SPDX-License-Identifier: GPL-3.0-or-later
// MemoryPlot: graphs per timeline with the right points and ranges, marks as items,
// Shift+drag selects a time range, setTimeRange shows one.
#include "marksplotlayer.h"
#include "memoryplot.h"

#include "qcustomplotheader.h"
#include <QApplication>
#include <QSignalSpy>
#include <QTest>

using namespace perfwb;

namespace {

constexpr qint64 kBase = 7'000'000'000;

// 2 s polled every 50 ms: RSS rising 10 → 50 MiB, CPU between 0 and 100 %, 3 threads.
std::shared_ptr<model::Profile> polledProfile()
{
    auto profile = std::make_shared<model::Profile>();
    model::Timeline rss{"rss", "bytes", {}}, cpu{"cpu", "percent", {}}, threads{"threads", "count", {}};
    for (int i = 0; i <= 40; ++i) {
        const qint64 t = kBase + i * 50'000'000LL;
        rss.points.push_back({t, (10.0 + i) * 1024 * 1024});
        cpu.points.push_back({t, double((i * 37) % 101)});
        threads.points.push_back({t, i < 20 ? 1.0 : 3.0});
    }
    profile->timelines = {rss, cpu, threads};
    profile->marks.push_back({"start", "", kBase + 500'000'000, kBase + 500'000'000, 1});
    profile->marks.push_back({"phase", "", kBase + 1'000'000'000, kBase + 1'500'000'000, 1});
    return profile;
}

} // namespace

class TestMemoryPlot : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void graphsFollowTimelines()
    {
        ui::MemoryPlot plot;
        plot.resize(800, 300);
        plot.setProfile(polledProfile());
        QCPGraph *rss = plot.graph("rss");
        QCPGraph *cpu = plot.graph("cpu");
        QVERIFY(rss);
        QVERIFY(cpu);
        QVERIFY(!plot.graph("heap"));    // no heap timeline in this profile
        QVERIFY(!plot.graph("threads")); // off by default
        QCOMPARE(rss->dataCount(), 41);
        QCOMPARE(cpu->dataCount(), 41);
        bool found = false;
        const QCPRange rssValues = rss->getValueRange(found);
        QVERIFY(found);
        QCOMPARE(rssValues.lower, 10.0); // MiB
        QCOMPARE(rssValues.upper, 50.0);
        const QCPRange cpuValues = cpu->getValueRange(found);
        QCOMPARE(cpuValues.lower, 0.0);
        QCOMPARE(cpuValues.upper, 100.0);
        // Time in seconds from the first point, CPU on the right axis.
        const QCPRange keys = rss->getKeyRange(found);
        QCOMPARE(keys.lower, 0.0);
        QCOMPARE(keys.upper, 2.0);
        QCOMPARE(cpu->valueAxis(), plot.plot()->yAxis2);
        QCOMPARE(plot.plot()->xAxis->range().upper, 2.0);
        QVERIFY(plot.plot()->yAxis->range().upper >= 50.0);
        // Two marks (a line and a span) on the marks layer; the only item is the selection.
        QCOMPARE(plot.marks()->markCount(), std::size_t(2));
        QCOMPARE(plot.plot()->itemCount(), 1);
        plot.resize(800, 300);
        plot.plot()->replot();
        QCOMPARE(plot.marks()->labelsDrawn(), 2);

        plot.setShowThreads(true);
        QVERIFY(plot.graph("threads"));
        QCOMPARE(plot.graph("threads")->dataCount(), 41);
    }

    // No memory timelines: one line says so instead of an empty plot and legend; while
    // a recording waits for its first poll the plot stays.
    void saysWhenThereIsNoMemoryData()
    {
        auto profile = std::make_shared<model::Profile>();
        const auto t = profile->internThread(1, 1, "main");
        const std::vector<model::FrameId> frames{profile->internFrame("f", "m", "", 0)};
        profile->addSample(kBase, t, profile->stacks.internPath(frames), 1);
        ui::MemoryPlot plot;
        plot.resize(600, 300);
        plot.show();
        plot.setProfile(profile);
        QVERIFY(plot.emptyNote()->isVisible());
        QVERIFY(!plot.plot()->isVisible());
        QVERIFY(plot.emptyNote()->text().contains(QStringLiteral("No memory data")));
        plot.setLive(true);
        QVERIFY(!plot.emptyNote()->isVisible());
        QVERIFY(plot.plot()->isVisible());
        plot.setLive(false);
        plot.setProfile(polledProfile());
        QVERIFY(!plot.emptyNote()->isVisible());
        QVERIFY(plot.plot()->isVisible());
    }

    // One poll is a dot, not an invisible line of one point.
    void singlePointIsDrawn()
    {
        auto profile = std::make_shared<model::Profile>();
        profile->timelines = {{"rss", "bytes", {{kBase, 64.0 * 1024 * 1024}}}};
        ui::MemoryPlot plot;
        plot.resize(600, 300);
        plot.setProfile(profile);
        QCPGraph *rss = plot.graph("rss");
        QVERIFY(rss);
        QCOMPARE(rss->dataCount(), 1);
        QVERIFY(!rss->scatterStyle().isNone());
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        plot.plot()->replot();
        const QImage image = plot.plot()->grab().toImage();
        const double x = plot.plot()->xAxis->coordToPixel(0);
        const double y = plot.plot()->yAxis->coordToPixel(64);
        QVERIFY(x > plot.plot()->axisRect()->left() + 10); // not on the axis
        QCOMPARE(image.pixelColor(int(x), int(y)), rss->pen().color());
    }

    // MiB up to 2 GiB, then GiB; tick labels in the locale's number format.
    void memoryUnitsAndLocale_data()
    {
        QTest::addColumn<double>("peakMiB");
        QTest::addColumn<QString>("label");
        QTest::addColumn<double>("plotted");
        QTest::newRow("MiB") << 512.0 << "Memory (MiB)" << 512.0;
        QTest::newRow("GiB") << 3072.0 << "Memory (GiB)" << 3.0;
    }
    void memoryUnitsAndLocale()
    {
        QFETCH(double, peakMiB);
        QFETCH(QString, label);
        QFETCH(double, plotted);
        const QLocale previous;
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        auto profile = std::make_shared<model::Profile>();
        profile->timelines = {
            {"rss", "bytes", {{kBase, 1.0 * 1024 * 1024}, {kBase + 1'000'000'000, peakMiB * 1024 * 1024}}}};
        ui::MemoryPlot plot;
        plot.resize(600, 300);
        plot.setProfile(profile);
        plot.plot()->xAxis->setRange(0, 0.5); // ticks at 0,1 … 0,5: decimals on the time axis
        plot.plot()->replot();
        QLocale::setDefault(previous);
        QCOMPARE(plot.plot()->yAxis->label(), label);
        bool found = false;
        QCOMPARE(plot.graph("rss")->getValueRange(found).upper, plotted);
        const QStringList ticks = plot.plot()->xAxis->tickVectorLabels().toList();
        QVERIFY2(std::any_of(ticks.begin(), ticks.end(), [](const QString &t) { return t.contains(u','); }),
                 qPrintable(ticks.join(u' ')));
    }

    void crowdedMarksStayCheap()
    {
        // A program that posted 20,000 marks: one layer, no items, and only labels that
        // fit are drawn (the rest would overlap).
        auto profile = polledProfile();
        for (int i = 0; i < 20000; ++i)
            profile->marks.push_back({"frame", "render", kBase + i * 100'000LL, kBase + i * 100'000LL, 1});
        ui::MemoryPlot plot;
        plot.resize(800, 300);
        plot.setProfile(profile);
        QCOMPARE(plot.marks()->markCount(), std::size_t(20002));
        QCOMPARE(plot.plot()->itemCount(), 1);
        plot.plot()->replot();
        QVERIFY2(plot.marks()->labelsDrawn() > 0 && plot.marks()->labelsDrawn() < 100,
                 qPrintable(QString::number(plot.marks()->labelsDrawn())));
    }

    void shiftDragSelects()
    {
        ui::MemoryPlot plot;
        plot.resize(800, 300);
        plot.setProfile(polledProfile());
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        plot.plot()->replot();
        QSignalSpy spy(&plot, &ui::MemoryPlot::timeRangeSelected);
        QCPAxis *x = plot.plot()->xAxis;
        const int y = plot.plot()->axisRect()->center().y();
        const QPoint p1(int(x->coordToPixel(0.5)), y);
        const QPoint p2(int(x->coordToPixel(1.5)), y);
        QWidget *target = plot.plot();
        QTest::mousePress(target, Qt::LeftButton, Qt::ShiftModifier, p1);
        QTest::mouseMove(target, (p1 + p2) / 2);
        QTest::mouseMove(target, p2);
        QTest::mouseRelease(target, Qt::LeftButton, Qt::ShiftModifier, p2);
        QCOMPARE(spy.count(), 1);
        const double pixelS = 2.0 / plot.plot()->axisRect()->width();
        const double begin = double(spy[0][0].toLongLong() - kBase) / 1e9;
        const double end = double(spy[0][1].toLongLong() - kBase) / 1e9;
        QVERIFY2(std::abs(begin - 0.5) <= 2 * pixelS, qPrintable(QString::number(begin)));
        QVERIFY2(std::abs(end - 1.5) <= 2 * pixelS, qPrintable(QString::number(end)));
        QVERIFY(plot.hasSelection());
        // The time axis did not move: a Shift drag selects instead of panning.
        QCOMPARE(x->range().lower, 0.0);
        QCOMPARE(x->range().upper, 2.0);

        // A plain drag pans and selects nothing.
        QTest::mousePress(target, Qt::LeftButton, {}, p2);
        QTest::mouseMove(target, p1);
        QTest::mouseRelease(target, Qt::LeftButton, {}, p1);
        QCOMPARE(spy.count(), 1);
        QVERIFY(x->range().lower > 0.5);
    }

    void setTimeRangeHighlights()
    {
        ui::MemoryPlot plot;
        plot.setProfile(polledProfile());
        QVERIFY(!plot.hasSelection());
        plot.setTimeRange(kBase + 100'000'000, kBase + 300'000'000);
        QVERIFY(plot.hasSelection());
        plot.setTimeRange(kBase, kBase + 2'000'000'000);
        QVERIFY(!plot.hasSelection());
    }

    void emptyProfile()
    {
        ui::MemoryPlot plot;
        plot.setProfile(std::make_shared<model::Profile>());
        QVERIFY(!plot.graph("rss"));
        QVERIFY(!plot.grab().isNull());
    }
};

QTEST_MAIN(TestMemoryPlot)
#include "tst_memoryplot.moc"
