// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "snapshottablemodel.h"

#include "budgets/lazyassets.h"

#include <vector>

namespace perfwb::ui {

// The lazily loaded assets the budget manager tracks, most recently used first, with
// their size and last touch.
class AssetTableModel : public SnapshotTableModel {
    Q_OBJECT
public:
    enum Column { Id, Size, LastTouch, ColumnCount };
    explicit AssetTableModel(QObject *parent = nullptr);
    void setAssets(std::vector<budgets::LazyAssets::Asset> assets, qint64 nowMs);

protected:
    int rows() const override { return static_cast<int>(assets_.size()); }
    QVariant cell(int row, int column, int role) const override;

private:
    std::vector<budgets::LazyAssets::Asset> assets_;
    qint64 nowMs_ = 0;
};

} // namespace perfwb::ui
