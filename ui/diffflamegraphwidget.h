// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "analysis/profilediff.h"
#include "flamechartwidget.h"

#include <memory>
#include <vector>

namespace perfwb::ui {

// The differential flame graph of a comparison: the shape of one run (the new run, or
// the base run so frames that vanished stay visible), each frame coloured by its change
// in the diff's mode (CPU time, or share of its run's total): red grew (slower), blue
// shrank (faster), neutral grey unchanged, the more intense the larger the change. Same
// colours as the exported SVG/HTML. Nodes are ProfileDiff tree nodes; functions are
// ProfileDiff::functions().
class DiffFlameGraphWidget : public FlameChartWidget {
    Q_OBJECT
public:
    enum class Shape { New, Base };
    static constexpr std::uint32_t kNone = ~std::uint32_t{0};

    explicit DiffFlameGraphWidget(QWidget *parent = nullptr);
    void setDiff(std::shared_ptr<const analysis::ProfileDiff> diff, Shape shape);
    void setShape(Shape shape);
    Shape shape() const { return shape_; }
    const analysis::ProfileDiff *diff() const { return diff_.get(); }
    const std::vector<analysis::ProfileDiff::Node> &nodes() const;

    // Highlights frames whose function name matches; returns the matched share of the
    // shape run (nested matches once), or -1 for an invalid pattern.
    double search(const QString &pattern);
    // Outlines every frame of one function (index in diff()->functions(); kNone: none).
    void setSelectedFunction(std::uint32_t function);
    std::uint32_t selectedFunction() const { return selected_; }
    // The widest frame of a function in the current shape, or 0.
    std::uint32_t nodeOfFunction(std::uint32_t function) const;

    QString tooltipFor(std::uint32_t node) const override;
    QColor colourOf(std::uint32_t node) const; // the change colour, without search fading
    static QColor neutralColour();             // of frames within the neutral band

protected:
    QColor colourFor(std::uint32_t node) const override;
    QString labelFor(std::uint32_t node) const override;
    bool outlined(std::uint32_t node) const override;

private:
    void layout();
    double widthOf(const analysis::ProfileDiff::Node &n) const;

    std::shared_ptr<const analysis::ProfileDiff> diff_;
    Shape shape_ = Shape::New;
    std::vector<QString> names_;  // per diff function
    std::vector<QColor> colours_; // per node of the current shape
    std::vector<bool> matched_;   // per diff function
    std::uint32_t selected_ = kNone;
};

} // namespace perfwb::ui
