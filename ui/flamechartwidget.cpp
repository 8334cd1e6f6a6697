// SPDX-License-Identifier: GPL-3.0-or-later
#include "flamechartwidget.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollArea>
#include <QToolTip>

#include <QImage>

#include <algorithm>
#include <climits>
#include <vector>

namespace perfwb::ui {

namespace {
// A share in percent, readable down to the smallest ones a threshold merges.
QString percent(double value)
{
    return value >= 0.01 || value == 0 ? QString::number(value, 'f', 2) : QString::number(value, 'g', 2);
}

// Boxes of 1 to 3 pixels, most of a zoomed view (15,500 in the benchmark's), cost a
// fillRect each: about 200 ns in Qt's raster engine, 3 ms a paint. They are collected per
// row into a line of pixels instead and drawn as a few images stretched to the row's
// height, the same pixels (checked against fillRect on every paint of
// bench_ui_flamegraphpaint) in a tenth of the time.
class NarrowBoxes {
public:
    explicit NarrowBoxes(const QRect &area)
        : area_(area)
    {}
    static bool isNarrow(int x1, int x2) { return x2 > x1 && x2 - x1 <= 3; }
    // Pixels [x1, x2) of the row at `depth`, whose boxes cover [y1, y2); `colour` opaque.
    void add(std::uint32_t depth, int x1, int x2, int y1, int y2, QRgb colour)
    {
        if (depth >= rows_.size())
            rows_.resize(depth + 1);
        Row &row = rows_[depth];
        if (row.px.empty()) {
            row.px.assign(static_cast<std::size_t>(area_.width()), 0); // 0: no box (colours are opaque)
            row.y1 = y1;
            row.y2 = y2;
        }
        x1 = std::max(x1 - area_.left(), 0);
        x2 = std::min(x2 - area_.left(), area_.width());
        std::fill(row.px.begin() + x1, row.px.begin() + x2, colour);
        row.lo = std::min(row.lo, x1);
        row.hi = std::max(row.hi, x2);
    }
    // Each row's runs of boxes (split where 8 or more pixels have none) as images.
    void draw(QPainter &painter) const
    {
        for (const Row &row : rows_) {
            for (int x = row.lo; x < row.hi;) {
                while (x < row.hi && row.px[static_cast<std::size_t>(x)] == 0)
                    ++x;
                int end = x;
                for (int k = x, gap = 0; k < row.hi && gap < 8; ++k) {
                    gap = row.px[static_cast<std::size_t>(k)] != 0 ? 0 : gap + 1;
                    end = gap == 0 ? k + 1 : end;
                }
                if (end > x) {
                    const QImage line(reinterpret_cast<const uchar *>(row.px.data() + x), end - x, 1,
                                      static_cast<qsizetype>(end - x) * static_cast<qsizetype>(sizeof(QRgb)),
                                      QImage::Format_ARGB32_Premultiplied);
                    painter.drawImage(QRect(area_.left() + x, row.y1, end - x, row.y2 - row.y1), line);
                }
                x = std::max(end, x + 1);
            }
        }
    }

private:
    struct Row {
        std::vector<QRgb> px;
        int y1 = 0, y2 = 0;
        int lo = INT_MAX, hi = INT_MIN; // the pixels with boxes, relative to the area
    };
    QRect area_;
    std::vector<Row> rows_;
};
} // namespace

FlameChartWidget::FlameChartWidget(QWidget *parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    rowHeight_ = std::max(16, fontMetrics().height() + 4);
}

void FlameChartWidget::setRects(std::vector<Rect> rects, double total, std::size_t nodeCount)
{
    allRects_ = std::move(rects);
    total_ = total;
    history_.clear();
    trail_.clear();
    zoom_ = 0;
    hovered_ = 0;
    current_ = 0;
    rectOfNode_.assign(nodeCount, kNotLaidOut);
    applyThreshold();
}

void FlameChartWidget::setThresholdPercent(double percent)
{
    percent = std::max(0.0, percent);
    if (percent == thresholdPercent_)
        return;
    thresholdPercent_ = percent;
    const auto zoom = zoom_;
    const auto current = current_;
    applyThreshold();
    if (zoom_ != zoom)
        Q_EMIT zoomChanged(zoom_);
    if (current_ != current)
        Q_EMIT currentChanged(current_);
}

void FlameChartWidget::applyThreshold()
{
    // Children are never wider than their parent, so a frame below the threshold takes
    // its whole subtree with it; its weight is counted as the parent's hidden callees.
    const double minWidth = total_ * thresholdPercent_ / 100.0;
    std::fill(rectOfNode_.begin(), rectOfNode_.end(), kNotLaidOut);
    rects_.clear();
    hidden_.clear();
    subtreeEnd_.clear();
    maxDepth_ = 0;
    std::vector<std::uint32_t> open;       // kept rect indices on the current path
    std::uint32_t skipBelow = kNotLaidOut; // depth of the left-out frame being skipped
    for (const auto &r : allRects_) {
        if (skipBelow != kNotLaidOut && r.depth > skipBelow)
            continue;
        skipBelow = kNotLaidOut;
        const auto index = static_cast<std::uint32_t>(rects_.size());
        while (!open.empty() && rects_[open.back()].depth >= r.depth) {
            subtreeEnd_[open.back()] = index;
            open.pop_back();
        }
        if (r.width < minWidth) {
            if (!open.empty() && rects_[open.back()].depth + 1 == r.depth)
                hidden_[open.back()] += r.width;
            skipBelow = r.depth;
            continue;
        }
        rectOfNode_[r.node] = index;
        rects_.push_back(r);
        hidden_.push_back(0);
        subtreeEnd_.push_back(index + 1);
        open.push_back(index);
        maxDepth_ = std::max(maxDepth_, r.depth);
    }
    for (const auto i : open)
        subtreeEnd_[i] = static_cast<std::uint32_t>(rects_.size());
    if (zoom_ != 0 && !isLaidOut(zoom_))
        zoom_ = 0;
    std::erase_if(history_, [this](std::uint32_t n) { return n != 0 && !isLaidOut(n); });
    if (!isLaidOut(current_))
        current_ = 0;
    trail_.clear();
    hovered_ = 0;
    setMinimumHeight(static_cast<int>(maxDepth_ + 2) * rowHeight_);
    updateGeometry();
    update();
}

bool FlameChartWidget::isLaidOut(std::uint32_t node) const
{
    return node < rectOfNode_.size() && rectOfNode_[node] != kNotLaidOut;
}

std::uint32_t FlameChartWidget::indexOf(std::uint32_t node) const
{
    return node < rectOfNode_.size() ? rectOfNode_[node] : kNotLaidOut;
}

void FlameChartWidget::setOrientation(Orientation orientation)
{
    orientation_ = orientation;
    update();
}

void FlameChartWidget::zoomTo(std::uint32_t node)
{
    if (node == zoom_ || (node != 0 && !isLaidOut(node)))
        return;
    history_.push_back(zoom_);
    zoom_ = node;
    update();
    Q_EMIT zoomChanged(zoom_);
}

void FlameChartWidget::back()
{
    if (history_.empty())
        return;
    zoom_ = history_.back();
    history_.pop_back();
    update();
    Q_EMIT zoomChanged(zoom_);
}

void FlameChartWidget::resetZoom()
{
    if (zoom_ == 0)
        return;
    history_.push_back(zoom_);
    zoom_ = 0;
    update();
    Q_EMIT zoomChanged(zoom_);
}

FlameChartWidget::Scale FlameChartWidget::scaleFor(const QRect &area) const
{
    double zStart = 0;
    double zWidth = std::max(total_, 1e-300);
    if (zoom_ != 0) {
        const auto &z = rects_[rectOfNode_[zoom_]];
        zStart = z.start;
        zWidth = std::max(z.width, 1e-300);
    }
    return {zStart, area.width() / zWidth};
}

QRectF FlameChartWidget::rectFor(std::size_t index, const QRect &area) const
{
    return rectFor(index, area, scaleFor(area));
}

QRectF FlameChartWidget::rectFor(std::size_t index, const QRect &area, Scale s) const
{
    const auto &r = rects_[index];
    const double scale = s.perUnit;
    const double zStart = s.start;
    const double x = area.left() + (r.start - zStart) * scale;
    const double w = r.width * scale;
    const double y =
        orientation_ == Orientation::Flame
            ? area.bottom() + 1 - static_cast<double>((r.depth + 1) * static_cast<std::uint32_t>(rowHeight_))
            : area.top() + static_cast<double>(r.depth * static_cast<std::uint32_t>(rowHeight_));
    return {x, y, w, static_cast<double>(rowHeight_)};
}

QRectF FlameChartWidget::nodeRect(std::uint32_t node) const
{
    if (!isLaidOut(node))
        return {};
    return rectFor(rectOfNode_[node], rect());
}

void FlameChartWidget::paint(QPainter &painter, const QRect &area)
{
    painter.fillRect(area, palette().base());
    if (rects_.empty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(area, Qt::AlignCenter, tr("No samples"));
        return;
    }
    const std::uint32_t zoomDepth = zoom_ == 0 ? 0 : rects_[rectOfNode_[zoom_]].depth;
    const QFontMetrics fm = painter.fontMetrics();
    const QPen textPen(QColor(20, 20, 20));
    QPen dashedPen(QColor(90, 90, 90));
    dashedPen.setStyle(Qt::DashLine);
    const QPen outlinePen(QColor(20, 20, 20), 2);
    const double minLabel = fm.horizontalAdvance(QStringLiteral("W…")) + 6.0;
    const double avgChar = std::max(1.0, fm.averageCharWidth() * 1.1);
    const double baseline = (rowHeight_ - fm.height()) / 2.0 + fm.ascent();
    const std::size_t n = rects_.size();
    const Scale scale = scaleFor(area);
    NarrowBoxes narrow(area);
    for (std::size_t i = 0; i < n;) {
        const QRectF r = rectFor(i, area, scale);
        // Children lie within their parent: off-screen or sub-pixel means the whole subtree is.
        if (r.right() <= area.left() || r.left() >= area.right() + 1 || r.width() < 1.0 || r.bottom() < area.top() ||
            r.top() > area.bottom()) {
            i = subtreeEnd_[i];
            continue;
        }
        const auto &rect = rects_[i];
        const QRectF clipped = r.intersected(QRectF(area));
        const QRectF box = clipped.adjusted(0, 0, -1, -1);
        QColor fill = colourFor(rect.node);
        if (zoom_ != 0 && rect.depth < zoomDepth)
            fill = fill.lighter(140); // ancestors of the zoomed frame
        if (rect.node == hovered_)
            fill = fill.darker(115);
        // Rounded as the raster engine rounds a box: a third of a zoomed view's boxes are
        // no pixel at all.
        const int x1 = qRound(box.left()), x2 = qRound(box.right());
        if (NarrowBoxes::isNarrow(x1, x2) && fill.alpha() == 255 && !outlined(rect.node) && !dashed(rect.node))
            narrow.add(rect.depth, x1, x2, qRound(box.top()), qRound(box.bottom()), fill.rgba());
        else if (x1 != x2)
            painter.fillRect(box, fill);
        if (outlined(rect.node)) {
            painter.setPen(outlinePen);
            painter.drawRect(box.adjusted(1, 1, -1, -1));
        } else if (dashed(rect.node)) {
            painter.setPen(dashedPen);
            painter.drawRect(box);
        }
        if (clipped.width() >= minLabel) {
            // Exact elision (QFontMetrics::elidedText) measures every glyph and made a
            // zoomed 200 k-node graph 3x slower; a character budget from the average
            // width is close enough for a label, and the tooltip has the full name.
            const QString name = labelFor(rect.node);
            const auto budget = static_cast<qsizetype>((clipped.width() - 6) / avgChar);
            painter.setPen(textPen);
            // drawText at a point skips the layout pass of the rectangle overload.
            painter.drawText(QPointF(clipped.left() + 3, clipped.top() + baseline),
                             name.size() <= budget ? name : name.left(std::max<qsizetype>(budget - 1, 1)) + u'…');
        }
        ++i;
    }
    narrow.draw(painter);
    paintCurrent(painter, area);
}

void FlameChartWidget::paintCurrent(QPainter &painter, const QRect &area)
{
    const auto index = indexOf(current_);
    if (index == kNotLaidOut || !shownInZoom(index))
        return;
    // Wide enough to see even when the frame is narrower than a pixel.
    QRectF r = rectFor(index, area);
    if (r.width() < 4)
        r.adjust((r.width() - 4) / 2, 0, (4 - r.width()) / 2, 0);
    painter.setPen(QPen(palette().color(QPalette::Highlight), 2));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(r.intersected(QRectF(area)).adjusted(1, 1, -2, -2));
}

void FlameChartWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    paint(painter, rect());
}

