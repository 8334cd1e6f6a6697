// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "flamegraphwidget.h"

#include <QWidget>

#include <string>

class QComboBox;
class QGroupBox;
class QLabel;
class QTabWidget;
class QToolButton;

namespace perfwb::ui {

class CompareSummaryView;
class ComparisonDocument;
class DiffView;
class FlameGraphSync;
class FlameGraphView;

// A comparison tab: Summary (verdict, thresholds, metrics before/after), Side by Side
// (the two runs' flame graphs, zoom, search and selection kept in step) and Diff (the
// differential flame graph and the delta table). One function is selected across all
// three, by name + module.
class CompareView : public QWidget {
    Q_OBJECT
public:
    enum Page { SummaryPage, SideBySidePage, DiffPage };

    explicit CompareView(ComparisonDocument *document, QWidget *parent = nullptr);
    ComparisonDocument *document() const { return document_; }

    CompareSummaryView *summary() const { return summary_; }
    FlameGraphView *baseGraph() const { return baseGraph_; }
    FlameGraphView *nextGraph() const { return nextGraph_; }
    DiffView *diffView() const { return diff_; }
    FlameGraphSync *sync() const { return sync_; }
    QTabWidget *tabs() const { return tabs_; }
    // Absolute (CPU time) or share of total: what colours, percentages and verdicts show.
    QComboBox *modeBox() const { return mode_; }
    void showPage(Page page);

    // Selects the function in every view (absent in a run: nothing outlined there);
    // with `zoom` the flame graphs zoom to it.
    void selectFunction(const std::string &name, const std::string &module, bool zoom);
    const std::string &selectedName() const { return selectedName_; }
    const std::string &selectedModule() const { return selectedModule_; }

    void setOrientation(FlameGraphWidget::Orientation orientation);
    void setColouring(FlameGraphWidget::Colouring colouring);

private:
    void onDiffReady();
    void refreshGraphs();
    void updateTitles();
    void applySelection(bool zoom);
    void updateModeBox();

    ComparisonDocument *document_;
    QLabel *header_;
    QToolButton *swap_;
    QComboBox *mode_;
    QTabWidget *tabs_;
    CompareSummaryView *summary_;
    QGroupBox *baseBox_;
    QGroupBox *nextBox_;
    FlameGraphView *baseGraph_;
    FlameGraphView *nextGraph_;
    DiffView *diff_;
    FlameGraphSync *sync_;
    std::string selectedName_;
    std::string selectedModule_;
    bool hasSelection_ = false;
};

} // namespace perfwb::ui
