// SPDX-License-Identifier: GPL-3.0-or-later
#include "calltreemodel.h"
#include "qstrings.h"

#include <algorithm>

namespace perfwb::ui {

CallTreeModel::CallTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{}

void CallTreeModel::setTree(std::shared_ptr<const model::Profile> profile,
                            std::shared_ptr<const analysis::FunctionTable> functions, analysis::CallTree tree)
{
    beginResetModel();
    profile_ = std::move(profile);
    functions_ = std::move(functions);
    tree_ = std::make_unique<analysis::CallTree>(std::move(tree));
    children_.assign(tree_->size(), {});
    for (std::uint32_t i = 0; i < tree_->size(); ++i)
        children_[i] = tree_->node(i).children;
    rebuildRows();
    endResetModel();
}

void CallTreeModel::rebuildRows()
{
    rowInParent_.assign(children_.size(), 0);
    for (const auto &c : children_) {
        for (std::size_t r = 0; r < c.size(); ++r)
            rowInParent_[c[r]] = static_cast<int>(r);
    }
}

std::uint32_t CallTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<std::uint32_t>(index.internalId()) : 0;
}

QModelIndex CallTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!tree_ || row < 0 || column < 0 || column >= ColumnCount)
        return {};
    const auto &c = children_[nodeOf(parent)];
    if (static_cast<std::size_t>(row) >= c.size())
        return {};
    return createIndex(row, column, static_cast<quintptr>(c[static_cast<std::size_t>(row)]));
}

QModelIndex CallTreeModel::parent(const QModelIndex &child) const
{
    const auto node = nodeOf(child);
    if (!tree_ || node == 0)
        return {};
    const auto parent = tree_->node(node).parent;
    if (parent == 0)
        return {};
    return createIndex(rowInParent_[parent], 0, static_cast<quintptr>(parent));
}

int CallTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!tree_ || (parent.isValid() && parent.column() != 0))
        return 0;
    return static_cast<int>(children_[nodeOf(parent)].size());
}

int CallTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QModelIndex CallTreeModel::indexForNode(std::uint32_t node, int column) const
{
    if (!tree_ || node == 0 || node >= tree_->size())
        return {};
    return createIndex(rowInParent_[node], column, static_cast<quintptr>(node));
}

QString CallTreeModel::location(const analysis::FunctionTable::Function &fn) const
{
    const auto file = profile_->strings.view(fn.file);
    if (file.empty())
        return {};
    return fn.line > 0 ? QStringLiteral("%1:%2").arg(qs(file)).arg(fn.line) : qs(file);
}

QVariant CallTreeModel::data(const QModelIndex &index, int role) const
{
    if (!tree_ || !index.isValid())
        return {};
    const auto &n = tree_->node(nodeOf(index));
    const double total = static_cast<double>(std::max<std::uint64_t>(tree_->total(), 1));
    const auto &fn = functions_->at(n.function);
    if (role == NodeRole)
        return QVariant::fromValue(nodeOf(index));
    if (role == FunctionRole)
        return QVariant::fromValue(n.function);
    if (role == Qt::DisplayRole || role == SortRole) {
        switch (index.column()) {
        case Function:
            return qs(functions_->name(n.function));
        case Self:
            return QVariant::fromValue<qulonglong>(n.self);
        case SelfPercent:
            return role == SortRole ? QVariant(n.self / total)
                                    : QVariant(QString::number(100.0 * n.self / total, 'f', 2));
        case Total:
            return QVariant::fromValue<qulonglong>(n.total);
        case TotalPercent:
            return role == SortRole ? QVariant(n.total / total)
                                    : QVariant(QString::number(100.0 * n.total / total, 'f', 2));
        case Module:
            return qs(functions_->module(n.function));
        case Location:
            return location(fn);
        default:
            return {};
        }
    }
    if (role == ShareRole && (index.column() == Self || index.column() == Total))
        return static_cast<double>(index.column() == Self ? n.self : n.total) / total;
    // The Location column is elided in the middle; its tooltip is the whole path.
    if (role == Qt::ToolTipRole && index.column() == Location) {
        const QString where = location(fn);
        return where.isEmpty() ? QVariant() : QVariant(where);
    }
    if (role == Qt::TextAlignmentRole && index.column() >= Self && index.column() <= TotalPercent)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole)
        return tr("%1\n%2\nself %3 (%4 %), total %5 (%6 %)")
            .arg(qs(functions_->name(n.function)), qs(functions_->module(n.function)))
            .arg(n.self)
            .arg(100.0 * n.self / total, 0, 'f', 2)
            .arg(n.total)
            .arg(100.0 * n.total / total, 0, 'f', 2);
    return {};
}

QVariant CallTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Function:
        return tr("Function");
    case Self:
        return tr("Self");
    case SelfPercent:
        return tr("Self %");
    case Total:
        return tr("Total");
    case TotalPercent:
        return tr("Total %");
    case Module:
        return tr("Module");
    case Location:
        return tr("Location");
    default:
        return {};
    }
}

void CallTreeModel::sort(int column, Qt::SortOrder order)
{
    if (!tree_ || column < 0 || column >= ColumnCount)
        return;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const auto oldPersistent = persistentIndexList();
    std::vector<std::uint32_t> persistentNodes;
    for (const auto &i : oldPersistent)
        persistentNodes.push_back(nodeOf(i));
    // Compare through data(SortRole) so every column sorts the way it displays.
    auto key = [&](std::uint32_t node) { return data(createIndex(0, column, static_cast<quintptr>(node)), SortRole); };
    for (auto &c : children_) {
        std::stable_sort(c.begin(), c.end(), [&](std::uint32_t a, std::uint32_t b) {
            const QVariant ka = key(a);
            const QVariant kb = key(b);
            const auto cmp = QVariant::compare(ka, kb);
            return order == Qt::AscendingOrder ? cmp == QPartialOrdering::Less : cmp == QPartialOrdering::Greater;
        });
    }
    rebuildRows();
    QModelIndexList newPersistent;
    for (qsizetype i = 0; i < oldPersistent.size(); ++i)
        newPersistent << indexForNode(persistentNodes[static_cast<std::size_t>(i)], oldPersistent[i].column());
    changePersistentIndexList(oldPersistent, newPersistent);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

} // namespace perfwb::ui
