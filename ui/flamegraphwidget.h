#pragma once
#include "analysis/flamegraphlayout.h"

#include <QRegularExpression>
#include <QWidget>

#include <memory>
#include <vector>

namespace perfwb::ui {

// A custom-painted flamegraph (no item per frame): one pass over the layout's
// rectangles per paint, skipping whole subtrees narrower than a pixel, so a
// 200 k-node tree paints in milliseconds. Frames are merged by function (the
// top-down call tree); narrow frames are not drawn but stay in their parent's width.
class FlameGraphWidget : public QWidget {
    Q_OBJECT
public:
    enum class Orientation { Flame, Icicle }; // root at the bottom / at the top
    enum class Colouring { ByName, ByModule };

    explicit FlameGraphWidget(QWidget *parent = nullptr);
    void setTree(std::shared_ptr<const model::Profile> profile,
                 std::shared_ptr<const analysis::FunctionTable> functions,
                 std::shared_ptr<const analysis::CallTree> tree);
    void setOrientation(Orientation orientation);
    void setColouring(Colouring colouring);

    // Zoom so the node's subtree fills the width; 0 = whole graph. Kept in a history.
    void zoomTo(std::uint32_t node);
    void back();
    void resetZoom();
    std::uint32_t zoomedNode() const { return zoom_; }

    // Highlights frames whose function matches; returns the matched share of the
    // total weight (nested matches counted once), or -1 for an invalid pattern.
    double search(const QString &pattern);
    double matchedShare() const { return matchedShare_; }

    // For tests and tooltips: the call-tree node under a widget position, or 0.
    std::uint32_t nodeAt(const QPoint &pos) const;
    // Renders into an image of the given size (benchmarks, screenshots).
    void renderTo(QImage &image);
    int rowHeight() const { return rowHeight_; }
    QString tooltipFor(std::uint32_t node) const;

Q_SIGNALS:
    void zoomChanged(std::uint32_t node);
    void nodeHovered(std::uint32_t node);
    void nodeActivated(std::uint32_t node); // double-click: show it in the trees

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;
    QSize sizeHint() const override;

private:
    void paint(QPainter &painter, const QRect &area);
    QRectF rectFor(std::size_t index, const QRect &area) const;
    QColor colourFor(std::uint32_t node) const;
    void updateLayout();

    std::shared_ptr<const model::Profile> profile_;
    std::shared_ptr<const analysis::FunctionTable> functions_;
    std::shared_ptr<const analysis::CallTree> tree_;
    analysis::FlameGraphLayout layout_;
    std::vector<std::uint32_t> rectOfNode_; // node -> index in layout_.rects
    std::vector<std::uint32_t> subtreeEnd_; // index past the last descendant rect
    std::vector<bool> matched_;             // per function
    std::vector<std::uint32_t> history_;
    std::uint32_t zoom_ = 0;
    std::uint32_t hovered_ = 0;
    double matchedShare_ = 0;
    Orientation orientation_ = Orientation::Flame;
    Colouring colouring_ = Colouring::ByName;
    int rowHeight_ = 18;
};

} // namespace perfwb::ui
