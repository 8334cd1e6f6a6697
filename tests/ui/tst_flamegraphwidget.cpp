// SPDX-License-Identifier: GPL-3.0-or-later
// The flamegraph widget on profiles with a known shape: main -> run -> hot (70) and
// main -> run -> warm (30); slivers below the cost threshold; keyboard navigation.
#include "flamegraphwidget.h"

#include <QImage>
#include <QSignalSpy>
#include <QTest>

using namespace perfwb;

namespace {

struct Fixture {
    std::shared_ptr<model::Profile> profile = std::make_shared<model::Profile>();
    std::shared_ptr<analysis::FunctionTable> functions;
    std::shared_ptr<analysis::CallTree> tree;

    explicit Fixture(const QList<QPair<QString, int>> &stacks)
    {
        const auto t = profile->internThread(1, 1, "main");
        for (const auto &[stack, weight] : stacks) {
            std::vector<model::FrameId> frames;
            for (const auto &f : stack.split(QLatin1Char(';')))
                frames.push_back(profile->internFrame(f.toStdString(), "demo"));
            profile->addSample(0, t, profile->stacks.internPath(frames), static_cast<std::uint64_t>(weight));
        }
        functions = std::make_shared<analysis::FunctionTable>(*profile);
        tree = std::make_shared<analysis::CallTree>(
            analysis::CallTree::topDown(*functions, analysis::StackWeights::compute(*profile)));
    }
    QString name(std::uint32_t node) const
    {
        return node == 0 ? QString() : QString::fromStdString(std::string(functions->name(tree->node(node).function)));
    }
    std::uint32_t node(const QString &name) const
    {
        for (std::uint32_t i = 1; i < tree->size(); ++i) {
            if (functions->name(tree->node(i).function) == name.toStdString())
                return i;
        }
        return 0;
    }
};

// A few wide frames and a 300-deep chain of weight 1 under a total of 100 000: the
// chain is far thinner than a pixel at any window width.
Fixture sliverFixture()
{
    QStringList chain;
    for (int i = 0; i < 300; ++i)
        chain << QStringLiteral("s%1").arg(i);
    return Fixture({{QStringLiteral("main;a;b"), 60000},
                    {QStringLiteral("main;c"), 39999},
                    {QStringLiteral("main;") + chain.join(QLatin1Char(';')), 1}});
}

// main -> run -> hot (60 %), warm (30 %), tiny (0.02 %, below the default threshold);
// main -> io (10 %).
Fixture keyboardFixture()
{
    return Fixture({{QStringLiteral("main;run;hot"), 60000},
                    {QStringLiteral("main;run;warm"), 30000},
                    {QStringLiteral("main;run;tiny"), 20},
                    {QStringLiteral("main;io"), 9980}});
}

Qt::Key keyFor(QChar c)
{
    switch (c.unicode()) {
    case 'U':
        return Qt::Key_Up;
    case 'D':
        return Qt::Key_Down;
    case 'L':
        return Qt::Key_Left;
    default:
        return Qt::Key_Right;
    }
}

} // namespace

