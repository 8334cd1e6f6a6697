// SPDX-License-Identifier: GPL-3.0-or-later
#include "allocationsview.h"

#include "calltreeview.h"
#include "flamegraphview.h"
#include "memoryplot.h"
#include "profiletimerange.h"
#include "reportdocument.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QTabWidget>
#include <QtConcurrent/QtConcurrentRun>
#include <QVBoxLayout>

namespace perfwb::ui {

namespace {

QString bytes(std::uint64_t n)
{
    return QLocale().formattedDataSize(static_cast<qint64>(n), 1, QLocale::DataSizeIecFormat);
}

QString count(std::uint64_t n)
{
    return QLocale().toString(static_cast<qulonglong>(n));
}

struct CostChoice {
    analysis::AllocationCost cost;
    const char *label;
    const char *tip;
};

constexpr CostChoice kCosts[] = {
    {analysis::AllocationCost::Bytes, QT_TRANSLATE_NOOP("perfwb::ui::AllocationsView", "Allocated bytes"),
     QT_TRANSLATE_NOOP("perfwb::ui::AllocationsView", "Bytes requested by each call path over the whole run")},
    {analysis::AllocationCost::Count, QT_TRANSLATE_NOOP("perfwb::ui::AllocationsView", "Allocations (calls)"),
     QT_TRANSLATE_NOOP("perfwb::ui::AllocationsView", "Number of malloc-family calls by each call path")},
    {analysis::AllocationCost::Leaked, QT_TRANSLATE_NOOP("perfwb::ui::AllocationsView", "Leaked bytes"),
     QT_TRANSLATE_NOOP("perfwb::ui::AllocationsView", "Bytes still allocated when the program ended")},
    {analysis::AllocationCost::Peak, QT_TRANSLATE_NOOP("perfwb::ui::AllocationsView", "Peak heap"),
     QT_TRANSLATE_NOOP("perfwb::ui::AllocationsView", "Bytes each call path held at the moment of the peak heap")},
    {analysis::AllocationCost::Temporary, QT_TRANSLATE_NOOP("perfwb::ui::AllocationsView", "Temporary allocations"),
     QT_TRANSLATE_NOOP("perfwb::ui::AllocationsView", "Allocations freed before the thread allocated anything else")},
};

std::shared_ptr<const ReportAnalysis> analyse(const std::shared_ptr<const model::Profile> &source,
                                              analysis::AllocationCost cost)
{
    auto derived = analysis::AllocationCostProfile::build(*source, cost);
    if (!derived)
        return nullptr;
    return ReportAnalysis::compute(std::make_shared<const model::Profile>(std::move(derived.value())), {});
}

} // namespace

AllocationsView::AllocationsView(QWidget *parent)
    : QWidget(parent)
    , totals_(new QLabel(this))
    , costBox_(new QComboBox(this))
    , tabs_(new QTabWidget(this))
    , flame_(new FlameGraphView(this))
    , topDown_(new CallTreeView(CallTreeView::Kind::TopDown, this))
    , bottomUp_(new CallTreeView(CallTreeView::Kind::BottomUp, this))
    , heap_(new MemoryPlot(this))
{
    totals_->setObjectName(QStringLiteral("allocation-totals"));
    totals_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    totals_->setWordWrap(true);
    for (const auto &c : kCosts) {
        costBox_->addItem(tr(c.label), static_cast<int>(c.cost));
        costBox_->setItemData(costBox_->count() - 1, tr(c.tip), Qt::ToolTipRole);
    }
    auto *costLabel = new QLabel(tr("&Cost:"), this);
    costLabel->setBuddy(costBox_);
    auto *bar = new QHBoxLayout;
    bar->addWidget(totals_, 1);
    bar->addWidget(costLabel);
    bar->addWidget(costBox_);
    tabs_->setDocumentMode(true);
    tabs_->addTab(flame_, tr("Flame Graph"));
    tabs_->addTab(topDown_, tr("Top-Down"));
    tabs_->addTab(bottomUp_, tr("Bottom-Up"));
    tabs_->addTab(heap_, tr("Heap"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 0);
    layout->addLayout(bar);
    layout->addWidget(tabs_, 1);

    connect(costBox_, &QComboBox::currentIndexChanged, this,
            [this](int index) { setCost(static_cast<analysis::AllocationCost>(costBox_->itemData(index).toInt())); });
    connect(&watcher_, &QFutureWatcherBase::finished, this, &AllocationsView::onComputed);
    // Within the page: a tree's "Show in Flame Graph" goes to the allocation flame graph.
    // Across pages: a frame's double-click and a tree's "Show Callers/Callees" go to the
    // same function in the CPU views.
    for (auto *tree : {topDown_, bottomUp_}) {
        connect(tree, &CallTreeView::showInFlameGraph, this, [this](quint32 function) {
            flame_->showFunction(function);
            tabs_->setCurrentIndex(FlameGraphTab);
        });
        connect(tree, &CallTreeView::showCallerCallee, this, [this](quint32 function) {
            QString module;
            const QString name = nameOf(function, &module);
            if (!name.isEmpty())
                Q_EMIT showInCpuCallerCallee(name, module);
        });
    }
    connect(flame_, &FlameGraphView::nodeActivated, this, [this](quint32 function) {
        QString module;
        const QString name = nameOf(function, &module);
        if (!name.isEmpty())
            Q_EMIT showInCpuFlameGraph(name, module);
    });
}

AllocationsView::~AllocationsView()
{
    watcher_.waitForFinished(); // the worker holds only shared pointers; end it orderly
}

void AllocationsView::setProfile(std::shared_ptr<const model::Profile> profile)
{
    profile_ = std::move(profile);
    updateTotals();
    updateHeap();
    recompute();
}

void AllocationsView::setCost(analysis::AllocationCost cost)
{
    const int index = costBox_->findData(static_cast<int>(cost));
    if (index >= 0 && index != costBox_->currentIndex()) {
        costBox_->setCurrentIndex(index); // comes back here through the signal
        return;
    }
    if (cost == cost_ && analysis_)
        return;
    cost_ = cost;
    recompute();
}

void AllocationsView::recompute()
{
    if (!profile_ || profile_->allocations.empty())
        return;
    if (watcher_.isRunning()) {
        rerun_ = true; // only the newest request matters
        return;
    }
    rerun_ = false;
    watcher_.setFuture(QtConcurrent::run(analyse, profile_, cost_));
}

void AllocationsView::onComputed()
{
    if (rerun_) {
        recompute();
        return;
    }
    analysis_ = watcher_.result();
    flame_->setAnalysis(analysis_);
    topDown_->setAnalysis(analysis_);
    bottomUp_->setAnalysis(analysis_);
    Q_EMIT analysisReady();
}

QString AllocationsView::nameOf(quint32 function, QString *module) const
{
    if (!analysis_ || function >= analysis_->functions->size())
        return {};
    const auto name = analysis_->functions->name(function);
    const auto mod = analysis_->functions->module(function);
    *module = QString::fromUtf8(mod.data(), static_cast<qsizetype>(mod.size()));
    return QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()));
}

