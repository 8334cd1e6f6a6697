// SPDX-License-Identifier: GPL-3.0-or-later
#include "flamegraphview.h"
#include "qstrings.h"

#include "analysis/treematch.h"
#include "reportdocument.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScopedValueRollback>
#include <QScrollArea>
#include <QScrollBar>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace perfwb::ui {

FlameGraphView::FlameGraphView(QWidget *parent)
    : QWidget(parent)
    , graph_(new FlameGraphWidget(this))
    , search_(new QLineEdit(this))
    , matched_(new QLabel(this))
    , crumbs_(new QLabel(this))
    , back_(new QToolButton(this))
    , reset_(new QToolButton(this))
    , orientationBox_(new QComboBox(this))
    , colouringBox_(new QComboBox(this))
    , threshold_(new QDoubleSpinBox(this))
{
    back_->setIcon(style()->standardIcon(QStyle::SP_ArrowBack));
    back_->setToolTip(tr("Back to the previous zoom"));
    reset_->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    reset_->setToolTip(tr("Reset zoom (show everything)"));
    crumbs_->setTextFormat(Qt::PlainText);
    crumbs_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    search_->setPlaceholderText(tr("Search functions (regular expression)"));
    search_->setClearButtonEnabled(true);
    search_->setMaximumWidth(320);
    orientationBox_->addItem(tr("Flame"));
    orientationBox_->addItem(tr("Icicle"));
    orientationBox_->setToolTip(tr("Flame: root at the bottom; icicle: root at the top"));
    colouringBox_->addItem(tr("Colour by name"));
    colouringBox_->addItem(tr("Colour by module"));
    setUpThresholdBox();

    auto *bar = new QHBoxLayout;
    bar->addWidget(back_);
    bar->addWidget(reset_);
    bar->addWidget(crumbs_, 1);
    bar->addWidget(search_);
    bar->addWidget(matched_);
    bar->addWidget(threshold_);
    bar->addWidget(orientationBox_);
    bar->addWidget(colouringBox_);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    // Deep stacks make the graph taller than any window: it scrolls, rather than
    // forcing its height on the whole window.
    scroll_ = new QScrollArea(this);
    scroll_->setWidgetResizable(true);
    scroll_->setFrameShape(QFrame::NoFrame);
    scroll_->setWidget(graph_);
    layout->addWidget(scroll_, 1);

    connect(back_, &QToolButton::clicked, graph_, &FlameGraphWidget::back);
    connect(reset_, &QToolButton::clicked, graph_, &FlameGraphWidget::resetZoom);
    connect(graph_, &FlameGraphWidget::zoomChanged, this, &FlameGraphView::updateBreadcrumb);
    connect(search_, &QLineEdit::textChanged, this, &FlameGraphView::applySearch);
    connect(orientationBox_, &QComboBox::currentIndexChanged, this, [this](int i) {
        setOrientation(i == 0 ? FlameGraphWidget::Orientation::Flame : FlameGraphWidget::Orientation::Icicle);
    });
    connect(colouringBox_, &QComboBox::currentIndexChanged, this, [this](int i) {
        setColouring(i == 0 ? FlameGraphWidget::Colouring::ByName : FlameGraphWidget::Colouring::ByModule);
    });
    followRoot();
    connect(graph_, &FlameGraphWidget::nodeActivated, this, [this](std::uint32_t node) {
        if (analysis_ && node != 0 && node < analysis_->topDown->size())
            Q_EMIT nodeActivated(analysis_->topDown->node(node).function);
    });
    updateBreadcrumb();
}

void FlameGraphView::setUpThresholdBox()
{
    threshold_->setObjectName(QStringLiteral("threshold"));
    threshold_->setRange(0, 10);
    threshold_->setDecimals(2);
    threshold_->setSingleStep(0.05);
    threshold_->setPrefix(tr("Threshold "));
    threshold_->setSuffix(tr(" %"));
    threshold_->setKeyboardTracking(false); // lay out once per value, not per keystroke
    threshold_->setValue(graph_->thresholdPercent());
    threshold_->setToolTip(tr("Frames below this share of all samples are merged into their caller: "
                              "not drawn, their time still in the caller's width (0: draw every frame)"));
    connect(threshold_, &QDoubleSpinBox::valueChanged, this, [this](double percent) {
        graph_->setThresholdPercent(percent);
        Q_EMIT viewOptionsChanged();
    });
}

void FlameGraphView::followRoot()
{
    // Opened on a hidden page the scroll range is still 0; it appears when the page is
    // shown (and changes on resizes), and the root row must be on screen then.
    QScrollBar *vbar = scroll_->verticalScrollBar();
    connect(vbar, &QScrollBar::rangeChanged, this, [this] {
        if (stuckToRoot_)
            scrollToRoot();
    });
    connect(vbar, &QScrollBar::valueChanged, this, [this](int value) {
        if (!scrolling_)
            stuckToRoot_ = value == rootScrollValue(); // scrolling back to the root sticks again
    });
}

