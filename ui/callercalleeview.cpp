// SPDX-License-Identifier: GPL-3.0-or-later
#include "callercalleeview.h"
#include "qstrings.h"

#include "analysis/callercallee.h"
#include "functionlistmodel.h"
#include "reportdocument.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace perfwb::ui {

namespace {
QWidget *titled(const QString &title, QWidget *content, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *label = new QLabel(title, box);
    QFont f = label->font();
    f.setBold(true);
    label->setFont(f);
    layout->addWidget(label);
    layout->addWidget(content, 1);
    return box;
}
} // namespace

CallerCalleeView::CallerCalleeView(QWidget *parent)
    : QWidget(parent)
    , functions_(new FunctionListModel(FunctionListModel::Functions, this))
    , callers_(new FunctionListModel(FunctionListModel::Edges, this))
    , callees_(new FunctionListModel(FunctionListModel::Edges, this))
    , functionsProxy_(new QSortFilterProxyModel(this))
    , search_(new QLineEdit(this))
    , title_(new QLabel(this))
{
    functionsProxy_->setSourceModel(functions_);
    functionsProxy_->setSortRole(FunctionListModel::SortRole);
    functionsProxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);
    functionsProxy_->setFilterKeyColumn(FunctionListModel::Function);
    search_->setPlaceholderText(tr("Search functions"));
    search_->setClearButtonEnabled(true);
    functionTable_ = makeTable(functionsProxy_);
    functionTable_->sortByColumn(FunctionListModel::Weight, Qt::DescendingOrder);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(search_);
    leftLayout->addWidget(functionTable_, 1);

    auto *right = new QSplitter(Qt::Vertical, this);
    title_->setTextFormat(Qt::PlainText);
    title_->setWordWrap(true);
    auto *callersTable = makeTable(callers_);
    auto *calleesTable = makeTable(callees_);
    callersTable->sortByColumn(FunctionListModel::Weight, Qt::DescendingOrder);
    calleesTable->sortByColumn(FunctionListModel::Weight, Qt::DescendingOrder);
    right->addWidget(titled(tr("Callers"), callersTable, right));
    right->addWidget(titled(tr("Callees"), calleesTable, right));

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    auto *rightBox = new QWidget(split);
    auto *rightLayout = new QVBoxLayout(rightBox);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(title_);
    rightLayout->addWidget(right, 1);
    split->addWidget(rightBox);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(split);

    connect(search_, &QLineEdit::textChanged, functionsProxy_, &QSortFilterProxyModel::setFilterFixedString);
    connect(functionTable_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    showFunction(current.data(FunctionListModel::FunctionRole).toUInt());
            });
    // Double-click on a caller or callee walks there.
    for (auto *table : {callersTable, calleesTable})
        connect(table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
            selectFunction(index.data(FunctionListModel::FunctionRole).toUInt());
        });
    connect(functionTable_, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        Q_EMIT showInFlameGraph(index.data(FunctionListModel::FunctionRole).toUInt());
    });
}

QTableView *CallerCalleeView::makeTable(QAbstractItemModel *model)
{
    auto *proxy = qobject_cast<QSortFilterProxyModel *>(model);
    if (!proxy) {
        proxy = new QSortFilterProxyModel(this);
        proxy->setSourceModel(model);
        proxy->setSortRole(FunctionListModel::SortRole);
    }
    auto *table = new QTableView(this);
    table->setModel(proxy);
    table->setSortingEnabled(true);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setAlternatingRowColors(true);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table->setWordWrap(false);
    table->setTextElideMode(Qt::ElideMiddle);
    return table;
}

void CallerCalleeView::setAnalysis(std::shared_ptr<const ReportAnalysis> analysis)
{
    analysis_ = std::move(analysis);
    if (!analysis_) {
        functions_->clear();
        callers_->clear();
        callees_->clear();
        return;
    }
    std::vector<FunctionListModel::Row> rows;
    rows.reserve(analysis_->stats.entries.size());
    for (const auto &e : analysis_->stats.entries)
        rows.push_back({e.function, e.self, e.total});
    functions_->setRows(analysis_->functions, std::move(rows), analysis_->stats.grandTotal);
    const auto keep = current_;
    current_ = ~0U;
    if (keep != ~0U)
        selectFunction(keep);
    else if (functions_->rowCount() > 0)
        functionTable_->setCurrentIndex(functionsProxy_->index(0, 0));
}

void CallerCalleeView::selectFunction(quint32 function)
{
    const QModelIndex source = functions_->indexOfFunction(function);
    const QModelIndex index = functionsProxy_->mapFromSource(source);
    if (index.isValid()) {
        functionTable_->setCurrentIndex(index);
        functionTable_->scrollTo(index);
    }
    showFunction(function); // also for functions outside the list (no weight in the selection)
}

void CallerCalleeView::showFunction(quint32 function)
{
    if (!analysis_ || function >= analysis_->functions->size() || function == current_)
        return;
    current_ = function;
    const auto cc = analysis::CallerCallee::compute(*analysis_->functions, analysis_->weights, function);
    const auto toRows = [](const std::vector<analysis::CallerCallee::Edge> &edges) {
        std::vector<FunctionListModel::Row> rows;
        rows.reserve(edges.size());
        for (const auto &e : edges)
            rows.push_back({e.function, e.weight, 0});
        return rows;
    };
    callers_->setRows(analysis_->functions, toRows(cc.callers), analysis_->weights.total);
    callees_->setRows(analysis_->functions, toRows(cc.callees), analysis_->weights.total);
    const double total = static_cast<double>(std::max<std::uint64_t>(analysis_->weights.total, 1));
    title_->setText(tr("%1 — self %2 (%3 %), total %4 (%5 %)")
                        .arg(qs(analysis_->functions->name(function)))
                        .arg(cc.self)
                        .arg(100.0 * static_cast<double>(cc.self) / total, 0, 'f', 2)
                        .arg(cc.total)
                        .arg(100.0 * static_cast<double>(cc.total) / total, 0, 'f', 2));
}

} // namespace perfwb::ui
