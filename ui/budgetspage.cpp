// SPDX-License-Identifier: GPL-3.0-or-later
#include "budgetspage.h"

#include "assettablemodel.h"
#include "dashboardview.h"
#include "gaugewidget.h"
#include "jobtablemodel.h"
#include "limitseditor.h"
#include "workbenchservice.h"

#include "budgets/perfservice.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTabWidget>
#include <QVBoxLayout>

namespace perfwb::ui {

namespace {
QTableView *makeTable(QAbstractItemModel *model, QSortFilterProxyModel *sorted, QWidget *parent)
{
    sorted->setSourceModel(model);
    sorted->setSortRole(SnapshotTableModel::SortRole);
    auto *view = new QTableView(parent);
    view->setModel(sorted);
    view->setSortingEnabled(true);
    view->setAlternatingRowColors(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}
} // namespace

BudgetsPage::BudgetsPage(WorkbenchService &service, QWidget *parent)
    : QWidget(parent)
    , service_(service)
{
    banner_ = new QLabel(this);
    banner_->setObjectName(QStringLiteral("budgets-banner"));
    banner_->setWordWrap(true);
    turnOn_ = new QPushButton(tr("Turn on"), this);
    turnOn_->setObjectName(QStringLiteral("budgets-turn-on"));
    turnOn_->setToolTip(tr("Sets features.enable_perf in perfwb's config file, as `perfwb config set` does"));
    connect(turnOn_, &QPushButton::clicked, this, [this] {
        const Status st = service_.service().setEnablePerf(true);
        if (!st)
            banner_->setText(QString::fromStdString(st.message()));
        refreshFlags();
    });
    endpoint_ = new QLabel(this);
    endpoint_->setObjectName(QStringLiteral("budgets-endpoint"));
    endpoint_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *settings = new QPushButton(tr("Settings…"), this);
    connect(settings, &QPushButton::clicked, this, &BudgetsPage::settingsRequested);

    limits_ = new LimitsEditor(service_.service().budgets(), this);
    dashboard_ = new DashboardView(service_.service().profiler(), this);
    tabs_ = new QTabWidget(this);
    tabs_->addTab(limits_, tr("Limits"));
    tabs_->addTab(makeJobs(), tr("Jobs"));
    tabs_->addTab(makeAssets(), tr("Assets"));
    tabs_->addTab(dashboard_, tr("Dashboard"));

    auto *top = new QHBoxLayout;
    top->addWidget(banner_, 1);
    top->addWidget(turnOn_);
    auto *api = new QHBoxLayout;
    api->addWidget(endpoint_, 1);
    api->addWidget(settings);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(api);
    layout->addWidget(makeGauges());
    layout->addWidget(tabs_, 1);

    connect(&service_, &WorkbenchService::budgetsChanged, this, &BudgetsPage::refreshBudgets);
    connect(&service_, &WorkbenchService::profilerChanged, dashboard_, &DashboardView::refresh);
    connect(&service_, &WorkbenchService::flagsChanged, this, &BudgetsPage::refreshFlags);
    connect(&service_, &WorkbenchService::listeningChanged, this, &BudgetsPage::refreshFlags);
    connect(limits_, &LimitsEditor::applied, this, &BudgetsPage::refreshBudgets);
    refreshFlags();
    refreshBudgets();
}

QWidget *BudgetsPage::makeGauges()
{
    gaugeArea_ = new QWidget(this);
    auto *grid = new QGridLayout(gaugeArea_);
    grid->setContentsMargins(0, 0, 0, 0);
    const std::pair<Gauge, GaugeWidget *> list[] = {
        {Gauge::Cpu, new GaugeWidget(tr("CPU"), tr("%"), 0, gaugeArea_)},
        {Gauge::Memory, new GaugeWidget(tr("Memory"), tr("MB"), 0, gaugeArea_)},
        {Gauge::Vram, new GaugeWidget(tr("VRAM"), tr("MB"), 0, gaugeArea_)},
        {Gauge::RunningJobs, new GaugeWidget(tr("Running jobs"), tr("jobs"), 0, gaugeArea_)},
        {Gauge::QueueDepth, new GaugeWidget(tr("Queue depth"), tr("jobs"), 0, gaugeArea_)},
        {Gauge::LazyAssets, new GaugeWidget(tr("Lazy assets"), tr("MB"), 1, gaugeArea_)},
    };
    int i = 0;
    for (const auto &[which, gauge] : list) {
        gauges_[which] = gauge;
        grid->addWidget(gauge, i / 3, i % 3);
        ++i;
    }
    vramReason_ = new QLabel(gaugeArea_);
    vramReason_->setObjectName(QStringLiteral("vram-reason"));
    vramReason_->setWordWrap(true);
    vramReason_->setEnabled(false); // greyed text: a fact, not an error
    grid->addWidget(vramReason_, 0, 2);
    return gaugeArea_;
}

QWidget *BudgetsPage::makeJobs()
{
    jobs_ = new JobTableModel(this);
    QTableView *view = makeTable(jobs_, new QSortFilterProxyModel(this), this);
    view->setObjectName(QStringLiteral("jobs"));
    view->horizontalHeader()->setStretchLastSection(false);
    view->horizontalHeader()->setSectionResizeMode(JobTableModel::Reason, QHeaderView::Stretch);
    view->sortByColumn(JobTableModel::Id, Qt::AscendingOrder);
    return view;
}

QWidget *BudgetsPage::makeAssets()
{
    auto *page = new QWidget(this);
    assets_ = new AssetTableModel(this);
    sortedAssets_ = new QSortFilterProxyModel(this);
    assetView_ = makeTable(assets_, sortedAssets_, page);
    assetView_->setObjectName(QStringLiteral("assets"));
    auto *evict = new QPushButton(tr("Evict"), page);
    evict->setObjectName(QStringLiteral("assets-evict"));
    evict->setToolTip(tr("Unload the selected assets now (POST /budgets/assets/evict)"));
    connect(evict, &QPushButton::clicked, this, &BudgetsPage::evictSelected);
    auto *bar = new QHBoxLayout;
    bar->addStretch();
    bar->addWidget(evict);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(assetView_, 1);
    layout->addLayout(bar);
    return page;
}

void BudgetsPage::evictSelected()
{
    QStringList ids;
    for (const QModelIndex &row : assetView_->selectionModel()->selectedRows())
        ids << row.data(SnapshotTableModel::KeyRole).toString();
    for (const QString &id : ids)
        (void)service_.service().budgets().evictAssets(id.toStdString());
    refreshBudgets();
}

QString BudgetsPage::vramReason() const
{
    return vramReason_->isHidden() ? QString() : vramReason_->text();
}

void BudgetsPage::refreshBudgets()
{
    budgets::BudgetManager &b = service_.service().budgets();
    const budgets::BudgetLimits lim = b.limits();
    const budgets::HostMetrics m = b.metrics();
    const budgets::BudgetManager::QueueCounts q = b.queueCounts();
    // The sparklines' clock: steady, so a changed wall clock does not fold them.
    static QElapsedTimer clock;
    if (!clock.isValid())
        clock.start();
    const qint64 at = clock.elapsed();
    gauges_[Gauge::Cpu]->setValue(m.cpuPercent, lim.maxCpuPercent, at);
    gauges_[Gauge::Memory]->setValue(m.memUsedMb, lim.maxMemMb, at);
    gauges_[Gauge::RunningJobs]->setValue(q.running, lim.maxRunningJobs, at);
    gauges_[Gauge::QueueDepth]->setValue(q.depth(), lim.maxQueueDepth, at);
    gauges_[Gauge::LazyAssets]->setValue(b.assetsTotalMb(), lim.lazyAssetTargetMb, at);
    if (m.vramUsedMb) {
        gauges_[Gauge::Vram]->setValue(*m.vramUsedMb, lim.maxVramMb, at);
        gauges_[Gauge::Vram]->show();
        vramReason_->hide();
    } else {
        gauges_[Gauge::Vram]->hide();
        vramReason_->setText(tr("VRAM not measured: %1").arg(QString::fromStdString(b.vramUnavailableReason())));
        vramReason_->show();
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    jobs_->setJobs(b.jobs(), now);
    assets_->setAssets(b.assets(), now);
    limits_->refresh();
}

void BudgetsPage::refreshFlags()
{
    const budgets::FeatureFlags f = service_.service().flags();
    const std::string configError = service_.service().configError();
    QStringList lines;
    if (!configError.empty())
        lines << QString::fromStdString(configError);
    if (!f.budgetsEnabled())
        lines << tr("The budget manager is off: jobs are not admitted and the gauges are not updated "
                    "(features.enable_perf in %1).")
                     .arg(QString::fromStdString(service_.configPath()));
    if (!f.profilerEnabled())
        lines << tr("The profiler dashboard is off: marks and spans are refused.");
    banner_->setText(lines.join(QLatin1Char('\n')));
    banner_->setVisible(!lines.isEmpty());
    turnOn_->setVisible(!f.budgetsEnabled() || !f.profilerEnabled());
    gaugeArea_->setEnabled(f.budgetsEnabled());
    endpoint_->setText(service_.isListening()
                           ? tr("API: %1/api/perf (PERFWB_API_URL for programs recorded here)").arg(service_.url())
                           : tr("API not listening: %1").arg(service_.listenError()));
}

} // namespace perfwb::ui
