#include "flamegraphwidget.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace perfwb::ui {

namespace {
QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

// FNV-1a: stable across runs and platforms, unlike qHash with its random seed,
// so a function keeps its colour from one session (and screenshot) to the next.
std::uint32_t stableHash(std::string_view s)
{
    std::uint32_t h = 2166136261U;
    for (unsigned char c : s)
        h = (h ^ c) * 16777619U;
    return h;
}
} // namespace

FlameGraphWidget::FlameGraphWidget(QWidget *parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    rowHeight_ = std::max(16, fontMetrics().height() + 4);
}

void FlameGraphWidget::setTree(std::shared_ptr<const model::Profile> profile,
                               std::shared_ptr<const analysis::FunctionTable> functions,
                               std::shared_ptr<const analysis::CallTree> tree)
{
    profile_ = std::move(profile);
    functions_ = std::move(functions);
    tree_ = std::move(tree);
    history_.clear();
    zoom_ = 0;
    hovered_ = 0;
    matched_.clear();
    matchedShare_ = 0;
    updateLayout();
    update();
}

void FlameGraphWidget::updateLayout()
{
    layout_ = tree_ ? analysis::FlameGraphLayout::compute(*tree_) : analysis::FlameGraphLayout{};
    const std::size_t n = layout_.rects.size();
    rectOfNode_.assign(tree_ ? tree_->size() : 0, 0);
    subtreeEnd_.assign(n, static_cast<std::uint32_t>(n));
    std::vector<std::uint32_t> open; // rect indices on the current path
    for (std::size_t i = 0; i < n; ++i) {
        const auto &r = layout_.rects[i];
        rectOfNode_[r.node] = static_cast<std::uint32_t>(i);
        while (!open.empty() && layout_.rects[open.back()].depth >= r.depth) {
            subtreeEnd_[open.back()] = static_cast<std::uint32_t>(i);
            open.pop_back();
        }
        open.push_back(static_cast<std::uint32_t>(i));
    }
    setMinimumHeight(static_cast<int>(layout_.maxDepth + 2) * rowHeight_);
    updateGeometry();
}

void FlameGraphWidget::setOrientation(Orientation orientation)
{
    orientation_ = orientation;
    update();
}

void FlameGraphWidget::setColouring(Colouring colouring)
{
    colouring_ = colouring;
    update();
}

void FlameGraphWidget::zoomTo(std::uint32_t node)
{
    if (!tree_ || node >= tree_->size() || node == zoom_)
        return;
    history_.push_back(zoom_);
    zoom_ = node;
    update();
    Q_EMIT zoomChanged(zoom_);
}

void FlameGraphWidget::back()
{
    if (history_.empty())
        return;
    zoom_ = history_.back();
    history_.pop_back();
    update();
    Q_EMIT zoomChanged(zoom_);
}

void FlameGraphWidget::resetZoom()
{
    if (zoom_ == 0)
        return;
    history_.push_back(zoom_);
    zoom_ = 0;
    update();
    Q_EMIT zoomChanged(zoom_);
}

double FlameGraphWidget::search(const QString &pattern)
{
    matched_.clear();
    matchedShare_ = 0;
    if (!tree_ || pattern.isEmpty()) {
        update();
        return 0;
    }
    const QRegularExpression re(pattern);
    if (!re.isValid())
        return -1;
    matched_.assign(functions_->size(), false);
    for (analysis::FunctionId f = 0; f < functions_->size(); ++f)
        matched_[f] = re.match(qs(functions_->name(f))).hasMatch();
    // Share of the total under matched frames; a match inside a match counts once.
    std::uint64_t covered = 0;
    std::vector<std::uint32_t> todo(tree_->node(0).children.begin(), tree_->node(0).children.end());
    while (!todo.empty()) {
        const auto id = todo.back();
        todo.pop_back();
        const auto &n = tree_->node(id);
        if (matched_[n.function])
            covered += n.total;
        else
            todo.insert(todo.end(), n.children.begin(), n.children.end());
    }
    matchedShare_ = tree_->total() == 0 ? 0.0 : static_cast<double>(covered) / static_cast<double>(tree_->total());
    update();
    return matchedShare_;
}

