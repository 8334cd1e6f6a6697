// SPDX-License-Identifier: GPL-3.0-or-later
// TimelineWidget: rows per thread, drag-to-select emits the dragged time range,
// clicks on thread labels emit thread masks, zoom keeps the cursor's time.
#include "timelinewidget.h"

#include <QApplication>
#include <QSignalSpy>
#include <QTest>

#include <map>

using namespace perfwb;

namespace {

constexpr qint64 kBase = 5'000'000'000; // the profile clock does not start at 0

// Thread "main" (tid 100) samples every ms from 0 to 1 s; "worker" (tid 101) from 0.5 s.
std::shared_ptr<model::Profile> twoThreadProfile()
{
    auto profile = std::make_shared<model::Profile>();
    const auto main = profile->internThread(100, 100, "main");
    const auto worker = profile->internThread(100, 101, "worker");
    const auto frame = profile->internFrame("busy", "prog");
    const model::FrameId path[] = {frame};
    const auto stack = profile->stacks.internPath(path);
    for (int ms = 0; ms <= 1000; ++ms) {
        profile->addSample(kBase + ms * 1'000'000LL, main, stack);
        if (ms >= 500)
            profile->addSample(kBase + ms * 1'000'000LL, worker, stack);
    }
    profile->marks.push_back({"frame", "render", kBase + 200'000'000, kBase + 300'000'000, 100});
    profile->marks.push_back({"load", "", kBase + 600'000'000, kBase + 600'000'000, 100});
    return profile;
}

} // namespace

