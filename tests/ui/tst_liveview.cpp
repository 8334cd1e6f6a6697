// SPDX-License-Identifier: GPL-3.0-or-later
// The live view of a recording: the flame graph keeps its frames in place between
// snapshots, the indicator counts with plural forms, the memory page waits for the
// first poll instead of saying "no data".
#include "memoryplot.h"
#include "recordingcontroller.h"
#include "recordingindicator.h"
#include "reportdocument.h"

#include <QLabel>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>
#include <QTranslator>

using namespace perfwb;

namespace {

// One sample per (function, weight) under main, on one thread.
std::shared_ptr<model::Profile> workers(const QList<QPair<QString, int>> &weights)
{
    auto p = std::make_shared<model::Profile>();
    const auto t = p->internThread(1, 1, "main");
    qint64 time = 0;
    for (const auto &[name, weight] : weights) {
        const std::vector<model::FrameId> frames{p->internFrame("main", "app"),
                                                 p->internFrame(name.toStdString(), "app")};
        p->addSample(time++, t, p->stacks.internPath(frames), static_cast<std::uint64_t>(weight));
    }
    return p;
}

QStringList rootChildren(const ui::ReportAnalysis &a)
{
    QStringList names;
    const auto &tree = *a.topDown;
    for (auto c : tree.node(tree.node(0).children.front()).children)
        names << QString::fromUtf8(a.functions->name(tree.node(c).function).data());
    return names;
}

QStringList analyse(ui::ReportDocument &doc, std::shared_ptr<model::Profile> profile)
{
    QSignalSpy ready(&doc, &ui::ReportDocument::analysisReady);
    doc.setProfile(std::move(profile));
    if (!ready.wait(10000))
        return {QStringLiteral("analysis timed out")};
    return rootChildren(*doc.analysis());
}

} // namespace

class TestLiveView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        // English plural forms come from perfwb_en.qm, as in the application.
        QVERIFY(english_.load(QStringLiteral(":/i18n/perfwb_en.qm")));
        QCoreApplication::installTranslator(&english_);
    }

    // worker_c/b/d/a stays c/b/d/a while live although the weights reorder them; a
    // document that is not live sorts by weight.
    void liveFramesKeepTheirOrder_data()
    {
        QTest::addColumn<bool>("live");
        QTest::addColumn<QStringList>("second");
        QTest::newRow("live") << true << QStringList{"worker_c", "worker_b", "worker_d", "worker_a"};
        QTest::newRow("saved report") << false << QStringList{"worker_a", "worker_d", "worker_b", "worker_c"};
    }
    void liveFramesKeepTheirOrder()
    {
        QFETCH(bool, live);
        QFETCH(QStringList, second);
        ui::ReportDocument doc(workers({{"worker_c", 4}, {"worker_b", 3}, {"worker_d", 2}, {"worker_a", 1}}), {}, true);
        doc.setLive(live);
        QTRY_VERIFY(doc.analysis());
        QCOMPARE(rootChildren(*doc.analysis()), (QStringList{"worker_c", "worker_b", "worker_d", "worker_a"}));
        QCOMPARE(analyse(doc, workers({{"worker_c", 5}, {"worker_b", 6}, {"worker_d", 9}, {"worker_a", 10}})), second);
    }

    void indicatorText_data()
    {
        QTest::addColumn<qint64>("elapsedMs");
        QTest::addColumn<qulonglong>("samples");
        QTest::addColumn<qulonglong>("lost");
        QTest::addColumn<QString>("text");
        QTest::newRow("start") << qint64(0) << 0ULL << 0ULL << "Recording 0:00 · 0 samples · 0 lost";
        QTest::newRow("one") << qint64(1500) << 1ULL << 0ULL << "Recording 0:01 · 1 sample · 0 lost";
        QTest::newRow("minutes") << qint64(754'000) << 1234567ULL << 3ULL
                                 << "Recording 12:34 · 1,234,567 samples · 3 lost";
        QTest::newRow("hours") << qint64(3'723'000) << 2ULL << 1ULL << "Recording 1:02:03 · 2 samples · 1 lost";
    }
    void indicatorText()
    {
        QFETCH(qint64, elapsedMs);
        QFETCH(qulonglong, samples);
        QFETCH(qulonglong, lost);
        QFETCH(QString, text);
        const QLocale previous;
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        const QString got = ui::RecordingIndicator::textFor(elapsedMs, samples, lost);
        QLocale::setDefault(previous);
        QCOMPARE(got, text);
    }

    void indicatorFollowsSnapshots()
    {
        ui::RecordingController recorder;
        ui::RecordingIndicator indicator(&recorder);
        auto profile = workers({{"a", 1}, {"b", 1}});
        profile->meta.lostSamples = 7;
        indicator.observe(*profile);
        QVERIFY2(indicator.text().contains(QStringLiteral("2 samples")), qPrintable(indicator.text()));
        QVERIFY2(indicator.text().contains(QStringLiteral("7 lost")), qPrintable(indicator.text()));
    }

    // Before the first poll a live recording has no timelines: the plot waits, no "no data".
    void liveMemoryPageWaitsForThePoll()
    {
        ui::MemoryPlot plot;
        plot.setLive(true);
        plot.show();
        plot.setProfile(workers({{"a", 1}}));
        QVERIFY(!plot.emptyNote()->isVisible());
        plot.setLive(false);
        QVERIFY(plot.emptyNote()->isVisible());
    }

private:
    QTranslator english_;
};

QTEST_MAIN(TestLiveView)
#include "tst_liveview.moc"
