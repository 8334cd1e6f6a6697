// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <QStyledItemDelegate>

namespace perfwb::ui {

// Elides a cell's text in the middle ("/home/…/src/render.cpp:120"), where a view's
// elide mode would apply to every column; the model's tooltip holds the whole text.
class MiddleElideDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace perfwb::ui
