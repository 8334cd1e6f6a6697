// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "snapshottablemodel.h"

#include "budgets/budgetmanager.h"

#include <vector>

namespace perfwb::ui {

// The budget manager's jobs: running, queued and delayed (with the reason), their
// resource hints and how long they have waited or run.
class JobTableModel : public SnapshotTableModel {
    Q_OBJECT
public:
    enum Column { Id, Type, State, Reason, CpuHint, RamHint, VramHint, Age, ColumnCount };
    explicit JobTableModel(QObject *parent = nullptr);
    // nowMs: the Unix time the ages are counted to.
    void setJobs(std::vector<budgets::Job> jobs, qint64 nowMs);

protected:
    int rows() const override { return static_cast<int>(jobs_.size()); }
    QVariant cell(int row, int column, int role) const override;

private:
    std::vector<budgets::Job> jobs_;
    qint64 nowMs_ = 0;
};

} // namespace perfwb::ui
