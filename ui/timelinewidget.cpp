// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelinewidget.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdlib>

namespace perfwb::ui {

namespace {

constexpr int kDragThreshold = 3;        // pixels: less is a click
constexpr qint64 kMinVisibleNs = 10'000; // zoom stops at 10 µs across the widget

QString formatSeconds(double s, double step)
{
    // As many decimals as the tick step needs, so labels never repeat.
    int decimals = 0;
    while (decimals < 6 && step * std::pow(10.0, decimals) < 0.999)
        ++decimals;
    return QStringLiteral("%1 s").arg(s, 0, 'f', decimals);
}

double niceStep(double raw)
{
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (raw <= m * magnitude)
            return m * magnitude;
    return 10 * magnitude;
}

} // namespace

TimelineWidget::TimelineWidget(QWidget *parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void TimelineWidget::setProfile(std::shared_ptr<const model::Profile> profile)
{
    const bool sameRange = profile_ && profile && full_.valid();
    const ProfileTimeRange oldFull = full_;
    profile_ = std::move(profile);
    rebuild();
    // A live recording grows: keep following the end unless the user has zoomed in.
    const bool wasWhole = !sameRange || (viewBegin_ <= oldFull.begin && viewEnd_ >= oldFull.end);
    if (wasWhole)
        resetZoom();
    update();
}

void TimelineWidget::rebuild()
{
    rows_.clear();
    threadTimes_.clear();
    full_ = profile_ ? ProfileTimeRange::of(*profile_) : ProfileTimeRange{};
    const std::size_t threadCount = profile_ ? profile_->threads().size() : 0;
    if (std::size_t(threadMask_.size()) != threadCount)
        threadMask_ = QVector<bool>(qsizetype(threadCount), true);
    if (!profile_)
        return;

    threadTimes_.resize(threadCount);
    threadCounts_.clear();
    const auto &samples = profile_->samples;
    if (samples.hasUniformWeights() || profile_->meta.weightUnit != model::WeightKind::Samples) {
        for (std::size_t i = 0; i < samples.size(); ++i) {
            const auto t = samples.thread(i);
            if (t < threadCount)
                threadTimes_[t].push_back(samples.time(i));
        }
        for (auto &times : threadTimes_)
            if (!std::is_sorted(times.begin(), times.end()))
                std::sort(times.begin(), times.end());
    } else {
        fillWeightedTimes(threadCount);
    }
    const auto extra = [this](const char *key) -> qint64 {
        const auto it = profile_->meta.extra.find(key);
        return it == profile_->meta.extra.end() ? 0 : std::strtoll(it->second.c_str(), nullptr, 10);
    };
    spreadNs_ = threadCounts_.empty() ? 0 : extra("live_bin_ns");
    binnedUntil_ = extra("live_binned_until_ns");

    const QFontMetrics fm(font());
    int widest = 0;
    for (model::ThreadIndex t = 0; t < threadCount; ++t) {
        const auto &info = profile_->thread(t);
        Row row;
        row.thread = t;
        row.label = QString::fromUtf8(profile_->strings.view(info.name));
        if (row.label.isEmpty())
            row.label = tr("(unnamed)");
        row.startNs = info.startNs != model::kUnknownTime ? info.startNs : full_.begin;
        row.endNs = info.endNs != model::kUnknownTime ? info.endNs : full_.end;
        if (!threadTimes_[t].empty()) {
            row.startNs = std::min<qint64>(row.startNs, threadTimes_[t].front());
            row.endNs = std::max<qint64>(row.endNs, threadTimes_[t].back());
        }
        widest = std::max(widest, fm.horizontalAdvance(row.label) + fm.horizontalAdvance(QString::number(info.tid)));
        rows_.push_back(std::move(row));
    }
    // Processes together, each main thread (tid == pid) first.
    std::stable_sort(rows_.begin(), rows_.end(), [this](const Row &a, const Row &b) {
        const auto &ta = profile_->thread(a.thread);
        const auto &tb = profile_->thread(b.thread);
        if (ta.pid != tb.pid)
            return ta.pid < tb.pid;
        if ((ta.tid == ta.pid) != (tb.tid == tb.pid))
            return ta.tid == ta.pid;
        return ta.tid < tb.tid;
    });
    labelWidth_ = std::clamp(widest + 3 * fm.horizontalAdvance(QLatin1Char('M')), 120, 320);
    rowHeight_ = std::max(20, fm.height() + 6);
    axisHeight_ = fm.height() + 8;
    updateGeometry();
}

void TimelineWidget::setSelection(qint64 beginNs, qint64 endNs)
{
    if (beginNs >= endNs || (beginNs <= full_.begin && endNs >= full_.end)) {
        clearSelection();
        return;
    }
    selBegin_ = beginNs;
    selEnd_ = endNs;
    update();
}

void TimelineWidget::clearSelection()
{
    selBegin_ = selEnd_ = 0;
    update();
}

void TimelineWidget::setVisibleRange(qint64 beginNs, qint64 endNs)
{
    if (!full_.valid())
        return;
    const qint64 fullSpan = full_.end - full_.begin;
    qint64 span = std::clamp<qint64>(endNs - beginNs, std::min(kMinVisibleNs, fullSpan), fullSpan);
    beginNs = std::clamp<qint64>(beginNs, full_.begin, full_.end - span);
    viewBegin_ = beginNs;
    viewEnd_ = beginNs + span;
    update();
}

void TimelineWidget::resetZoom()
{
    if (full_.valid()) {
        viewBegin_ = full_.begin;
        viewEnd_ = full_.end;
    } else {
        viewBegin_ = 0;
        viewEnd_ = 1;
    }
    update();
}

int TimelineWidget::marksLaneHeight() const
{
    return profile_ && !profile_->marks.empty() ? rowHeight_ : 0;
}

int TimelineWidget::rowTop(int row) const
{
    return axisHeight_ + marksLaneHeight() + row * rowHeight_;
}

QRect TimelineWidget::rowRect(int row) const
{
    return QRect(0, rowTop(row), width(), rowHeight_);
}

QRect TimelineWidget::labelRect(int row) const
{
    return QRect(0, rowTop(row), labelWidth_, rowHeight_);
}

QRect TimelineWidget::plotArea() const
{
    return QRect(labelWidth_, axisHeight_, std::max(1, width() - labelWidth_ - 8), height() - axisHeight_);
}

int TimelineWidget::xForTime(qint64 ns) const
{
    const QRect area = plotArea();
    const double f = double(ns - viewBegin_) / double(std::max<qint64>(1, viewEnd_ - viewBegin_));
    return area.left() + int(std::lround(f * area.width()));
}

qint64 TimelineWidget::timeForX(double x) const
{
    const QRect area = plotArea();
    const double f = (x - area.left()) / double(area.width());
    return viewBegin_ + qint64(std::llround(f * double(viewEnd_ - viewBegin_)));
}

int TimelineWidget::rowAt(const QPoint &pos) const
{
    const int y = pos.y() - rowTop(0);
    if (y < 0)
        return -1;
    const int row = y / rowHeight_;
    return row < rowCount() ? row : -1;
}

QSize TimelineWidget::sizeHint() const
{
    return QSize(800, rowTop(std::max(1, rowCount())) + 4);
}

QSize TimelineWidget::minimumSizeHint() const
{
    return QSize(labelWidth_ + 100, axisHeight_ + rowHeight_);
}

void TimelineWidget::fillWeightedTimes(std::size_t threadCount)
{
    std::vector<std::vector<std::pair<qint64, std::uint64_t>>> perThread(threadCount);
    const auto &samples = profile_->samples;
    for (std::size_t i = 0; i < samples.size(); ++i)
        if (samples.thread(i) < threadCount)
            perThread[samples.thread(i)].emplace_back(samples.time(i), samples.weight(i));
    threadCounts_.resize(threadCount);
    for (std::size_t t = 0; t < threadCount; ++t) {
        auto &rows = perThread[t];
        std::stable_sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        auto &counts = threadCounts_[t];
        counts.reserve(rows.size() + 1);
        counts.push_back(0);
        for (const auto &[time, weight] : rows) {
            threadTimes_[t].push_back(time);
            counts.push_back(counts.back() + weight);
        }
    }
}

std::uint64_t TimelineWidget::countBetween(model::ThreadIndex thread, std::size_t from, std::size_t to) const
{
    if (threadCounts_.empty())
        return to - from;
    const auto &counts = threadCounts_[thread];
    return counts[to] - counts[from];
}

std::uint64_t TimelineWidget::samplesBetween(model::ThreadIndex thread, qint64 beginNs, qint64 endNs) const
{
    if (thread >= threadTimes_.size() || beginNs >= endNs)
        return 0;
    const auto &times = threadTimes_[thread];
    const auto from = std::lower_bound(times.begin(), times.end(), beginNs);
    const auto to = std::lower_bound(from, times.end(), endNs);
    return countBetween(thread, std::size_t(from - times.begin()), std::size_t(to - times.begin()));
}

std::vector<int> TimelineWidget::spreadBinsFor(model::ThreadIndex thread, int width) const
{
    // Each binned row's weight is shared among the pixels its bin covers, in proportion;
    // the rows after the bins are single samples, each in its own pixel.
    std::vector<double> acc(std::size_t(width), 0.0);
    const auto &times = threadTimes_[thread];
    const QRect area = plotArea();
    const qint64 v0 = timeForX(area.left());
    const qint64 v1 = timeForX(area.left() + width);
    const double nsPerPx = std::max(1.0, double(v1 - v0) / width);
    for (auto it = std::lower_bound(times.begin(), times.end(), v0 - spreadNs_); it != times.end() && *it < v1; ++it) {
        const auto i = std::size_t(it - times.begin());
        const double w = double(countBetween(thread, i, i + 1));
        const double from = double(*it - v0) / nsPerPx;
        const double to = *it < binnedUntil_ ? from + double(spreadNs_) / nsPerPx : from + 1e-9;
        for (int x = std::max(0, int(std::floor(from))); x < width && x < to; ++x)
            acc[std::size_t(x)] += w * (std::min(to, x + 1.0) - std::max(from, double(x))) / (to - from);
    }
    std::vector<int> bins(acc.size());
    for (std::size_t x = 0; x < acc.size(); ++x)
        bins[x] = int(std::min(std::lround(acc[x]), long(INT_MAX)));
    return bins;
}

std::vector<int> TimelineWidget::binsFor(model::ThreadIndex thread, int width) const
{
    if (spreadNs_ > 0 && thread < threadTimes_.size() && width > 0)
        return spreadBinsFor(thread, width);
    // One bin per pixel, counted by binary search on the thread's sorted times, so a
    // paint costs O(width · log n) per row whatever the recording's length.
    std::vector<int> bins(std::size_t(std::max(0, width)), 0);
    if (thread >= threadTimes_.size() || width <= 0)
        return bins;
    const auto &times = threadTimes_[thread];
    const QRect area = plotArea();
    auto it = std::lower_bound(times.begin(), times.end(), timeForX(area.left()));
    for (int x = 0; x < width; ++x) {
        const qint64 binEnd = timeForX(area.left() + x + 1);
        const auto next = std::lower_bound(it, times.end(), binEnd);
        const auto counted = countBetween(thread, std::size_t(it - times.begin()), std::size_t(next - times.begin()));
        bins[std::size_t(x)] = int(std::min<std::uint64_t>(counted, INT_MAX));
        it = next;
    }
    return bins;
}

void TimelineWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QPalette &pal = palette();
    p.fillRect(rect(), pal.base());
    if (!profile_ || !full_.valid()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("No samples or timelines in this profile"));
        return;
    }
    const QRect area = plotArea();
    // Label column background, so the names read as a header column.
    p.fillRect(QRect(0, 0, labelWidth_, height()), pal.window());
    paintAxis(p, QRect(area.left(), 0, area.width(), axisHeight_));
    if (marksLaneHeight() > 0) {
        p.setPen(pal.color(QPalette::WindowText));
        p.drawText(QRect(6, axisHeight_, labelWidth_ - 12, rowHeight_), Qt::AlignVCenter | Qt::AlignLeft, tr("Marks"));
        paintMarks(p, QRect(area.left(), axisHeight_, area.width(), marksLaneHeight()));
    }

