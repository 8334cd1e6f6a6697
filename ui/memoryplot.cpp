// SPDX-License-Identifier: GPL-3.0-or-later
#include "memoryplot.h"

#include "marksplotlayer.h"

#include "qcustomplotheader.h"
#include <QEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QVBoxLayout>

#include <algorithm>

namespace perfwb::ui {

namespace {

constexpr double kMiB = 1024.0 * 1024.0;
constexpr double kGiB = 1024.0 * kMiB;

const model::Timeline *findTimeline(const model::Profile &profile, std::string_view name)
{
    for (const auto &timeline : profile.timelines)
        if (timeline.name == name && !timeline.points.empty())
            return &timeline;
    return nullptr;
}

// The timelines this plot draws; others (e.g. a budget's queue depth) are not memory data.
bool isPlotted(const model::Timeline &timeline)
{
    return !timeline.points.empty() &&
           (timeline.name == model::timelines::kRss || timeline.name == model::timelines::kHeap ||
            timeline.name == model::timelines::kCpu || timeline.name == model::timelines::kThreads);
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

} // namespace

MemoryPlot::MemoryPlot(QWidget *parent)
    : QWidget(parent)
    , plot_(new QCustomPlot(this))
    , empty_(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot_);
    layout->addWidget(empty_);
    // An empty plot with an empty legend reads as "broken"; say what is missing instead.
    empty_->setObjectName(QStringLiteral("memory-empty"));
    empty_->setAlignment(Qt::AlignCenter);
    empty_->setWordWrap(true);
    empty_->setEnabled(false);
    empty_->setText(tr("No memory data in this report.\nRecordings by perfwb poll the process's memory and CPU; "
                       "Record with \"Track allocations\" adds the heap in use. Most imported formats have no "
                       "timelines."));
    empty_->hide();
    plot_->setInteractions(QCP::iRangeZoom | QCP::iRangeDrag);
    // Only time zooms and pans; the value axes follow the data.
    plot_->axisRect()->setRangeZoom(Qt::Horizontal);
    plot_->axisRect()->setRangeDrag(Qt::Horizontal);
    plot_->xAxis->setLabel(tr("Time (s)"));
    plot_->yAxis->setLabel(tr("Memory (MiB)"));
    plot_->yAxis2->setLabel(tr("CPU (%)"));
    plot_->yAxis2->setVisible(true);
    threadsAxis_ = plot_->axisRect()->addAxis(QCPAxis::atRight);
    threadsAxis_->setLabel(tr("Threads"));
    threadsAxis_->setVisible(false);
    plot_->legend->setVisible(true);
    plot_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    plot_->setSelectionRectMode(QCP::srmNone);
    connect(plot_->selectionRect(), &QCPSelectionRect::accepted, this,
            [this](const QRect &rect, QMouseEvent *) { onSelectionAccepted(rect); });
    plot_->installEventFilter(this);
    plot_->setToolTip(tr("Wheel: zoom time · Drag: pan · Shift+drag: select a time range · Double-click: reset"));

    marks_ = new MarksPlotLayer(plot_, plot_->xAxis);
    marks_->setLayer(QStringLiteral("main"));
    selection_ = new QCPItemRect(plot_);
    selection_->setLayer(QStringLiteral("overlay"));
    selection_->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
    selection_->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
    selection_->setVisible(false);
    selection_->setSelectable(false);
    applyPalette();
    setMinimumHeight(160);
}

void MemoryPlot::setProfile(std::shared_ptr<const model::Profile> profile)
{
    const QCPRange oldRange = plot_->xAxis->range();
    const double oldEnd = full_.valid() ? double(full_.end - full_.begin) / 1e9 : 0;
    const bool hadProfile = profile_ != nullptr && full_.valid();
    profile_ = std::move(profile);
    rebuild();
    // A live recording grows: follow it unless the user zoomed in.
    const bool wasWhole = !hadProfile || (oldRange.lower <= 1e-9 && oldRange.upper >= oldEnd - 1e-9);
    if (wasWhole)
        resetZoom();
    else
        plot_->xAxis->setRange(oldRange);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

QCPGraph *MemoryPlot::addGraph(const model::Timeline &timeline, QCPAxis *valueAxis, double scale, const QColor &colour,
                               const QString &label)
{
    QVector<double> keys, values;
    keys.reserve(qsizetype(timeline.points.size()));
    values.reserve(qsizetype(timeline.points.size()));
    for (const auto &point : timeline.points) {
        keys.push_back(secondsFor(point.timeNs));
        values.push_back(point.value / scale);
    }
    QCPGraph *graph = plot_->addGraph(plot_->xAxis, valueAxis);
    graph->setName(label);
    graph->setPen(QPen(colour, 1.6));
    // A line needs two points: one reading is drawn as a dot.
    if (timeline.points.size() == 1)
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 7));
    graph->setData(keys, values, std::is_sorted(keys.begin(), keys.end()));
    graphs_.insert(QString::fromStdString(timeline.name), graph);
    return graph;
}

