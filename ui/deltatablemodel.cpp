// SPDX-License-Identifier: GPL-3.0-or-later
#include "deltatablemodel.h"
#include "enginetext.h"
#include "qstrings.h"

#include "formats/difftext.h"

#include <QBrush>
#include <QColor>

#include <cmath>
#include <limits>

namespace perfwb::ui {

DeltaTableModel::DeltaTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void DeltaTableModel::setDiff(std::shared_ptr<const analysis::ProfileDiff> diff)
{
    beginResetModel();
    diff_ = std::move(diff);
    endResetModel();
}

int DeltaTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !diff_ ? 0 : static_cast<int>(diff_->functions().size());
}

int DeltaTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DeltaTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !diff_)
        return {};
    const auto &fn = diff_->functions()[static_cast<std::size_t>(index.row())];
    const int column = index.column();
    if (role == FunctionIndexRole)
        return index.row();
    if (role == SortRole) {
        switch (column) {
        case Function:
            return qs(fn.name);
        case Module:
            return qs(fn.module);
        case SelfBefore:
            return fn.selfValueBefore;
        case SelfAfter:
            return fn.selfValueAfter;
        case SelfDelta:
            return fn.selfDelta();
        case SelfRelative: {
            // A function new in the run has an infinite relative change: sort it first.
            const double r = fn.selfRelativePct();
            return std::isfinite(r) ? r : std::numeric_limits<double>::max();
        }
        case TotalBefore:
            return fn.totalValueBefore;
        case TotalAfter:
            return fn.totalValueAfter;
        case TotalDelta:
            return fn.totalDelta();
        case Verdict:
            return static_cast<int>(fn.verdict);
        default:
            return {};
        }
    }
    if (role == Qt::DisplayRole) {
        const auto value = [this](double v) { return qs(formats::DiffText::formatModeValue(*diff_, v)); };
        switch (column) {
        case Function:
            return fn.name.empty() ? QStringLiteral("[unknown]") : qs(fn.name);
        case Module:
            return qs(fn.module);
        case SelfBefore:
            return value(fn.selfValueBefore);
        case SelfAfter:
            return value(fn.selfValueAfter);
        case SelfDelta:
            return qs(formats::DiffText::formatDelta(*diff_, fn.selfDelta()));
        case SelfRelative:
            return EngineText::translate(formats::DiffText::formatRelative(fn.selfRelativePct()));
        case TotalBefore:
            return value(fn.totalValueBefore);
        case TotalAfter:
            return value(fn.totalValueAfter);
        case TotalDelta:
            return qs(formats::DiffText::formatDelta(*diff_, fn.totalDelta()));
        case Verdict:
            if (!fn.considered)
                return tr("below min share");
            if (!fn.significant)
                return tr("within noise");
            return EngineText::translate(analysis::diffVerdictName(fn.verdict));
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && column != Function && column != Module && column != Verdict)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && (column == SelfDelta || column == SelfRelative || column == TotalDelta)) {
        // The neutral band of the graph: small or noise-sized changes stay uncoloured.
        const bool total = column == TotalDelta;
        const double rel = total ? fn.totalRelativePct() : fn.selfRelativePct();
        if (std::abs(rel) < analysis::ProfileDiff::kNeutralRelPct || (!total && !fn.significant))
            return {};
        const double d = total ? fn.totalDelta() : fn.selfDelta();
        return QBrush(d > 0 ? QColor(190, 30, 30) : QColor(30, 70, 190)); // red slower, blue faster
    }
    if (role == Qt::BackgroundRole && column == Verdict && fn.verdict != analysis::DiffVerdict::Pass)
        return QBrush(fn.verdict == analysis::DiffVerdict::Fail ? QColor(255, 205, 205) : QColor(255, 235, 190));
    if (role == Qt::ToolTipRole)
        // One multi-argument arg(): a '%' in a function name is never taken for a placeholder.
        return tr("%1 [%2]\nself: %3 → %4 %5\ntotal: %6 → %7 %5")
            .arg(qs(fn.name), qs(fn.module), QString::number(fn.selfBefore), QString::number(fn.selfAfter),
                 qs(diff_->weightUnit), QString::number(fn.totalBefore), QString::number(fn.totalAfter));
    return {};
}

QVariant DeltaTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Function:
        return tr("Function");
    case Module:
        return tr("Module");
    case SelfBefore:
        return tr("Self before");
    case SelfAfter:
        return tr("Self after");
    case SelfDelta:
        return tr("Δ self");
    case SelfRelative:
        return tr("Δ self (rel.)");
    case TotalBefore:
        return tr("Total before");
    case TotalAfter:
        return tr("Total after");
    case TotalDelta:
        return tr("Δ total");
    case Verdict:
        return tr("Verdict");
    default:
        return {};
    }
}

QModelIndex DeltaTableModel::indexOfFunction(std::uint32_t function) const
{
    if (!diff_ || function >= diff_->functions().size())
        return {};
    return index(static_cast<int>(function), 0);
}

} // namespace perfwb::ui
