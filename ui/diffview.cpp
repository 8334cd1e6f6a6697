// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffview.h"
#include "enginetext.h"

#include "deltatablemodel.h"
#include "formats/diffsvgwriter.h"
#include "formats/difftext.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QTextDocument>
#include <QToolButton>
#include <QVBoxLayout>

namespace perfwb::ui {

DiffView::DiffView(QWidget *parent)
    : QWidget(parent)
    , graph_(new DiffFlameGraphWidget(this))
    , model_(new DeltaTableModel(this))
    , proxy_(new QSortFilterProxyModel(this))
    , table_(new QTableView(this))
    , shapeBox_(new QComboBox(this))
    , search_(new QLineEdit(this))
    , filter_(new QLineEdit(this))
    , matched_(new QLabel(this))
    , legend_(new QLabel(this))
    , back_(new QToolButton(this))
    , reset_(new QToolButton(this))
{
    back_->setIcon(style()->standardIcon(QStyle::SP_ArrowBack));
    back_->setToolTip(tr("Back to the previous zoom"));
    reset_->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    reset_->setToolTip(tr("Reset zoom (show everything)"));
    shapeBox_->addItem(tr("Shape of the new run"));
    shapeBox_->addItem(tr("Shape of the base run (vanished frames)"));
    shapeBox_->setToolTip(tr("Which run's call tree gives the graph its shape; frames only the base run has "
                             "show in the base run's shape"));
    search_->setPlaceholderText(tr("Search functions (regular expression)"));
    search_->setClearButtonEnabled(true);
    search_->setMaximumWidth(320);
    legend_->setWordWrap(true);
    auto *bar = new QHBoxLayout;
    bar->addWidget(back_);
    bar->addWidget(reset_);
    bar->addWidget(shapeBox_);
    bar->addWidget(legend_, 1);
    bar->addWidget(search_);
    bar->addWidget(matched_);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(graph_);
    // The root row is at the bottom of a flame graph: show it whenever the height changes.
    connect(scroll->verticalScrollBar(), &QScrollBar::rangeChanged, this, [this, scroll](int min, int max) {
        scroll->verticalScrollBar()->setValue(graph_->orientation() == FlameChartWidget::Orientation::Flame ? max
                                                                                                            : min);
    });

    proxy_->setSourceModel(model_);
    proxy_->setSortRole(DeltaTableModel::SortRole);
    proxy_->setFilterKeyColumn(DeltaTableModel::Function);
    proxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);
    table_->setModel(proxy_);
    table_->setSortingEnabled(true);
    table_->sortByColumn(-1, Qt::AscendingOrder); // the diff's own order: regressions first
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->verticalHeader()->hide();
    table_->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    table_->setWordWrap(false);
    table_->horizontalHeader()->setSectionResizeMode(DeltaTableModel::Function, QHeaderView::Stretch);
    table_->horizontalHeader()->setSectionResizeMode(DeltaTableModel::Verdict, QHeaderView::ResizeToContents);
    filter_->setPlaceholderText(tr("Filter functions"));
    filter_->setClearButtonEnabled(true);
    auto *tablePane = new QWidget(this);
    auto *tableLayout = new QVBoxLayout(tablePane);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addWidget(filter_);
    tableLayout->addWidget(table_);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(scroll);
    splitter->addWidget(tablePane);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({600, 400});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(splitter, 1);

    connect(back_, &QToolButton::clicked, graph_, &FlameChartWidget::back);
    connect(reset_, &QToolButton::clicked, graph_, &FlameChartWidget::resetZoom);
    connect(shapeBox_, &QComboBox::currentIndexChanged, this,
            [this](int i) { setShape(i == 0 ? DiffFlameGraphWidget::Shape::New : DiffFlameGraphWidget::Shape::Base); });
    connect(search_, &QLineEdit::textChanged, this, &DiffView::applySearch);
    connect(filter_, &QLineEdit::textChanged, proxy_, &QSortFilterProxyModel::setFilterFixedString);
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (selecting_ || !current.isValid())
                    return;
                Q_EMIT functionActivated(current.data(DeltaTableModel::FunctionIndexRole).toUInt());
            });
    connect(graph_, &FlameChartWidget::nodeActivated, this, [this](std::uint32_t node) {
        if (node != 0 && node < graph_->nodes().size())
            Q_EMIT functionActivated(graph_->nodes()[node].function);
    });
}

void DiffView::setDiff(std::shared_ptr<const analysis::ProfileDiff> diff)
{
    // Function indices change with the diff: the owner selects again by name + module.
    model_->setDiff(diff);
    graph_->setDiff(std::move(diff), graph_->shape());
    applySearch();
    updateLegend();
}

void DiffView::updateLegend()
{
    const auto *d = graph_->diff();
    if (!d) {
        legend_->clear();
        return;
    }
    // Swatches in the exported colours; the words say what the colours measure.
    const auto swatch = [](const char *fill, const char *ink, const QString &text) {
        return QStringLiteral("<span style='background:%1;color:%2'>&nbsp;%3&nbsp;</span> ")
            .arg(QLatin1String(fill), QLatin1String(ink), text);
    };
    QString text = swatch("#ff3c3c", "black", tr("slower")) + swatch("#3c3cff", "white", tr("faster")) +
                   swatch(formats::DiffSvgWriter::kNeutralFill, "black", tr("unchanged")) +
                   tr("colour: %1").arg(EngineText::translate(d->modeLabel())).toHtmlEscaped();
    // Share of total by default: say why absolute is not (issue 15: the UI says why).
    if (d->mode() == analysis::DiffMode::Share && d->defaultMode() == analysis::DiffMode::Share)
        text += QStringLiteral(" — ") + QString::fromStdString(d->defaultReason()).toHtmlEscaped();
    legend_->setText(text);
    legend_->setToolTip(QString::fromStdString(formats::DiffText::modeLine(*d)));
}

QString DiffView::legendText() const
{
    QTextDocument doc;
    doc.setHtml(legend_->text());
    return doc.toPlainText();
}

void DiffView::setShape(DiffFlameGraphWidget::Shape shape)
{
    graph_->setShape(shape);
    applySearch();
    const QSignalBlocker block(shapeBox_);
    shapeBox_->setCurrentIndex(shape == DiffFlameGraphWidget::Shape::New ? 0 : 1);
}

QString DiffView::matchedText() const
{
    return matched_->text();
}

void DiffView::applySearch()
{
    const QString pattern = search_->text();
    const double share = graph_->search(pattern);
    if (pattern.isEmpty())
        matched_->clear();
    else if (share < 0)
        matched_->setText(tr("invalid pattern"));
    else
        matched_->setText(tr("matched %1 %").arg(share * 100.0, 0, 'f', 1));
}

void DiffView::selectFunction(std::uint32_t function, bool zoom)
{
    graph_->setSelectedFunction(function);
    if (zoom) {
        const auto node = graph_->nodeOfFunction(function);
        if (node != 0)
            graph_->zoomTo(node);
    }
    selecting_ = true;
    const QModelIndex row = proxy_->mapFromSource(model_->indexOfFunction(function));
    if (row.isValid()) {
        table_->selectionModel()->setCurrentIndex(row, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        table_->scrollTo(row);
    }
    selecting_ = false;
}

} // namespace perfwb::ui