void MemoryPlot::rebuild()
{
    plot_->clearGraphs();
    graphs_.clear();
    full_ = profile_ ? ProfileTimeRange::of(*profile_) : ProfileTimeRange{};
    const bool hasData = profile_ && std::any_of(profile_->timelines.begin(), profile_->timelines.end(),
                                                 [](const model::Timeline &t) { return isPlotted(t); });
    // A recording's first snapshots have no poll yet: keep the (empty) plot rather than flicker.
    const bool explain = profile_ && !hasData && !live_;
    plot_->setVisible(!explain);
    empty_->setVisible(explain);
    if (!profile_ || !full_.valid()) {
        plot_->replot(QCustomPlot::rpQueuedReplot);
        return;
    }
    const bool dark = isDark(palette());
    const auto *rss = findTimeline(*profile_, model::timelines::kRss);
    const auto *heap = findTimeline(*profile_, model::timelines::kHeap);
    // One unit for both memory graphs, GiB once they pass 2 GiB (IEC, as everywhere in perfwb).
    double peakBytes = 0;
    for (const auto *timeline : {rss, heap})
        if (timeline)
            for (const auto &p : timeline->points)
                peakBytes = std::max(peakBytes, p.value);
    const bool gib = peakBytes >= 2 * kGiB;
    const double memScale = gib ? kGiB : kMiB;
    plot_->yAxis->setLabel(gib ? tr("Memory (GiB)") : tr("Memory (MiB)"));
    const double memMax = std::max(gib ? 0.1 : 1.0, peakBytes / memScale);
    if (rss) {
        QCPGraph *g =
            addGraph(*rss, plot_->yAxis, memScale, dark ? QColor(100, 170, 255) : QColor(30, 100, 200), tr("RSS"));
        QColor fill = g->pen().color();
        fill.setAlpha(40);
        g->setBrush(fill);
    }
    if (heap)
        addGraph(*heap, plot_->yAxis, memScale, dark ? QColor(120, 220, 140) : QColor(30, 140, 60), tr("Heap in use"));
    double cpuMax = 100;
    const auto *cpu = findTimeline(*profile_, model::timelines::kCpu);
    plot_->yAxis2->setVisible(cpu != nullptr); // no empty CPU axis beside a heap-only plot
    if (cpu) {
        addGraph(*cpu, plot_->yAxis2, 1.0, dark ? QColor(255, 150, 70) : QColor(214, 90, 20), tr("CPU %"));
        for (const auto &p : cpu->points)
            cpuMax = std::max(cpuMax, p.value);
    }
    threadsAxis_->setVisible(false);
    if (const auto *threads = findTimeline(*profile_, model::timelines::kThreads); threads && showThreads_) {
        QCPGraph *g =
            addGraph(*threads, threadsAxis_, 1.0, dark ? QColor(200, 140, 255) : QColor(120, 60, 180), tr("Threads"));
        g->setLineStyle(QCPGraph::lsStepLeft);
        double maxThreads = 1;
        for (const auto &p : threads->points)
            maxThreads = std::max(maxThreads, p.value);
        threadsAxis_->setRange(0, maxThreads + 1);
        threadsAxis_->setVisible(true);
    }
    plot_->yAxis->setRange(0, memMax * 1.1);
    plot_->yAxis2->setRange(0, cpuMax * 1.05);

    std::vector<MarksPlotLayer::Mark> marks;
    marks.reserve(profile_->marks.size());
    for (const auto &mark : profile_->marks)
        marks.push_back({secondsFor(mark.startNs), secondsFor(std::max(mark.endNs, mark.startNs)),
                         QString::fromStdString(mark.name)});
    marks_->setColour(palette().color(QPalette::Link));
    marks_->setMarks(std::move(marks));
    setTimeRange(selBegin_, selEnd_);
}

