// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <QPointer>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QProgressBar;
class QTabWidget;
class QToolButton;

namespace perfwb::ui {

class AllocationsView;
class CallerCalleeView;
class CallTreeView;
class FlameGraphView;
class MemoryPlot;
class ReportDocument;
class SummaryView;
class TimelineWidget;

// The tabbed views of one open report. Selections made in the timeline or the
// memory plot become the document's filter, which every other view shows.
class ReportView : public QWidget {
    Q_OBJECT
public:
    // AllocationsPage is a tab only for reports with allocations (record --alloc).
    enum Page {
        SummaryPage,
        FlameGraphPage,
        TopDownPage,
        BottomUpPage,
        CallerCalleePage,
        TimelinePage,
        MemoryPage,
        AllocationsPage
    };

    explicit ReportView(ReportDocument *document, QWidget *parent = nullptr);
    ReportDocument *document() const { return document_; }

    SummaryView *summary() const { return summary_; }
    FlameGraphView *flameGraph() const { return flame_; }
    CallTreeView *topDown() const { return topDown_; }
    CallTreeView *bottomUp() const { return bottomUp_; }
    CallerCalleeView *callerCallee() const { return callerCallee_; }
    TimelineWidget *timeline() const { return timeline_; }
    MemoryPlot *memory() const { return memory_; }
    AllocationsView *allocations() const { return allocations_; }
    bool hasAllocationsPage() const;
    QTabWidget *tabs() const { return tabs_; }
    // Which event the views show, for a profile sampled with several (hidden otherwise).
    QComboBox *eventSelector() const { return eventBox_; }

    void showPage(Page page);
    // The names `perfwb FILE --page NAME` takes, in tab order ("summary", "flamegraph", …).
    static QStringList pageNames();
    static std::optional<Page> pageNamed(const QString &name);
    // A strip above the pages (the live budget gauges of a recording); nullptr removes it.
    // The view takes ownership.
    void setHeaderWidget(QWidget *widget);
    QWidget *headerWidget() const { return header_; }
    void showInFlameGraph(quint32 function);
    void showCallerCallee(quint32 function);
    // One line describing the current filter ("" when everything is shown).
    QString selectionText() const;

Q_SIGNALS:
    void selectionChanged();

private:
    void onAnalysisReady();
    void onFilterChanged();
    void onProfileChanged();
    void updateEventSelector();
    // The CPU views' function with this name and module, if they have it.
    std::optional<quint32> cpuFunction(const QString &name, const QString &module) const;

    ReportDocument *document_;
    QTabWidget *tabs_;
    QPointer<QWidget> header_;
    QWidget *eventBar_;
    QComboBox *eventBox_;
    QLabel *filterLabel_;
    QToolButton *clearFilter_;
    QWidget *filterBar_;
    QProgressBar *busy_;
    SummaryView *summary_;
    FlameGraphView *flame_;
    CallTreeView *topDown_;
    CallTreeView *bottomUp_;
    CallerCalleeView *callerCallee_;
    TimelineWidget *timeline_;
    MemoryPlot *memory_;
    AllocationsView *allocations_;
};

} // namespace perfwb::ui