void FlameChartWidget::renderTo(QImage &image)
{
    QPainter painter(&image);
    painter.setFont(font());
    paint(painter, image.rect());
}

std::uint32_t FlameChartWidget::nodeAt(const QPoint &pos) const
{
    const QRect area = rect();
    for (std::size_t i = 0; i < rects_.size();) {
        const QRectF r = rectFor(i, area);
        if (r.left() > pos.x() || r.right() < pos.x() || r.width() < 1.0) {
            i = subtreeEnd_[i]; // the point is not under this frame, so not under its children
            continue;
        }
        if (r.top() <= pos.y() && pos.y() < r.bottom())
            return rects_[i].node;
        ++i;
    }
    return 0;
}

void FlameChartWidget::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::BackButton || event->button() == Qt::RightButton) {
        back();
        return;
    }
    if (event->button() == Qt::LeftButton) {
        const auto node = nodeAt(event->position().toPoint());
        if (node != 0)
            zoomTo(node);
    }
}

void FlameChartWidget::mouseDoubleClickEvent(QMouseEvent *event)
{
    const auto node = nodeAt(event->position().toPoint());
    if (node != 0)
        Q_EMIT nodeActivated(node);
}

void FlameChartWidget::mouseMoveEvent(QMouseEvent *event)
{
    const auto node = nodeAt(event->position().toPoint());
    if (node != hovered_) {
        hovered_ = node;
        update();
        Q_EMIT nodeHovered(node);
    }
}