void MemoryPlot::resetZoom()
{
    if (full_.valid()) {
        const double span = double(full_.end - full_.begin) / 1e9;
        // A single instant (one poll) sits at the left edge of its range, half hidden by
        // the axis: give it room on both sides.
        if (span <= 0.001)
            plot_->xAxis->setRange(-span, 2 * span);
        else
            plot_->xAxis->setRange(0, span);
    }
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void MemoryPlot::setLive(bool live)
{
    if (live == live_)
        return;
    live_ = live;
    rebuild();
}

void MemoryPlot::setShowThreads(bool show)
{
    if (show == showThreads_)
        return;
    showThreads_ = show;
    rebuild();
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

QCPGraph *MemoryPlot::graph(const QString &timeline) const
{
    return graphs_.value(timeline, nullptr);
}

bool MemoryPlot::hasSelection() const
{
    return selection_->visible();
}

void MemoryPlot::setTimeRange(qint64 beginNs, qint64 endNs)
{
    selBegin_ = beginNs;
    selEnd_ = endNs;
    const bool show = full_.valid() && endNs > beginNs && !(beginNs <= full_.begin && endNs >= full_.end);
    selection_->setVisible(show);
    if (show) {
        selection_->topLeft->setCoords(secondsFor(beginNs), 0);
        selection_->bottomRight->setCoords(secondsFor(endNs), 1);
    }
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void MemoryPlot::onSelectionAccepted(const QRect &rect)
{
    plot_->setSelectionRectMode(QCP::srmNone);
    if (!full_.valid())
        return;
    const double a = plot_->xAxis->pixelToCoord(rect.left());
    const double b = plot_->xAxis->pixelToCoord(rect.right());
    const double span = double(full_.end - full_.begin);
    auto clampNs = [&](double s) { return full_.begin + qint64(std::clamp(s * 1e9, 0.0, span)); };
    const qint64 begin = clampNs(std::min(a, b));
    const qint64 end = clampNs(std::max(a, b));
    if (end <= begin)
        return;
    setTimeRange(begin, end);
    Q_EMIT timeRangeSelected(begin, end);
}

bool MemoryPlot::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == plot_) {
        if (event->type() == QEvent::MouseButtonPress) {
            // Shift+drag selects; a plain drag pans (QCustomPlot decides at press time).
            auto *mouse = static_cast<QMouseEvent *>(event);
            plot_->setSelectionRectMode((mouse->modifiers() & Qt::ShiftModifier) && mouse->button() == Qt::LeftButton
                                            ? QCP::srmCustom
                                            : QCP::srmNone);
        } else if (event->type() == QEvent::MouseButtonDblClick) {
            resetZoom();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void MemoryPlot::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        applyPalette();
        rebuild();
    }
    QWidget::changeEvent(event);
}

void MemoryPlot::applyPalette()
{
    const QPalette &pal = palette();
    plot_->setBackground(pal.brush(QPalette::Base));
    const QColor text = pal.color(QPalette::Text);
    QColor grid = pal.color(QPalette::Mid);
    grid.setAlpha(90);
    for (QCPAxis *axis : plot_->axisRect()->axes()) {
        axis->setBasePen(QPen(text));
        axis->setTickPen(QPen(text));
        axis->setSubTickPen(QPen(text));
        axis->setTickLabelColor(text);
        axis->setLabelColor(text);
        axis->grid()->setPen(QPen(grid, 1, Qt::DotLine));
        axis->grid()->setZeroLinePen(Qt::NoPen);
    }
    plot_->yAxis2->grid()->setVisible(false);
    plot_->legend->setBrush(pal.brush(QPalette::Window));
    plot_->legend->setBorderPen(QPen(pal.color(QPalette::Mid)));
    plot_->legend->setTextColor(pal.color(QPalette::WindowText));
    QColor fill = pal.color(QPalette::Highlight);
    fill.setAlpha(50);
    selection_->setBrush(fill);
    selection_->setPen(QPen(pal.color(QPalette::Highlight)));
    plot_->selectionRect()->setPen(QPen(pal.color(QPalette::Highlight), 1, Qt::DashLine));
    plot_->selectionRect()->setBrush(fill);
}

} // namespace perfwb::ui
