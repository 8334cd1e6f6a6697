// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <QAbstractTableModel>
#include <QStringList>

namespace perfwb::ui {

// A read-only table over a snapshot of engine rows (jobs, assets, offenders), replaced
// as a whole when the engine says something changed. Subclasses hold the rows and say
// what each cell shows; SortRole gives the raw value, so a QSortFilterProxyModel sorts
// numbers as numbers.
class SnapshotTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int SortRole = Qt::UserRole + 1;
    static constexpr int KeyRole = Qt::UserRole + 2; // the row's id (job, asset, name)

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

protected:
    explicit SnapshotTableModel(QStringList headers, QObject *parent);
    virtual int rows() const = 0;
    // DisplayRole, SortRole, KeyRole, ToolTipRole, TextAlignmentRole, ForegroundRole.
    virtual QVariant cell(int row, int column, int role) const = 0;
    // Wraps the swap of the subclass's rows in a model reset.
    template<typename F> void replace(F swap)
    {
        beginResetModel();
        swap();
        endResetModel();
    }

private:
    QStringList headers_;
};

} // namespace perfwb::ui
