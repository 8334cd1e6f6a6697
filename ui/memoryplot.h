// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "model/profile.h"
#include "profiletimerange.h"

#include <QMap>
#include <QWidget>

#include <memory>

class QCustomPlot;
class QLabel;
class QCPGraph;
class QCPItemRect;
class QCPAxis;

namespace perfwb::ui {

class MarksPlotLayer;

// The profile's timelines over time: RSS and heap in use (MiB, left axis), CPU %
// (right axis), thread count optionally (its own right axis), marks as vertical
// lines. Wheel zooms and drag pans the time axis; Shift+drag selects a time range,
// shared with the other views through timeRangeSelected / setTimeRange.
class MemoryPlot : public QWidget {
    Q_OBJECT
public:
    explicit MemoryPlot(QWidget *parent = nullptr);
    void setProfile(std::shared_ptr<const model::Profile> profile);

    // Highlights a selection made elsewhere; begin >= end (or the whole range) clears it.
    void setTimeRange(qint64 beginNs, qint64 endNs);
    void setShowThreads(bool show);
    bool showThreads() const { return showThreads_; }
    void resetZoom();
    // While a recording runs, a profile without timelines yet is not "no memory data".
    void setLive(bool live);
    // The line shown instead of the plot when the report has no memory or CPU timelines.
    QLabel *emptyNote() const { return empty_; }

    // For tests and the report view: the graph plotting a timeline ("rss", "heap",
    // "cpu", "threads"), or nullptr when the profile has none.
    QCPGraph *graph(const QString &timeline) const;
    QCustomPlot *plot() const { return plot_; }
    MarksPlotLayer *marks() const { return marks_; }
    ProfileTimeRange fullRange() const { return full_; }
    bool hasSelection() const;
    // Plot x (seconds from the start) ↔ profile clock.
    double secondsFor(qint64 ns) const { return double(ns - full_.begin) / 1e9; }
    qint64 nsFor(double seconds) const { return full_.begin + qint64(seconds * 1e9); }

Q_SIGNALS:
    void timeRangeSelected(qint64 beginNs, qint64 endNs);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void applyPalette();
    QCPGraph *addGraph(const model::Timeline &timeline, QCPAxis *valueAxis, double scale, const QColor &colour,
                       const QString &label);
    void onSelectionAccepted(const QRect &rect);

    QCustomPlot *plot_ = nullptr;
    QLabel *empty_ = nullptr;
    bool live_ = false;
    QCPItemRect *selection_ = nullptr;
    MarksPlotLayer *marks_ = nullptr;
    QCPAxis *threadsAxis_ = nullptr;
    QMap<QString, QCPGraph *> graphs_;
    std::shared_ptr<const model::Profile> profile_;
    ProfileTimeRange full_;
    bool showThreads_ = false;
    qint64 selBegin_ = 0;
    qint64 selEnd_ = 0;
};

} // namespace perfwb::ui
