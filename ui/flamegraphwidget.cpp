// SPDX-License-Identifier: GPL-3.0-or-later
#include "flamegraphwidget.h"
#include "qstrings.h"

#include "analysis/flamegraphlayout.h"

namespace perfwb::ui {

namespace {
// FNV-1a: stable across runs and platforms, unlike qHash with its random seed,
// so a function keeps its colour from one session (and screenshot) to the next.
std::uint32_t stableHash(std::string_view s)
{
    std::uint32_t h = 2166136261U;
    for (unsigned char c : s)
        h = (h ^ c) * 16777619U;
    return h;
}
} // namespace

FlameGraphWidget::FlameGraphWidget(QWidget *parent)
    : FlameChartWidget(parent)
{}

void FlameGraphWidget::setTree(std::shared_ptr<const model::Profile> profile,
                               std::shared_ptr<const analysis::FunctionTable> functions,
                               std::shared_ptr<const analysis::CallTree> tree)
{
    profile_ = std::move(profile);
    functions_ = std::move(functions);
    tree_ = std::move(tree);
    matched_.clear();
    matchedShare_ = 0;
    selected_ = analysis::kNoFunction;
    std::vector<Rect> rects;
    double total = 0;
    if (tree_) {
        const auto layout = analysis::FlameGraphLayout::compute(*tree_);
        rects.reserve(layout.rects.size());
        for (const auto &r : layout.rects)
            rects.push_back({r.node, r.depth, static_cast<double>(r.start), static_cast<double>(r.width)});
        total = static_cast<double>(layout.total);
    }
    // Labels and colours per function, once: a zoomed paint labels thousands of frames.
    names_.clear();
    if (functions_) {
        names_.reserve(functions_->size());
        for (analysis::FunctionId f = 0; f < functions_->size(); ++f)
            names_.push_back(qs(functions_->name(f)));
    }
    updateColours();
    setRects(std::move(rects), total, tree_ ? tree_->size() : 0);
}

void FlameGraphWidget::setColouring(Colouring colouring)
{
    colouring_ = colouring;
    updateColours();
    update();
}

void FlameGraphWidget::updateColours()
{
    colours_.clear();
    faded_.clear();
    if (!functions_)
        return;
    colours_.reserve(functions_->size());
    faded_.reserve(functions_->size());
    for (analysis::FunctionId f = 0; f < functions_->size(); ++f) {
        const auto &fn = functions_->at(f);
        const std::string_view key = colouring_ == Colouring::ByModule ? functions_->module(f) : functions_->name(f);
        const std::uint32_t h = stableHash(key);
        QColor c;
        switch (fn.kind) {
        case model::FrameKind::Kernel:
            c = QColor::fromHsv(200 + static_cast<int>(h % 30), 110 + static_cast<int>((h >> 8) % 60), 220);
            break;
        case model::FrameKind::Python:
        case model::FrameKind::Jit:
            c = QColor::fromHsv(90 + static_cast<int>(h % 40), 120 + static_cast<int>((h >> 8) % 60), 210);
            break;
        case model::FrameKind::Native:
            c = QColor::fromHsv(static_cast<int>(h % 50), 140 + static_cast<int>((h >> 8) % 90), 235);
            break;
        }
        if (fn.inlined)
            c = c.lighter(115);
        // Kept as RGB: fillRect converts any other spec on every call (15 % of a paint).
        colours_.push_back(c.toRgb());
        faded_.push_back(QColor::fromHsv(c.hue(), 30, c.value()).toRgb()); // non-matches while searching
    }
}

void FlameGraphWidget::setSelectedFunction(analysis::FunctionId function)
{
    selected_ = function;
    update();
}

double FlameGraphWidget::search(const QString &pattern)
{
    matched_.clear();
    matchedShare_ = 0;
    if (!tree_ || pattern.isEmpty()) {
        update();
        return 0;
    }
    const QRegularExpression re(pattern);
    if (!re.isValid())
        return -1;
    matched_.assign(functions_->size(), false);
    for (analysis::FunctionId f = 0; f < functions_->size(); ++f)
        matched_[f] = re.match(names_[f]).hasMatch();
    // Share of the total under matched frames; a match inside a match counts once.
    std::uint64_t covered = 0;
    std::vector<std::uint32_t> todo(tree_->node(0).children.begin(), tree_->node(0).children.end());
    while (!todo.empty()) {
        const auto id = todo.back();
        todo.pop_back();
        const auto &n = tree_->node(id);
        if (matched_[n.function])
            covered += n.total;
        else
            todo.insert(todo.end(), n.children.begin(), n.children.end());
    }
    matchedShare_ = tree_->total() == 0 ? 0.0 : static_cast<double>(covered) / static_cast<double>(tree_->total());
    update();
    return matchedShare_;
}

QColor FlameGraphWidget::colourFor(std::uint32_t node) const
{
    const auto f = tree_->node(node).function;
    if (matched_.empty())
        return colours_[f];
    return matched_[f] ? QColor(230, 60, 200) : faded_[f];
}

QString FlameGraphWidget::labelFor(std::uint32_t node) const
{
    return names_[tree_->node(node).function];
}

bool FlameGraphWidget::dashed(std::uint32_t node) const
{
    return functions_->at(tree_->node(node).function).inlined;
}

bool FlameGraphWidget::outlined(std::uint32_t node) const
{
    return selected_ != analysis::kNoFunction && tree_->node(node).function == selected_;
}

QString FlameGraphWidget::tooltipFor(std::uint32_t node) const
{
    if (!tree_ || node == 0)
        return {};
    const auto &n = tree_->node(node);
    const auto &fn = functions_->at(n.function);
    const double total = static_cast<double>(std::max<std::uint64_t>(tree_->total(), 1));
    const QString unit = qs(profile_->meta.weightUnit.name());
    QString location = qs(profile_->strings.view(fn.file));
    if (!location.isEmpty() && fn.line > 0)
        location += QStringLiteral(":%1").arg(fn.line);
    return tr("<b>%1</b><br>module: %2<br>%3self: %4 %5 (%6 %)<br>total: %7 %5 (%8 %)%9")
        // One multi-argument arg(): a '%' in a function name is never taken for a placeholder.
        .arg(qs(functions_->name(n.function)).toHtmlEscaped(), qs(functions_->module(n.function)).toHtmlEscaped(),
             location.isEmpty() ? QString() : tr("source: %1<br>").arg(location.toHtmlEscaped()),
             QString::number(n.self), unit, QString::number(100.0 * static_cast<double>(n.self) / total, 'f', 2),
             QString::number(n.total), QString::number(100.0 * static_cast<double>(n.total) / total, 'f', 2),
             fn.inlined ? tr("<br><i>inlined</i>") : QString());
}

} // namespace perfwb::ui