class TestFlameGraphWidget : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void hitTestingFollowsWeights_data()
    {
        QTest::addColumn<bool>("icicle");
        QTest::newRow("flame") << false;
        QTest::newRow("icicle") << true;
    }
    void hitTestingFollowsWeights()
    {
        QFETCH(bool, icicle);
        Fixture f({{"main;run;hot", 70}, {"main;run;warm", 30}});
        ui::FlameGraphWidget w;
        w.setOrientation(icicle ? ui::FlameGraphWidget::Orientation::Icicle : ui::FlameGraphWidget::Orientation::Flame);
        w.setTree(f.profile, f.functions, f.tree);
        w.resize(1000, 300);
        const int rh = w.rowHeight();
        // Row of depth d (0 = main) in widget coordinates.
        auto rowY = [&](int d) { return icicle ? d * rh + rh / 2 : 300 - d * rh - rh / 2; };
        QCOMPARE(w.nodeAt(QPoint(500, rowY(0))), f.node("main"));
        QCOMPARE(w.nodeAt(QPoint(500, rowY(1))), f.node("run"));
        // hot spans 0..700 px, warm 700..1000 px.
        QCOMPARE(w.nodeAt(QPoint(690, rowY(2))), f.node("hot"));
        QCOMPARE(w.nodeAt(QPoint(710, rowY(2))), f.node("warm"));
        QCOMPARE(w.nodeAt(QPoint(500, rowY(3))), 0u);

        // Zoom into warm: it now fills the width; back returns.
        w.zoomTo(f.node("warm"));
        QCOMPARE(w.nodeAt(QPoint(10, rowY(2))), f.node("warm"));
        QCOMPARE(w.nodeAt(QPoint(990, rowY(2))), f.node("warm"));
        w.back();
        QCOMPARE(w.zoomedNode(), 0u);
        QCOMPARE(w.nodeAt(QPoint(10, rowY(2))), f.node("hot"));
    }

    void search_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<double>("share");
        QTest::newRow("hot") << "^hot$" << 0.7;
        QTest::newRow("both leaves") << "hot|warm" << 1.0;
        // run and hot both match: nested matches count once.
        QTest::newRow("nested") << "run|hot" << 1.0;
        QTest::newRow("none") << "nothing" << 0.0;
        QTest::newRow("invalid") << "(" << -1.0;
    }
    void search()
    {
        QFETCH(QString, pattern);
        QFETCH(double, share);
        Fixture f({{"main;run;hot", 70}, {"main;run;warm", 30}});
        ui::FlameGraphWidget w;
        w.setTree(f.profile, f.functions, f.tree);
        QCOMPARE(w.search(pattern), share);
    }

    void rendersFramesAndTooltips()
    {
        Fixture f({{"main;run;hot", 70}, {"main;run;warm", 30}});
        ui::FlameGraphWidget w;
        w.setTree(f.profile, f.functions, f.tree);
        QImage image(1000, 200, QImage::Format_ARGB32_Premultiplied);
        w.renderTo(image);
        const QColor background = image.pixelColor(500, 5);
        const int rh = w.rowHeight();
        // Frames are drawn where the layout puts them, nothing above the deepest row.
        QVERIFY(image.pixelColor(300, 200 - 2 * rh - rh / 2) != background);
        QVERIFY(image.pixelColor(850, 200 - 2 * rh - rh / 2) != background);
        QCOMPARE(image.pixelColor(500, 200 - 4 * rh - rh / 2), background);
        const QString tip = w.tooltipFor(f.node("hot"));
        QVERIFY(tip.contains(QStringLiteral("hot")));
        QVERIFY(tip.contains(QStringLiteral("70.00 %")));
    }

    void narrowFramesHaveTheirColour_data()
    {
        QTest::addColumn<int>("width");
        // 100 siblings: boxes of 2, 3 and 4 pixels, each with its 1-pixel gap.
        QTest::newRow("1 pixel") << 200;
        QTest::newRow("2 pixels") << 300;
        QTest::newRow("3 pixels") << 400;
    }

    // Frames 1 to 3 pixels wide are drawn a row at a time, not one fillRect each: each
    // still has its function's colour (as drawn 50 pixels wide) and its gap.
    void narrowFramesHaveTheirColour()
    {
        QFETCH(int, width);
        QList<QPair<QString, int>> stacks;
        for (int i = 0; i < 100; ++i)
            stacks.append({QStringLiteral("main;f%1").arg(i, 2, 10, QLatin1Char('0')), 100});
        Fixture f(stacks);
        ui::FlameGraphWidget wide;
        wide.setTree(f.profile, f.functions, f.tree);
        wide.resize(5000, 100);
        QImage big(5000, 100, QImage::Format_ARGB32_Premultiplied);
        wide.renderTo(big);
        ui::FlameGraphWidget w;
        w.setTree(f.profile, f.functions, f.tree);
        w.resize(width, 100);
        QImage image(width, 100, QImage::Format_ARGB32_Premultiplied);
        w.renderTo(image);
        const QColor background = image.pixelColor(width / 2, 5);
        for (int i = 0; i < 100; ++i) {
            const std::uint32_t node = f.node(QStringLiteral("f%1").arg(i, 2, 10, QLatin1Char('0')));
            const QRectF r = w.nodeRect(node);
            const int y = static_cast<int>(r.center().y());
            const QColor expected = big.pixelColor(wide.nodeRect(node).center().toPoint());
            QVERIFY(expected != background);
            QCOMPARE(image.pixelColor(qRound(r.left()), y), expected);
            QCOMPARE(image.pixelColor(qRound(r.right()) - 1, y), background); // the gap
        }
    }

    void subPixelFramesKeepTheirWeight()
    {
        // 1 of 100 000 samples in "tiny": far below a pixel, not drawn, still counted.
        Fixture f({{"main;big", 99999}, {"main;tiny", 1}});
        ui::FlameGraphWidget w;
        w.setTree(f.profile, f.functions, f.tree);
        w.resize(800, 100);
        QCOMPARE(w.search(QStringLiteral("tiny")), 1e-5);
        QCOMPARE(w.search(QStringLiteral("main")), 1.0);
    }

    void thresholdMergesSlivers_data()
    {
        QTest::addColumn<double>("percent"); // < 0: the default
        QTest::addColumn<int>("rows");       // drawn rows
        QTest::addColumn<QString>("hidden"); // what main's tooltip says is merged
        QTest::newRow("default 0.1 %") << -1.0 << 3 << "0.001 % in callees below the 0.10 % threshold";
        QTest::newRow("0: every frame") << 0.0 << 301 << "";
        QTest::newRow("65 %: all but main merged") << 65.0 << 1 << "100.00 % in callees below the 65.00 % threshold";
    }
    void thresholdMergesSlivers()
    {
        QFETCH(double, percent);
        QFETCH(int, rows);
        QFETCH(QString, hidden);
        const Fixture f = sliverFixture();
        ui::FlameGraphWidget w;
        QCOMPARE(w.thresholdPercent(), 0.1);
        w.setTree(f.profile, f.functions, f.tree);
        if (percent >= 0)
            w.setThresholdPercent(percent); // as the user changes it, after the tree
        // The deepest drawn row plus one spare row: slivers do not make the graph tall.
        QCOMPARE(w.minimumHeight(), (rows + 1) * w.rowHeight());
        QCOMPARE(w.isLaidOut(f.node(QStringLiteral("s0"))), rows > 3);
        QCOMPARE(w.isLaidOut(f.node(QStringLiteral("s299"))), rows > 3);
        QCOMPARE(w.isLaidOut(f.node(QStringLiteral("a"))), rows > 1);
        const QString tip = w.fullTooltipFor(f.node(QStringLiteral("main")));
        QVERIFY(tip.startsWith(w.tooltipFor(f.node(QStringLiteral("main")))));
        if (hidden.isEmpty())
            QVERIFY2(!tip.contains(QStringLiteral("below the")), qPrintable(tip));
        else
            QVERIFY2(tip.contains(hidden), qPrintable(tip));
        // Merged frames keep their weight: a search still counts them.
        QCOMPARE(w.search(QStringLiteral("^s0$")), 1e-5);
    }

    void thresholdKeepsZoomWhileLaidOut()
    {
        const Fixture f = sliverFixture();
        ui::FlameGraphWidget w;
        w.setTree(f.profile, f.functions, f.tree);
        w.zoomTo(f.node(QStringLiteral("a")));
        QSignalSpy zoomed(&w, &ui::FlameChartWidget::zoomChanged);
        w.setThresholdPercent(0);
        QCOMPARE(w.zoomedNode(), f.node(QStringLiteral("a")));
        QCOMPARE(zoomed.count(), 0);
        w.setThresholdPercent(70); // a (60 %) is merged now: nothing to stay zoomed on
        QCOMPARE(w.zoomedNode(), 0u);
        QCOMPARE(zoomed.count(), 1);
    }

    void arrowKeysMoveTheCurrentFrame_data()
    {
        QTest::addColumn<bool>("icicle");
        QTest::addColumn<QString>("zoom");
        QTest::addColumn<QString>("keys"); // U D L R: the arrow keys
        QTest::addColumn<QStringList>("expected");
        // The first key picks the outermost frame; Up goes to the widest callee, or back
        // down the way Down came; Left/Right stay under the same caller and skip tiny
        // (below the threshold).
        const QStringList walk{"main", "run", "hot", "warm", "warm", "hot", "warm", "run",  "warm",
                               "run",  "io",  "io",  "run",  "hot",  "run", "main", "main", "main"};
        QTest::newRow("flame") << false << ""
                               << "UUURRLRDUDRULUDDDL" << walk;
        // Up always moves up on screen: towards the root in an icicle graph.
        QTest::newRow("icicle") << true << ""
                                << "DDDRRLRUDURDLDUUUL" << walk;
        // Zoomed into run: only run's subtree and its callers can be reached (io is off screen).
        QTest::newRow("zoomed") << false << "run"
                                << "UURDRDU" << QStringList{"run", "hot", "warm", "run", "run", "main", "run"};
    }
    void arrowKeysMoveTheCurrentFrame()
    {
        QFETCH(bool, icicle);
        QFETCH(QString, zoom);
        QFETCH(QString, keys);
        QFETCH(QStringList, expected);
        const Fixture f = keyboardFixture();
        ui::FlameGraphWidget w;
        w.setOrientation(icicle ? ui::FlameGraphWidget::Orientation::Icicle : ui::FlameGraphWidget::Orientation::Flame);
        w.setTree(f.profile, f.functions, f.tree);
        w.resize(1000, 300);
        if (!zoom.isEmpty())
            w.zoomTo(f.node(zoom));
        QVERIFY(!w.isLaidOut(f.node(QStringLiteral("tiny"))));
        QSignalSpy hovered(&w, &ui::FlameChartWidget::nodeHovered);
        QStringList got;
        for (const QChar key : keys) {
            QTest::keyClick(&w, keyFor(key));
            got << f.name(w.currentNode());
        }
        QCOMPARE(got, expected);
        // Whatever shows the hovered frame follows the keyboard: one signal per move.
        qsizetype moves = 0;
        for (qsizetype i = 0; i < got.size(); ++i)
            moves += i == 0 || got[i] != got[i - 1] ? 1 : 0;
        QCOMPARE(hovered.count(), moves);
        QCOMPARE(hovered.last().first().value<std::uint32_t>(), w.currentNode());
        QCOMPARE(w.zoomedNode(), zoom.isEmpty() ? 0u : f.node(zoom)); // arrows never zoom
    }

    void currentFrameIsOutlined()
    {
        const Fixture f = keyboardFixture();
        ui::FlameGraphWidget w;
        w.setTree(f.profile, f.functions, f.tree);
        w.resize(1000, 200);
        QImage before(1000, 200, QImage::Format_ARGB32_Premultiplied);
        w.renderTo(before);
        w.setCurrentNode(f.node(QStringLiteral("warm")));
        QImage after(1000, 200, QImage::Format_ARGB32_Premultiplied);
        w.renderTo(after);
        const QRectF r = w.nodeRect(f.node(QStringLiteral("warm")));
        const QPoint edge(static_cast<int>(r.left()) + 1, static_cast<int>(r.center().y()));
        QCOMPARE(after.pixelColor(edge), w.palette().color(QPalette::Highlight));
        QVERIFY(before.pixelColor(edge) != after.pixelColor(edge));
        // The inside of the frame is still the frame's colour.
        QCOMPARE(after.pixelColor(r.center().toPoint()), before.pixelColor(r.center().toPoint()));
    }

    void keysZoom()
    {
        const Fixture f = keyboardFixture();
        ui::FlameGraphWidget w;
        w.setTree(f.profile, f.functions, f.tree);
        w.resize(1000, 300);
        const auto hot = f.node(QStringLiteral("hot"));
        const auto run = f.node(QStringLiteral("run"));
        QTest::keyClick(&w, Qt::Key_Return); // nothing current yet: nothing to zoom into

        QCOMPARE(w.zoomedNode(), 0u);
        for (int i = 0; i < 3; ++i)
            QTest::keyClick(&w, Qt::Key_Up);
        QCOMPARE(w.currentNode(), hot);
        const QList<QPair<Qt::Key, std::uint32_t>> steps{
            {Qt::Key_Enter, hot},   {Qt::Key_Backspace, 0}, {Qt::Key_Down, 0},        {Qt::Key_Return, run},
            {Qt::Key_Up, run},      {Qt::Key_Enter, hot},   {Qt::Key_Backspace, run}, {Qt::Key_Backspace, 0},
            {Qt::Key_Backspace, 0}, {Qt::Key_Enter, hot},   {Qt::Key_Escape, 0},      {Qt::Key_Backspace, hot},
        };
        for (const auto &[key, zoomed] : steps) {
            QTest::keyClick(&w, key);
            QCOMPARE(w.zoomedNode(), zoomed);
        }
        // The help rows name every key the graph answers to.
        QStringList help;
        for (const auto &[keysText, what] : ui::FlameChartWidget::keyHelp())
            help << keysText + QLatin1Char(' ') + what;
        for (const auto *key : {"Enter", "Backspace", "Esc", "Up", "Left"})
            QVERIFY2(help.join(QLatin1Char('\n')).contains(QLatin1String(key)), key);
    }
};

QTEST_MAIN(TestFlameGraphWidget)
#include "tst_flamegraphwidget.moc"