bool FlameChartWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const auto node = nodeAt(help->pos());
        const QString tip = node == 0 ? QString() : fullTooltipFor(node);
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), tip, this);
        return true;
    }
    return QWidget::event(event);
}

QString FlameChartWidget::fullTooltipFor(std::uint32_t node) const
{
    QString tip = tooltipFor(node);
    const auto index = indexOf(node);
    if (tip.isEmpty() || index == kNotLaidOut || hidden_[index] <= 0 || total_ <= 0)
        return tip;
    return tip + tr("<br>%1 % in callees below the %2 % threshold (not drawn)")
                     .arg(percent(100.0 * hidden_[index] / total_), percent(thresholdPercent_));
}

QSize FlameChartWidget::sizeHint() const
{
    return {900, static_cast<int>(maxDepth_ + 2) * rowHeight_};
}

// Keyboard navigation. Only frames drawn in the current zoom can become current: the
// zoomed subtree and the zoomed frame's callers.
bool FlameChartWidget::shownInZoom(std::uint32_t index) const
{
    if (zoom_ == 0)
        return true;
    const auto z = rectOfNode_[zoom_];
    return (index >= z && index < subtreeEnd_[z]) || (index < z && z < subtreeEnd_[index]);
}

std::uint32_t FlameChartWidget::parentOf(std::uint32_t index) const
{
    // Depth first: the parent is the nearest earlier frame one row closer to the root.
    for (auto i = index; i-- > 0;)
        if (rects_[i].depth < rects_[index].depth)
            return i;
    return kNotLaidOut;
}

