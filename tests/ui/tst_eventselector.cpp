// SPDX-License-Identifier: GPL-3.0-or-later
// The report view's event selector on a real `perf record -e cpu-clock,task-clock`: the
// views show one event at a time (hotspot's cost selector), switching re-analyses that
// event's samples only, and saving keeps every event. A profile of one event has no selector.
#include "reportdocument.h"
#include "reportview.h"
#include "summaryview.h"

#include "formats/profileloader.h"
#include "model/profileevents.h"
#include "store/reportreader.h"
#include "store/reportwriter.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace perfwb;

class TestEventSelector : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QTranslator english_;
    std::shared_ptr<const model::Profile> twoEvents_;

    static void waitForAnalysis(ui::ReportDocument &doc)
    {
        QTRY_VERIFY_WITH_TIMEOUT(doc.analysis() && !doc.isAnalysing(), 30000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        // English plural forms, as the application loads them ("400 samples").
        QVERIFY(english_.load(QStringLiteral(":/i18n/perfwb_en.qm")));
        QCoreApplication::installTranslator(&english_);
        const QString data = dir_.filePath(QStringLiteral("two.data"));
        QProcess perf;
        perf.start(QStringLiteral("perf"),
                   {QStringLiteral("record"), QStringLiteral("-q"), QStringLiteral("-e"),
                    QStringLiteral("cpu-clock,task-clock"), QStringLiteral("-g"), QStringLiteral("-F"),
                    QStringLiteral("797"), QStringLiteral("-o"), data, QStringLiteral("--"),
                    QStringLiteral(PERFWB_WORKLOAD_DIR "/cpusplit"), QStringLiteral("500")});
        QVERIFY(perf.waitForFinished(60000));
        QVERIFY2(perf.exitCode() == 0, perf.readAllStandardError().constData());
        auto profile = std::make_shared<model::Profile>();
        const Status st = formats::ProfileLoader::load(data.toStdString(), {}, *profile);
        QVERIFY2(st.isOk(), st.message().c_str());
        QCOMPARE(profile->events.size(), std::size_t(2));
        twoEvents_ = profile;
    }

    void switchingShowsOneEventAtATime()
    {
        const auto counts = model::ProfileEvents::sampleCounts(*twoEvents_);
        ui::ReportDocument doc(twoEvents_, {}, false);
        ui::ReportView view(&doc);
        view.resize(1000, 600);
        view.show();
        waitForAnalysis(doc);
        QComboBox *box = view.eventSelector();
        QVERIFY(box->isVisible());
        QCOMPARE(box->count(), 2);
        QCOMPARE(box->itemText(0), QStringLiteral("cpu-clock (%1 samples)").arg(counts[0]));
        QVERIFY2(box->itemText(1).startsWith(QStringLiteral("task-clock (")), qPrintable(box->itemText(1)));
        QCOMPARE(box->currentIndex(), 0);
        QCOMPARE(doc.analysis()->weights.sampleCount, counts[0]);

        box->setCurrentIndex(1);
        QCOMPARE(doc.eventIndex(), std::size_t(1));
        waitForAnalysis(doc);
        QCOMPARE(doc.analysis()->weights.sampleCount, counts[1]);
        QCOMPARE(doc.profile()->meta.sampler.event, std::string("task-clock"));
        QCOMPARE(doc.sourceProfile()->events.size(), std::size_t(2));
        QCOMPARE(box->currentIndex(), 1); // rebuilt on profileChanged, still on the chosen event
        QTRY_COMPARE(view.summary()->field(QStringLiteral("Events")),
                     QStringLiteral("cpu-clock, task-clock; this page shows task-clock (each event is its own cost)"));

        const QString shots = QCoreApplication::applicationDirPath() + QStringLiteral("/screenshots");
        QVERIFY(QDir().mkpath(shots));
        QVERIFY(view.grab().toImage().save(shots + QStringLiteral("/event-selector.png")));

        // A filter survives the switch: threads and times are the same for every event.
        doc.setTimeRange(twoEvents_->firstSampleTime(), twoEvents_->firstSampleTime() + 100'000'000);
        waitForAnalysis(doc);
        const auto filtered = doc.analysis()->weights.sampleCount;
        QVERIFY(filtered > 0 && filtered < counts[1]);
        box->setCurrentIndex(0);
        waitForAnalysis(doc);
        QVERIFY(!doc.filter().isEmpty());
        QVERIFY(doc.analysis()->weights.sampleCount < counts[0]);
    }

    // Saving writes the source profile: the report keeps both events.
    void savingKeepsEveryEvent()
    {
        ui::ReportDocument doc(twoEvents_, {}, true);
        doc.setEventIndex(1);
        const std::string file = dir_.filePath(QStringLiteral("two.perfwb")).toStdString();
        QVERIFY(store::ReportWriter::save(file, *doc.sourceProfile()));
        model::Profile read;
        QVERIFY(store::ReportReader::read(file, read).isOk());
        QCOMPARE(read.events, twoEvents_->events);
        QCOMPARE(read.samples.size(), twoEvents_->samples.size());
    }

    void oneEventHasNoSelector()
    {
        auto one = std::make_shared<model::Profile>(*twoEvents_);
        model::ProfileEvents::keepOnly(*one, 0);
        ui::ReportDocument doc(one, {}, false);
        ui::ReportView view(&doc);
        view.show();
        waitForAnalysis(doc);
        QVERIFY(!view.eventSelector()->isVisible());
        QCOMPARE(view.eventSelector()->count(), 0);
        doc.setEventIndex(1); // out of range: ignored
        QCOMPARE(doc.eventIndex(), std::size_t(0));
    }
};

QTEST_MAIN(TestEventSelector)
#include "tst_eventselector.moc"