    std::vector<std::vector<int>> allBins;
    allBins.reserve(rows_.size());
    int maxCount = 1;
    for (const Row &row : rows_) {
        allBins.push_back(binsFor(row.thread, area.width()));
        for (int c : allBins.back())
            maxCount = std::max(maxCount, c);
    }
    for (int r = 0; r < rowCount(); ++r) {
        if (rowTop(r) > height())
            break;
        paintRow(p, r, allBins[std::size_t(r)], maxCount);
    }

    // Instants as faint lines through the rows, so they can be related to activity.
    if (!profile_->marks.empty()) {
        QColor line = pal.color(QPalette::Link);
        line.setAlpha(90);
        p.setPen(QPen(line, 1, Qt::DashLine));
        for (const auto &mark : profile_->marks)
            if (mark.endNs <= mark.startNs && mark.startNs >= viewBegin_ && mark.startNs <= viewEnd_) {
                const int x = xForTime(mark.startNs);
                p.drawLine(x, rowTop(0), x, rowTop(rowCount()));
            }
    }

    if (selEnd_ > selBegin_) {
        const int x1 = std::max(area.left(), xForTime(selBegin_));
        const int x2 = std::min(area.right(), xForTime(selEnd_));
        if (x2 >= x1) {
            QColor fill = pal.color(QPalette::Highlight);
            fill.setAlpha(60);
            const QRect sel(x1, axisHeight_, std::max(1, x2 - x1), height() - axisHeight_);
            p.fillRect(sel, fill);
            p.setPen(pal.color(QPalette::Highlight));
            p.drawLine(sel.topLeft(), sel.bottomLeft());
            p.drawLine(sel.topRight(), sel.bottomRight());
            p.setPen(pal.color(QPalette::Text));
            const double seconds = double(selEnd_ - selBegin_) / 1e9;
            p.drawText(sel.adjusted(3, 0, -3, 0), Qt::AlignTop | Qt::AlignHCenter,
                       formatSeconds(seconds, seconds / 100));
        }
    }
    p.setPen(pal.color(QPalette::Mid));
    p.drawLine(labelWidth_ - 1, 0, labelWidth_ - 1, height());
}

