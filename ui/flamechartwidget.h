// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <QColor>
#include <QList>
#include <QPair>
#include <QWidget>

#include <cstdint>
#include <vector>

namespace perfwb::ui {

// What every flame graph shares: painting, hit testing, zoom with history, hover and
// tooltips, the cost threshold and keyboard navigation. Subclasses hand over the frames
// as rectangles in depth-first order and say how a node is coloured and labelled (one
// run's call tree: FlameGraphWidget; a comparison's differential tree:
// DiffFlameGraphWidget). One pass over the rectangles per paint skips whole subtrees
// narrower than a pixel, so 200 k nodes paint in milliseconds; there is no item per frame.
class FlameChartWidget : public QWidget {
    Q_OBJECT
public:
    enum class Orientation { Flame, Icicle }; // root at the bottom / at the top
    static constexpr double kDefaultThresholdPercent = 0.1;

    explicit FlameChartWidget(QWidget *parent = nullptr);
    void setOrientation(Orientation orientation);
    Orientation orientation() const { return orientation_; }

    // Frames narrower than this share of the whole graph (in percent) are merged into
    // their parent: not laid out, not counted in the height, their weight still inside
    // the parent's width. 0 lays out every frame.
    void setThresholdPercent(double percent);
    double thresholdPercent() const { return thresholdPercent_; }

    // Zoom so the node's subtree fills the width; 0 = whole graph. Kept in a history.
    void zoomTo(std::uint32_t node);
    void back();
    void resetZoom();
    std::uint32_t zoomedNode() const { return zoom_; }

    // The keyboard's current frame (outlined; 0 = none), moved by the arrow keys.
    void setCurrentNode(std::uint32_t node);
    std::uint32_t currentNode() const { return current_; }
    // The keys the graph answers to, as (key, what it does) rows for a help list.
    static QList<QPair<QString, QString>> keyHelp();

    // The node under a widget position, or 0.
    std::uint32_t nodeAt(const QPoint &pos) const;
    // Where a node is drawn in widget coordinates (empty when it is not laid out).
    QRectF nodeRect(std::uint32_t node) const;
    bool isLaidOut(std::uint32_t node) const;
    // Renders into an image of the given size (benchmarks, screenshots).
    void renderTo(QImage &image);
    int rowHeight() const { return rowHeight_; }
    virtual QString tooltipFor(std::uint32_t node) const = 0;
    // tooltipFor() plus how much of the node lies in callees below the threshold.
    QString fullTooltipFor(std::uint32_t node) const;

Q_SIGNALS:
    void zoomChanged(std::uint32_t node);
    void nodeHovered(std::uint32_t node);   // under the mouse, or the keyboard's current frame
    void nodeActivated(std::uint32_t node); // double-click
    void currentChanged(std::uint32_t node);

protected:
    struct Rect {
        std::uint32_t node = 0;
        std::uint32_t depth = 0; // 0 = the outermost frames
        double start = 0;        // in the subclass's weight units
        double width = 0;
    };
    // `rects`: parents before children, each subtree contiguous (depth-first); node ids
    // below `nodeCount`; `total` is the width of the whole graph. Resets zoom and hover.
    void setRects(std::vector<Rect> rects, double total, std::size_t nodeCount);
    bool hasRects() const { return !rects_.empty(); }

    virtual QColor colourFor(std::uint32_t node) const = 0;
    virtual QString labelFor(std::uint32_t node) const = 0;
    virtual bool dashed(std::uint32_t /*node*/) const { return false; }   // e.g. inlined frames
    virtual bool outlined(std::uint32_t /*node*/) const { return false; } // the selected function

    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;
    QSize sizeHint() const override;

private:
    void applyThreshold();
    void paint(QPainter &painter, const QRect &area);
    void paintCurrent(QPainter &painter, const QRect &area);
    // The zoom as where it starts and pixels per unit of weight, computed once per paint.
    struct Scale {
        double start = 0;
        double perUnit = 1;
    };
    Scale scaleFor(const QRect &area) const;
    QRectF rectFor(std::size_t index, const QRect &area) const;
    QRectF rectFor(std::size_t index, const QRect &area, Scale s) const;
    std::uint32_t indexOf(std::uint32_t node) const;
    bool shownInZoom(std::uint32_t index) const;
    std::uint32_t parentOf(std::uint32_t index) const;
    std::uint32_t widestChildOf(std::uint32_t index) const;
    std::uint32_t siblingOf(std::uint32_t index, bool next) const;
    void moveCurrent(int key);

    static constexpr std::uint32_t kNotLaidOut = ~std::uint32_t{0};
    std::vector<Rect> allRects_;            // as the subclass laid them out
    std::vector<Rect> rects_;               // those at or above the threshold
    std::vector<double> hidden_;            // per rect: weight of its callees below the threshold
    std::vector<std::uint32_t> rectOfNode_; // node -> index in rects_
    std::vector<std::uint32_t> subtreeEnd_; // index past the last descendant rect
    std::vector<std::uint32_t> trail_;      // nodes left towards the root, to come back to
    double total_ = 0;
    double thresholdPercent_ = kDefaultThresholdPercent;
    std::uint32_t maxDepth_ = 0;
    std::vector<std::uint32_t> history_;
    std::uint32_t zoom_ = 0;
    std::uint32_t hovered_ = 0;
    std::uint32_t current_ = 0;
    Orientation orientation_ = Orientation::Flame;
    int rowHeight_ = 18;
};

} // namespace perfwb::ui
