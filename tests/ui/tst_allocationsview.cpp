// SPDX-License-Identifier: GPL-3.0-or-later
// The Allocations page on a real `perfwb record --alloc` of allocpattern, whose
// allocations are known exactly: alloc_blocks makes 1,000 calls of 4,096 B,
// leak_some leaks 1,000 B, churn makes 100,000 temporary allocations.
#include "allocationsview.h"
#include "calltreemodel.h"
#include "calltreeview.h"
#include "flamegraphview.h"
#include "memoryplot.h"
#include "reportdocument.h"
#include "reportview.h"

#include "marksplotlayer.h"
#include "store/reportreader.h"

#include "qcustomplotheader.h"
#include <QComboBox>
#include <QDir>
#include <QProcess>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace perfwb;

namespace {

// Self weight of a function (by name) in an analysis, or -1.
qint64 selfOf(const ui::ReportAnalysis &a, std::string_view name)
{
    for (const auto &e : a.stats.entries)
        if (a.functions->name(e.function) == name)
            return static_cast<qint64>(e.self);
    return -1;
}

} // namespace

class TestAllocationsView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        path_ = dir_.filePath(QStringLiteral("pattern.perfwb"));
        QProcess rec;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PERFWB_ALLOCTRACK_LIB"), QStringLiteral(PERFWB_ALLOCTRACK_LIB));
        rec.setProcessEnvironment(env);
        rec.start(QStringLiteral(PERFWB_BINARY),
                  {QStringLiteral("record"), QStringLiteral("--alloc"), QStringLiteral("-o"), path_,
                   QStringLiteral("--"), QStringLiteral(PERFWB_WORKLOAD_DIR "/allocpattern"),
                   QStringLiteral("pattern")});
        QVERIFY(rec.waitForFinished(60000));
        QVERIFY2(rec.exitCode() == 0, rec.readAllStandardError().constData());
        auto profile = std::make_shared<model::Profile>();
        QVERIFY(store::ReportReader::read(path_.toStdString(), *profile).isOk());
        QVERIFY(!profile->allocations.empty());
        profile_ = profile;
    }

    // Each cost selects the exact numbers of the workload's functions.
    void costsGiveExactCounts_data()
    {
        QTest::addColumn<int>("cost");
        QTest::addColumn<QString>("function");
        QTest::addColumn<qint64>("self");
        QTest::newRow("calls") << int(analysis::AllocationCost::Count) << "alloc_blocks" << qint64(1000);
        QTest::newRow("bytes") << int(analysis::AllocationCost::Bytes) << "alloc_blocks" << qint64(4096000);
        QTest::newRow("leaked") << int(analysis::AllocationCost::Leaked) << "leak_some" << qint64(1000);
        QTest::newRow("temporary") << int(analysis::AllocationCost::Temporary) << "churn" << qint64(100000);
    }
    void costsGiveExactCounts()
    {
        QFETCH(int, cost);
        QFETCH(QString, function);
        QFETCH(qint64, self);
        ui::AllocationsView view;
        QSignalSpy ready(&view, &ui::AllocationsView::analysisReady);
        view.setProfile(profile_);
        QVERIFY(ready.wait(10000));
        // Through the selector, as the user picks it.
        const int index = view.costBox()->findData(cost);
        QVERIFY(index >= 0);
        if (index != view.costBox()->currentIndex()) {
            view.costBox()->setCurrentIndex(index);
            QVERIFY(ready.wait(10000));
        }
        QCOMPARE(int(view.cost()), cost);
        QCOMPARE(selfOf(*view.analysis(), function.toStdString()), self);
        // The trees and the flame graph show that analysis.
        QVERIFY(view.topDown()->model()->rowCount() > 0);
        QCOMPARE(view.flameGraph()->flameGraph()->tree(), view.analysis()->topDown.get());
    }

    void totalsAndHeapPeak()
    {
        ui::AllocationsView view;
        view.setProfile(profile_);
        const QString totals = view.totalsText();
        const auto &t = profile_->allocations.totals;
        QVERIFY2(totals.startsWith(QLocale().toString(qulonglong(t.calls)) + QStringLiteral(" calls")),
                 qPrintable(totals));
        QVERIFY2(totals.contains(QStringLiteral("temporary")) && totals.contains(QStringLiteral("leaked")),
                 qPrintable(totals));
        QVERIFY(t.calls >= 101010);
        // The heap over time, the peak as its one mark.
        QVERIFY(view.heap()->graph(QStringLiteral("heap")));
        QCOMPARE(view.heap()->marks()->markCount(), std::size_t(1));
    }

    // A report with allocations gets the page (and --page allocations opens it); one
    // without has no such tab. A frame of the allocation graph leads to the CPU views.
    void pageOnlyWithAllocations()
    {
        ui::ReportDocument withAlloc(profile_, path_, false);
        ui::ReportView view(&withAlloc);
        QVERIFY(view.hasAllocationsPage());
        QCOMPARE(view.tabs()->tabText(ui::ReportView::AllocationsPage), QStringLiteral("Allocations"));
        QCOMPARE(ui::ReportView::pageNamed(QStringLiteral("allocations")), ui::ReportView::AllocationsPage);
        view.showPage(ui::ReportView::AllocationsPage);
        QCOMPARE(view.tabs()->currentWidget(), view.allocations());

        QSignalSpy analysed(&withAlloc, &ui::ReportDocument::analysisReady);
        QVERIFY(withAlloc.analysis() || analysed.wait(10000));
        Q_EMIT view.allocations()->showInCpuFlameGraph(QStringLiteral("pattern"), QStringLiteral("allocpattern"));
        QCOMPARE(view.tabs()->currentIndex(), int(ui::ReportView::FlameGraphPage));

        auto plain = std::make_shared<model::Profile>(*profile_);
        plain->allocations = model::AllocationTable();
        ui::ReportDocument without(plain, {}, false);
        ui::ReportView other(&without);
        QVERIFY(!other.hasAllocationsPage());
        QCOMPARE(other.tabs()->count(), int(ui::ReportView::AllocationsPage));
        other.showPage(ui::ReportView::AllocationsPage); // --page allocations on such a report
        QCOMPARE(other.tabs()->currentIndex(), int(ui::ReportView::MemoryPage));
    }

    // Screenshots for docs/gui.md: the flame graph by allocated bytes and the heap timeline.
    void screenshots()
    {
        ui::ReportDocument doc(profile_, path_, false);
        ui::ReportView view(&doc);
        view.resize(1100, 650);
        view.show();
        view.showPage(ui::ReportView::AllocationsPage);
        QSignalSpy ready(view.allocations(), &ui::AllocationsView::analysisReady);
        QVERIFY(view.allocations()->analysis() || ready.wait(10000));
        const QString outDir = QCoreApplication::applicationDirPath() + QStringLiteral("/screenshots");
        QVERIFY(QDir().mkpath(outDir));
        const auto shoot = [&](ui::AllocationsView::SubPage page, const QString &name) {
            view.allocations()->tabs()->setCurrentIndex(page);
            QCoreApplication::processEvents();
            const QImage image = view.grab().toImage();
            QSet<QRgb> colours;
            for (int y = 0; y < image.height(); y += 4)
                for (int x = 0; x < image.width(); x += 4)
                    colours.insert(image.pixel(x, y));
            QVERIFY2(colours.size() > 8, qPrintable(name)); // not a blank page
            QVERIFY(image.save(outDir + QLatin1Char('/') + name + QStringLiteral(".png")));
        };
        shoot(ui::AllocationsView::FlameGraphTab, QStringLiteral("allocations-flamegraph"));
        shoot(ui::AllocationsView::HeapTab, QStringLiteral("allocations-heap"));
    }

private:
    QTemporaryDir dir_;
    QString path_;
    std::shared_ptr<const model::Profile> profile_;
};

QTEST_MAIN(TestAllocationsView)
#include "tst_allocationsview.moc"
