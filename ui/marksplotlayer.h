// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "qcustomplotheader.h"

#include "model/timeline.h"

#include <vector>

namespace perfwb::ui {

// A profile's marks on a QCustomPlot, drawn in one pass: instants as dashed lines, spans
// as shaded bands, labels where there is room. One layerable instead of two plot items
// per mark, because a recording whose program posts a thousand marks a second would
// otherwise rebuild tens of thousands of items (each removal O(items)) every snapshot.
class MarksPlotLayer : public QCPLayerable {
    Q_OBJECT
public:
    struct Mark {
        double x1 = 0; // plot x (seconds)
        double x2 = 0; // == x1 for an instant
        QString label;
    };
    MarksPlotLayer(QCustomPlot *plot, QCPAxis *xAxis);

    void setMarks(std::vector<Mark> marks); // sorted by x1 here
    std::size_t markCount() const { return marks_.size(); }
    void setColour(const QColor &colour) { colour_ = colour; }
    // Labels drawn by the last paint (tests: crowded marks are not all labelled).
    int labelsDrawn() const { return labelsDrawn_; }

protected:
    void applyDefaultAntialiasingHint(QCPPainter *painter) const override;
    void draw(QCPPainter *painter) override;
    QRect clipRect() const override;

private:
    QCPAxis *xAxis_;
    std::vector<Mark> marks_;
    QColor colour_;
    int labelsDrawn_ = 0;
};

} // namespace perfwb::ui
