#include "flamechartwidget.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace perfwb::ui {

FlameChartWidget::FlameChartWidget(QWidget *parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    rowHeight_ = std::max(16, fontMetrics().height() + 4);
}

void FlameChartWidget::setRects(std::vector<Rect> rects, double total, std::size_t nodeCount)
{
    rects_ = std::move(rects);
    total_ = total;
    history_.clear();
    zoom_ = 0;
    hovered_ = 0;
    maxDepth_ = 0;
    const std::size_t n = rects_.size();
    rectOfNode_.assign(nodeCount, kNotLaidOut);
    subtreeEnd_.assign(n, static_cast<std::uint32_t>(n));
    std::vector<std::uint32_t> open; // rect indices on the current path
    for (std::size_t i = 0; i < n; ++i) {
        const auto &r = rects_[i];
        rectOfNode_[r.node] = static_cast<std::uint32_t>(i);
        maxDepth_ = std::max(maxDepth_, r.depth);
        while (!open.empty() && rects_[open.back()].depth >= r.depth) {
            subtreeEnd_[open.back()] = static_cast<std::uint32_t>(i);
            open.pop_back();
        }
        open.push_back(static_cast<std::uint32_t>(i));
    }
    setMinimumHeight(static_cast<int>(maxDepth_ + 2) * rowHeight_);
    updateGeometry();
    update();
}

void FlameChartWidget::setOrientation(Orientation orientation)
{
    orientation_ = orientation;
    update();
}

void FlameChartWidget::zoomTo(std::uint32_t node)
{
    if (node == zoom_ || (node != 0 && (node >= rectOfNode_.size() || rectOfNode_[node] == kNotLaidOut)))
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

QRectF FlameChartWidget::rectFor(std::size_t index, const QRect &area) const
{
    const auto &r = rects_[index];
    double zStart = 0;
    double zWidth = std::max(total_, 1e-300);
    if (zoom_ != 0) {
        const auto &z = rects_[rectOfNode_[zoom_]];
        zStart = z.start;
        zWidth = std::max(z.width, 1e-300);
    }
    const double scale = area.width() / zWidth;
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
    if (node >= rectOfNode_.size() || rectOfNode_[node] == kNotLaidOut)
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
    for (std::size_t i = 0; i < n;) {
        const QRectF r = rectFor(i, area);
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
        const QString tip = node == 0 ? QString() : tooltipFor(node);
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), tip, this);
        return true;
    }
    return QWidget::event(event);
}

QSize FlameChartWidget::sizeHint() const
{
    return {900, static_cast<int>(maxDepth_ + 2) * rowHeight_};
}

} // namespace perfwb::ui
