// SPDX-License-Identifier: GPL-3.0-or-later
// CallTreeModel over trees with known stacks, checked by QAbstractItemModelTester
// (which fails the test on any model-contract violation) and by exact values.
#include "calltreemodel.h"
#include "calltreeview.h"
#include "costbardelegate.h"
#include "middleelidedelegate.h"
#include "reportdocument.h"

#include <QImage>
#include <QPainter>
#include <QSortFilterProxyModel>
#include <QTreeView>

#include <QAbstractItemModelTester>
#include <QStandardItemModel>
#include <QTest>

using namespace perfwb;

namespace {

std::shared_ptr<model::Profile> makeProfile(const QList<QPair<QString, int>> &stacks)
{
    auto p = std::make_shared<model::Profile>();
    const auto t = p->internThread(1, 1, "main");
    qint64 time = 0;
    for (const auto &[stack, weight] : stacks) {
        std::vector<model::FrameId> frames;
        for (const auto &f : stack.split(QLatin1Char(';')))
            frames.push_back(p->internFrame(f.toStdString(), "mod", "src.c", 10));
        p->addSample(time++, t, p->stacks.internPath(frames), static_cast<std::uint64_t>(weight));
    }
    return p;
}

} // namespace

class TestCallTreeModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void modelContract_data()
    {
        QTest::addColumn<bool>("bottomUp");
        QTest::addColumn<QString>("firstRow");
        QTest::addColumn<QString>("firstRowTotal");
        QTest::newRow("top-down") << false << "main"
                                  << "10";
        QTest::newRow("bottom-up") << true << "hot"
                                   << "7";
    }
    void modelContract()
    {
        QFETCH(bool, bottomUp);
        QFETCH(QString, firstRow);
        QFETCH(QString, firstRowTotal);
        const auto profile = makeProfile({{"main;a;hot", 7}, {"main;b;warm", 3}});
        auto functions = std::make_shared<analysis::FunctionTable>(*profile);
        const auto weights = analysis::StackWeights::compute(*profile);
        auto tree = bottomUp ? analysis::CallTree::bottomUp(*functions, weights)
                             : analysis::CallTree::topDown(*functions, weights);
        ui::CallTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTree(profile, functions, std::move(tree));
        QCOMPARE(model.rowCount(), bottomUp ? 2 : 1);
        const auto first = model.index(0, ui::CallTreeModel::Function);
        QCOMPARE(first.data().toString(), firstRow);
        QCOMPARE(model.index(0, ui::CallTreeModel::Total).data().toString(), firstRowTotal);
        QCOMPARE(model.index(0, ui::CallTreeModel::Location).data().toString(), QStringLiteral("src.c:10"));

        // Sorting keeps the contract (the tester watches layoutChanged) and orders rows.
        model.sort(ui::CallTreeModel::Function, Qt::AscendingOrder);
        if (bottomUp) {
            QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("hot"));
            QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("warm"));
            model.sort(ui::CallTreeModel::Total, Qt::AscendingOrder);
            QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("warm"));
        } else {
            const auto mainIdx = model.index(0, 0);
            QCOMPARE(model.rowCount(mainIdx), 2);
            QCOMPARE(model.index(0, 0, mainIdx).data().toString(), QStringLiteral("a"));
            model.sort(ui::CallTreeModel::TotalPercent, Qt::AscendingOrder);
            QCOMPARE(model.index(0, 0, model.index(0, 0)).data().toString(), QStringLiteral("b"));
            QCOMPARE(model.index(0, ui::CallTreeModel::TotalPercent, model.index(0, 0)).data().toString(),
                     QStringLiteral("30.00"));
        }
    }

    void indexForNodeRoundTrips()
    {
        const auto profile = makeProfile({{"main;a;hot", 7}, {"main;b;warm", 3}, {"main;a;warm", 1}});
        auto functions = std::make_shared<analysis::FunctionTable>(*profile);
        ui::CallTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTree(profile, functions,
                      analysis::CallTree::topDown(*functions, analysis::StackWeights::compute(*profile)));
        for (std::uint32_t n = 1; n < model.tree()->size(); ++n) {
            const auto idx = model.indexForNode(n);
            QVERIFY(idx.isValid());
            QCOMPARE(idx.data(ui::CallTreeModel::NodeRole).value<std::uint32_t>(), n);
        }
    }
    // The cost bars' data: Self and Total as shares of the whole, nothing in other columns.
    void shareRoleFeedsTheCostBars_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QVariant>("share");
        QTest::newRow("self") << int(ui::CallTreeModel::Self) << QVariant(0.0);
        QTest::newRow("total") << int(ui::CallTreeModel::Total) << QVariant(1.0);
        QTest::newRow("self %") << int(ui::CallTreeModel::SelfPercent) << QVariant();
        QTest::newRow("function") << int(ui::CallTreeModel::Function) << QVariant();
    }
    void shareRoleFeedsTheCostBars()
    {
        QFETCH(int, column);
        QFETCH(QVariant, share);
        const auto profile = makeProfile({{"main;a;hot", 7}, {"main;b;warm", 3}});
        auto functions = std::make_shared<analysis::FunctionTable>(*profile);
        ui::CallTreeModel model;
        model.setTree(profile, functions,
                      analysis::CallTree::topDown(*functions, analysis::StackWeights::compute(*profile)));
        const auto main = model.index(0, column); // "main": no self weight, all of the total
        QCOMPARE(main.data(ui::CallTreeModel::ShareRole), share);
        const auto hotPath = model.index(0, ui::CallTreeModel::Total, model.index(0, 0));
        QCOMPARE(hotPath.data(ui::CallTreeModel::ShareRole).toDouble(), 0.7);
    }

    void locationTooltipIsTheWholePath()
    {
        auto p = std::make_shared<model::Profile>();
        const auto t = p->internThread(1, 1, "main");
        const std::string path = "/home/someone/projects/render/engine/src/scene/visibility/culling.cpp";
        const std::vector<model::FrameId> frames{p->internFrame("cull", "librender.so", path, 120)};
        p->addSample(0, t, p->stacks.internPath(frames), 1);
        auto functions = std::make_shared<analysis::FunctionTable>(*p);
        ui::CallTreeView view(ui::CallTreeView::Kind::TopDown);
        auto analysis = ui::ReportAnalysis::compute(p, {}, functions);
        view.setAnalysis(analysis);
        const auto cell = view.model()->index(0, ui::CallTreeModel::Location);
        QCOMPARE(cell.data(Qt::ToolTipRole).toString(), QString::fromStdString(path) + QStringLiteral(":120"));
        // The column's delegate elides in the middle: the file name at the end survives.
        auto *delegate = qobject_cast<ui::MiddleElideDelegate *>(
            view.treeView()->itemDelegateForColumn(ui::CallTreeModel::Location));
        QVERIFY(delegate);
        struct Probe : ui::MiddleElideDelegate {
            using ui::MiddleElideDelegate::initStyleOption;
        } probe;
        QStyleOptionViewItem option;
        probe.initStyleOption(&option, view.proxy()->mapFromSource(cell));
        QCOMPARE(option.textElideMode, Qt::ElideMiddle);
        QVERIFY(qobject_cast<ui::CostBarDelegate *>(view.treeView()->itemDelegateForColumn(ui::CallTreeModel::Self)));
        QVERIFY(qobject_cast<ui::CostBarDelegate *>(view.treeView()->itemDelegateForColumn(ui::CallTreeModel::Total)));
    }

    // A bar across the share of the cell: half a cell for 0.5, none for 0.
    void costBarCoversItsShare_data()
    {
        QTest::addColumn<double>("share");
        QTest::newRow("half") << 0.5;
        QTest::newRow("none") << 0.0;
        QTest::newRow("all") << 1.0;
    }
    void costBarCoversItsShare()
    {
        QFETCH(double, share);
        QStandardItemModel model(1, 1);
        model.setData(model.index(0, 0), share, ui::CallTreeModel::ShareRole);
        ui::CostBarDelegate delegate(ui::CallTreeModel::ShareRole);
        QStyleOptionViewItem option;
        option.rect = QRect(0, 0, 200, 20);
        option.palette.setColor(QPalette::Highlight, Qt::blue);
        QImage image(200, 20, QImage::Format_ARGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        delegate.paint(&painter, option, model.index(0, 0));
        painter.end();
        const auto tinted = [&](int x) { return image.pixelColor(x, 10) != QColor(Qt::white); };
        QCOMPARE(tinted(5), share > 0);
        QCOMPARE(tinted(95), share >= 0.5);
        QCOMPARE(tinted(105), share > 0.5);
        QCOMPARE(tinted(195), share >= 1.0);
    }
};

QTEST_MAIN(TestCallTreeModel)
#include "tst_calltreemodel.moc"
