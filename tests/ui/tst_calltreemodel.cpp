// CallTreeModel over trees with known stacks, checked by QAbstractItemModelTester
// (which fails the test on any model-contract violation) and by exact values.
#include "calltreemodel.h"

#include <QAbstractItemModelTester>
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
};

QTEST_MAIN(TestCallTreeModel)
#include "tst_calltreemodel.moc"
