// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "analysis/calltree.h"

#include <QAbstractItemModel>

#include <memory>
#include <vector>

namespace perfwb::ui {

// Presents a top-down or bottom-up CallTree. Owns the tree and the function table
// it was built from (and keeps the profile alive through a shared pointer), so a
// view never sees a model that outlives its data.
class CallTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { Function, Self, SelfPercent, Total, TotalPercent, Module, Location, ColumnCount };
    // ShareRole: the cell's cost as a share of the total (0..1) for Self and Total, for the cost bars.
    enum Role { SortRole = Qt::UserRole + 1, NodeRole, FunctionRole, ShareRole };

    explicit CallTreeModel(QObject *parent = nullptr);
    void setTree(std::shared_ptr<const model::Profile> profile,
                 std::shared_ptr<const analysis::FunctionTable> functions, analysis::CallTree tree);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // The index of the node with this id (for "show in tree" from other views).
    QModelIndex indexForNode(std::uint32_t node, int column = 0) const;
    const analysis::CallTree *tree() const { return tree_.get(); }

private:
    std::uint32_t nodeOf(const QModelIndex &index) const;
    QString location(const analysis::FunctionTable::Function &fn) const; // file:line, or empty
    void rebuildRows();

    std::shared_ptr<const model::Profile> profile_;
    std::shared_ptr<const analysis::FunctionTable> functions_;
    std::unique_ptr<analysis::CallTree> tree_;
    std::vector<std::vector<std::uint32_t>> children_; // display order per node
    std::vector<int> rowInParent_;
};

} // namespace perfwb::ui