class TestTimelineWidget : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rowsAndRange()
    {
        ui::TimelineWidget w;
        w.resize(1000, 200);
        w.setProfile(twoThreadProfile());
        QCOMPARE(w.rowCount(), 2);
        QCOMPARE(w.fullRange().begin, kBase);
        QCOMPARE(w.fullRange().end, kBase + 1'000'000'000);
        QCOMPARE(w.visibleBegin(), kBase);
        QCOMPARE(w.visibleEnd(), kBase + 1'000'000'000);
        // Rows below the axis and the marks lane, in order, not overlapping.
        QVERIFY(w.rowRect(0).bottom() < w.rowRect(1).top());
        QVERIFY(w.rowRect(0).top() > 0);
        // Time ↔ x round trip within a pixel's worth of time.
        const qint64 t = kBase + 250'000'000;
        QVERIFY(std::abs(w.timeForX(w.xForTime(t)) - t) <= (w.visibleEnd() - w.visibleBegin()) / w.plotArea().width());
    }

    void dragSelectsRange_data()
    {
        QTest::addColumn<double>("fromFraction");
        QTest::addColumn<double>("toFraction");
        QTest::newRow("left to right") << 0.25 << 0.75;
        QTest::newRow("right to left") << 0.9 << 0.1;
    }
    void dragSelectsRange()
    {
        QFETCH(double, fromFraction);
        QFETCH(double, toFraction);
        ui::TimelineWidget w;
        w.resize(1000, 200);
        w.setProfile(twoThreadProfile());
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QSignalSpy spy(&w, &ui::TimelineWidget::timeRangeSelected);
        const QRect area = w.plotArea();
        const int y = w.rowRect(1).center().y();
        const QPoint p1(area.left() + int(fromFraction * area.width()), y);
        const QPoint p2(area.left() + int(toFraction * area.width()), y);
        QTest::mousePress(&w, Qt::LeftButton, {}, p1);
        QTest::mouseMove(&w, (p1 + p2) / 2);
        QTest::mouseMove(&w, p2);
        QTest::mouseRelease(&w, Qt::LeftButton, {}, p2);
        QCOMPARE(spy.count(), 1);
        const qint64 begin = spy[0][0].toLongLong();
        const qint64 end = spy[0][1].toLongLong();
        const qint64 expectBegin = w.timeForX(std::min(p1.x(), p2.x()));
        const qint64 expectEnd = w.timeForX(std::max(p1.x(), p2.x()));
        QCOMPARE(begin, expectBegin);
        QCOMPARE(end, expectEnd);
        // ...which is the dragged fraction of the 1 s profile, to within 2 pixels.
        const qint64 pixelNs = 1'000'000'000 / area.width();
        QVERIFY(std::abs(begin - (kBase + qint64(std::min(fromFraction, toFraction) * 1e9))) <= 2 * pixelNs);
        QVERIFY(std::abs(end - (kBase + qint64(std::max(fromFraction, toFraction) * 1e9))) <= 2 * pixelNs);
        QCOMPARE(w.selectionBegin(), begin);
        QCOMPARE(w.selectionEnd(), end);

        // A click without a drag clears the selection: the full range.
        QTest::mouseClick(&w, Qt::LeftButton, {}, p1);
        QCOMPARE(spy.count(), 2);
        QCOMPARE(spy[1][0].toLongLong(), kBase);
        QCOMPARE(spy[1][1].toLongLong(), kBase + 1'000'000'000);
        QCOMPARE(w.selectionEnd(), w.selectionBegin());
    }

    void labelClicksSelectThreads()
    {
        ui::TimelineWidget w;
        w.resize(1000, 200);
        w.setProfile(twoThreadProfile());
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QSignalSpy spy(&w, &ui::TimelineWidget::threadSelectionChanged);
        // Row 1 is the worker (tid 101), model ThreadIndex 1.
        QTest::mouseClick(&w, Qt::LeftButton, {}, w.labelRect(1).center());
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy[0][0].value<QVector<bool>>(), (QVector<bool>{false, true}));
        // Ctrl+click adds the main thread: everything selected again.
        QTest::mouseClick(&w, Qt::LeftButton, Qt::ControlModifier, w.labelRect(0).center());
        QCOMPARE(spy[1][0].value<QVector<bool>>(), (QVector<bool>{true, true}));
        // Ctrl+click from "all" selects just that one; again on it turns the filter off.
        QTest::mouseClick(&w, Qt::LeftButton, Qt::ControlModifier, w.labelRect(0).center());
        QCOMPARE(spy[2][0].value<QVector<bool>>(), (QVector<bool>{true, false}));
        QTest::mouseClick(&w, Qt::LeftButton, {}, w.labelRect(0).center());
        QCOMPARE(spy[3][0].value<QVector<bool>>(), (QVector<bool>{true, true}));
    }

    void setSelectionShowsIt()
    {
        ui::TimelineWidget w;
        w.setProfile(twoThreadProfile());
        w.setSelection(kBase + 100, kBase + 200);
        QCOMPARE(w.selectionBegin(), kBase + 100);
        QCOMPARE(w.selectionEnd(), kBase + 200);
        w.setSelection(kBase, kBase + 1'000'000'000); // the whole range is no selection
        QCOMPARE(w.selectionEnd(), w.selectionBegin());
    }

    void wheelZoomKeepsCursorTime()
    {
        ui::TimelineWidget w;
        w.resize(1000, 200);
        w.setProfile(twoThreadProfile());
        const QPoint pos(w.plotArea().left() + w.plotArea().width() / 4, w.rowRect(0).center().y());
        const qint64 before = w.timeForX(pos.x());
        QWheelEvent wheel(pos, w.mapToGlobal(pos), {}, QPoint(0, 240), Qt::NoButton, {}, Qt::NoScrollPhase, false);
        QApplication::sendEvent(&w, &wheel);
        QVERIFY(w.visibleEnd() - w.visibleBegin() < 1'000'000'000);
        const qint64 pixelNs = (w.visibleEnd() - w.visibleBegin()) / w.plotArea().width();
        QVERIFY(std::abs(w.timeForX(pos.x()) - before) <= pixelNs + 1);
        w.resetZoom();
        QCOMPARE(w.visibleEnd() - w.visibleBegin(), 1'000'000'000);
    }

    void binnedSamplesCountByWeight()
    {
        // A live recording's older samples arrive as one weighted row per 10 ms bin and
        // stack: the timeline counts them as the samples they stand for.
        const auto rows = twoThreadProfile();
        auto binned = std::make_shared<model::Profile>(*rows);
        binned->meta.weightUnit = model::WeightKind::Samples;
        binned->samples = {};
        std::map<std::pair<qint64, model::ThreadIndex>, std::uint64_t> bins;
        for (std::size_t i = 0; i < rows->samples.size(); ++i)
            ++bins[{(rows->samples.time(i) - kBase) / 10'000'000, rows->samples.thread(i)}];
        for (const auto &[key, count] : bins)
            binned->addSample(kBase + key.first * 10'000'000, key.second, rows->samples.stack(0), count);
        QVERIFY(binned->samples.size() < rows->samples.size() / 5);
        QCOMPARE(binned->sampleCount(), std::uint64_t(rows->samples.size()));

        ui::TimelineWidget plain, weighted;
        plain.setProfile(rows);
        weighted.setProfile(binned);
        for (model::ThreadIndex t : {0U, 1U})
            for (qint64 from = 0; from < 1'000'000'000; from += 100'000'000) {
                const qint64 begin = kBase + from, end = begin + 100'000'000;
                QCOMPARE(weighted.samplesBetween(t, begin, end), plain.samplesBetween(t, begin, end));
            }
        QCOMPARE(weighted.samplesBetween(0, kBase, kBase + 2'000'000'000), std::uint64_t(1001));
        QCOMPARE(weighted.samplesBetween(1, kBase, kBase + 500'000'000), std::uint64_t(0));
    }

    void emptyProfilePaints()
    {
        ui::TimelineWidget w;
        w.resize(400, 100);
        w.setProfile(std::make_shared<model::Profile>());
        QCOMPARE(w.rowCount(), 0);
        QVERIFY(!w.grab().isNull());
    }
};

QTEST_MAIN(TestTimelineWidget)
#include "tst_timelinewidget.moc"
