// SPDX-License-Identifier: GPL-3.0-or-later
#include "middleelidedelegate.h"

namespace perfwb::ui {

void MiddleElideDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    option->textElideMode = Qt::ElideMiddle;
}

} // namespace perfwb::ui