void TimelineWidget::paintAxis(QPainter &p, const QRect &area)
{
    const QPalette &pal = palette();
    const QFontMetrics fm(font());
    const double spanS = double(viewEnd_ - viewBegin_) / 1e9;
    // Ticks at least a label's width apart.
    const int labelPx = fm.horizontalAdvance(QStringLiteral("00.000 s")) + 16;
    const double step = niceStep(spanS * labelPx / std::max(1, area.width()));
    const double firstS = double(viewBegin_ - full_.begin) / 1e9;
    const double lastS = double(viewEnd_ - full_.begin) / 1e9;
    p.setPen(pal.color(QPalette::Mid));
    p.drawLine(area.left(), area.bottom(), area.right(), area.bottom());
    for (double s = std::ceil(firstS / step) * step; s <= lastS + step * 1e-6; s += step) {
        const int x = xForTime(full_.begin + qint64(std::llround(s * 1e9)));
        p.setPen(pal.color(QPalette::Mid));
        p.drawLine(x, area.bottom() - 4, x, area.bottom());
        QColor grid = pal.color(QPalette::Mid);
        grid.setAlpha(50);
        p.setPen(grid);
        p.drawLine(x, area.bottom(), x, height());
        p.setPen(pal.color(QPalette::Text));
        const QString text = formatSeconds(s, step);
        const int w = fm.horizontalAdvance(text);
        // Keep the last label inside the widget instead of clipping it.
        const int left = std::min(x - w / 2, width() - w - 2);
        if (left >= area.left() - w / 2)
            p.drawText(QRect(std::max(left, labelWidth_ + 1), 0, w + 2, area.height() - 4),
                       Qt::AlignVCenter | Qt::AlignLeft, text);
    }
}

