// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportview.h"

#include "allocationsview.h"
#include "callercalleeview.h"
#include "calltreeview.h"
#include "flamegraphview.h"
#include "memoryplot.h"
#include "reportdocument.h"
#include "summaryview.h"
#include "timelinewidget.h"

#include "analysis/treematch.h"
#include "model/profileevents.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QSignalBlocker>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <array>
#include <limits>

namespace perfwb::ui {

namespace {
struct PageName {
    const char *name;
    ReportView::Page page;
};

// Stable names for docs and links from CI summaries.
constexpr std::array kPageNames{
    PageName{"summary", ReportView::SummaryPage},
    PageName{"flamegraph", ReportView::FlameGraphPage},
    PageName{"topdown", ReportView::TopDownPage},
    PageName{"bottomup", ReportView::BottomUpPage},
    PageName{"callercallee", ReportView::CallerCalleePage},
    PageName{"timeline", ReportView::TimelinePage},
    PageName{"memory", ReportView::MemoryPage},
    PageName{"allocations", ReportView::AllocationsPage},
};
} // namespace

ReportView::ReportView(ReportDocument *document, QWidget *parent)
    : QWidget(parent)
    , document_(document)
    , tabs_(new QTabWidget(this))
    , eventBar_(new QWidget(this))
    , eventBox_(new QComboBox(this))
    , filterLabel_(new QLabel(this))
    , clearFilter_(new QToolButton(this))
    , filterBar_(new QWidget(this))
    , busy_(new QProgressBar(this))
    , summary_(new SummaryView(this))
    , flame_(new FlameGraphView(this))
    , topDown_(new CallTreeView(CallTreeView::Kind::TopDown, this))
    , bottomUp_(new CallTreeView(CallTreeView::Kind::BottomUp, this))
    , callerCallee_(new CallerCalleeView(this))
    , timeline_(new TimelineWidget(this))
    , memory_(new MemoryPlot(this))
    , allocations_(new AllocationsView(this))
{
    allocations_->hide(); // a tab only when the report has allocations
    tabs_->setDocumentMode(true);
    tabs_->addTab(summary_, tr("Summary"));
    tabs_->addTab(flame_, tr("Flame Graph"));
    tabs_->addTab(topDown_, tr("Top-Down"));
    tabs_->addTab(bottomUp_, tr("Bottom-Up"));
    tabs_->addTab(callerCallee_, tr("Caller/Callee"));
    tabs_->addTab(timeline_, tr("Timeline"));
    tabs_->addTab(memory_, tr("Memory"));

    // A bar above the tabs says what the views are filtered to, with a way out.
    clearFilter_->setText(tr("Show All"));
    clearFilter_->setToolTip(tr("Clear the time range and thread selection"));
    busy_->setRange(0, 0);
    busy_->setMaximumWidth(160);
    busy_->setFormat(tr("Analysing…"));
    busy_->setTextVisible(true);
    busy_->hide();
    auto *barLayout = new QHBoxLayout(filterBar_);
    barLayout->setContentsMargins(6, 2, 6, 2);
    barLayout->addWidget(filterLabel_, 1);
    barLayout->addWidget(clearFilter_);
    filterBar_->hide();
    // Each event is its own cost: the views show one at a time, as hotspot's cost selector.
    eventBox_->setObjectName(QStringLiteral("event-selector"));
    eventBox_->setToolTip(tr("The event the views show: samples of different events are never added up"));
    auto *eventLayout = new QHBoxLayout(eventBar_);
    eventLayout->setContentsMargins(6, 2, 6, 2);
    auto *eventLabel = new QLabel(tr("Event:"), eventBar_);
    eventLabel->setBuddy(eventBox_);
    eventLayout->addWidget(eventLabel);
    eventLayout->addWidget(eventBox_);
    eventBar_->hide();
    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(eventBar_);
    top->addWidget(filterBar_, 1);
    top->addStretch();
    top->addWidget(busy_);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(top);
    layout->addWidget(tabs_, 1);

    connect(clearFilter_, &QToolButton::clicked, document_, &ReportDocument::clearFilter);
    connect(eventBox_, &QComboBox::currentIndexChanged, document_, [this](int index) {
        if (index >= 0)
            document_->setEventIndex(static_cast<std::size_t>(index));
    });
    connect(document_, &ReportDocument::analysisReady, this, &ReportView::onAnalysisReady);
    connect(document_, &ReportDocument::analysisStarted, busy_, &QWidget::show);
    connect(document_, &ReportDocument::filterChanged, this, &ReportView::onFilterChanged);
    connect(document_, &ReportDocument::profileChanged, this, &ReportView::onProfileChanged);
    connect(timeline_, &TimelineWidget::timeRangeSelected, document_, &ReportDocument::setTimeRange);
    connect(memory_, &MemoryPlot::timeRangeSelected, document_, &ReportDocument::setTimeRange);
    connect(timeline_, &TimelineWidget::threadSelectionChanged, document_, [this](const QVector<bool> &threads) {
        document_->setThreads(std::vector<bool>(threads.begin(), threads.end()));
    });
    for (auto *tree : {topDown_, bottomUp_}) {
        connect(tree, &CallTreeView::showInFlameGraph, this, &ReportView::showInFlameGraph);
        connect(tree, &CallTreeView::showCallerCallee, this, &ReportView::showCallerCallee);
    }
    connect(callerCallee_, &CallerCalleeView::showInFlameGraph, this, &ReportView::showInFlameGraph);
    connect(summary_, &SummaryView::functionActivated, this, &ReportView::showCallerCallee);
    connect(allocations_, &AllocationsView::showInCpuFlameGraph, this,
            [this](const QString &name, const QString &module) {
                if (const auto f = cpuFunction(name, module))
                    showInFlameGraph(*f);
                else
                    showPage(FlameGraphPage); // no CPU samples in it: the graph, unzoomed
            });
    connect(allocations_, &AllocationsView::showInCpuCallerCallee, this,
            [this](const QString &name, const QString &module) {
                if (const auto f = cpuFunction(name, module))
                    showCallerCallee(*f);
            });
    connect(flame_, &FlameGraphView::nodeActivated, this, [this](quint32 function) {
        topDown_->selectFunction(function);
        showPage(TopDownPage);
    });

    onProfileChanged();
    if (document_->analysis())
        onAnalysisReady();
    else
        busy_->show();
}

void ReportView::setHeaderWidget(QWidget *widget)
{
    auto *layout = static_cast<QVBoxLayout *>(this->layout());
    if (header_)
        header_->deleteLater();
    header_ = widget;
    if (widget != nullptr)
        layout->insertWidget(0, widget); // above the filter bar and the pages
}

void ReportView::showPage(Page page)
{
    // Without allocations the nearest page is Memory (RSS and CPU over time).
    if (page == AllocationsPage && !hasAllocationsPage())
        page = MemoryPage;
    tabs_->setCurrentIndex(page);
}

QStringList ReportView::pageNames()
{
    QStringList names;
    for (const auto &p : kPageNames)
        names << QLatin1String(p.name);
    return names;
}

std::optional<ReportView::Page> ReportView::pageNamed(const QString &name)
{
    for (const auto &p : kPageNames)
        if (name == QLatin1String(p.name))
            return p.page;
    return std::nullopt;
}

void ReportView::showInFlameGraph(quint32 function)
{
    flame_->showFunction(function);
    showPage(FlameGraphPage);
}

void ReportView::showCallerCallee(quint32 function)
{
    callerCallee_->selectFunction(function);
    showPage(CallerCalleePage);
}

void ReportView::onAnalysisReady()
{
    busy_->setVisible(document_->isAnalysing());
    const auto analysis = document_->analysis();
    summary_->setAnalysis(analysis);
    flame_->setAnalysis(analysis);
    topDown_->setAnalysis(analysis);
    bottomUp_->setAnalysis(analysis);
    callerCallee_->setAnalysis(analysis);
    Q_EMIT selectionChanged();
}

void ReportView::onProfileChanged()
{
    const auto profile = document_->profile();
    timeline_->setProfile(profile);
    memory_->setProfile(profile);
    const bool hasAllocations = profile && !profile->allocations.empty();
    if (hasAllocations && !hasAllocationsPage())
        tabs_->insertTab(AllocationsPage, allocations_, tr("Allocations"));
    else if (!hasAllocations && hasAllocationsPage())
        tabs_->removeTab(AllocationsPage);
    if (hasAllocations)
        allocations_->setProfile(profile);
    updateEventSelector();
    onFilterChanged();
}

void ReportView::updateEventSelector()
{
    const auto events = document_->events();
    const auto source = document_->sourceProfile();
    eventBar_->setVisible(events.size() > 1 && source);
    if (events.size() < 2 || !source) {
        eventBox_->clear();
        return;
    }
    const QSignalBlocker block(eventBox_);
    const auto counts = model::ProfileEvents::sampleCounts(*source);
    eventBox_->clear();
    for (std::size_t i = 0; i < events.size(); ++i)
        eventBox_->addItem(tr("%1 (%Ln sample(s))", nullptr, static_cast<int>(counts.at(i)))
                               .arg(QString::fromStdString(events[i].name)));
    eventBox_->setCurrentIndex(static_cast<int>(document_->eventIndex()));
}

bool ReportView::hasAllocationsPage() const
{
    return tabs_->indexOf(allocations_) == AllocationsPage;
}

std::optional<quint32> ReportView::cpuFunction(const QString &name, const QString &module) const
{
    const auto analysis = document_->analysis();
    if (!analysis)
        return std::nullopt;
    const auto f = analysis::TreeMatch::findFunction(*analysis->functions, name.toStdString(), module.toStdString());
    if (f == analysis::kNoFunction)
        return std::nullopt;
    return f;
}

QString ReportView::selectionText() const
{
    const auto &f = document_->filter();
    if (f.isEmpty() || !document_->profile())
        return {};
    QStringList parts;
    const auto origin = document_->profile()->firstSampleTime();
    if (f.beginNs != std::numeric_limits<std::int64_t>::min() || f.endNs != std::numeric_limits<std::int64_t>::max())
        parts << tr("%1 s – %2 s")
                     .arg(static_cast<double>(f.beginNs - origin) / 1e9, 0, 'f', 3)
                     .arg(static_cast<double>(f.endNs - origin) / 1e9, 0, 'f', 3);
    if (!f.threads.empty())
        parts << tr("%1 of %2 threads")
                     .arg(std::count(f.threads.begin(), f.threads.end(), true))
                     .arg(document_->profile()->threads().size());
    return parts.join(QStringLiteral(", "));
}

void ReportView::onFilterChanged()
{
    const auto &f = document_->filter();
    const bool hasRange =
        f.beginNs != std::numeric_limits<std::int64_t>::min() || f.endNs != std::numeric_limits<std::int64_t>::max();
    if (hasRange) {
        timeline_->setSelection(f.beginNs, f.endNs);
        memory_->setTimeRange(f.beginNs, f.endNs);
    } else {
        timeline_->clearSelection();
        memory_->setTimeRange(0, 0);
    }
    const QString text = selectionText();
    filterLabel_->setText(tr("Showing the selection: %1").arg(text));
    filterBar_->setVisible(!text.isEmpty());
    Q_EMIT selectionChanged();
}

} // namespace perfwb::ui
