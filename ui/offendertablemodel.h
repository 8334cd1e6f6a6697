// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "snapshottablemodel.h"

#include "budgets/perfprofiler.h"

#include <vector>

namespace perfwb::ui {

// The profiler dashboard's aggregates per name and category: how often, how long in
// total, on average and at most, and the memory the spans added.
class OffenderTableModel : public SnapshotTableModel {
    Q_OBJECT
public:
    enum Column { Name, Category, Count, TotalMs, MeanMs, MaxMs, MemDeltaMb, MaxMemDeltaMb, ColumnCount };
    explicit OffenderTableModel(QObject *parent = nullptr);
    void setAggregates(std::vector<budgets::PerfProfiler::Aggregate> aggregates);

protected:
    int rows() const override { return static_cast<int>(rows_.size()); }
    QVariant cell(int row, int column, int role) const override;

private:
    std::vector<budgets::PerfProfiler::Aggregate> rows_;
};

} // namespace perfwb::ui
