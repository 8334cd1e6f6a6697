// SPDX-License-Identifier: GPL-3.0-or-later
// The workbench window on a real recording: `perf record` of the cpusplit workload
// (70 % hot_70, 30 % warm_30) opened through the window's own open path, then the
// numbers in the Summary, the trees, the flamegraph, search, zoom, time-range
// filtering (checked against analysis computed directly) and export via the menu.
#include "backgroundjob.h"
#include "callercalleeview.h"
#include "calltreemodel.h"
#include "calltreeview.h"
#include "flamegraphview.h"
#include "functionlistmodel.h"
#include "mainwindow.h"
#include "record/recordsession.h"
#include "recorddialog.h"
#include "reportdocument.h"
#include "reportview.h"
#include "summaryview.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QFileInfo>
#include <QIcon>
#include <QImage>
#include <QLineEdit>
#include <QLocale>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace perfwb;

namespace {
constexpr int kLoadTimeoutMs = 120000;

// The share (0..1) of a function's total in a tree: the sum over its nodes that
// have no ancestor of the same function.
double shareOf(const analysis::CallTree &tree, const analysis::FunctionTable &functions, std::string_view name)
{
    std::uint64_t sum = 0;
    for (std::uint32_t i = 1; i < tree.size(); ++i) {
        if (functions.name(tree.node(i).function) != name)
            continue;
        bool nested = false;
        for (auto p = tree.node(i).parent; p != 0; p = tree.node(p).parent)
            nested = nested || functions.name(tree.node(p).function) == name;
        if (!nested)
            sum += tree.node(i).total;
    }
    return tree.total() ? static_cast<double>(sum) / static_cast<double>(tree.total()) : 0;
}
} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    QString data_;
    std::unique_ptr<ui::MainWindow> window_;
    ui::ReportView *view_ = nullptr;

    void waitForAnalysis(ui::ReportDocument *doc)
    {
        QTRY_VERIFY_WITH_TIMEOUT(doc->analysis() && !doc->isAnalysing(), 30000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<ui::ReportView *>();
        QStandardPaths::setTestModeEnabled(true); // QSettings and recent files stay out of $HOME
        QVERIFY(dir_.isValid());
        qputenv("FIL_PERF_OUTPUT_DIR", dir_.filePath(QStringLiteral("out")).toUtf8());
        // The shapes below (self time in hot_70 and warm_30) are perf script's, which folds
        // cpusplit's inlined spin loop into its caller; the native reader shows it as a
        // frame of its own (tst_perfdatafile, tst_compareview read natively).
        qputenv("PERFWB_PERF_READER", "perf-script");
        data_ = dir_.filePath(QStringLiteral("x.data"));
        QProcess perf;
        perf.start(QStringLiteral("perf"), {QStringLiteral("record"), QStringLiteral("-g"), QStringLiteral("-F"),
                                            QStringLiteral("999"), QStringLiteral("-o"), data_,
                                            QStringLiteral(PERFWB_WORKLOAD_DIR "/cpusplit"), QStringLiteral("1000")});
        QVERIFY2(perf.waitForFinished(60000), "perf record did not finish");
        QVERIFY2(perf.exitStatus() == QProcess::NormalExit && perf.exitCode() == 0,
                 perf.readAllStandardError().constData());

        window_ = std::make_unique<ui::MainWindow>();
        window_->resize(1200, 800);
        window_->show();
        QSignalSpy opened(window_.get(), &ui::MainWindow::reportOpened);
        window_->openFile(data_);
        QVERIFY(opened.wait(kLoadTimeoutMs));
        view_ = opened.first().first().value<ui::ReportView *>();
        QVERIFY(view_);
        QCOMPARE(window_->reportCount(), 1);
        waitForAnalysis(view_->document());
    }

    void summaryShowsTheRun()
    {
        const auto profile = view_->document()->profile();
        QVERIFY(profile->samples.size() > 300); // ~1000 at 999 Hz for 1 s of CPU
        const QLocale locale;
        QCOMPARE(view_->summary()->field(QStringLiteral("Samples")),
                 locale.toString(static_cast<qulonglong>(profile->samples.size())));
        QCOMPARE(view_->summary()->field(QStringLiteral("Lost samples")),
                 locale.toString(static_cast<qulonglong>(profile->meta.lostSamples)));
        QCOMPARE(view_->summary()->field(QStringLiteral("Threads")),
                 locale.toString(static_cast<qulonglong>(profile->threads().size())));
        QVERIFY(view_->summary()->field(QStringLiteral("Command")).contains(QStringLiteral("cpusplit")));
        const auto top = view_->summary()->topFunctions();
        QVERIFY(!top.isEmpty());
        const auto first = top.first().split(QLatin1Char('|'));
        QCOMPARE(first[0], QStringLiteral("hot_70"));
        QVERIFY2(first[1].toDouble() > 60 && first[1].toDouble() < 80, qPrintable(top.first()));
        QVERIFY(window_->statusText().contains(locale.toString(static_cast<qulonglong>(profile->samples.size()))));
        // Opened files land in Open Recent (QSettings, test mode).
        QCOMPARE(QSettings().value(QStringLiteral("recentFiles")).toStringList().value(0),
                 QFileInfo(data_).absoluteFilePath());
    }

    void treesShowTheShape()
    {
        auto *bottom = view_->bottomUp();
        QAbstractItemModelTester tester(bottom->proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        // Bottom-up sorted by total: the heaviest leaf first.
        const auto row0 = bottom->proxy()->index(0, ui::CallTreeModel::Function);
        QCOMPARE(row0.data().toString(), QStringLiteral("hot_70"));
        const double pct = bottom->proxy()->index(0, ui::CallTreeModel::TotalPercent).data().toDouble();
        QVERIFY2(pct > 60 && pct < 80, qPrintable(QString::number(pct)));

        // Top-down: hot_70 somewhere below main with ~70 % total.
        const auto analysis = view_->document()->analysis();
        const double share = shareOf(*analysis->topDown, *analysis->functions, "hot_70");
        QVERIFY2(share > 0.6 && share < 0.8, qPrintable(QString::number(share)));
        auto *top = view_->topDown();
        const auto hits = top->proxy()->match(top->proxy()->index(0, 0), Qt::DisplayRole, QStringLiteral("hot_70"), -1,
                                              Qt::MatchExactly | Qt::MatchRecursive);
        QVERIFY(!hits.isEmpty());

        // The filter box keeps matches and their ancestors only.
        top->filterBox()->setText(QStringLiteral("warm_30"));
        QVERIFY(top->proxy()
                    ->match(top->proxy()->index(0, 0), Qt::DisplayRole, QStringLiteral("hot_70"), -1,
                            Qt::MatchExactly | Qt::MatchRecursive)
                    .isEmpty());
        QVERIFY(!top->proxy()
                     ->match(top->proxy()->index(0, 0), Qt::DisplayRole, QStringLiteral("warm_30"), -1,
                             Qt::MatchExactly | Qt::MatchRecursive)
                     .isEmpty());
        top->filterBox()->clear();

        // "Copy" text of a selected row carries its columns.
        top->selectFunction(hits.first().data(ui::CallTreeModel::FunctionRole).toUInt());
        QVERIFY(top->selectionText().startsWith(QStringLiteral("hot_70\t")));
    }

    void callerCallee()
    {
        auto *cc = view_->callerCallee();
        QAbstractItemModelTester t1(cc->functionsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(cc->callersModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto analysis = view_->document()->analysis();
        analysis::FunctionId hot = 0;
        for (analysis::FunctionId f = 0; f < analysis->functions->size(); ++f)
            if (analysis->functions->name(f) == "hot_70")
                hot = f;
        view_->showCallerCallee(hot);
        QCOMPARE(view_->tabs()->currentIndex(), int(ui::ReportView::CallerCalleePage));
        QCOMPARE(cc->currentFunction(), hot);
        QStringList callers;
        for (int r = 0; r < cc->callersModel()->rowCount(); ++r)
            callers << cc->callersModel()->index(r, ui::FunctionListModel::Function).data().toString();
        QVERIFY2(callers.contains(QStringLiteral("run_split")), qPrintable(callers.join(QLatin1Char(','))));
        // Callees (kernel entry frames under the leaf at most) are a small part of it.
        std::uint64_t calleeWeight = 0;
        for (int r = 0; r < cc->calleesModel()->rowCount(); ++r)
            calleeWeight += cc->calleesModel()
                                ->index(r, ui::FunctionListModel::Weight)
                                .data(ui::FunctionListModel::SortRole)
                                .toULongLong();
        QVERIFY(calleeWeight < analysis->topDown->total() / 10);
        cc->searchBox()->setText(QStringLiteral("warm"));
        cc->searchBox()->clear();
    }

    void flameGraphSearchAndZoom()
    {
        auto *flame = view_->flameGraph();
        const auto analysis = view_->document()->analysis();
        QCOMPARE(flame->flameGraph()->zoomedNode(), 0U);
        flame->searchBox()->setText(QStringLiteral("^hot_70$"));
        const double share = flame->flameGraph()->matchedShare();
        QCOMPARE(share, shareOf(*analysis->topDown, *analysis->functions, "hot_70"));
        QCOMPARE(flame->matchedText(), QStringLiteral("matched %1 %").arg(share * 100, 0, 'f', 1));
        flame->searchBox()->setText(QStringLiteral("("));
        QCOMPARE(flame->matchedText(), QStringLiteral("invalid pattern"));
        flame->searchBox()->clear();

        // Ctrl+F lands in the search box of the flamegraph page.
        window_->action(QStringLiteral("find"))->trigger();
        QCOMPARE(view_->tabs()->currentIndex(), int(ui::ReportView::FlameGraphPage));

        analysis::FunctionId hot = 0;
        for (analysis::FunctionId f = 0; f < analysis->functions->size(); ++f)
            if (analysis->functions->name(f) == "hot_70")
                hot = f;
        view_->showInFlameGraph(hot);
        const auto zoomed = flame->flameGraph()->zoomedNode();
        QVERIFY(zoomed != 0);
        QCOMPARE(analysis->topDown->node(zoomed).function, hot);
        QVERIFY(flame->breadcrumb().endsWith(QStringLiteral("hot_70")));
        window_->action(QStringLiteral("reset-zoom"))->trigger();
        QCOMPARE(flame->flameGraph()->zoomedNode(), 0U);
        QCOMPARE(flame->breadcrumb(), QStringLiteral("All"));

        // View options apply to every report and persist.
        window_->action(QStringLiteral("icicle"))->trigger();
        QCOMPARE(flame->orientation(), ui::FlameGraphWidget::Orientation::Icicle);
        window_->action(QStringLiteral("flame"))->trigger();
        QCOMPARE(flame->orientation(), ui::FlameGraphWidget::Orientation::Flame);
    }

    void timeRangeFilters()
    {
        auto *doc = view_->document();
        const auto profile = doc->profile();
        const auto full = doc->analysis()->topDown->total();
        const qint64 begin = profile->firstSampleTime();
        const qint64 end = begin + (profile->lastSampleTime() - begin) / 2;
        // Zoomed on hot_70 and with warm_30 selected before the filter changes...
        auto *graph = view_->flameGraph()->flameGraph();
        const auto &before = *doc->analysis();
        for (analysis::FunctionId f = 0; f < before.functions->size(); ++f) {
            if (before.functions->name(f) == "hot_70")
                view_->flameGraph()->showFunction(f);
            if (before.functions->name(f) == "warm_30")
                graph->setSelectedFunction(f);
        }
        QVERIFY(graph->zoomedNode() != 0);
        QSignalSpy ready(doc, &ui::ReportDocument::analysisReady);
        doc->setTimeRange(begin, end);
        QVERIFY(ready.wait(30000));
        waitForAnalysis(doc);
        // ...the new tree is shown at the same place, with the same function selected.
        QTRY_VERIFY(graph->tree() == doc->analysis()->topDown.get());
        QVERIFY(graph->zoomedNode() != 0);
        QCOMPARE(graph->functions()->name(graph->tree()->node(graph->zoomedNode()).function), "hot_70");
        QCOMPARE(graph->functions()->name(graph->selectedFunction()), "warm_30");
        QVERIFY(view_->flameGraph()->breadcrumb().endsWith(QStringLiteral("hot_70")));
        graph->resetZoom();
        graph->setSelectedFunction(analysis::kNoFunction);

        analysis::SampleFilter filter;
        filter.beginNs = begin;
        filter.endNs = end;
        const auto direct = ui::ReportAnalysis::compute(profile, filter);
        std::uint64_t counted = 0;
        for (std::size_t i = 0; i < profile->samples.size(); ++i)
            if (filter.accepts(profile->samples, i))
                counted += profile->samples.weight(i);
        const auto shown = doc->analysis();
        QCOMPARE(shown->topDown->total(), direct->topDown->total());
        QCOMPARE(shown->topDown->total(), counted);
        QCOMPARE(shown->bottomUp->total(), counted);
        QVERIFY(counted < full && counted > 0);
        // The trees' root rows add up to the filtered total.
        auto *model = view_->bottomUp()->model();
        qulonglong sum = 0;
        for (int r = 0; r < model->rowCount(); ++r)
            sum += model->index(r, ui::CallTreeModel::Self).data(ui::CallTreeModel::SortRole).toULongLong();
        QCOMPARE(sum, qulonglong(counted));
        QCOMPARE(view_->summary()->field(QStringLiteral("In selection")).isEmpty(), false);
        QVERIFY(window_->statusText().contains(QStringLiteral("selection: ")));

        // A thread selection that excludes everything empties every view.
        doc->setThreads(std::vector<bool>(profile->threads().size(), false));
        waitForAnalysis(doc);
        QTRY_COMPARE(doc->analysis()->topDown->total(), 0ULL);
        doc->clearFilter();
        waitForAnalysis(doc);
        QTRY_COMPARE(doc->analysis()->topDown->total(), full);
    }

    void exportThroughTheMenu_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("suffix");
        QTest::newRow("svg") << "svg"
                             << "-flamegraph.svg";
        QTest::newRow("folded") << "folded"
                                << "-folded.txt";
    }
    void exportThroughTheMenu()
    {
        QFETCH(QString, format);
        QFETCH(QString, suffix);
        auto *action = window_->action(QStringLiteral("export-") + format);
        QVERIFY(action);
        QSignalSpy done(window_.get(), &ui::MainWindow::exportFinished);
        action->trigger();
        QVERIFY(done.wait(30000));
        const QString path = done.first().first().toString();
        QCOMPARE(QFileInfo(path).absolutePath(), QDir(dir_.filePath(QStringLiteral("out"))).absolutePath());
        QVERIFY2(path.endsWith(suffix), qPrintable(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto bytes = file.readAll();
        QVERIFY(bytes.contains("hot_70"));
    }

    void saveAndReopen()
    {
        const QString path = dir_.filePath(QStringLiteral("saved.perfwb"));
        QSignalSpy saved(window_.get(), &ui::MainWindow::saveFinished);
        window_->saveCurrentAs(path);
        QVERIFY(saved.wait(30000));
        QCOMPARE(view_->document()->path(), path);
        QSignalSpy opened(window_.get(), &ui::MainWindow::reportOpened);
        window_->openFile(path);
        QVERIFY(opened.wait(kLoadTimeoutMs));
        auto *second = opened.first().first().value<ui::ReportView *>();
        QCOMPARE(window_->reportCount(), 2);
        QCOMPARE(second->document()->profile()->samples.size(), view_->document()->profile()->samples.size());
        waitForAnalysis(second->document());
        QCOMPARE(second->summary()->topFunctions().first().split(QLatin1Char('|')).first(), QStringLiteral("hot_70"));
        QVERIFY(window_->closeReport(1));
        QCOMPARE(window_->reportCount(), 1);
    }

    // A run recorded with cProfile and Scalene enabled opens from its manifest as one tab
    // per file, and the tools' tabs show the workload's hot function on top.
    void runManifestOpensOneTabPerTool()
    {
        QProcess record;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("FIL_PERF_ENABLE_CPROFILE"), QStringLiteral("1"));
        env.insert(QStringLiteral("FIL_PERF_ENABLE_SCALENE"), QStringLiteral("1"));
        env.insert(QStringLiteral("FIL_PERF_RUN_LABEL"), QStringLiteral("gui-run"));
        record.setProcessEnvironment(env);
        record.start(QStringLiteral(PERFWB_BINARY),
                     {QStringLiteral("record"), QStringLiteral("--"), QStringLiteral("/usr/bin/python3"),
                      QStringLiteral(PERFWB_SOURCE_DIR "/tests/workloads/pysplit.py"), QStringLiteral("500")});
        QVERIFY(record.waitForFinished(120000));
        QVERIFY2(record.exitCode() == 0, record.readAllStandardError().constData());
        const QString manifest = dir_.filePath(QStringLiteral("out/gui-run-run.json"));
        QVERIFY(QFile::exists(manifest));

        const int before = window_->reportCount();
        QSignalSpy opened(window_.get(), &ui::MainWindow::reportOpened);
        QSignalSpy errors(window_.get(), &ui::MainWindow::errorShown);
        window_->openFile(manifest);
        QTRY_VERIFY_WITH_TIMEOUT(opened.count() == 3 || !errors.isEmpty(), kLoadTimeoutMs);
        QVERIFY2(errors.isEmpty(), errors.isEmpty() ? "" : qPrintable(errors.first().first().toString()));
        QCOMPARE(opened.count(), 3);
        QCOMPARE(window_->reportCount(), before + 3);
        QStringList files;
        for (int i = before; i < before + 3; ++i) {
            auto *view = window_->viewAt(i);
            waitForAnalysis(view->document());
            const QString name = QFileInfo(view->document()->path()).fileName();
            files << name;
            if (name.endsWith(QStringLiteral(".pstats")) || name.endsWith(QStringLiteral("scalene.json"))) {
                // hot_70 above warm_30. Not "first": cProfile measures wall time, and on a
                // loaded machine the time descheduled lands in time.thread_time (the loop's
                // syscall), which can then top the list.
                QStringList names;
                for (const QString &row : view->summary()->topFunctions())
                    names << row.split(QLatin1Char('|')).first();
                const auto hot = names.indexOf(QStringLiteral("hot_70"));
                const auto warm = names.indexOf(QStringLiteral("warm_30"));
                QVERIFY2(hot >= 0 && hot < 3 && (warm < 0 || hot < warm), qPrintable(names.join(u' ')));
            }
        }
        files.sort();
        QCOMPARE(files,
                 (QStringList{QStringLiteral("gui-run-cprofile.pstats"), QStringLiteral("gui-run-profile.perfwb"),
                              QStringLiteral("gui-run-scalene.json")}));
        window_->grab().save(dir_.filePath(QStringLiteral("run-tabs.png")));
        for (int i = before + 2; i >= before; --i)
            QVERIFY(window_->closeReport(i));
    }

    void badFileIsOneErrorAndNoTab()
    {
        const QString bad = dir_.filePath(QStringLiteral("garbage.perfwb"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is not a profile of any kind\n\x01\x02");
        f.close();
        QSignalSpy error(window_.get(), &ui::MainWindow::errorShown);
        window_->openFile(bad);
        QVERIFY(error.wait(30000));
        QVERIFY(error.first().first().toString().contains(QStringLiteral("garbage.perfwb")));
        QCOMPARE(window_->reportCount(), 1);
    }

    void cancelledOpenIsDiscarded()
    {
        const int before = window_->reportCount();
        QSignalSpy opened(window_.get(), &ui::MainWindow::reportOpened);
        window_->openFile(data_);
        auto *job = window_->findChild<ui::BackgroundJob *>();
        QVERIFY(job);
        QSignalSpy gone(job, &QObject::destroyed);
        job->cancel();                      // what the progress dialog's Cancel does
        QVERIFY(gone.wait(kLoadTimeoutMs)); // the engine call ends; its result is dropped
        QCoreApplication::processEvents();
        QCOMPARE(opened.count(), 0);
        QCOMPARE(window_->reportCount(), before);
    }

    void recordInANewTab()
    {
        record::RecordOptions options;
        options.command = {PERFWB_WORKLOAD_DIR "/cpusplit", "600"};
        options.label = "gui-record";
        options.outputPath = dir_.filePath(QStringLiteral("rec.perfwb")).toStdString();
        QSignalSpy finished(window_.get(), &ui::MainWindow::recordingFinished);
        const int before = window_->reportCount();
        window_->startRecording(options);
        QCOMPARE(window_->reportCount(), before + 1);
        auto *live = window_->currentView();
        QVERIFY(live->document()->isDirty());
        QVERIFY(!window_->action(QStringLiteral("record"))->isEnabled());
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().first().toString(), QString::fromStdString(options.outputPath));
        // The live tab became the full report in place.
        QCOMPARE(window_->currentView(), live);
        QCOMPARE(live->document()->path(), QString::fromStdString(options.outputPath));
        waitForAnalysis(live->document());
        QVERIFY(live->document()->profile()->samples.size() > 100);
        const auto recorded = live->document()->analysis();
        const double share = shareOf(*recorded->topDown, *recorded->functions, "hot_70");
        QVERIFY2(share > 0.6 && share < 0.8, qPrintable(QString::number(share)));
        QVERIFY(window_->action(QStringLiteral("record"))->isEnabled());
        live->document()->setDirty(false); // no save prompt on close in the test
        QVERIFY(window_->closeReport(window_->reportCount() - 1));
    }

    void recordAllocationsFromTheDialog()
    {
        // The Record dialog's "Track allocations" box gives the run perfwb record --alloc:
        // allocpattern's known totals reach the Summary (101,010 calls, 1,000 B leaked).
        qputenv("PERFWB_ALLOCTRACK_LIB", PERFWB_ALLOCTRACK_LIB);
        QSettings().clear();
        ui::RecordDialog dialog;
        dialog.setCommand(QStringLiteral(PERFWB_WORKLOAD_DIR "/allocpattern"));
        dialog.setOutputPath(dir_.filePath(QStringLiteral("alloc.perfwb")));
        auto *box = dialog.findChild<QCheckBox *>(QStringLiteral("allocations"));
        QVERIFY(box && box->isEnabled());
        QVERIFY(!dialog.options().trackAllocations);
        box->setChecked(true);
        const record::RecordOptions options = dialog.options();
        QVERIFY(options.trackAllocations);
        QSignalSpy finished(window_.get(), &ui::MainWindow::recordingFinished);
        QSignalSpy failed(window_.get(), &ui::MainWindow::errorShown);
        window_->startRecording(options);
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() + failed.count() > 0, 60000);
        QCOMPARE(failed.count(), 0);
        auto *live = window_->currentView();
        waitForAnalysis(live->document());
        model::AllocationStats total;
        for (const auto &s : live->document()->profile()->allocations.stats)
            total.add(s);
        // At least the workload's own: 1,000 + 10 + 100,000 calls, 1,000 B leaked (libc may add its stdio buffer).
        QVERIFY2(total.calls >= 101010 && total.leakedBytes >= 1000, qPrintable(QString::number(total.calls)));
        const QString totals = live->summary()->field(QStringLiteral("Allocations"));
        QVERIFY2(totals.startsWith(QLocale().toString(qulonglong(total.calls)) + QStringLiteral(" calls")),
                 qPrintable(totals));
        QVERIFY(!live->summary()->field(QStringLiteral("Peak heap")).isEmpty());
        live->document()->setDirty(false);
        QVERIFY(window_->closeReport(window_->reportCount() - 1));
    }

    // Help → Keyboard Shortcuts lists each key once (every tab's trees have their own
    // Copy action) and the flame graph's keys, Backspace among them.
    void shortcutListHasNoDuplicates()
    {
        QSignalSpy opened(window_.get(), &ui::MainWindow::reportOpened);
        window_->openFile(data_); // a second tab: a second set of per-view actions
        QVERIFY(opened.wait(kLoadTimeoutMs));
        QVERIFY(window_->reportCount() >= 2);
        const auto rows = window_->shortcutList();
        QSet<QString> seen;
        for (const auto &[keys, what] : rows) {
            const QString row = keys + u'|' + what;
            QVERIFY2(!seen.contains(row), qPrintable(row));
            seen.insert(row);
        }
        QVERIFY(std::any_of(rows.begin(), rows.end(), [](const auto &r) { return r.first.contains(u"Backspace"); }));
        QVERIFY(std::any_of(rows.begin(), rows.end(), [](const auto &r) { return r.first.contains(u"Esc"); }));
    }

    // The window has perfwb's icon even uninstalled (no theme entry): the compiled-in SVG.
    void windowHasTheIcon()
    {
        const QImage icon = window_->windowIcon().pixmap(48, 48).toImage();
        QVERIFY(!icon.isNull());
        QCOMPARE(icon.width(), 48);
        // The SVG's dark tile and its orange root frame, not a blank or default icon.
        QCOMPARE(icon.pixelColor(24, 4).name(), QStringLiteral("#20242b"));
        QVERIFY2(icon.pixelColor(24, 37).red() > 200, qPrintable(icon.pixelColor(24, 37).name()));
    }

    void cleanupTestCase() { window_.reset(); }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
