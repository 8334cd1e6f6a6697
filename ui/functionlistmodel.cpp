// SPDX-License-Identifier: GPL-3.0-or-later
#include "functionlistmodel.h"
#include "qstrings.h"

namespace perfwb::ui {

FunctionListModel::FunctionListModel(Kind kind, QObject *parent)
    : QAbstractTableModel(parent)
    , kind_(kind)
{}

void FunctionListModel::setRows(std::shared_ptr<const analysis::FunctionTable> functions, std::vector<Row> rows,
                                std::uint64_t grandTotal)
{
    beginResetModel();
    functions_ = std::move(functions);
    rows_ = std::move(rows);
    grandTotal_ = grandTotal;
    endResetModel();
}

void FunctionListModel::clear()
{
    beginResetModel();
    functions_.reset();
    rows_.clear();
    grandTotal_ = 0;
    endResetModel();
}

int FunctionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int FunctionListModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    // Edges have one weight: the columns after WeightPercent move up by two.
    return kind_ == Functions ? ColumnCount : ColumnCount - 2;
}

QVariant FunctionListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !functions_)
        return {};
    const Row &row = rows_[static_cast<std::size_t>(index.row())];
    int column = index.column();
    if (kind_ == Edges && column >= Total)
        column += 2;
    const auto percent = [this](std::uint64_t w) {
        return grandTotal_ ? 100.0 * static_cast<double>(w) / static_cast<double>(grandTotal_) : 0.0;
    };
    if (role == FunctionRole)
        return row.function;
    if (role == Qt::TextAlignmentRole)
        return column == Function || column == Module ? QVariant() : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && column == Function)
        return qs(functions_->name(row.function));
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const bool sort = role == SortRole;
    switch (column) {
    case Function:
        return qs(functions_->name(row.function));
    case Weight:
        return sort ? QVariant(qulonglong(row.weight)) : QVariant(QString::number(row.weight));
    case WeightPercent:
        return sort ? QVariant(percent(row.weight)) : QVariant(QString::number(percent(row.weight), 'f', 2));
    case Total:
        return sort ? QVariant(qulonglong(row.total)) : QVariant(QString::number(row.total));
    case TotalPercent:
        return sort ? QVariant(percent(row.total)) : QVariant(QString::number(percent(row.total), 'f', 2));
    case Module:
        return qs(functions_->module(row.function));
    default:
        return {};
    }
}

QVariant FunctionListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= columnCount())
        return {};
    if (kind_ == Edges && section >= Total)
        section += 2;
    switch (section) {
    case Function:
        return tr("Function");
    case Weight:
        return kind_ == Functions ? tr("Self") : tr("Samples");
    case WeightPercent:
        return kind_ == Functions ? tr("Self %") : tr("%");
    case Total:
        return tr("Total");
    case TotalPercent:
        return tr("Total %");
    case Module:
        return tr("Module");
    default:
        return {};
    }
}

QModelIndex FunctionListModel::indexOfFunction(analysis::FunctionId function) const
{
    for (std::size_t i = 0; i < rows_.size(); ++i)
        if (rows_[i].function == function)
            return index(static_cast<int>(i), 0);
    return {};
}

} // namespace perfwb::ui
