// SPDX-License-Identifier: GPL-3.0-or-later
#include "flamegraphsync.h"

#include "analysis/treematch.h"
#include "flamegraphview.h"

#include <QLineEdit>

namespace perfwb::ui {

FlameGraphSync::FlameGraphSync(FlameGraphView *left, FlameGraphView *right, QObject *parent)
    : QObject(parent)
    , left_(left)
    , right_(right)
{
    watch(left_, right_);
    watch(right_, left_);
}

void FlameGraphSync::watch(FlameGraphView *from, FlameGraphView *to)
{
    connect(from->flameGraph(), &FlameGraphWidget::zoomChanged, this, [this, from, to] { followZoom(from, to); });
    connect(from->searchBox(), &QLineEdit::textChanged, this, [this, from, to] { followSearch(from, to); });
    connect(from->flameGraph(), &FlameGraphWidget::nodeActivated, this, [this, from](std::uint32_t node) {
        const auto *graph = from->flameGraph();
        if (!graph->tree() || node == 0 || node >= graph->tree()->size())
            return;
        const auto f = graph->tree()->node(node).function;
        const auto name = graph->functions()->name(f);
        const auto module = graph->functions()->module(f);
        Q_EMIT functionActivated(QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size())),
                                 QString::fromUtf8(module.data(), static_cast<qsizetype>(module.size())));
    });
}

void FlameGraphSync::followZoom(FlameGraphView *from, FlameGraphView *to)
{
    const auto *src = from->flameGraph();
    auto *dst = to->flameGraph();
    if (syncing_ || !src->tree() || !dst->tree())
        return;
    syncing_ = true;
    const auto node = src->zoomedNode();
    if (node == 0)
        dst->resetZoom();
    else
        dst->zoomTo(
            analysis::TreeMatch::samePath(*src->tree(), *src->functions(), node, *dst->tree(), *dst->functions()));
    syncing_ = false;
}

void FlameGraphSync::followSearch(FlameGraphView *from, FlameGraphView *to)
{
    if (syncing_)
        return;
    syncing_ = true;
    to->searchBox()->setText(from->searchBox()->text());
    syncing_ = false;
}

void FlameGraphSync::selectFunction(const std::string &name, const std::string &module, bool zoom)
{
    syncing_ = true; // each side zooms to its own widest frame, not to the other's path
    for (auto *view : {left_, right_}) {
        auto *graph = view->flameGraph();
        if (!graph->functions())
            continue;
        const auto f = analysis::TreeMatch::findFunction(*graph->functions(), name, module);
        graph->setSelectedFunction(f);
        if (zoom && f != analysis::kNoFunction)
            view->showFunction(f);
    }
    syncing_ = false;
}

} // namespace perfwb::ui