void TimelineWidget::paintMarks(QPainter &p, const QRect &lane)
{
    const QPalette &pal = palette();
    p.save();
    p.setClipRect(lane);
    const QFontMetrics fm(font());
    for (const auto &mark : profile_->marks) {
        const qint64 end = std::max(mark.startNs, mark.endNs);
        if (end < viewBegin_ || mark.startNs > viewEnd_)
            continue;
        const QString name = QString::fromStdString(mark.name);
        const int x1 = xForTime(mark.startNs);
        if (mark.endNs > mark.startNs) {
            const int x2 = std::max(x1 + 2, xForTime(mark.endNs));
            const QRect r(x1, lane.top() + 3, x2 - x1, lane.height() - 6);
            QColor fill = pal.color(QPalette::Link);
            fill.setAlpha(110);
            p.setPen(pal.color(QPalette::Link));
            p.setBrush(fill);
            p.drawRoundedRect(r, 3, 3);
            p.setPen(pal.color(QPalette::Text));
            p.drawText(r.adjusted(3, 0, -2, 0), Qt::AlignVCenter | Qt::AlignLeft,
                       fm.elidedText(name, Qt::ElideRight, r.width() - 5));
        } else {
            const QPointF tri[3] = {{double(x1) - 4, double(lane.top()) + 3},
                                    {double(x1) + 4, double(lane.top()) + 3},
                                    {double(x1), double(lane.top()) + 10}};
            p.setPen(Qt::NoPen);
            p.setBrush(pal.color(QPalette::Link));
            p.drawPolygon(tri, 3);
            p.setPen(pal.color(QPalette::Link));
            p.drawLine(x1, lane.top() + 3, x1, lane.bottom());
            p.setPen(pal.color(QPalette::Text));
            p.drawText(QRect(x1 + 5, lane.top(), fm.horizontalAdvance(name) + 4, lane.height()),
                       Qt::AlignVCenter | Qt::AlignLeft, name);
        }
    }
    p.restore();
}

