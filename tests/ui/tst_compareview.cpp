// SPDX-License-Identifier: GPL-3.0-or-later
// The comparison views on two real recordings: `perf record` of the hotspot2x workload
// with factor 1 (hot_function and steady_function 50/50) and factor 2 (hot_function
// 2x slower: 2/3 of the samples). Checks the delta table (with QAbstractItemModelTester
// and sorting), the differential flame graph's colours and shapes, the Summary verdict
// and thresholds, and that zoom, search and selection stay in step across the side-by-
// side graphs and the Diff tab; then the window's Compare With… path and its exports.
#include "comparesummaryview.h"
#include "compareview.h"
#include "comparisondocument.h"
#include "deltatablemodel.h"
#include "diffview.h"
#include "flamegraphsync.h"
#include "flamegraphview.h"
#include "formats/profileloader.h"
#include "mainwindow.h"
#include "reportdocument.h"
#include "reportview.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace perfwb;

namespace {
constexpr int kTimeoutMs = 60000;

std::shared_ptr<model::Profile> load(const QString &path)
{
    auto p = std::make_shared<model::Profile>();
    const auto status = formats::ProfileLoader::load(path.toStdString(), {}, *p);
    if (!status)
        qWarning("%s", status.message().c_str());
    return p;
}

std::string nameOf(const ui::FlameGraphWidget *graph, std::uint32_t node)
{
    return std::string(graph->functions()->name(graph->tree()->node(node).function));
}

// The path of function names from the root to a node.
QStringList pathOf(const ui::FlameGraphWidget *graph, std::uint32_t node)
{
    QStringList out;
    for (const auto id : graph->tree()->pathTo(node))
        out << QString::fromStdString(nameOf(graph, id));
    return out;
}

// The heaviest top-down node of a function.
std::uint32_t heaviest(const ui::FlameGraphWidget *graph, std::string_view name)
{
    std::uint32_t best = 0;
    for (std::uint32_t i = 1; i < graph->tree()->size(); ++i)
        if (graph->functions()->name(graph->tree()->node(i).function) == name &&
            (best == 0 || graph->tree()->node(i).total > graph->tree()->node(best).total))
            best = i;
    return best;
}

std::uint32_t diffIndex(const analysis::ProfileDiff &diff, std::string_view name)
{
    for (std::uint32_t i = 0; i < diff.functions().size(); ++i)
        if (diff.functions()[i].name == name)
            return i;
    return ui::DiffFlameGraphWidget::kNone;
}

// A profile built in code: "a;b;c" stacks with weights (frequencyHz 0: rate unknown).
std::shared_ptr<model::Profile> makeProfile(const QList<QPair<QString, int>> &stacks, int frequencyHz = 0)
{
    auto profile = std::make_shared<model::Profile>();
    profile->meta.sampler.frequencyHz = frequencyHz;
    const auto t = profile->internThread(1, 1, "main");
    for (const auto &[stack, weight] : stacks) {
        std::vector<model::FrameId> frames;
        for (const auto &f : stack.split(QLatin1Char(';')))
            frames.push_back(profile->internFrame(f.toStdString(), "demo"));
        for (int i = 0; i < weight; ++i)
            profile->addSample(i, t, profile->stacks.internPath(frames), 1);
    }
    return profile;
}
} // namespace