std::uint32_t FlameChartWidget::widestChildOf(std::uint32_t index) const
{
    std::uint32_t best = kNotLaidOut;
    for (auto i = index + 1; i < subtreeEnd_[index]; i = subtreeEnd_[i])
        if (best == kNotLaidOut || rects_[i].width > rects_[best].width)
            best = i;
    return best;
}

std::uint32_t FlameChartWidget::siblingOf(std::uint32_t index, bool next) const
{
    const auto depth = rects_[index].depth;
    std::uint32_t found = kNotLaidOut;
    if (next) {
        const auto i = subtreeEnd_[index];
        if (i < rects_.size() && rects_[i].depth == depth)
            found = i;
    } else {
        for (auto i = index; i-- > 0 && rects_[i].depth >= depth;)
            if (rects_[i].depth == depth) {
                found = i;
                break;
            }
    }
    return found != kNotLaidOut && shownInZoom(found) ? found : kNotLaidOut;
}

void FlameChartWidget::moveCurrent(int key)
{
    const auto index = indexOf(current_);
    if (index == kNotLaidOut || !shownInZoom(index)) {
        setCurrentNode(zoom_ != 0 ? zoom_ : rects_.front().node); // the first key picks a start
        return;
    }
    // Up always moves up on screen: away from the root in a flame graph, towards it in an icicle.
    const bool towardsRoot = (key == Qt::Key_Down) == (orientation_ == Orientation::Flame);
    const bool sideways = key == Qt::Key_Left || key == Qt::Key_Right;
    const auto came = trail_.empty() ? kNotLaidOut : indexOf(trail_.back());
    std::uint32_t target = kNotLaidOut;
    if (sideways) {
        target = siblingOf(index, key == Qt::Key_Right);
        trail_.clear();
    } else if (towardsRoot) {
        target = parentOf(index);
        if (target != kNotLaidOut)
            trail_.push_back(current_);
    } else if (came != kNotLaidOut && parentOf(came) == index) {
        target = came; // back down the way we came up
        trail_.pop_back();
    } else {
        target = widestChildOf(index);
        trail_.clear();
    }
    if (target != kNotLaidOut)
        setCurrentNode(rects_[target].node);
}

