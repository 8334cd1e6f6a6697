// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "analysis/allocationcostprofile.h"
#include "model/profile.h"

#include <QFutureWatcher>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QTabWidget;

namespace perfwb::ui {

class CallTreeView;
class FlameGraphView;
class MemoryPlot;
struct ReportAnalysis;

// The Allocations page of a report recorded with allocation tracking (heaptrack_gui's
// views): the totals, a flame graph and top-down / bottom-up trees by one cost at a time
// (allocated bytes, calls, leaked, peak, temporary) and the heap in use over time with
// its peak marked. The trees and graph are an ordinary analysis of the allocation stacks
// weighted by the chosen cost (AllocationCostProfile), computed off the GUI thread.
class AllocationsView : public QWidget {
    Q_OBJECT
public:
    enum SubPage { FlameGraphTab, TopDownTab, BottomUpTab, HeapTab };

    explicit AllocationsView(QWidget *parent = nullptr);
    ~AllocationsView() override;

    void setProfile(std::shared_ptr<const model::Profile> profile);
    void setCost(analysis::AllocationCost cost);
    analysis::AllocationCost cost() const { return cost_; }

    std::shared_ptr<const ReportAnalysis> analysis() const { return analysis_; }
    QString totalsText() const;
    QComboBox *costBox() const { return costBox_; }
    QTabWidget *tabs() const { return tabs_; }
    FlameGraphView *flameGraph() const { return flame_; }
    CallTreeView *topDown() const { return topDown_; }
    CallTreeView *bottomUp() const { return bottomUp_; }
    MemoryPlot *heap() const { return heap_; }

Q_SIGNALS:
    void analysisReady();
    // The same function (by name and module) in the report's CPU views.
    void showInCpuFlameGraph(const QString &name, const QString &module);
    void showInCpuCallerCallee(const QString &name, const QString &module);

private:
    void recompute();
    void onComputed();
    void updateTotals();
    void updateHeap();
    QString nameOf(quint32 function, QString *module) const;

    QLabel *totals_;
    QComboBox *costBox_;
    QTabWidget *tabs_;
    FlameGraphView *flame_;
    CallTreeView *topDown_;
    CallTreeView *bottomUp_;
    MemoryPlot *heap_;
    std::shared_ptr<const model::Profile> profile_;
    std::shared_ptr<const ReportAnalysis> analysis_;
    analysis::AllocationCost cost_ = analysis::AllocationCost::Bytes;
    QFutureWatcher<std::shared_ptr<const ReportAnalysis>> watcher_;
    bool rerun_ = false;
};

} // namespace perfwb::ui