void FlameGraphView::setAnalysis(std::shared_ptr<const ReportAnalysis> analysis)
{
    // A live snapshot or a new selection brings a new tree: stay zoomed on the same call
    // path (as far as the new tree has it) and keep the selected function, by name.
    const auto old = analysis_;
    const auto zoomed = graph_->zoomedNode();
    const auto selected = graph_->selectedFunction();
    analysis_ = std::move(analysis);
    if (analysis_)
        graph_->setTree(analysis_->profile, analysis_->functions, analysis_->topDown);
    else
        graph_->setTree({}, {}, {});
    if (old && analysis_) {
        const auto &was = *old->functions;
        if (selected != analysis::kNoFunction)
            graph_->setSelectedFunction(
                analysis::TreeMatch::findFunction(*analysis_->functions, was.name(selected), was.module(selected)));
        if (zoomed != 0) {
            const QSignalBlocker block(graph_); // the same place, not a new zoom of the user's
            graph_->zoomTo(
                analysis::TreeMatch::samePath(*old->topDown, was, zoomed, *analysis_->topDown, *analysis_->functions));
        }
    }
    applySearch(); // a new tree forgets the highlight; the box still shows the pattern
    updateBreadcrumb();
    stickToRoot();
}

void FlameGraphView::stickToRoot()
{
    stuckToRoot_ = true;
    scrollToRoot();
}

void FlameGraphView::scrollToRoot()
{
    const QScopedValueRollback guard(scrolling_, true);
    scroll_->verticalScrollBar()->setValue(rootScrollValue());
}

int FlameGraphView::rootScrollValue() const
{
    // The root row is at the bottom of a flame graph and at the top of an icicle graph.
    const QScrollBar *bar = scroll_->verticalScrollBar();
    return orientation_ == FlameGraphWidget::Orientation::Flame ? bar->maximum() : bar->minimum();
}

QString FlameGraphView::matchedText() const
{
    return matched_->text();
}

QString FlameGraphView::breadcrumb() const
{
    return crumbs_->text();
}

void FlameGraphView::setOrientation(FlameGraphWidget::Orientation orientation)
{
    orientation_ = orientation;
    graph_->setOrientation(orientation);
    stickToRoot();
    const QSignalBlocker block(orientationBox_);
    orientationBox_->setCurrentIndex(orientation == FlameGraphWidget::Orientation::Flame ? 0 : 1);
    Q_EMIT viewOptionsChanged();
}

void FlameGraphView::setColouring(FlameGraphWidget::Colouring colouring)
{
    colouring_ = colouring;
    graph_->setColouring(colouring);
    const QSignalBlocker block(colouringBox_);
    colouringBox_->setCurrentIndex(colouring == FlameGraphWidget::Colouring::ByName ? 0 : 1);
    Q_EMIT viewOptionsChanged();
}

void FlameGraphView::setThresholdPercent(double percent)
{
    // Through the box: it rounds to what it shows, and the graph follows its signal.
    threshold_->setValue(percent);
}

double FlameGraphView::thresholdPercent() const
{
    return graph_->thresholdPercent();
}

void FlameGraphView::showFunction(quint32 function)
{
    if (!analysis_)
        return;
    const auto &tree = *analysis_->topDown;
    std::uint32_t best = 0;
    for (std::uint32_t i = 1; i < tree.size(); ++i)
        if (tree.node(i).function == function && (best == 0 || tree.node(i).total > tree.node(best).total))
            best = i;
    if (best != 0)
        graph_->zoomTo(best);
}

void FlameGraphView::focusSearch()
{
    search_->setFocus(Qt::ShortcutFocusReason);
    search_->selectAll();
}

void FlameGraphView::applySearch()
{
    const QString pattern = search_->text();
    if (pattern.isEmpty()) {
        graph_->search(QString());
        matched_->clear();
        return;
    }
    const double share = graph_->search(pattern);
    if (share < 0) {
        matched_->setText(tr("invalid pattern"));
        return;
    }
    matched_->setText(tr("matched %1 %").arg(share * 100.0, 0, 'f', 1));
}

void FlameGraphView::updateBreadcrumb()
{
    const auto node = graph_->zoomedNode();
    back_->setEnabled(node != 0);
    reset_->setEnabled(node != 0);
    if (!analysis_ || node == 0 || node >= analysis_->topDown->size()) {
        crumbs_->setText(tr("All"));
        return;
    }
    QStringList parts{tr("All")};
    for (auto id : analysis_->topDown->pathTo(node))
        parts << qs(analysis_->functions->name(analysis_->topDown->node(id).function));
    crumbs_->setText(parts.join(QStringLiteral(" › ")));
    crumbs_->setToolTip(crumbs_->text());
}

} // namespace perfwb::ui