class TestCompareView : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    QString basePath_, slowPath_;
    std::unique_ptr<ui::ComparisonDocument> doc_;
    std::unique_ptr<ui::CompareView> view_;

    void record(const QString &out, const QString &factor)
    {
        QProcess perf;
        perf.start(QStringLiteral("perf"),
                   {QStringLiteral("record"), QStringLiteral("-q"), QStringLiteral("-g"), QStringLiteral("-F"),
                    QStringLiteral("999"), QStringLiteral("-o"), out, QStringLiteral(PERFWB_WORKLOAD_DIR "/hotspot2x"),
                    factor, QStringLiteral("400")});
        QVERIFY2(perf.waitForFinished(kTimeoutMs), "perf record did not finish");
        QVERIFY2(perf.exitStatus() == QProcess::NormalExit && perf.exitCode() == 0,
                 perf.readAllStandardError().constData());
    }

    void waitUntilReady(ui::ComparisonDocument *doc)
    {
        QTRY_VERIFY_WITH_TIMEOUT(doc->diff() && !doc->isComputing(), kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(doc->base()->analysis() && !doc->base()->isAnalysing(), kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(doc->next()->analysis() && !doc->next()->isAnalysing(), kTimeoutMs);
    }

    ui::FlameGraphWidget *baseGraph() const { return view_->baseGraph()->flameGraph(); }
    ui::FlameGraphWidget *nextGraph() const { return view_->nextGraph()->flameGraph(); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(dir_.isValid());
        qputenv("FIL_PERF_OUTPUT_DIR", dir_.filePath(QStringLiteral("out")).toUtf8());
        basePath_ = dir_.filePath(QStringLiteral("base.data"));
        slowPath_ = dir_.filePath(QStringLiteral("slow.data"));
        record(basePath_, QStringLiteral("1"));
        record(slowPath_, QStringLiteral("2"));
        doc_ = std::make_unique<ui::ComparisonDocument>(load(basePath_), basePath_, load(slowPath_), slowPath_);
        view_ = std::make_unique<ui::CompareView>(doc_.get());
        view_->resize(1400, 900);
        view_->show();
        waitUntilReady(doc_.get());
        QVERIFY(baseGraph()->tree() && nextGraph()->tree());
    }

    void deltaTableFollowsTheModelContract()
    {
        ui::DeltaTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDiff(doc_->diff());
        QCOMPARE(model.rowCount(), static_cast<int>(doc_->diff()->functions().size()));
        QCOMPARE(model.columnCount(), int(ui::DeltaTableModel::ColumnCount));
        // The diff's own order: the regression first, with its verdict.
        QCOMPARE(model.index(0, ui::DeltaTableModel::Function).data().toString(), QStringLiteral("hot_function"));
        QCOMPARE(model.index(0, ui::DeltaTableModel::Verdict).data().toString(), QStringLiteral("fail"));
        QVERIFY(model.index(0, ui::DeltaTableModel::SelfDelta).data(ui::DeltaTableModel::SortRole).toDouble() > 5);
        QVERIFY(model.index(0, ui::DeltaTableModel::SelfDelta).data().toString().startsWith(QLatin1Char('+')));
        model.setDiff(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }

    void deltaTableSorts_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<Qt::SortOrder>("order");
        QTest::addColumn<QString>("first");
        // Absolute mode (both at 999 Hz): hot_function's CPU time doubles (share mode's
        // "largest drop" of steady_function is checked in modeSwitchChangesColours).
        QTest::newRow("self delta, largest growth first")
            << int(ui::DeltaTableModel::SelfDelta) << Qt::DescendingOrder << QStringLiteral("hot_function");
        QTest::newRow("self after, largest first")
            << int(ui::DeltaTableModel::SelfAfter) << Qt::DescendingOrder << QStringLiteral("hot_function");
    }
    void deltaTableSorts()
    {
        QFETCH(int, column);
        QFETCH(Qt::SortOrder, order);
        QFETCH(QString, first);
        auto *proxy = view_->diffView()->proxy();
        proxy->sort(column, order);
        QCOMPARE(proxy->index(0, ui::DeltaTableModel::Function).data().toString(), first);
        proxy->sort(-1);
    }

    void summaryShowsVerdictAndMetrics()
    {
        auto *summary = view_->summary();
        QVERIFY2(summary->verdictText().contains(QStringLiteral("FAIL")), qPrintable(summary->verdictText()));
        const auto samples = summary->metricRow(QStringLiteral("samples"));
        QCOMPARE(samples.size(), 3);
        QCOMPARE(samples[0], QStringLiteral("%1 samples").arg(doc_->base()->profile()->samples.size()));
        QVERIFY(summary->metricRow(QStringLiteral("CPU time")).size() == 3);
        // Thresholds far above the change turn the verdict into a pass.
        QSignalSpy ready(doc_.get(), &ui::ComparisonDocument::diffReady);
        summary->warnBox()->setValue(400);
        summary->failBox()->setValue(500);
        QTRY_VERIFY_WITH_TIMEOUT(!doc_->isComputing() && doc_->thresholds().failAbovePct == 500, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(summary->verdictText().contains(QStringLiteral("PASS")), kTimeoutMs);
        QCOMPARE(doc_->diff()->verdict(), analysis::DiffVerdict::Pass);
        summary->warnBox()->setValue(10);
        summary->failBox()->setValue(20);
        QTRY_VERIFY_WITH_TIMEOUT(summary->verdictText().contains(QStringLiteral("FAIL")), kTimeoutMs);
    }

    void diffGraphColoursByChange()
    {
        auto *graph = view_->diffView()->flameGraph();
        const auto &diff = *doc_->diff();
        const auto hot = graph->nodeOfFunction(diffIndex(diff, "hot_function"));
        const auto steady = graph->nodeOfFunction(diffIndex(diff, "steady_function"));
        QVERIFY(hot != 0 && steady != 0);
        QCOMPARE(diff.mode(), analysis::DiffMode::Absolute); // both recorded at 999 Hz
        const QColor h = graph->colourOf(hot);
        const QColor s = graph->colourOf(steady);
        QVERIFY2(h.red() > h.blue() + 50, qPrintable(h.name())); // twice the CPU time: red
        // Same CPU time: neutral, not "faster" although its share fell (it used to be blue).
        QCOMPARE(s, ui::DiffFlameGraphWidget::neutralColour());
        const QString tip = graph->tooltipFor(hot);
        for (const char *part : {"hot_function", "before:", "after:", "delta:", " ms", "change in CPU time"})
            QVERIFY2(tip.contains(QLatin1String(part)), qPrintable(tip));
        // Drawn where the layout says: the frame under its own centre is itself.
        QCOMPARE(graph->nodeAt(graph->nodeRect(hot).center().toPoint()), hot);
    }

    // The mode control on the real recordings: absolute by default (same rate), the legend
    // names it; share of total on the switch, where steady_function turns "faster".
    void modeSwitchChangesColours()
    {
        auto *graph = view_->diffView()->flameGraph();
        auto *box = view_->modeBox();
        QCOMPARE(box->currentIndex(), 0);
        QVERIFY2(box->currentText().contains(QStringLiteral("CPU time")), qPrintable(box->currentText()));
        QVERIFY2(view_->diffView()->legendText().contains(QStringLiteral("colour: change in CPU time")),
                 qPrintable(view_->diffView()->legendText()));
        const auto steadyColour = [&] {
            return graph->colourOf(graph->nodeOfFunction(diffIndex(*doc_->diff(), "steady_function")));
        };
        QCOMPARE(steadyColour(), ui::DiffFlameGraphWidget::neutralColour());

        QSignalSpy ready(doc_.get(), &ui::ComparisonDocument::diffReady);
        box->setCurrentIndex(1);
        QVERIFY(ready.wait(kTimeoutMs));
        QCOMPARE(doc_->diff()->mode(), analysis::DiffMode::Share);
        QVERIFY2(view_->diffView()->legendText().contains(QStringLiteral("colour: change in share of total")),
                 qPrintable(view_->diffView()->legendText()));
        QVERIFY2(steadyColour().blue() > steadyColour().red() + 50, qPrintable(steadyColour().name()));
        QVERIFY(view_->summary()->detailText().contains(QStringLiteral("change in share of total")));
        // The table follows: share points, and steady_function's share has the largest drop.
        auto *proxy = view_->diffView()->proxy();
        proxy->sort(ui::DeltaTableModel::SelfDelta, Qt::AscendingOrder);
        QCOMPARE(proxy->index(0, ui::DeltaTableModel::Function).data().toString(), QStringLiteral("steady_function"));
        QVERIFY(proxy->index(0, ui::DeltaTableModel::SelfDelta).data().toString().endsWith(QStringLiteral("pp")));
        proxy->sort(-1);

        box->setCurrentIndex(0);
        QVERIFY(ready.wait(kTimeoutMs));
        QCOMPARE(doc_->diff()->mode(), analysis::DiffMode::Absolute);
        QCOMPARE(steadyColour(), ui::DiffFlameGraphWidget::neutralColour());
    }

    // Built in code, so exact: A keeps its samples, B doubles. The unchanged frame is
    // painted in the neutral colour (not white) in absolute mode, blue in share mode.
    void unchangedFrameIsNeutral_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<bool>("neutral");
        QTest::newRow("absolute") << int(analysis::DiffMode::Absolute) << true;
        QTest::newRow("share") << int(analysis::DiffMode::Share) << false;
    }
    void unchangedFrameIsNeutral()
    {
        QFETCH(int, mode);
        QFETCH(bool, neutral);
        const auto base = makeProfile({{"main;A", 1000}, {"main;B", 1000}}, 999);
        const auto next = makeProfile({{"main;A", 1000}, {"main;B", 2000}}, 999);
        auto diff = std::make_shared<analysis::ProfileDiff>(
            analysis::ProfileDiff::compute(*base, *next, {}, static_cast<analysis::DiffMode>(mode)));
        ui::DiffFlameGraphWidget graph;
        graph.resize(1000, 200);
        graph.setDiff(diff, ui::DiffFlameGraphWidget::Shape::New);
        const auto a = graph.nodeOfFunction(diffIndex(*diff, "A"));
        QVERIFY(a != 0);
        const QColor neutralColour = ui::DiffFlameGraphWidget::neutralColour();
        QVERIFY(neutralColour != QColor(Qt::white) && neutralColour.lightness() < 235);
        QCOMPARE(graph.colourOf(a) == neutralColour, neutral);
        if (!neutral)
            QVERIFY(graph.colourOf(a).blue() > graph.colourOf(a).red() + 50); // its share fell
        // What is painted: a pixel of A's frame away from its label.
        const QImage image = graph.grab().toImage();
        const QRectF r = graph.nodeRect(a);
        const QColor painted = image.pixelColor(QPoint(int(r.right()) - 6, int(r.top()) + 2));
        QCOMPARE(painted == neutralColour, neutral);
        QVERIFY(painted != QColor(Qt::white));
    }

    // Runs without a known rate open in share mode and the legend says why.
    void shareDefaultSaysWhy()
    {
        ui::ComparisonDocument doc(makeProfile({{"main;A", 100}}), QStringLiteral("a"), makeProfile({{"main;A", 100}}),
                                   QStringLiteral("b"));
        ui::CompareView view(&doc);
        waitUntilReady(&doc);
        QTRY_VERIFY_WITH_TIMEOUT(view.diffView()->flameGraph()->diff() == doc.diff().get(), kTimeoutMs);
        QCOMPARE(doc.diff()->mode(), analysis::DiffMode::Share);
        QCOMPARE(view.modeBox()->currentIndex(), 1);
        const QString legend = view.diffView()->legendText();
        QVERIFY2(legend.contains(QStringLiteral("colour: change in share of total")), qPrintable(legend));
        QVERIFY2(legend.contains(QStringLiteral("sampling rate of either run is not known")), qPrintable(legend));
    }

    void reverseShapeShowsVanishedFrames_data()
    {
        QTest::addColumn<bool>("baseShape");
        QTest::addColumn<bool>("vanishedDrawn");
        QTest::newRow("new run's shape") << false << false;
        QTest::newRow("base run's shape") << true << true;
    }
    void reverseShapeShowsVanishedFrames()
    {
        QFETCH(bool, baseShape);
        QFETCH(bool, vanishedDrawn);
        const auto base = makeProfile({{"main;kept", 50}, {"main;gone", 50}});
        const auto next = makeProfile({{"main;kept", 100}});
        auto diff = std::make_shared<analysis::ProfileDiff>(analysis::ProfileDiff::compute(*base, *next));
        ui::DiffFlameGraphWidget graph;
        graph.resize(1000, 200);
        graph.setDiff(diff, baseShape ? ui::DiffFlameGraphWidget::Shape::Base : ui::DiffFlameGraphWidget::Shape::New);
        const auto gone = graph.nodeOfFunction(diffIndex(*diff, "gone"));
        QCOMPARE(gone != 0, vanishedDrawn);
        const auto kept = graph.nodeOfFunction(diffIndex(*diff, "kept"));
        QVERIFY(kept != 0);
        QVERIFY(graph.colourOf(kept).red() > graph.colourOf(kept).blue()); // 50 % -> 100 %
        if (vanishedDrawn) {
            QVERIFY(graph.colourOf(gone).blue() > graph.colourOf(gone).red()); // 50 % -> 0
            QVERIFY(graph.tooltipFor(gone).contains(QStringLiteral("-50.00 pp")));
            // Half the width each in the base run's shape.
            QVERIFY(std::abs(graph.nodeRect(gone).width() - 500) < 2);
        }
        QCOMPARE(graph.search(QStringLiteral("^gone$")), vanishedDrawn ? 0.5 : 0.0);
        QCOMPARE(graph.search(QStringLiteral("(")), -1.0);
    }

    void zoomStaysInStep()
    {
        view_->showPage(ui::CompareView::SideBySidePage);
        const auto node = heaviest(baseGraph(), "hot_function");
        QVERIFY(node != 0);
        baseGraph()->zoomTo(node);
        QVERIFY(nextGraph()->zoomedNode() != 0);
        QCOMPARE(pathOf(nextGraph(), nextGraph()->zoomedNode()), pathOf(baseGraph(), node));
        // And back the other way: resetting the new run's graph resets the base's.
        nextGraph()->resetZoom();
        QCOMPARE(baseGraph()->zoomedNode(), 0u);
        const auto steady = heaviest(nextGraph(), "steady_function");
        nextGraph()->zoomTo(steady);
        QCOMPARE(pathOf(baseGraph(), baseGraph()->zoomedNode()), pathOf(nextGraph(), steady));
        baseGraph()->back();
        QCOMPARE(nextGraph()->zoomedNode(), 0u);
    }

    void searchStaysInStep()
    {
        view_->baseGraph()->searchBox()->setText(QStringLiteral("hot_"));
        QCOMPARE(view_->nextGraph()->searchBox()->text(), QStringLiteral("hot_"));
        QCOMPARE(view_->diffView()->searchBox()->text(), QStringLiteral("hot_"));
        // hot_function holds about half the base run and two thirds of the slow one.
        QVERIFY2(baseGraph()->matchedShare() > 0.35 && baseGraph()->matchedShare() < 0.6,
                 qPrintable(QString::number(baseGraph()->matchedShare())));
        QVERIFY2(nextGraph()->matchedShare() > baseGraph()->matchedShare() + 0.05,
                 qPrintable(QString::number(nextGraph()->matchedShare())));
        QVERIFY(!view_->diffView()->matchedText().isEmpty());
        // Typed in the Diff tab, it reaches both graphs.
        view_->diffView()->searchBox()->setText(QStringLiteral("steady"));
        QCOMPARE(view_->nextGraph()->searchBox()->text(), QStringLiteral("steady"));
        QVERIFY(baseGraph()->matchedShare() > 0.35);
        view_->diffView()->searchBox()->clear();
        QCOMPARE(view_->baseGraph()->searchBox()->text(), QString());
        QCOMPARE(nextGraph()->matchedShare(), 0.0);
    }

    void selectionStaysInStep()
    {
        // A row of the delta table selects the function everywhere and zooms to it.
        const auto &diff = *doc_->diff();
        const auto steady = diffIndex(diff, "steady_function");
        auto *diffView = view_->diffView();
        const QModelIndex row = diffView->proxy()->mapFromSource(diffView->model()->indexOfFunction(steady));
        diffView->table()->selectionModel()->setCurrentIndex(row, QItemSelectionModel::ClearAndSelect |
                                                                      QItemSelectionModel::Rows);
        QCOMPARE(view_->selectedName(), std::string("steady_function"));
        QCOMPARE(diffView->selectedFunction(), steady);
        for (auto *graph : {baseGraph(), nextGraph()}) {
            QCOMPARE(std::string(graph->functions()->name(graph->selectedFunction())), std::string("steady_function"));
            QCOMPARE(nameOf(graph, graph->zoomedNode()), std::string("steady_function"));
        }
        baseGraph()->resetZoom();

        // A double-click on a frame in the side-by-side graphs selects its function.
        view_->showPage(ui::CompareView::SideBySidePage);
        const auto hotNode = heaviest(baseGraph(), "hot_function");
        const QPoint centre = baseGraph()->nodeRect(hotNode).center().toPoint();
        QCOMPARE(baseGraph()->nodeAt(centre), hotNode);
        QTest::mouseDClick(baseGraph(), Qt::LeftButton, {}, centre);
        QCOMPARE(view_->selectedName(), std::string("hot_function"));
        QCOMPARE(std::string(nextGraph()->functions()->name(nextGraph()->selectedFunction())),
                 std::string("hot_function"));
        const auto current = diffView->table()->currentIndex();
        QCOMPARE(current.siblingAtColumn(ui::DeltaTableModel::Function).data().toString(),
                 QStringLiteral("hot_function"));
        QCOMPARE(diffView->selectedFunction(), diffIndex(diff, "hot_function"));
    }

    void swapTradesTheRuns()
    {
        const QString before = doc_->base()->path();
        QSignalSpy ready(doc_.get(), &ui::ComparisonDocument::diffReady);
        doc_->swap();
        QVERIFY(ready.wait(kTimeoutMs));
        QCOMPARE(doc_->base()->path(), slowPath_);
        QCOMPARE(doc_->next()->path(), before);
        // Now the run is shorter (total time passes). In absolute mode hot_function's halved
        // CPU time is the largest change and steady_function, whose share grows but whose
        // time does not, is no regression (in share mode it was one).
        QCOMPARE(doc_->diff()->totalVerdict(), analysis::DiffVerdict::Pass);
        // The workload's two functions, not the whole verdict: a kernel function of a few
        // samples can move by more than the fail threshold in real recordings made on a
        // busy machine (seen once under ctest -j2), which is not what swapping is about.
        for (const auto &f : doc_->diff()->functions()) {
            if (f.name == "hot_function" || f.name == "steady_function")
                QVERIFY2(f.verdict == analysis::DiffVerdict::Pass, f.name.c_str());
            else if (f.verdict != analysis::DiffVerdict::Pass)
                qInfo("noise beyond the thresholds: %s", f.name.c_str());
        }
        QCOMPARE(doc_->diff()->functions().front().name, std::string("hot_function"));
        QTRY_VERIFY_WITH_TIMEOUT(baseGraph()->tree() == doc_->base()->analysis()->topDown.get(), kTimeoutMs);
        QCOMPARE(view_->diffView()->model()->index(0, 0).data().toString(), QStringLiteral("hot_function"));
        // The selection survives, by name.
        QCOMPARE(std::string(baseGraph()->functions()->name(baseGraph()->selectedFunction())),
                 std::string("hot_function"));
        doc_->swap();
        QVERIFY(ready.wait(kTimeoutMs));
        QCOMPARE(doc_->base()->path(), basePath_);
    }

    void windowComparesAndExports()
    {
        qRegisterMetaType<ui::ReportView *>();
        qRegisterMetaType<ui::CompareView *>();
        ui::MainWindow window;
        window.resize(1200, 800);
        window.show();
        QSignalSpy opened(&window, &ui::MainWindow::reportOpened);
        window.openFile(basePath_);
        QVERIFY(opened.wait(kTimeoutMs));
        QVERIFY(window.action(QStringLiteral("compare"))->isEnabled());
        QSignalSpy compared(&window, &ui::MainWindow::comparisonOpened);
        window.compareWith(slowPath_);
        QVERIFY(compared.wait(kTimeoutMs));
        auto *view = compared.first().first().value<ui::CompareView *>();
        QCOMPARE(window.currentComparison(), view);
        QCOMPARE(window.reportCount(), 2);
        waitUntilReady(view->document());
        QCOMPARE(view->document()->diff()->verdict(), analysis::DiffVerdict::Fail);
        QVERIFY(!window.action(QStringLiteral("compare"))->isEnabled());
        QVERIFY(!window.action(QStringLiteral("export-speedscope"))->isEnabled()); // per-run formats
        // Every comparison output `perfwb diff --to` writes, named as it names them.
        for (const auto &[format, suffix] :
             {std::pair{QStringLiteral("html"), QStringLiteral("-diff.html")},
              std::pair{QStringLiteral("svg"), QStringLiteral("-diff-flamegraph.svg")},
              std::pair{QStringLiteral("svg-reverse"), QStringLiteral("-diff-reverse-flamegraph.svg")},
              std::pair{QStringLiteral("markdown"), QStringLiteral("-before_after.md")},
              std::pair{QStringLiteral("json"), QStringLiteral("-diff.json")}}) {
            auto *action = window.action(QStringLiteral("export-") + format);
            QVERIFY(action && action->isEnabled());
            QSignalSpy done(&window, &ui::MainWindow::exportFinished);
            action->trigger();
            QVERIFY(done.wait(kTimeoutMs));
            const QString path = done.first().first().toString();
            QVERIFY2(path.endsWith(suffix), qPrintable(path));
            QCOMPARE(QFileInfo(path).absolutePath(), QDir(dir_.filePath(QStringLiteral("out"))).absolutePath());
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            // Markdown escapes the underscore.
            QVERIFY2(bytes.contains(format == QLatin1String("markdown") ? "hot\\_function" : "hot_function"),
                     qPrintable(path));
            // The text outputs list changes only; the pictures show every function.
            if (format != QLatin1String("markdown") && format != QLatin1String("json"))
                QVERIFY(bytes.contains("steady_function"));
        }
        // Closing the comparison leaves the report.
        QVERIFY(window.closeReport(1));
        QCOMPARE(window.reportCount(), 1);
        QVERIFY(window.currentView() != nullptr);

        // Both files at once (`perfwb --compare BASE NEW`), and a bad second file.
        compared.clear();
        window.compareFiles(basePath_, slowPath_);
        QVERIFY(compared.wait(kTimeoutMs));
        QCOMPARE(window.reportCount(), 2);
        QSignalSpy errors(&window, &ui::MainWindow::errorShown);
        window.compareFiles(basePath_, dir_.filePath(QStringLiteral("missing.perfwb")));
        QVERIFY(errors.wait(kTimeoutMs));
        QCOMPARE(window.reportCount(), 2);
        QVERIFY(errors.first().first().toString().contains(QStringLiteral("missing.perfwb")));
    }

    void screenshot()
    {
        // Kept as an artifact next to the test binary (docs/screenshots has a copy).
        const QString out = QCoreApplication::applicationDirPath() + QStringLiteral("/screenshots");
        QDir().mkpath(out);
        for (const auto &[page, name] :
             {std::pair{ui::CompareView::DiffPage, QStringLiteral("compare-diff")},
              std::pair{ui::CompareView::SideBySidePage, QStringLiteral("compare-sidebyside")},
              std::pair{ui::CompareView::SummaryPage, QStringLiteral("compare-summary")}}) {
            view_->showPage(page);
            QApplication::processEvents();
            const QImage image = view_->grab().toImage();
            QVERIFY(!image.isNull());
            QVERIFY(image.save(out + QLatin1Char('/') + name + QStringLiteral(".png")));
        }
    }
};

QTEST_MAIN(TestCompareView)
#include "tst_compareview.moc"
