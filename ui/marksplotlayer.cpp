// SPDX-License-Identifier: GPL-3.0-or-later
#include "marksplotlayer.h"

#include <algorithm>

namespace perfwb::ui {

MarksPlotLayer::MarksPlotLayer(QCustomPlot *plot, QCPAxis *xAxis)
    : QCPLayerable(plot)
    , xAxis_(xAxis)
{}

void MarksPlotLayer::setMarks(std::vector<Mark> marks)
{
    std::sort(marks.begin(), marks.end(), [](const Mark &a, const Mark &b) { return a.x1 < b.x1; });
    marks_ = std::move(marks);
}

void MarksPlotLayer::applyDefaultAntialiasingHint(QCPPainter *painter) const
{
    applyAntialiasingHint(painter, false, QCP::aeItems);
}

QRect MarksPlotLayer::clipRect() const
{
    return xAxis_->axisRect()->rect();
}

void MarksPlotLayer::draw(QCPPainter *painter)
{
    labelsDrawn_ = 0;
    const QRect area = clipRect();
    const double lo = xAxis_->pixelToCoord(area.left());
    const double hi = xAxis_->pixelToCoord(area.right());
    QColor fill = colour_;
    fill.setAlpha(30);
    const QPen dashed(colour_, 1, Qt::DashLine);
    const QFontMetrics fm(painter->font());
    // Right edge of the last label in each row: a label goes in the first row it does not
    // overlap; when all rows are taken it is left out (crowded marks keep their lines).
    constexpr int kRows = 3;
    double rowEnd[kRows] = {-1e300, -1e300, -1e300};
    int lastLinePx = INT_MIN; // one line per pixel column is all a screen can show
    for (const Mark &m : marks_) {
        if (m.x1 > hi)
            break; // sorted by start
        if (m.x2 < lo)
            continue;
        const double px1 = xAxis_->coordToPixel(m.x1);
        if (m.x2 > m.x1) {
            const double px2 = xAxis_->coordToPixel(m.x2);
            painter->fillRect(QRectF(px1, area.top(), std::max(1.0, px2 - px1), area.height()), fill);
        } else if (int(px1) != lastLinePx) {
            painter->setPen(dashed);
            painter->drawLine(QPointF(px1, area.top()), QPointF(px1, area.bottom()));
            lastLinePx = int(px1);
        }
        const double x = std::max(px1, double(area.left())) + 3;
        if (m.label.isEmpty())
            continue;
        const auto row = std::find_if(rowEnd, rowEnd + kRows, [x](double end) { return x > end; });
        if (row == rowEnd + kRows)
            continue;
        painter->setPen(colour_);
        const double y = area.top() + fm.ascent() + 2 + (row - rowEnd) * (fm.height() + 1);
        painter->drawText(QPointF(x, y), m.label);
        *row = x + fm.horizontalAdvance(m.label) + 6;
        ++labelsDrawn_;
    }
}

} // namespace perfwb::ui
