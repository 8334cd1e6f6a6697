// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <QStyledItemDelegate>

namespace perfwb::ui {

// Draws a cell as usual with a bar across its width in proportion to the cell's share
// of the total (the model's `shareRole`, 0..1), as hotspot and heaptrack_gui do in
// their cost columns: the eye finds the heavy rows before reading a number.
class CostBarDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    CostBarDelegate(int shareRole, QObject *parent = nullptr);
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int shareRole_;
};

} // namespace perfwb::ui
