// SPDX-License-Identifier: GPL-3.0-or-later
#include "processlistmodel.h"

#include <algorithm>
#include <unordered_map>

namespace perfwb::ui {

ProcessListModel::ProcessListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ProcessListModel::refresh()
{
    setProcesses(source_.refresh());
}

void ProcessListModel::setProcesses(std::vector<record::ProcessEntry> processes)
{
    std::sort(processes.begin(), processes.end(), [](const auto &a, const auto &b) { return a.pid < b.pid; });
    // Rows are kept in PID order: remove the gone, update the kept, insert the new, so
    // views keep their selection instead of seeing a reset every refresh.
    std::unordered_map<pid_t, const record::ProcessEntry *> incoming;
    for (const auto &p : processes)
        incoming.emplace(p.pid, &p);
    for (int row = rowCount() - 1; row >= 0; --row) {
        if (incoming.count(processes_[std::size_t(row)].pid) == 0) {
            int first = row;
            while (first > 0 && incoming.count(processes_[std::size_t(first - 1)].pid) == 0)
                --first;
            beginRemoveRows({}, first, row);
            processes_.erase(processes_.begin() + first, processes_.begin() + row + 1);
            endRemoveRows();
            row = first;
        }
    }
    std::size_t i = 0; // position in processes_
    for (const auto &p : processes) {
        while (i < processes_.size() && processes_[i].pid < p.pid)
            ++i; // cannot happen after the removal pass; kept for safety
        if (i < processes_.size() && processes_[i].pid == p.pid) {
            processes_[i] = p;
            Q_EMIT dataChanged(index(int(i), 0), index(int(i), ColumnCount - 1));
        } else {
            beginInsertRows({}, int(i), int(i));
            processes_.insert(processes_.begin() + std::ptrdiff_t(i), p);
            endInsertRows();
        }
        ++i;
    }
}

int ProcessListModel::rowForPid(pid_t pid) const
{
    const auto it = std::lower_bound(processes_.begin(), processes_.end(), pid,
                                     [](const auto &p, pid_t value) { return p.pid < value; });
    return it != processes_.end() && it->pid == pid ? int(it - processes_.begin()) : -1;
}

int ProcessListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(processes_.size());
}

int ProcessListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProcessListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &p = processes_[std::size_t(index.row())];
    if (role == Qt::DisplayRole || role == SortRole) {
        switch (index.column()) {
        case Pid:
            return role == SortRole ? QVariant(p.pid) : QVariant(QString::number(p.pid));
        case Name:
            return QString::fromStdString(p.name);
        case User:
            return QString::fromStdString(p.user);
        case Cpu:
            if (role == SortRole)
                return p.cpuPercent;
            return p.cpuPercent < 0 ? QString() : QString::number(p.cpuPercent, 'f', 1);
        case CommandLine:
            return QString::fromStdString(p.commandLine);
        }
    } else if (role == Qt::TextAlignmentRole && (index.column() == Pid || index.column() == Cpu)) {
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    } else if (role == Qt::ToolTipRole) {
        return QString::fromStdString(p.commandLine.empty() ? p.name : p.commandLine);
    }
    return {};
}

QVariant ProcessListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Pid:
        return tr("PID");
    case Name:
        return tr("Name");
    case User:
        return tr("User");
    case Cpu:
        return tr("CPU %");
    case CommandLine:
        return tr("Command line");
    }
    return {};
}

} // namespace perfwb::ui
