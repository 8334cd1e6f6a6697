// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "diffflamegraphwidget.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class QToolButton;

namespace perfwb::ui {

class DeltaTableModel;

// The Diff tab of a comparison: the differential flame graph (new run's shape, or the
// base run's so vanished frames show) with zoom and search, above the sortable,
// filterable delta table. Choosing a row outlines and zooms to that function.
class DiffView : public QWidget {
    Q_OBJECT
public:
    explicit DiffView(QWidget *parent = nullptr);
    void setDiff(std::shared_ptr<const analysis::ProfileDiff> diff);

    DiffFlameGraphWidget *flameGraph() const { return graph_; }
    QTableView *table() const { return table_; }
    DeltaTableModel *model() const { return model_; }
    QSortFilterProxyModel *proxy() const { return proxy_; }
    QLineEdit *searchBox() const { return search_; }
    QLineEdit *filterBox() const { return filter_; }
    QString matchedText() const;
    // The legend as plain text: "colour: change in CPU time", and why share is the default.
    QString legendText() const;
    void setShape(DiffFlameGraphWidget::Shape shape);

    // Outlines the function (index in the diff's functions) in the graph and selects
    // its table row; with `zoom` the graph zooms to its widest frame.
    void selectFunction(std::uint32_t function, bool zoom);
    std::uint32_t selectedFunction() const { return graph_->selectedFunction(); }

Q_SIGNALS:
    // The user chose a function (table row, or double-click in the graph).
    void functionActivated(std::uint32_t function);

private:
    void applySearch();
    void updateLegend();

    DiffFlameGraphWidget *graph_;
    DeltaTableModel *model_;
    QSortFilterProxyModel *proxy_;
    QTableView *table_;
    QComboBox *shapeBox_;
    QLineEdit *search_;
    QLineEdit *filter_;
    QLabel *matched_;
    QLabel *legend_;
    QToolButton *back_;
    QToolButton *reset_;
    bool selecting_ = false;
};

} // namespace perfwb::ui
