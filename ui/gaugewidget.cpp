// SPDX-License-Identifier: GPL-3.0-or-later
#include "gaugewidget.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace perfwb::ui {

GaugeWidget::GaugeWidget(QString title, QString unit, int decimals, QWidget *parent)
    : QWidget(parent)
    , title_(std::move(title))
    , unit_(std::move(unit))
    , decimals_(decimals)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAccessibleName(title_);
}

GaugeWidget::Level GaugeWidget::levelOf(double value, double limit)
{
    if (!(limit > 0))
        return Level::None;
    const double ratio = value / limit;
    if (ratio > 1)
        return Level::Over;
    return ratio >= kWarningRatio ? Level::Warning : Level::Ok;
}

QColor GaugeWidget::colorOf(Level level)
{
    switch (level) {
    case Level::Ok:
        return QColor(0x2e, 0x9e, 0x4f);
    case Level::Warning:
        return QColor(0xe0, 0x9b, 0x13);
    case Level::Over:
        return QColor(0xd3, 0x2f, 0x2f);
    case Level::None:
        break;
    }
    return QColor(0x90, 0x90, 0x90);
}

void GaugeWidget::setValue(double value, double limit, qint64 atMs)
{
    value_ = value;
    limit_ = limit;
    history_.push_back(Point{atMs, value});
    while (!history_.empty() && history_.front().atMs < atMs - qint64(kHistorySeconds) * 1000)
        history_.pop_front();
    setToolTip(tr("%1: %2").arg(title_, valueText()));
    setAccessibleDescription(valueText());
    update();
}

QString GaugeWidget::valueText() const
{
    const QString value = QString::number(value_, 'f', decimals_);
    if (!(limit_ > 0))
        return tr("%1 %2 (no limit)").arg(value, unit_);
    return tr("%1 / %2 %3").arg(value, QString::number(limit_, 'f', decimals_), unit_);
}

QSize GaugeWidget::sizeHint() const
{
    return {260, fontMetrics().height() + 56};
}

QSize GaugeWidget::minimumSizeHint() const
{
    return {160, sizeHint().height()};
}

void GaugeWidget::paintEvent(QPaintEvent * /*event*/)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF all = QRectF(rect()).adjusted(4, 2, -4, -2);
    const int line = fontMetrics().height();
    const Level lvl = level();
    const QColor color = colorOf(lvl);

    // Title left, "value / limit unit" right, the figure in the level's colour.
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(palette().color(QPalette::WindowText));
    const QRectF head(all.left(), all.top(), all.width(), line);
    p.drawText(head, Qt::AlignLeft | Qt::AlignVCenter, title_);
    p.setPen(lvl == Level::None || lvl == Level::Ok ? palette().color(QPalette::WindowText) : color);
    p.drawText(head, Qt::AlignRight | Qt::AlignVCenter, valueText());
    p.setFont(font());

    // The bar: filled to value/limit (capped at the frame), with the 80 % tick.
    const QRectF bar(all.left(), head.bottom() + 4, all.width(), 12);
    p.setPen(Qt::NoPen);
    p.setBrush(palette().color(QPalette::AlternateBase).darker(105));
    p.drawRoundedRect(bar, 3, 3);
    const double ratio = limit_ > 0 ? std::clamp(value_ / limit_, 0.0, 1.0) : 0.0;
    if (ratio > 0) {
        p.setBrush(color);
        p.drawRoundedRect(QRectF(bar.left(), bar.top(), bar.width() * ratio, bar.height()), 3, 3);
    }
    if (limit_ > 0) {
        p.setPen(QPen(palette().color(QPalette::Mid), 1));
        const double x = bar.left() + bar.width() * kWarningRatio;
        p.drawLine(QPointF(x, bar.top()), QPointF(x, bar.bottom()));
    }
    paintSparkline(p, QRectF(all.left(), bar.bottom() + 4, all.width(), all.bottom() - bar.bottom() - 4));
}

void GaugeWidget::paintSparkline(QPainter &p, const QRectF &area) const
{
    if (area.height() < 4)
        return;
    p.setPen(Qt::NoPen);
    p.setBrush(palette().color(QPalette::Base));
    p.drawRect(area);
    if (history_.size() < 2)
        return;
    // The last kHistorySeconds, or the whole history while it is shorter.
    const qint64 end = history_.back().atMs;
    const qint64 start = std::max(history_.front().atMs, end - qint64(kHistorySeconds) * 1000);
    if (end <= start)
        return;
    double top = limit_ > 0 ? limit_ : 0;
    for (const Point &pt : history_)
        top = std::max(top, pt.value);
    if (!(top > 0))
        top = 1;
    const auto at = [&](const Point &pt) {
        const double x = area.left() + area.width() * double(pt.atMs - start) / double(end - start);
        return QPointF(x, area.bottom() - area.height() * std::clamp(pt.value / top, 0.0, 1.0));
    };
    QPainterPath line(at(history_.front()));
    for (const Point &pt : history_)
        line.lineTo(at(pt));
    QPainterPath fill = line;
    fill.lineTo(QPointF(at(history_.back()).x(), area.bottom()));
    fill.lineTo(QPointF(at(history_.front()).x(), area.bottom()));
    fill.closeSubpath();
    QColor shade = colorOf(level());
    shade.setAlpha(60);
    p.fillPath(fill, shade);
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(colorOf(level()), 1.2));
    p.drawPath(line);
    if (limit_ > 0) {
        // The limit as a dashed line, so the sparkline shows how close it came.
        const double y = area.bottom() - area.height() * limit_ / top;
        p.setPen(QPen(colorOf(Level::Over), 1, Qt::DashLine));
        p.drawLine(QPointF(area.left(), y), QPointF(area.right(), y));
    }
}

} // namespace perfwb::ui