void TimelineWidget::paintRow(QPainter &p, int r, const std::vector<int> &bins, int maxCount)
{
    const QPalette &pal = palette();
    const Row &row = rows_[std::size_t(r)];
    const auto &info = profile_->thread(row.thread);
    const QRect whole = rowRect(r);
    const QRect area = plotArea();
    const bool filtered = std::find(threadMask_.begin(), threadMask_.end(), false) != threadMask_.end();
    const bool selected = row.thread < std::size_t(threadMask_.size()) && threadMask_[row.thread];

    // Label: name left, tid right in a quieter colour; highlighted when it filters.
    const QRect label = labelRect(r).adjusted(0, 1, -1, -1);
    if (filtered && selected)
        p.fillRect(label, pal.color(QPalette::Highlight));
    const QColor text = filtered && selected ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::WindowText);
    QColor quiet = text;
    quiet.setAlphaF(filtered && !selected ? 0.4 : 0.65);
    const QFontMetrics fm(font());
    const QString tid = QString::number(info.tid);
    const int tidWidth = fm.horizontalAdvance(tid);
    p.setPen(quiet);
    p.drawText(label.adjusted(6, 0, -6, 0), Qt::AlignVCenter | Qt::AlignRight, tid);
    QColor nameColour = text;
    if (filtered && !selected)
        nameColour.setAlphaF(0.45);
    p.setPen(nameColour);
    p.drawText(label.adjusted(6, 0, -12 - tidWidth, 0), Qt::AlignVCenter | Qt::AlignLeft,
               fm.elidedText(row.label, Qt::ElideRight, label.width() - 18 - tidWidth));

    // Lifetime: a band where the thread existed.
    const QRect band(area.left(), whole.top() + 2, area.width(), whole.height() - 4);
    const int lx1 = std::max(band.left(), xForTime(row.startNs));
    const int lx2 = std::min(band.left() + band.width(), xForTime(row.endNs));
    if (lx2 > lx1)
        p.fillRect(QRect(lx1, band.top(), lx2 - lx1, band.height()), pal.color(QPalette::AlternateBase));

    // Density: intensity by the square root of the count, so sparse activity stays visible.
    const QColor hot = pal.color(QPalette::Base).lightness() < 128 ? QColor(255, 140, 60) : QColor(214, 72, 20);
    const int barHeight = band.height() - 2;
    for (std::size_t x = 0; x < bins.size(); ++x) {
        if (bins[x] == 0)
            continue;
        QColor c = hot;
        c.setAlphaF(0.2 + 0.8 * std::sqrt(double(bins[x]) / maxCount));
        p.fillRect(QRect(area.left() + int(x), band.top() + 1, 1, barHeight), c);
    }
    if (filtered && !selected) {
        QColor veil = pal.color(QPalette::Base);
        veil.setAlpha(140);
        p.fillRect(band, veil);
    }
    QColor sep = pal.color(QPalette::Mid);
    sep.setAlpha(60);
    p.setPen(sep);
    p.drawLine(0, whole.bottom(), width(), whole.bottom());
}

