// SPDX-License-Identifier: GPL-3.0-or-later
#include "dashboardview.h"

#include "offendertablemodel.h"

#include "budgets/perfprofiler.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPieSeries>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace perfwb::ui {

namespace {
constexpr int kMaxSlices = 8; // the rest is one "other" slice: a pie of 100 slivers says nothing
}

DashboardView::DashboardView(budgets::PerfProfiler &profiler, QWidget *parent)
    : QWidget(parent)
    , profiler_(profiler)
    , model_(new OffenderTableModel(this))
    , sorted_(new QSortFilterProxyModel(this))
    , table_(new QTableView(this))
    , order_(new QComboBox(this))
    , totals_(new QLabel(this))
    , chart_(new QChartView(this))
    , pie_(new QPieSeries(this))
{
    sorted_->setSourceModel(model_);
    sorted_->setSortRole(OffenderTableModel::SortRole);
    table_->setObjectName(QStringLiteral("offenders"));
    table_->setModel(sorted_);
    table_->setSortingEnabled(true);
    table_->setAlternatingRowColors(true);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setSectionResizeMode(OffenderTableModel::Name, QHeaderView::Stretch);

    order_->setObjectName(QStringLiteral("offender-order"));
    order_->addItems({tr("Top by time"), tr("Top by memory")});
    connect(order_, &QComboBox::currentIndexChanged, this, &DashboardView::sortBy);
    auto *reset = new QPushButton(tr("Reset"), this);
    reset->setObjectName(QStringLiteral("profiler-reset"));
    reset->setToolTip(tr("Forget every mark and span (POST /profiler/reset)"));
    connect(reset, &QPushButton::clicked, this, &DashboardView::reset);
    totals_->setObjectName(QStringLiteral("profiler-totals"));

    auto *chart = new QChart;
    chart->addSeries(pie_);
    chart->setTitle(tr("Span time by category"));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(0, 0, 0, 0));
    chart_->setChart(chart);
    chart_->setRenderHint(QPainter::Antialiasing);
    chart_->setMinimumWidth(260);

    auto *bar = new QHBoxLayout;
    bar->addWidget(order_);
    bar->addWidget(totals_, 1);
    bar->addWidget(reset);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(table_);
    split->addWidget(chart_);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(split, 1);
    sortBy(0);
    refresh();
}

void DashboardView::sortBy(int mode)
{
    table_->sortByColumn(mode == 1 ? OffenderTableModel::MemDeltaMb : OffenderTableModel::TotalMs, Qt::DescendingOrder);
}

void DashboardView::refresh()
{
    model_->setAggregates(profiler_.aggregates());
    totals_->setText(tr("%1 marks, %2 spans").arg(profiler_.totalMarks()).arg(profiler_.totalSpans()));
    fillPie();
}

QString DashboardView::totalsText() const
{
    return totals_->text();
}

void DashboardView::fillPie()
{
    std::vector<std::pair<double, std::string>> slices;
    double total = 0;
    for (const auto &[name, stats] : profiler_.categories()) {
        if (stats.spans > 0 && stats.totalS > 0) {
            slices.emplace_back(stats.totalS, name);
            total += stats.totalS;
        }
    }
    std::sort(slices.begin(), slices.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    pie_->clear();
    double other = 0;
    for (std::size_t i = 0; i < slices.size(); ++i) {
        if (static_cast<int>(i) >= kMaxSlices - 1 && slices.size() > std::size_t(kMaxSlices)) {
            other += slices[i].first;
            continue;
        }
        pie_->append(QStringLiteral("%1 %2 %")
                         .arg(QString::fromStdString(slices[i].second))
                         .arg(100.0 * slices[i].first / total, 0, 'f', 0),
                     slices[i].first);
    }
    if (other > 0)
        pie_->append(tr("other %1 %").arg(100.0 * other / total, 0, 'f', 0), other);
    chart_->chart()->setTitle(slices.empty() ? tr("No spans yet") : tr("Span time by category"));
}

void DashboardView::reset()
{
    (void)profiler_.reset();
    refresh();
}

} // namespace perfwb::ui
