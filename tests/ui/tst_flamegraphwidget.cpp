// The flamegraph widget on a profile with a known shape:
// main -> run -> hot (70) and main -> run -> warm (30).
#include "flamegraphwidget.h"

#include <QImage>
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
    std::uint32_t node(const QString &name) const
    {
        for (std::uint32_t i = 1; i < tree->size(); ++i) {
            if (functions->name(tree->node(i).function) == name.toStdString())
                return i;
        }
        return 0;
    }
};

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
};

QTEST_MAIN(TestFlameGraphWidget)
#include "tst_flamegraphwidget.moc"
