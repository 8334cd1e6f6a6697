// SPDX-License-Identifier: GPL-3.0-or-later
#include "compareview.h"

#include "comparesummaryview.h"
#include "comparisondocument.h"
#include "diffview.h"
#include "flamegraphsync.h"
#include "flamegraphview.h"
#include "formats/difftext.h"
#include "reportdocument.h"

#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStandardItemModel>
#include <QStyle>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace perfwb::ui {

CompareView::CompareView(ComparisonDocument *document, QWidget *parent)
    : QWidget(parent)
    , document_(document)
    , header_(new QLabel(this))
    , swap_(new QToolButton(this))
    , mode_(new QComboBox(this))
    , tabs_(new QTabWidget(this))
    , summary_(new CompareSummaryView(this))
    , baseBox_(new QGroupBox(this))
    , nextBox_(new QGroupBox(this))
    , baseGraph_(new FlameGraphView(baseBox_))
    , nextGraph_(new FlameGraphView(nextBox_))
    , diff_(new DiffView(this))
    , sync_(new FlameGraphSync(baseGraph_, nextGraph_, this))
{
    header_->setTextFormat(Qt::PlainText);
    swap_->setText(tr("Swap Base and New"));
    swap_->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    swap_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    for (auto [box, graph] : {std::pair{baseBox_, baseGraph_}, std::pair{nextBox_, nextGraph_}}) {
        auto *l = new QVBoxLayout(box);
        l->setContentsMargins(2, 2, 2, 2);
        l->addWidget(graph);
    }
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(baseBox_);
    split->addWidget(nextBox_);
    tabs_->addTab(summary_, tr("Summary"));
    tabs_->addTab(split, tr("Side by Side"));
    tabs_->addTab(diff_, tr("Diff"));

    mode_->addItem(tr("Absolute (CPU time)"), QVariant::fromValue(int(analysis::DiffMode::Absolute)));
    mode_->addItem(tr("Share of total"), QVariant::fromValue(int(analysis::DiffMode::Share)));
    auto *bar = new QHBoxLayout;
    bar->addWidget(header_, 1);
    bar->addWidget(new QLabel(tr("Compare by:"), this));
    bar->addWidget(mode_);
    bar->addWidget(swap_);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(tabs_, 1);

    connect(swap_, &QToolButton::clicked, document_, &ComparisonDocument::swap);
    connect(mode_, &QComboBox::currentIndexChanged, this,
            [this](int i) { document_->setMode(static_cast<analysis::DiffMode>(mode_->itemData(i).toInt())); });
    connect(document_, &ComparisonDocument::diffReady, this, &CompareView::onDiffReady);
    connect(document_, &ComparisonDocument::runsSwapped, this, [this] {
        refreshGraphs();
        updateTitles();
    });
    for (auto *doc : {document_->base(), document_->next()})
        connect(doc, &ReportDocument::analysisReady, this, &CompareView::refreshGraphs);
    connect(summary_, &CompareSummaryView::thresholdsEdited, document_, &ComparisonDocument::setThresholds);
    connect(sync_, &FlameGraphSync::functionActivated, this, [this](const QString &name, const QString &module) {
        selectFunction(name.toStdString(), module.toStdString(), false);
    });
    // One search for all three graphs (the side-by-side pair follow each other via the sync).
    connect(baseGraph_->searchBox(), &QLineEdit::textChanged, this, [this](const QString &text) {
        if (diff_->searchBox()->text() != text)
            diff_->searchBox()->setText(text);
    });
    connect(diff_->searchBox(), &QLineEdit::textChanged, this, [this](const QString &text) {
        if (baseGraph_->searchBox()->text() != text)
            baseGraph_->searchBox()->setText(text);
    });
    connect(diff_, &DiffView::functionActivated, this, [this](std::uint32_t function) {
        const auto d = document_->diff();
        if (d && function < d->functions().size())
            selectFunction(d->functions()[function].name, d->functions()[function].module, true);
    });
    updateTitles();
    refreshGraphs();
    if (document_->diff())
        onDiffReady();
    else
        summary_->setDiff(nullptr, document_->base()->displayName(), document_->next()->displayName());
}

void CompareView::showPage(Page page)
{
    tabs_->setCurrentIndex(page);
}

void CompareView::updateTitles()
{
    const QString base = document_->base()->displayName();
    const QString next = document_->next()->displayName();
    header_->setText(tr("Base: %1    New: %2").arg(base, next));
    baseBox_->setTitle(tr("Base: %1").arg(base));
    nextBox_->setTitle(tr("New: %1").arg(next));
}

void CompareView::refreshGraphs()
{
    // After a swap the documents trade places; each graph shows whichever is on its side.
    const auto base = document_->base()->analysis();
    const auto next = document_->next()->analysis();
    if (base && (!baseGraph_->flameGraph()->tree() || baseGraph_->flameGraph()->tree() != base->topDown.get()))
        baseGraph_->setAnalysis(base);
    if (next && (!nextGraph_->flameGraph()->tree() || nextGraph_->flameGraph()->tree() != next->topDown.get()))
        nextGraph_->setAnalysis(next);
    applySelection(false);
}

void CompareView::onDiffReady()
{
    summary_->setThresholds(document_->thresholds());
    summary_->setDiff(document_->diff(), document_->base()->displayName(), document_->next()->displayName());
    diff_->setDiff(document_->diff());
    updateModeBox();
    applySelection(false);
}

void CompareView::updateModeBox()
{
    const auto d = document_->diff();
    const QSignalBlocker block(mode_);
    mode_->setItemText(0, tr("Absolute (%1)").arg(QString::fromStdString(d->absoluteQuantity())));
    // Runs whose weights cannot be compared in absolute terms (samples vs bytes): share only.
    if (auto *model = qobject_cast<QStandardItemModel *>(mode_->model()))
        model->item(0)->setEnabled(d->absoluteAvailable());
    mode_->setCurrentIndex(d->mode() == analysis::DiffMode::Absolute ? 0 : 1);
    mode_->setToolTip(QString::fromStdString(formats::DiffText::modeLine(*d)));
}

void CompareView::selectFunction(const std::string &name, const std::string &module, bool zoom)
{
    selectedName_ = name;
    selectedModule_ = module;
    hasSelection_ = true;
    applySelection(zoom);
}

void CompareView::applySelection(bool zoom)
{
    if (!hasSelection_)
        return;
    sync_->selectFunction(selectedName_, selectedModule_, zoom);
    const auto d = document_->diff();
    if (!d)
        return;
    std::uint32_t index = DiffFlameGraphWidget::kNone;
    for (std::uint32_t i = 0; i < d->functions().size(); ++i)
        if (d->functions()[i].name == selectedName_ && d->functions()[i].module == selectedModule_) {
            index = i;
            break;
        }
    diff_->selectFunction(index, zoom);
}

void CompareView::setOrientation(FlameGraphWidget::Orientation orientation)
{
    baseGraph_->setOrientation(orientation);
    nextGraph_->setOrientation(orientation);
    diff_->flameGraph()->setOrientation(orientation);
}

void CompareView::setColouring(FlameGraphWidget::Colouring colouring)
{
    baseGraph_->setColouring(colouring);
    nextGraph_->setColouring(colouring);
}

} // namespace perfwb::ui
