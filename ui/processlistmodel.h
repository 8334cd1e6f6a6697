// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "record/processlist.h"

#include <QAbstractTableModel>

#include <vector>

namespace perfwb::ui {

// Running processes (PID, name, user, CPU %) over record::ProcessList. refresh()
// updates rows in place (by PID), so selection and sorting survive the 2 s refresh.
class ProcessListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Pid, Name, User, Cpu, CommandLine, ColumnCount };
    static constexpr int SortRole = Qt::UserRole + 1; // numbers as numbers

    explicit ProcessListModel(QObject *parent = nullptr);

    void refresh();
    // Replaces the rows (tests, and refresh() itself).
    void setProcesses(std::vector<record::ProcessEntry> processes);
    const record::ProcessEntry &process(int row) const { return processes_[std::size_t(row)]; }
    int rowForPid(pid_t pid) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    record::ProcessList source_;
    std::vector<record::ProcessEntry> processes_;
};

} // namespace perfwb::ui