void TimelineWidget::mousePressEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (!full_.valid())
        return;
    if (event->button() == Qt::LeftButton && pos.x() < labelWidth_) {
        const int row = rowAt(pos);
        if (row >= 0)
            clickLabel(row, event->modifiers() & Qt::ControlModifier);
        return;
    }
    pressPos_ = pos;
    if (event->button() == Qt::LeftButton) {
        drag_ = Drag::Select;
        pressTime_ = std::clamp(timeForX(pos.x()), viewBegin_, viewEnd_);
    } else if (event->button() == Qt::MiddleButton || event->button() == Qt::RightButton) {
        drag_ = Drag::Pan;
        panBegin_ = viewBegin_;
        panEnd_ = viewEnd_;
        setCursor(Qt::ClosedHandCursor);
    }
}

void TimelineWidget::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (drag_ == Drag::Select && std::abs(pos.x() - pressPos_.x()) >= kDragThreshold) {
        const qint64 t = std::clamp(timeForX(pos.x()), viewBegin_, viewEnd_);
        selBegin_ = std::min(pressTime_, t);
        selEnd_ = std::max(pressTime_, t);
        update();
    } else if (drag_ == Drag::Pan) {
        const double nsPerPx = double(panEnd_ - panBegin_) / plotArea().width();
        const qint64 shift = qint64((pressPos_.x() - pos.x()) * nsPerPx);
        setVisibleRange(panBegin_ + shift, panEnd_ + shift);
    }
}

void TimelineWidget::mouseReleaseEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (drag_ == Drag::Select && event->button() == Qt::LeftButton) {
        drag_ = Drag::None;
        if (std::abs(pos.x() - pressPos_.x()) < kDragThreshold) {
            clearSelection();
            Q_EMIT timeRangeSelected(full_.begin, full_.end);
        } else {
            const qint64 t = std::clamp(timeForX(pos.x()), viewBegin_, viewEnd_);
            selBegin_ = std::min(pressTime_, t);
            selEnd_ = std::max(pressTime_, t);
            update();
            Q_EMIT timeRangeSelected(selBegin_, selEnd_);
        }
    } else if (drag_ == Drag::Pan) {
        drag_ = Drag::None;
        unsetCursor();
    }
}

void TimelineWidget::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->position().x() >= labelWidth_)
        resetZoom();
    else
        QWidget::mouseDoubleClickEvent(event);
}

