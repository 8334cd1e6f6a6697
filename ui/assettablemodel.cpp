// SPDX-License-Identifier: GPL-3.0-or-later
#include "assettablemodel.h"

#include <QDateTime>

namespace perfwb::ui {

AssetTableModel::AssetTableModel(QObject *parent)
    : SnapshotTableModel({tr("Asset"), tr("Size MB"), tr("Last touch")}, parent)
{}

void AssetTableModel::setAssets(std::vector<budgets::LazyAssets::Asset> assets, qint64 nowMs)
{
    replace([&] {
        assets_ = std::move(assets);
        nowMs_ = nowMs;
    });
}

QVariant AssetTableModel::cell(int row, int column, int role) const
{
    const budgets::LazyAssets::Asset &a = assets_[static_cast<std::size_t>(row)];
    if (role == KeyRole)
        return QString::fromStdString(a.id);
    if (role == Qt::TextAlignmentRole)
        return column == Id ? QVariant() : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && column == LastTouch)
        return QDateTime::fromMSecsSinceEpoch(a.lastTouchUnixMs).toString(Qt::ISODateWithMs);
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    switch (column) {
    case Id:
        return QString::fromStdString(a.id);
    case Size:
        return role == SortRole ? QVariant(a.sizeMb) : QVariant(QString::number(a.sizeMb, 'f', 1));
    case LastTouch: {
        const double ago = std::max<qint64>(0, nowMs_ - a.lastTouchUnixMs) / 1000.0;
        return role == SortRole ? QVariant(ago) : QVariant(tr("%1 s ago").arg(ago, 0, 'f', 1));
    }
    default:
        return {};
    }
}

} // namespace perfwb::ui