QString AllocationsView::totalsText() const
{
    return totals_->text();
}

void AllocationsView::updateTotals()
{
    if (!profile_ || profile_->allocations.empty()) {
        totals_->clear();
        return;
    }
    const auto &a = profile_->allocations;
    const model::AllocationStats &t = a.totals;
    const ProfileTimeRange range = ProfileTimeRange::of(*profile_);
    const double peakAt = range.valid() ? static_cast<double>(a.peakTimeNs - range.begin) / 1e9 : 0.0;
    // A short run peaks within milliseconds: "at 0.00 s" would say nothing.
    const QString when = peakAt < 1.0 ? tr("%L1 ms").arg(peakAt * 1e3, 0, 'f', 1) : tr("%L1 s").arg(peakAt, 0, 'f', 2);
    totals_->setText(tr("%1 calls, %2 allocated · peak %3 at %4 · leaked %5 in %6 blocks · %7 temporary")
                         .arg(count(t.calls), bytes(t.bytes), bytes(t.peakBytes), when, bytes(t.leakedBytes),
                              count(t.leakedBlocks), count(t.temporary)));
}

void AllocationsView::updateHeap()
{
    // The heap in use alone, with a mark where it peaked.
    auto heap = std::make_shared<model::Profile>();
    if (profile_) {
        for (const auto &timeline : profile_->timelines)
            if (timeline.name == model::timelines::kHeap)
                heap->timelines.push_back(timeline);
        const auto &a = profile_->allocations;
        if (!a.empty() && a.totals.peakBytes > 0)
            heap->marks.push_back(model::Mark{tr("peak %1").arg(bytes(a.totals.peakBytes)).toStdString(), "allocations",
                                              a.peakTimeNs, a.peakTimeNs, 0});
    }
    heap_->setProfile(heap);
}

} // namespace perfwb::ui