QRectF FlameGraphWidget::rectFor(std::size_t index, const QRect &area) const
{
    const auto &r = layout_.rects[index];
    double zStart = 0;
    double zWidth = static_cast<double>(std::max<std::uint64_t>(layout_.total, 1));
    if (zoom_ != 0) {
        const auto &z = layout_.rects[rectOfNode_[zoom_]];
        zStart = static_cast<double>(z.start);
        zWidth = static_cast<double>(std::max<std::uint64_t>(z.width, 1));
    }
    const double scale = area.width() / zWidth;
    const double x = area.left() + (static_cast<double>(r.start) - zStart) * scale;
    const double w = static_cast<double>(r.width) * scale;
    const double y =
        orientation_ == Orientation::Flame
            ? area.bottom() + 1 - static_cast<double>((r.depth + 1) * static_cast<std::uint32_t>(rowHeight_))
            : area.top() + static_cast<double>(r.depth * static_cast<std::uint32_t>(rowHeight_));
    return {x, y, w, static_cast<double>(rowHeight_)};
}

QColor FlameGraphWidget::colourFor(std::uint32_t node) const
{
    const auto &n = tree_->node(node);
    const auto &fn = functions_->at(n.function);
    const bool searching = !matched_.empty();
    if (searching && matched_[n.function])
        return QColor(230, 60, 200);
    const std::string_view key =
        colouring_ == Colouring::ByModule ? functions_->module(n.function) : functions_->name(n.function);
    const std::uint32_t h = stableHash(key);
    QColor c;
    switch (fn.kind) {
    case model::FrameKind::Kernel:
        c = QColor::fromHsv(200 + static_cast<int>(h % 30), 110 + static_cast<int>((h >> 8) % 60), 220);
        break;
    case model::FrameKind::Python:
    case model::FrameKind::Jit:
        c = QColor::fromHsv(90 + static_cast<int>(h % 40), 120 + static_cast<int>((h >> 8) % 60), 210);
        break;
    case model::FrameKind::Native:
        c = QColor::fromHsv(static_cast<int>(h % 50), 140 + static_cast<int>((h >> 8) % 90), 235);
        break;
    }
    if (fn.inlined)
        c = c.lighter(115);
    if (searching)
        c = QColor::fromHsv(c.hue(), 30, c.value()); // non-matches fade
    return c;
}

void FlameGraphWidget::paint(QPainter &painter, const QRect &area)
{
    painter.fillRect(area, palette().base());
    if (!tree_ || layout_.rects.empty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(area, Qt::AlignCenter, tr("No samples"));
        return;
    }
    const std::uint32_t zoomDepth = zoom_ == 0 ? 0 : layout_.rects[rectOfNode_[zoom_]].depth;
    const QFontMetrics fm = painter.fontMetrics();
    const QPen textPen(QColor(20, 20, 20));
    QPen inlinedPen(QColor(90, 90, 90));
    inlinedPen.setStyle(Qt::DashLine);
    const double minLabel = fm.horizontalAdvance(QStringLiteral("W…")) + 6.0;
    const double avgChar = std::max(1.0, fm.averageCharWidth() * 1.1);
    const double baseline = (rowHeight_ - fm.height()) / 2.0 + fm.ascent();
    const std::size_t n = layout_.rects.size();
    for (std::size_t i = 0; i < n;) {
        const QRectF r = rectFor(i, area);
        // Children lie within their parent: off-screen or sub-pixel means the whole subtree is.
        if (r.right() <= area.left() || r.left() >= area.right() + 1 || r.width() < 1.0 || r.bottom() < area.top() ||
            r.top() > area.bottom()) {
            i = subtreeEnd_[i];
            continue;
        }
        const auto &rect = layout_.rects[i];
        const QRectF clipped = r.intersected(QRectF(area));
        QColor fill = colourFor(rect.node);
        if (zoom_ != 0 && rect.depth < zoomDepth)
            fill = fill.lighter(140); // ancestors of the zoomed frame
        if (rect.node == hovered_)
            fill = fill.darker(115);
        painter.fillRect(clipped.adjusted(0, 0, -1, -1), fill);
        const auto &node = tree_->node(rect.node);
        if (functions_->at(node.function).inlined) {
            painter.setPen(inlinedPen);
            painter.drawRect(clipped.adjusted(0, 0, -1, -1));
        }
        if (clipped.width() >= minLabel) {
            // Exact elision (QFontMetrics::elidedText) measures every glyph and made a
            // zoomed 200 k-node graph 3x slower; a character budget from the average
            // width is close enough for a label, and the tooltip has the full name.
            const QString name = qs(functions_->name(node.function));
            const auto budget = static_cast<qsizetype>((clipped.width() - 6) / avgChar);
            painter.setPen(textPen);
            // drawText at a point skips the layout pass of the rectangle overload.
            painter.drawText(QPointF(clipped.left() + 3, clipped.top() + baseline),
                             name.size() <= budget ? name : name.left(std::max<qsizetype>(budget - 1, 1)) + u'…');
        }
        ++i;
    }
}

void FlameGraphWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    paint(painter, rect());
}

void FlameGraphWidget::renderTo(QImage &image)
{
    QPainter painter(&image);
    painter.setFont(font());
    paint(painter, image.rect());
}

std::uint32_t FlameGraphWidget::nodeAt(const QPoint &pos) const
{
    if (!tree_)
        return 0;
    const QRect area = rect();
    for (std::size_t i = 0; i < layout_.rects.size();) {
        const QRectF r = rectFor(i, area);
        if (r.left() > pos.x() || r.right() < pos.x() || r.width() < 1.0) {
            i = subtreeEnd_[i]; // the point is not under this frame, so not under its children
            continue;
        }
        if (r.top() <= pos.y() && pos.y() < r.bottom())
            return layout_.rects[i].node;
        ++i;
    }
    return 0;
}

QString FlameGraphWidget::tooltipFor(std::uint32_t node) const
{
    if (!tree_ || node == 0)
        return {};
    const auto &n = tree_->node(node);
    const auto &fn = functions_->at(n.function);
    const double total = static_cast<double>(std::max<std::uint64_t>(tree_->total(), 1));
    const QString unit = qs(profile_->meta.weightUnit);
    QString location = qs(profile_->strings.view(fn.file));
    if (!location.isEmpty() && fn.line > 0)
        location += QStringLiteral(":%1").arg(fn.line);
    return tr("<b>%1</b><br>module: %2<br>%3self: %4 %5 (%6 %)<br>total: %7 %5 (%8 %)%9")
        .arg(qs(functions_->name(n.function)).toHtmlEscaped(), qs(functions_->module(n.function)).toHtmlEscaped(),
             location.isEmpty() ? QString() : tr("source: %1<br>").arg(location.toHtmlEscaped()))
        .arg(n.self)
        .arg(unit)
        .arg(100.0 * static_cast<double>(n.self) / total, 0, 'f', 2)
        .arg(n.total)
        .arg(100.0 * static_cast<double>(n.total) / total, 0, 'f', 2)
        .arg(fn.inlined ? tr("<br><i>inlined</i>") : QString());
}

void FlameGraphWidget::mousePressEvent(QMouseEvent *event)
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

void FlameGraphWidget::mouseDoubleClickEvent(QMouseEvent *event)
{
    const auto node = nodeAt(event->position().toPoint());
    if (node != 0)
        Q_EMIT nodeActivated(node);
}

void FlameGraphWidget::mouseMoveEvent(QMouseEvent *event)
{
    const auto node = nodeAt(event->position().toPoint());
    if (node != hovered_) {
        hovered_ = node;
        update();
        Q_EMIT nodeHovered(node);
    }
}

bool FlameGraphWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString tip = tooltipFor(nodeAt(help->pos()));
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), tip, this);
        return true;
    }
    return QWidget::event(event);
}

QSize FlameGraphWidget::sizeHint() const
{
    return {900, static_cast<int>(layout_.maxDepth + 2) * rowHeight_};
}

} // namespace perfwb::ui
