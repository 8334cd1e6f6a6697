// SPDX-License-Identifier: GPL-3.0-or-later
#include "offendertablemodel.h"

namespace perfwb::ui {

OffenderTableModel::OffenderTableModel(QObject *parent)
    : SnapshotTableModel({tr("Name"), tr("Category"), tr("Count"), tr("Total ms"), tr("Mean ms"), tr("Max ms"),
                          tr("Memory Δ MB"), tr("Max Δ MB")},
                         parent)
{}

void OffenderTableModel::setAggregates(std::vector<budgets::PerfProfiler::Aggregate> aggregates)
{
    replace([&] { rows_ = std::move(aggregates); });
}

QVariant OffenderTableModel::cell(int row, int column, int role) const
{
    const budgets::PerfProfiler::Aggregate &a = rows_[static_cast<std::size_t>(row)];
    if (role == KeyRole)
        return QString::fromStdString(a.category + '/' + a.name);
    if (role == Qt::TextAlignmentRole)
        return column >= Count ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const double mean = a.count > 0 ? a.totalMs / double(a.count) : 0.0;
    const auto number = [role](double v, int decimals) {
        return role == SortRole ? QVariant(v) : QVariant(QString::number(v, 'f', decimals));
    };
    switch (column) {
    case Name:
        return QString::fromStdString(a.name);
    case Category:
        return QString::fromStdString(a.category);
    case Count:
        return role == SortRole ? QVariant(static_cast<qulonglong>(a.count)) : QVariant(QString::number(a.count));
    case TotalMs:
        return number(a.totalMs, 1);
    case MeanMs:
        return number(mean, 2);
    case MaxMs:
        return number(a.maxMs, 1);
    case MemDeltaMb:
        return number(a.memDeltaMb, 1);
    case MaxMemDeltaMb:
        return number(a.maxMemDeltaMb, 1);
    default:
        return {};
    }
}

} // namespace perfwb::ui