void TimelineWidget::wheelEvent(QWheelEvent *event)
{
    if (!full_.valid())
        return;
    const QPoint delta = event->angleDelta();
    const double span = double(viewEnd_ - viewBegin_);
    if ((event->modifiers() & Qt::ShiftModifier) || std::abs(delta.x()) > std::abs(delta.y())) {
        const int d = delta.x() != 0 ? delta.x() : delta.y();
        const qint64 shift = qint64(-d / 120.0 * span * 0.1);
        setVisibleRange(viewBegin_ + shift, viewEnd_ + shift);
    } else {
        // Zoom around the time under the cursor so it stays put.
        const double factor = std::pow(0.8, delta.y() / 120.0);
        const qint64 anchor = timeForX(event->position().x());
        const double f = double(anchor - viewBegin_) / span;
        const double newSpan = span * factor;
        const qint64 begin = anchor - qint64(f * newSpan);
        setVisibleRange(begin, begin + qint64(newSpan));
    }
    event->accept();
}

void TimelineWidget::clickLabel(int row, bool toggle)
{
    const auto thread = rows_[std::size_t(row)].thread;
    const bool all = std::find(threadMask_.begin(), threadMask_.end(), false) == threadMask_.end();
    if (toggle) {
        if (all)
            threadMask_.fill(false);
        threadMask_[thread] = !threadMask_[thread];
    } else {
        const bool onlyThis =
            !all && threadMask_[thread] && std::count(threadMask_.begin(), threadMask_.end(), true) == 1;
        threadMask_.fill(onlyThis);
        threadMask_[thread] = true;
    }
    // Nothing selected means no filter, never an empty view.
    if (std::find(threadMask_.begin(), threadMask_.end(), true) == threadMask_.end())
        threadMask_.fill(true);
    update();
    Q_EMIT threadSelectionChanged(threadMask_);
}

bool TimelineWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = tooltipAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

QString TimelineWidget::tooltipAt(const QPoint &pos) const
{
    if (!profile_ || !full_.valid())
        return {};
    const QRect area = plotArea();
    const double atS = double(timeForX(pos.x()) - full_.begin) / 1e9;
    if (pos.y() >= axisHeight_ && pos.y() < axisHeight_ + marksLaneHeight()) {
        QStringList names;
        for (const auto &mark : profile_->marks) {
            const int x1 = xForTime(mark.startNs);
            const int x2 = xForTime(std::max(mark.startNs, mark.endNs));
            if (pos.x() >= x1 - 4 && pos.x() <= x2 + 4) {
                const QString name = QString::fromStdString(mark.name).toHtmlEscaped();
                if (mark.endNs > mark.startNs)
                    names << tr("<b>%1</b>: %2 ms").arg(name).arg(double(mark.endNs - mark.startNs) / 1e6, 0, 'f', 2);
                else
                    names << tr("<b>%1</b> at %2 s").arg(name).arg(double(mark.startNs - full_.begin) / 1e9, 0, 'f', 3);
            }
        }
        return names.join(QStringLiteral("<br>"));
    }
    const int r = rowAt(pos);
    if (r < 0)
        return {};
    const Row &row = rows_[std::size_t(r)];
    const auto &info = profile_->thread(row.thread);
    QString text = tr("<b>%1</b><br>pid %2, tid %3<br>%4 samples")
                       .arg(row.label.toHtmlEscaped())
                       .arg(info.pid)
                       .arg(info.tid)
                       .arg(qulonglong(countBetween(row.thread, 0, threadTimes_[row.thread].size())));
    if (pos.x() >= area.left()) {
        const qint64 t0 = timeForX(pos.x() - 2), t1 = timeForX(pos.x() + 3);
        const auto n = qulonglong(samplesBetween(row.thread, t0, t1));
        text += tr("<br>at %1 s: %2 samples in %3 ms").arg(atS, 0, 'f', 3).arg(n).arg(double(t1 - t0) / 1e6, 0, 'f', 2);
    } else {
        text += tr("<br>Click to show only this thread, Ctrl+click to add or remove it");
    }
    return text;
}

} // namespace perfwb::ui
