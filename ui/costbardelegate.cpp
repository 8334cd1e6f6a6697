// SPDX-License-Identifier: GPL-3.0-or-later
#include "costbardelegate.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace perfwb::ui {

CostBarDelegate::CostBarDelegate(int shareRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , shareRole_(shareRole)
{}

void CostBarDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyledItemDelegate::paint(painter, option, index);
    bool ok = false;
    const double share = std::clamp(index.data(shareRole_).toDouble(&ok), 0.0, 1.0);
    if (!ok || share <= 0)
        return;
    // Over the painted cell, translucent, so selection and alternating rows show through
    // and the number stays readable.
    QColor bar = option.palette.color(QPalette::Highlight);
    bar.setAlpha(70);
    const QRect cell = option.rect.adjusted(1, 2, -1, -2);
    const int width = std::max(1, static_cast<int>(std::lround(cell.width() * share)));
    painter->fillRect(QRect(cell.left(), cell.top(), width, cell.height()), bar);
}

} // namespace perfwb::ui
