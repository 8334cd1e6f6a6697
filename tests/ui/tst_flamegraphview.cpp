// SPDX-License-Identifier: GPL-3.0-or-later
// The flame graph page opens on its data: built while its page is hidden (as a report
// opens on the Summary), its first paint when shown has the root row on screen, for a
// synthetic deep tree and for a real perf.data of deep recursion (`perf record -g` of
// the deeprecurse workload). The user scrolling away stops it following the root.
#include "flamegraphview.h"
#include "formats/profileloader.h"
#include "reportdocument.h"

#include <QDoubleSpinBox>
#include <QLabel>
#include <QProcess>
#include <QScrollArea>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace perfwb;

namespace {

using Orientation = ui::FlameGraphWidget::Orientation;

// main with half its samples in itself and half in a 150-deep chain: the chain is on the
// left half, so on the right only the root row is drawn.
std::shared_ptr<const ui::ReportAnalysis> deepChain()
{
    auto profile = std::make_shared<model::Profile>();
    const auto t = profile->internThread(1, 1, "main");
    std::vector<model::FrameId> chain{profile->internFrame("main", "demo")};
    const auto onlyMain = profile->stacks.internPath(chain);
    for (int i = 0; i < 150; ++i)
        chain.push_back(profile->internFrame("f" + std::to_string(i), "demo"));
    profile->addSample(0, t, profile->stacks.internPath(chain), 500);
    profile->addSample(1, t, onlyMain, 500);
    return ui::ReportAnalysis::compute(profile, {});
}

// Shows `view`, the second page of a tab widget or stacked widget, after it was given
// its analysis while hidden.
struct HiddenPage {
    QTabWidget tabs;
    QStackedWidget stack;
    QWidget *top;
    explicit HiddenPage(bool tabbed, ui::FlameGraphView *view)
        : top(tabbed ? static_cast<QWidget *>(&tabs) : static_cast<QWidget *>(&stack))
    {
        if (tabbed) {
            tabs.addTab(new QLabel(QStringLiteral("summary")), QStringLiteral("Summary"));
            tabs.addTab(view, QStringLiteral("Flame Graph"));
        } else {
            stack.addWidget(new QLabel(QStringLiteral("summary")));
            stack.addWidget(view);
        }
        top->resize(900, 500);
    }
    bool showPage(ui::FlameGraphView *view)
    {
        top->show();
        if (!QTest::qWaitForWindowExposed(top))
            return false;
        if (top == &tabs)
            tabs.setCurrentWidget(view);
        else
            stack.setCurrentWidget(view);
        QCoreApplication::processEvents();
        return view->isVisible();
    }
};

QScrollArea *scrollArea(const ui::FlameGraphView *view)
{
    return view->findChild<QScrollArea *>();
}

// The point in the middle of the root row's place in the viewport, in view coordinates:
// the bottom row in flame orientation, the top row in icicle.
QPoint rootRowPoint(const ui::FlameGraphView *view, double xFraction)
{
    const QWidget *viewport = scrollArea(view)->viewport();
    const int rh = view->flameGraph()->rowHeight();
    const int y = view->orientation() == Orientation::Flame ? viewport->height() - rh / 2 : rh / 2;
    return viewport->mapTo(view, QPoint(static_cast<int>(viewport->width() * xFraction), y));
}

// The root row is on screen and drawn at xFraction of the width in a graph deeper than
// the viewport (so it is there only if the view scrolled to it).
bool rootRowDrawn(ui::FlameGraphView *view, const ui::ReportAnalysis &analysis, double xFraction)
{
    auto *graph = view->flameGraph();
    const int viewportHeight = scrollArea(view)->viewport()->height();
    if (graph->height() <= viewportHeight * 2) {
        qWarning("the graph (%d px) is not much deeper than the viewport (%d px)", graph->height(), viewportHeight);
        return false;
    }
    const QPoint root = rootRowPoint(view, xFraction);
    if (view->grab().toImage().pixelColor(root) == graph->palette().color(QPalette::Base)) {
        qWarning("the root row is not drawn");
        return false;
    }
    const auto node = graph->nodeAt(graph->mapFrom(view, root));
    if (node == 0 || analysis.topDown->node(node).depth != 1) {
        qWarning("not a root row frame at the root row's place: node %u", node);
        return false;
    }
    return true;
}

} // namespace

