// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "model/profile.h"
#include "profiletimerange.h"

#include <QVector>
#include <QWidget>

#include <memory>
#include <vector>

namespace perfwb::ui {

// Threads as rows with their sample density over time (one bin per pixel, colour
// intensity by count), thread lifetimes, a lane of marks and spans, and a time axis.
// Dragging selects a time range, clicking a thread label selects threads; both are
// emitted so every other view can filter. Wheel zooms around the cursor,
// Shift+wheel or a middle/right-button drag pans, double-click resets the zoom.
class TimelineWidget : public QWidget {
    Q_OBJECT
public:
    explicit TimelineWidget(QWidget *parent = nullptr);
    void setProfile(std::shared_ptr<const model::Profile> profile);

    // Shows a selection made elsewhere; begin >= end clears it.
    void setSelection(qint64 beginNs, qint64 endNs);
    void clearSelection();
    qint64 selectionBegin() const { return selBegin_; }
    qint64 selectionEnd() const { return selEnd_; }
    QVector<bool> threadSelection() const { return threadMask_; }

    // The visible time window (zoom); resetZoom() shows the whole profile.
    void setVisibleRange(qint64 beginNs, qint64 endNs);
    void resetZoom();
    qint64 visibleBegin() const { return viewBegin_; }
    qint64 visibleEnd() const { return viewEnd_; }
    ProfileTimeRange fullRange() const { return full_; }

    // Geometry, for tests and for placing things next to the rows.
    int rowCount() const { return int(rows_.size()); }
    QRect rowRect(int row) const;   // the whole row, label column included
    QRect labelRect(int row) const; // the label column part of a row
    QRect plotArea() const;         // where time runs, all rows and lanes
    int xForTime(qint64 ns) const;
    qint64 timeForX(double x) const;
    int labelWidth() const { return labelWidth_; }
    // Samples of a thread in [beginNs, endNs): rows, or their weights where rows stand
    // for several samples (a live recording's binned older samples).
    std::uint64_t samplesBetween(model::ThreadIndex thread, qint64 beginNs, qint64 endNs) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void timeRangeSelected(qint64 beginNs, qint64 endNs);
    void threadSelectionChanged(QVector<bool> threads);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    bool event(QEvent *event) override;

private:
    struct Row {
        model::ThreadIndex thread = 0;
        QString label;
        qint64 startNs = 0;
        qint64 endNs = 0;
    };
    void rebuild();
    void fillWeightedTimes(std::size_t threadCount);
    int marksLaneHeight() const;
    int rowTop(int row) const;
    int rowAt(const QPoint &pos) const;
    void paintAxis(QPainter &p, const QRect &area);
    void paintMarks(QPainter &p, const QRect &lane);
    void paintRow(QPainter &p, int row, const std::vector<int> &bins, int maxCount);
    std::vector<int> binsFor(model::ThreadIndex thread, int width) const;
    QString tooltipAt(const QPoint &pos) const;
    void clickLabel(int row, bool toggle);

    std::shared_ptr<const model::Profile> profile_;
    ProfileTimeRange full_;
    std::vector<Row> rows_;
    std::vector<std::vector<qint64>> threadTimes_; // sorted sample times per ThreadIndex
    // Where rows weigh samples by count (a live recording's binned older samples): the
    // weights' running sums per thread, one longer than its times; empty otherwise.
    std::vector<std::vector<std::uint64_t>> threadCounts_;
    // A live snapshot's bins (before binnedUntil_): each row stands for spreadNs_ of time.
    qint64 spreadNs_ = 0;
    qint64 binnedUntil_ = 0;
    std::vector<int> spreadBinsFor(model::ThreadIndex thread, int width) const;
    // Samples of `thread` between indexes [from, to) of its times.
    std::uint64_t countBetween(model::ThreadIndex thread, std::size_t from, std::size_t to) const;
    QVector<bool> threadMask_;
    qint64 viewBegin_ = 0;
    qint64 viewEnd_ = 1;
    qint64 selBegin_ = 0;
    qint64 selEnd_ = 0;

    enum class Drag { None, Select, Pan };
    Drag drag_ = Drag::None;
    QPoint pressPos_;
    qint64 pressTime_ = 0;
    qint64 panBegin_ = 0;
    qint64 panEnd_ = 0;

    int labelWidth_ = 180;
    int axisHeight_ = 22;
    int rowHeight_ = 22;
};

} // namespace perfwb::ui