void FlameChartWidget::setCurrentNode(std::uint32_t node)
{
    if (node == current_ || (node != 0 && !isLaidOut(node)))
        return;
    current_ = node;
    update();
    Q_EMIT currentChanged(node);
    Q_EMIT nodeHovered(node); // whatever shows the hovered frame shows the keyboard's too
    if (node == 0)
        return;
    const QRectF r = nodeRect(node);
    auto *area = parentWidget() ? qobject_cast<QScrollArea *>(parentWidget()->parentWidget()) : nullptr;
    if (area && area->widget() == this)
        area->ensureVisible(static_cast<int>(r.center().x()), static_cast<int>(r.center().y()), 0, rowHeight_);
    if (isVisible() && hasFocus()) {
        const QString tip = fullTooltipFor(node);
        const QRect shown = r.toRect().intersected(rect());
        QToolTip::showText(mapToGlobal(QPoint(shown.center().x(), shown.bottom())), tip, this, shown);
    }
}

void FlameChartWidget::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Up:
    case Qt::Key_Down:
    case Qt::Key_Left:
    case Qt::Key_Right:
        if (rects_.empty())
            break;
        moveCurrent(event->key());
        return;
    case Qt::Key_Enter:
    case Qt::Key_Return:
        if (current_ == 0)
            break;
        zoomTo(current_);
        return;
    case Qt::Key_Backspace:
        if (history_.empty())
            break;
        back();
        return;
    case Qt::Key_Escape:
        if (zoom_ == 0)
            break; // not ours: a dialog may close on it
        resetZoom();
        return;
    default:
        break;
    }
    QWidget::keyPressEvent(event);
}

QList<QPair<QString, QString>> FlameChartWidget::keyHelp()
{
    return {
        {tr("Click / Enter"), tr("Flame graph: zoom into a frame / the current frame")},
        {tr("Backspace / right-click"), tr("Flame graph: back to the previous zoom")},
        {tr("Esc"), tr("Flame graph: reset zoom (show everything)")},
        {tr("Up / Down"), tr("Flame graph: current frame one row up / down (callee or caller)")},
        {tr("Left / Right"), tr("Flame graph: previous / next frame under the same caller")},
    };
}

} // namespace perfwb::ui