class TestFlameGraphView : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;

private Q_SLOTS:
    void firstPaintShowsTheRootRow_data()
    {
        QTest::addColumn<bool>("tabbed");
        QTest::addColumn<bool>("icicle");
        QTest::newRow("flame, tab page") << true << false;
        QTest::newRow("flame, stacked page") << false << false;
        QTest::newRow("icicle, tab page") << true << true;
    }
    void firstPaintShowsTheRootRow()
    {
        QFETCH(bool, tabbed);
        QFETCH(bool, icicle);
        auto *view = new ui::FlameGraphView;
        HiddenPage page(tabbed, view);
        view->setOrientation(icicle ? Orientation::Icicle : Orientation::Flame);
        const auto analysis = deepChain();
        view->setAnalysis(analysis);
        QVERIFY(page.showPage(view));
        QVERIFY(rootRowDrawn(view, *analysis, 0.75)); // right half: main's self time only
    }

    void userScrollStopsFollowingTheRoot()
    {
        auto *view = new ui::FlameGraphView;
        HiddenPage page(true, view);
        view->setAnalysis(deepChain());
        QVERIFY(page.showPage(view));
        QScrollBar *bar = scrollArea(view)->verticalScrollBar();
        QCOMPARE(bar->value(), bar->maximum());
        bar->setValue(0); // the user looks at the deepest frames
        page.top->resize(900, 420);
        QCoreApplication::processEvents();
        QCOMPARE(bar->value(), 0);
        // A new orientation shows the root again, and keeps it on screen on resizes.
        view->setOrientation(Orientation::Icicle);
        view->setOrientation(Orientation::Flame);
        page.top->resize(900, 520);
        QCoreApplication::processEvents();
        QCOMPARE(bar->value(), bar->maximum());
        QVERIFY(bar->maximum() > 0);
    }

    void thresholdBoxSetsTheGraphs()
    {
        ui::FlameGraphView view;
        auto *box = view.findChild<QDoubleSpinBox *>(QStringLiteral("threshold"));
        QVERIFY(box);
        QCOMPARE(box->value(), 0.1);
        box->setValue(2.5);
        QCOMPARE(view.flameGraph()->thresholdPercent(), 2.5);
        view.setThresholdPercent(0);
        QCOMPARE(box->value(), 0.0);
        QCOMPARE(view.thresholdPercent(), 0.0);
    }

    void importedPerfDataOpensOnItsRoot()
    {
        // Frame-pointer stacks are cut at 127 frames: still far deeper than the window.
        QVERIFY(dir_.isValid());
        const QString data = dir_.filePath(QStringLiteral("deep.data"));
        QProcess perf;
        perf.start(QStringLiteral("perf"), {QStringLiteral("record"), QStringLiteral("-q"), QStringLiteral("-g"),
                                            QStringLiteral("-F"), QStringLiteral("999"), QStringLiteral("-o"), data,
                                            QStringLiteral(PERFWB_WORKLOAD_DIR "/deeprecurse"), QStringLiteral("300")});
        QVERIFY2(perf.waitForFinished(60000), "perf record did not finish");
        QVERIFY2(perf.exitStatus() == QProcess::NormalExit && perf.exitCode() == 0,
                 perf.readAllStandardError().constData());
        auto profile = std::make_shared<model::Profile>();
        const auto status = formats::ProfileLoader::load(data.toStdString(), {}, *profile);
        QVERIFY2(status, status.message().c_str());
        const auto analysis = ui::ReportAnalysis::compute(profile, {});

        auto *view = new ui::FlameGraphView;
        HiddenPage page(true, view);
        view->setAnalysis(analysis);
        QVERIFY(page.showPage(view));
        QVERIFY(rootRowDrawn(view, *analysis, 0.5));
    }
};

QTEST_MAIN(TestFlameGraphView)
#include "tst_flamegraphview.moc"
