// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffflamegraphwidget.h"
#include "enginetext.h"
#include "qstrings.h"

#include "formats/diffsvgwriter.h"
#include "formats/difftext.h"

#include <QRegularExpression>

namespace perfwb::ui {

namespace {
const std::vector<analysis::ProfileDiff::Node> kNoNodes;
} // namespace

DiffFlameGraphWidget::DiffFlameGraphWidget(QWidget *parent)
    : FlameChartWidget(parent)
{}

void DiffFlameGraphWidget::setDiff(std::shared_ptr<const analysis::ProfileDiff> diff, Shape shape)
{
    diff_ = std::move(diff);
    shape_ = shape;
    matched_.clear();
    selected_ = kNone;
    names_.clear();
    if (diff_) {
        names_.reserve(diff_->functions().size());
        for (const auto &fn : diff_->functions())
            names_.push_back(fn.name.empty() ? QStringLiteral("[unknown]") : qs(fn.name));
    }
    layout();
}

void DiffFlameGraphWidget::setShape(Shape shape)
{
    if (shape == shape_)
        return;
    shape_ = shape;
    layout(); // the highlight and selection are per function, so they carry over
}

const std::vector<analysis::ProfileDiff::Node> &DiffFlameGraphWidget::nodes() const
{
    if (!diff_)
        return kNoNodes;
    return shape_ == Shape::New ? diff_->forwardTree() : diff_->reverseTree();
}

double DiffFlameGraphWidget::widthOf(const analysis::ProfileDiff::Node &n) const
{
    return shape_ == Shape::New ? n.shareAfter : n.shareBefore;
}

void DiffFlameGraphWidget::layout()
{
    const auto &tree = nodes();
    std::vector<Rect> rects;
    rects.reserve(tree.size());
    // Depth first, children side by side from their parent's start (heaviest first, as
    // the diff orders them), in share units of the shape run.
    struct Open {
        std::uint32_t node;
        double start;
    };
    std::vector<Open> todo;
    if (!tree.empty()) {
        double x = 0;
        std::vector<Open> level;
        for (const auto c : tree[0].children) {
            level.push_back({c, x});
            x += widthOf(tree[c]);
        }
        todo.assign(level.rbegin(), level.rend());
    }
    while (!todo.empty()) {
        const auto [id, start] = todo.back();
        todo.pop_back();
        const auto &n = tree[id];
        if (widthOf(n) <= 0)
            continue;
        rects.push_back({id, n.depth - 1, start, widthOf(n)});
        double x = start;
        const std::size_t mark = todo.size();
        for (const auto c : n.children) {
            todo.push_back({c, x});
            x += widthOf(tree[c]);
        }
        std::reverse(todo.begin() + static_cast<std::ptrdiff_t>(mark), todo.end());
    }
    // One colour per node, once: painting must not format and parse colour names.
    colours_.assign(tree.size(), QColor());
    for (const auto &r : rects)
        colours_[r.node] = QColor(QString::fromStdString(formats::DiffSvgWriter::colour(tree[r.node])));
    setRects(std::move(rects), tree.empty() ? 0.0 : widthOf(tree[0]), tree.size());
}

double DiffFlameGraphWidget::search(const QString &pattern)
{
    matched_.clear();
    update();
    if (!diff_ || pattern.isEmpty())
        return 0;
    const QRegularExpression re(pattern);
    if (!re.isValid())
        return -1;
    const auto &fns = diff_->functions();
    matched_.resize(fns.size());
    for (std::size_t f = 0; f < fns.size(); ++f)
        matched_[f] = re.match(names_[f]).hasMatch();
    const auto &tree = nodes();
    if (tree.empty() || widthOf(tree[0]) <= 0)
        return 0;
    double covered = 0; // a match inside a match counts once
    std::vector<std::uint32_t> todo(tree[0].children.begin(), tree[0].children.end());
    while (!todo.empty()) {
        const auto id = todo.back();
        todo.pop_back();
        if (matched_[tree[id].function])
            covered += widthOf(tree[id]);
        else
            todo.insert(todo.end(), tree[id].children.begin(), tree[id].children.end());
    }
    return covered / widthOf(tree[0]);
}

void DiffFlameGraphWidget::setSelectedFunction(std::uint32_t function)
{
    selected_ = function;
    update();
}

std::uint32_t DiffFlameGraphWidget::nodeOfFunction(std::uint32_t function) const
{
    const auto &tree = nodes();
    std::uint32_t best = 0;
    for (std::uint32_t i = 1; i < tree.size(); ++i)
        if (tree[i].function == function && widthOf(tree[i]) > 0 &&
            (best == 0 || widthOf(tree[i]) > widthOf(tree[best])))
            best = i;
    return best;
}

QColor DiffFlameGraphWidget::neutralColour()
{
    return QColor(QLatin1String(formats::DiffSvgWriter::kNeutralFill));
}

QColor DiffFlameGraphWidget::colourOf(std::uint32_t node) const
{
    return node < colours_.size() ? colours_[node] : QColor();
}

QColor DiffFlameGraphWidget::colourFor(std::uint32_t node) const
{
    const QColor c = colourOf(node);
    if (matched_.empty() || matched_[nodes()[node].function])
        return c;
    return QColor::fromHsv(c.hue(), c.saturation() / 4, c.value()); // non-matches fade
}

QString DiffFlameGraphWidget::labelFor(std::uint32_t node) const
{
    return names_[nodes()[node].function];
}

bool DiffFlameGraphWidget::outlined(std::uint32_t node) const
{
    return selected_ != kNone && nodes()[node].function == selected_;
}

QString DiffFlameGraphWidget::tooltipFor(std::uint32_t node) const
{
    if (!diff_ || node == 0 || node >= nodes().size())
        return {};
    const auto &n = nodes()[node];
    const auto &fn = diff_->functions()[n.function];
    const auto value = [this](double v) { return qs(formats::DiffText::formatModeValue(*diff_, v)); };
    // One multi-argument arg(): a '%' in a function name is never taken for a placeholder.
    return tr("<b>%1</b><br>module: %2<br>before: %3 (%4 %5)<br>after: %6 (%7 %5)<br>delta: %8 (%9)")
               .arg(labelFor(node).toHtmlEscaped(), qs(fn.module).toHtmlEscaped(), value(n.valueBefore),
                    QString::number(n.before), qs(diff_->weightUnit).toHtmlEscaped(), value(n.valueAfter),
                    QString::number(n.after), qs(formats::DiffText::formatDelta(*diff_, n.valueAfter - n.valueBefore)),
                    EngineText::translate(formats::DiffText::formatRelative(n.relativePct()))) +
           QStringLiteral("<br>") + tr("colour: %1").arg(EngineText::translate(diff_->modeLabel())).toHtmlEscaped();
}

} // namespace perfwb::ui
