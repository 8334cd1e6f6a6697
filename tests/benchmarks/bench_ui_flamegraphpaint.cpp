// SPDX-License-Identifier: GPL-3.0-or-later
// Paint cost of the flamegraph widget: a top-down tree of about 200 k nodes rendered
// into a 1920x1080 QImage, as the widget paints itself (whole graph, then zoomed into
// a subtree, then with a search highlight), and the differential flame graph of a
// comparison of two such profiles. Prints the median of 30 paints of each.
// Goal (GUI issue): <= 8 ms per frame.
//
// Usage: QT_QPA_PLATFORM=offscreen bench_ui_flamegraphpaint [NODES]   (default 200000)
#include "diffflamegraphwidget.h"
#include "flamegraphwidget.h"

#include <QApplication>
#include <QImage>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>

using namespace perfwb;

namespace {

// Random stacks until the merged top-down tree has about `nodes` nodes: skewed
// weights so a few paths are wide and most are narrow, as in real profiles.
std::shared_ptr<model::Profile> buildProfile(std::size_t nodes, std::uint64_t seed = 42)
{
    auto p = std::make_shared<model::Profile>();
    std::mt19937_64 rng(seed);
    std::vector<model::FrameId> frames;
    for (int i = 0; i < 20000; ++i)
        frames.push_back(p->internFrame("ns::function_" + std::to_string(i) + "(int, double)",
                                        "libmodule" + std::to_string(i % 60) + ".so"));
    const auto t = p->internThread(1, 1, "main");
    std::int64_t time = 0;
    while (p->stacks.size() < nodes) {
        std::vector<model::FrameId> path{frames[0]};
        const std::size_t depth = 3 + rng() % 45;
        for (std::size_t d = 1; d < depth; ++d)
            path.push_back(frames[(rng() % (d < 4 ? 6 : frames.size()))]);
        const auto weight = 1 + static_cast<std::uint64_t>(std::exponential_distribution<>(0.05)(rng));
        p->addSample(time++, t, p->stacks.internPath(path), weight);
    }
    return p;
}

double medianMs(ui::FlameChartWidget &w, QImage &image)
{
    std::vector<double> ms;
    for (int i = 0; i < 30; ++i) {
        const auto start = std::chrono::steady_clock::now();
        w.renderTo(image);
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    const std::size_t nodes = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 200000;
    const auto profile = buildProfile(nodes);
    auto functions = std::make_shared<analysis::FunctionTable>(*profile);
    auto tree = std::make_shared<analysis::CallTree>(
        analysis::CallTree::topDown(*functions, analysis::StackWeights::compute(*profile)));
    ui::FlameGraphWidget w;
    w.resize(1920, 1080);
    w.setThresholdPercent(0); // the worst case: every frame laid out, as before the threshold
    const auto start = std::chrono::steady_clock::now();
    w.setTree(profile, functions, tree);
    const double layoutMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    QImage image(1920, 1080, QImage::Format_ARGB32_Premultiplied);
    std::printf("tree: %zu nodes (from %zu stack-trie nodes), layout %.1f ms\n", tree->size(), profile->stacks.size(),
                layoutMs);
    std::printf("whole graph:    %.2f ms/frame (median of 30)\n", medianMs(w, image));
    // Zoom into the widest child of the root's widest child: a typical drill-down.
    const auto &root = tree->node(0);
    if (!root.children.empty() && !tree->node(root.children.front()).children.empty())
        w.zoomTo(tree->node(root.children.front()).children.front());
    std::printf("zoomed:         %.2f ms/frame\n", medianMs(w, image));
    w.resetZoom();
    w.search(QStringLiteral("function_1[0-9]*\\("));
    std::printf("with search:    %.2f ms/frame\n", medianMs(w, image));

    // A comparison with a second run of the same shape (other random stacks).
    const auto other = buildProfile(nodes, 7);
    auto t0 = std::chrono::steady_clock::now();
    auto diff = std::make_shared<analysis::ProfileDiff>(analysis::ProfileDiff::compute(*other, *profile));
    const double diffMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    ui::DiffFlameGraphWidget d;
    d.resize(1920, 1080);
    t0 = std::chrono::steady_clock::now();
    d.setDiff(diff, ui::DiffFlameGraphWidget::Shape::New);
    const double diffLayoutMs =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    std::printf("diff: %zu nodes, ProfileDiff::compute %.1f ms, layout %.1f ms\n", diff->forwardTree().size(), diffMs,
                diffLayoutMs);
    std::printf("diff whole:     %.2f ms/frame\n", medianMs(d, image));
    const auto &droot = diff->forwardTree().front();
    if (!droot.children.empty() && !diff->forwardTree()[droot.children.front()].children.empty())
        d.zoomTo(diff->forwardTree()[droot.children.front()].children.front());
    std::printf("diff zoomed:    %.2f ms/frame\n", medianMs(d, image));
    return 0;
}
