// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "analysis/calltree.h"
#include "flamechartwidget.h"
#include "model/profile.h"

#include <QRegularExpression>

#include <memory>
#include <vector>

namespace perfwb::ui {

// The flame graph of one run: frames merged by function (the top-down call tree),
// coloured by name or module. Frames below the cost threshold are not drawn but stay in
// their parent's width. Painting, zoom, keys and hit testing come from FlameChartWidget.
class FlameGraphWidget : public FlameChartWidget {
    Q_OBJECT
public:
    enum class Colouring { ByName, ByModule };

    explicit FlameGraphWidget(QWidget *parent = nullptr);
    void setTree(std::shared_ptr<const model::Profile> profile,
                 std::shared_ptr<const analysis::FunctionTable> functions,
                 std::shared_ptr<const analysis::CallTree> tree);
    void setColouring(Colouring colouring);
    const analysis::CallTree *tree() const { return tree_.get(); }
    const analysis::FunctionTable *functions() const { return functions_.get(); }

    // Highlights frames whose function matches; returns the matched share of the
    // total weight (nested matches counted once), or -1 for an invalid pattern.
    double search(const QString &pattern);
    double matchedShare() const { return matchedShare_; }

    // Outlines every frame of one function (kNoFunction: none), e.g. the function
    // selected in a comparison.
    void setSelectedFunction(analysis::FunctionId function);
    analysis::FunctionId selectedFunction() const { return selected_; }

    QString tooltipFor(std::uint32_t node) const override;

protected:
    QColor colourFor(std::uint32_t node) const override;
    QString labelFor(std::uint32_t node) const override;
    bool dashed(std::uint32_t node) const override;
    bool outlined(std::uint32_t node) const override;

private:
    std::shared_ptr<const model::Profile> profile_;
    std::shared_ptr<const analysis::FunctionTable> functions_;
    std::shared_ptr<const analysis::CallTree> tree_;
    void updateColours();

    std::vector<QString> names_;  // per function
    std::vector<QColor> colours_; // per function, for the current colouring
    std::vector<QColor> faded_;   // the same, faded for non-matches of a search
    std::vector<bool> matched_;   // per function
    double matchedShare_ = 0;
    analysis::FunctionId selected_ = analysis::kNoFunction;
    Colouring colouring_ = Colouring::ByName;
};

} // namespace perfwb::ui
