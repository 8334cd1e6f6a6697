// SPDX-License-Identifier: GPL-3.0-or-later
#include "calltreeview.h"

#include "calltreemodel.h"
#include "costbardelegate.h"
#include "middleelidedelegate.h"
#include "reportdocument.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace perfwb::ui {

CallTreeView::CallTreeView(Kind kind, QWidget *parent)
    : QWidget(parent)
    , kind_(kind)
    , model_(new CallTreeModel(this))
    , proxy_(new QSortFilterProxyModel(this))
    , tree_(new QTreeView(this))
    , filter_(new QLineEdit(this))
{
    proxy_->setSourceModel(model_);
    proxy_->setRecursiveFilteringEnabled(true);
    proxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy_->setFilterKeyColumn(CallTreeModel::Function);
    proxy_->setSortRole(CallTreeModel::SortRole);
    filter_->setPlaceholderText(tr("Filter functions"));
    filter_->setClearButtonEnabled(true);
    tree_->setModel(proxy_);
    tree_->setSortingEnabled(true);
    tree_->sortByColumn(CallTreeModel::Total, Qt::DescendingOrder);
    tree_->setUniformRowHeights(true); // large trees scroll smoothly
    tree_->setAlternatingRowColors(true);
    auto *bars = new CostBarDelegate(CallTreeModel::ShareRole, tree_);
    tree_->setItemDelegateForColumn(CallTreeModel::Self, bars);
    tree_->setItemDelegateForColumn(CallTreeModel::Total, bars);
    // A path's file name is at its end: keep both ends, drop the middle.
    tree_->setItemDelegateForColumn(CallTreeModel::Location, new MiddleElideDelegate(tree_));
    tree_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    tree_->setContextMenuPolicy(Qt::CustomContextMenu);
    tree_->header()->setStretchLastSection(false);
    tree_->header()->setSectionResizeMode(CallTreeModel::Function, QHeaderView::Stretch);
    for (int c = CallTreeModel::Self; c < CallTreeModel::ColumnCount; ++c)
        tree_->header()->setSectionResizeMode(c, QHeaderView::Interactive);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(filter_);
    layout->addWidget(tree_, 1);
    connect(filter_, &QLineEdit::textChanged, proxy_, [this](const QString &text) {
        proxy_->setFilterFixedString(text);
        if (!text.isEmpty())
            tree_->expandAll(); // show where the matches are
    });
    auto *copy = new QAction(tr("Copy"), tree_);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    tree_->addAction(copy);
    connect(copy, &QAction::triggered, this, [this] { QApplication::clipboard()->setText(selectionText()); });
    connect(tree_, &QTreeView::customContextMenuRequested, this, &CallTreeView::showContextMenu);
    connect(tree_, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        Q_EMIT showInFlameGraph(index.data(CallTreeModel::FunctionRole).toUInt());
    });
}

void CallTreeView::setAnalysis(const std::shared_ptr<const ReportAnalysis> &analysis)
{
    if (!analysis) {
        return;
    }
    const auto &tree = kind_ == Kind::TopDown ? *analysis->topDown : *analysis->bottomUp;
    model_->setTree(analysis->profile, analysis->functions, tree);
    // Columns sized to their content once; the function column takes the rest.
    const QFontMetrics fm(font());
    tree_->setColumnWidth(CallTreeModel::Self, fm.horizontalAdvance(QStringLiteral("000000000")));
    tree_->setColumnWidth(CallTreeModel::SelfPercent, fm.horizontalAdvance(QStringLiteral("Self %000")));
    tree_->setColumnWidth(CallTreeModel::Total, fm.horizontalAdvance(QStringLiteral("000000000")));
    tree_->setColumnWidth(CallTreeModel::TotalPercent, fm.horizontalAdvance(QStringLiteral("Total %000")));
    tree_->setColumnWidth(CallTreeModel::Module, fm.horizontalAdvance(QStringLiteral("libsomething.so.6")));
    tree_->setColumnWidth(CallTreeModel::Location, fm.horizontalAdvance(QStringLiteral("somefile.cpp:1234")));
    expandHotPath();
}

void CallTreeView::expandHotPath()
{
    // Open the heaviest path a few levels deep: where the user looks first.
    QModelIndex index = proxy_->index(0, 0);
    for (int depth = 0; depth < 12 && index.isValid(); ++depth) {
        tree_->expand(index);
        index = proxy_->index(0, 0, index);
    }
}

void CallTreeView::selectFunction(quint32 function)
{
    if (!model_->tree())
        return;
    const auto &tree = *model_->tree();
    std::uint32_t best = 0;
    for (std::uint32_t i = 1; i < tree.size(); ++i)
        if (tree.node(i).function == function && (best == 0 || tree.node(i).total > tree.node(best).total))
            best = i;
    if (best == 0)
        return;
    const QModelIndex index = proxy_->mapFromSource(model_->indexForNode(best));
    if (!index.isValid())
        return;
    for (auto p = index.parent(); p.isValid(); p = p.parent())
        tree_->expand(p);
    tree_->setCurrentIndex(index);
    tree_->scrollTo(index);
}

QString CallTreeView::selectionText() const
{
    QStringList lines;
    auto rows = tree_->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [this](const QModelIndex &a, const QModelIndex &b) {
        return tree_->visualRect(a).top() < tree_->visualRect(b).top();
    });
    for (const auto &row : rows) {
        QStringList cells;
        for (int c = 0; c < proxy_->columnCount(); ++c)
            cells << proxy_->index(row.row(), c, row.parent()).data().toString();
        lines << cells.join(QLatin1Char('\t'));
    }
    return lines.join(QLatin1Char('\n'));
}

void CallTreeView::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = tree_->indexAt(pos);
    if (!index.isValid())
        return;
    const auto function = index.data(CallTreeModel::FunctionRole).toUInt();
    QMenu menu(this);
    menu.addAction(tr("Show in Flame Graph"), this, [this, function] { Q_EMIT showInFlameGraph(function); });
    menu.addAction(tr("Show Callers/Callees"), this, [this, function] { Q_EMIT showCallerCallee(function); });
    menu.addSeparator();
    menu.addAction(tr("Copy"), this, [this] { QApplication::clipboard()->setText(selectionText()); });
    menu.addAction(tr("Expand All"), tree_, &QTreeView::expandAll);
    menu.addAction(tr("Collapse All"), tree_, &QTreeView::collapseAll);
    menu.exec(tree_->viewport()->mapToGlobal(pos));
}

} // namespace perfwb::ui
