// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "analysis/functiontable.h"

#include <QAbstractTableModel>

#include <memory>
#include <vector>

namespace perfwb::ui {

// A flat table of functions with two weights: the function list of the
// caller/callee view (self, total) and its callers and callees tables (edge weight).
class FunctionListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Kind { Functions, Edges };
    enum Column { Function, Weight, WeightPercent, Total, TotalPercent, Module, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1, FunctionRole };
    struct Row {
        analysis::FunctionId function = 0;
        std::uint64_t weight = 0; // self, or the edge weight
        std::uint64_t total = 0;  // total (Functions only)
    };

    explicit FunctionListModel(Kind kind, QObject *parent = nullptr);
    void setRows(std::shared_ptr<const analysis::FunctionTable> functions, std::vector<Row> rows,
                 std::uint64_t grandTotal);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    // The row showing this function, or an invalid index.
    QModelIndex indexOfFunction(analysis::FunctionId function) const;

private:
    Kind kind_;
    std::shared_ptr<const analysis::FunctionTable> functions_;
    std::vector<Row> rows_;
    std::uint64_t grandTotal_ = 0;
};

} // namespace perfwb::ui
