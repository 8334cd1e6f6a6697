// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "analysis/profilediff.h"

#include <QAbstractTableModel>

#include <memory>

namespace perfwb::ui {

// The delta table of a comparison: one row per function seen in either run, with its
// self and total before and after in the diff's mode (CPU time, or share of each run's
// total), the change (time, or percentage points) and relative, and its verdict. Rows come in the diff's order
// (regressions first); sort through a QSortFilterProxyModel on SortRole, which holds plain numbers.
class DeltaTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Function,
        Module,
        SelfBefore,
        SelfAfter,
        SelfDelta,
        SelfRelative,
        TotalBefore,
        TotalAfter,
        TotalDelta,
        Verdict,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole + 1, FunctionIndexRole };

    explicit DeltaTableModel(QObject *parent = nullptr);
    void setDiff(std::shared_ptr<const analysis::ProfileDiff> diff);
    const analysis::ProfileDiff *diff() const { return diff_.get(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    // Row r is diff()->functions()[r]; this is that row's first index, or invalid.
    QModelIndex indexOfFunction(std::uint32_t function) const;

private:
    std::shared_ptr<const analysis::ProfileDiff> diff_;
};

} // namespace perfwb::ui
