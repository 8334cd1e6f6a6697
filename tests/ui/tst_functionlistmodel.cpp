// SPDX-License-Identifier: GPL-3.0-or-later
// FunctionListModel (the caller/callee view's function list and edge tables) over
// a profile with known stacks, under QAbstractItemModelTester, with exact values.
#include "analysis/callercallee.h"
#include "analysis/calltree.h"
#include "analysis/functionstats.h"
#include "functionlistmodel.h"

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
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
            frames.push_back(p->internFrame(f.toStdString(), "mod"));
        p->addSample(time++, t, p->stacks.internPath(frames), static_cast<std::uint64_t>(weight));
    }
    return p;
}

analysis::FunctionId idOf(const analysis::FunctionTable &functions, std::string_view name)
{
    for (analysis::FunctionId f = 0; f < functions.size(); ++f)
        if (functions.name(f) == name)
            return f;
    return analysis::kNoFunction;
}
} // namespace

class TestFunctionListModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void functionsAndEdges_data()
    {
        QTest::addColumn<bool>("edges");
        QTest::addColumn<int>("columns");
        QTest::addColumn<QString>("firstName");
        QTest::addColumn<QString>("firstWeight");
        QTest::addColumn<QString>("firstPercent");
        QTest::newRow("functions (self, total)") << false << 6 << "hot"
                                                 << "7"
                                                 << "70.00";
        QTest::newRow("callees of main") << true << 4 << "a"
                                         << "7"
                                         << "70.00";
    }
    void functionsAndEdges()
    {
        QFETCH(bool, edges);
        QFETCH(int, columns);
        QFETCH(QString, firstName);
        QFETCH(QString, firstWeight);
        QFETCH(QString, firstPercent);
        const auto profile = makeProfile({{"main;a;hot", 7}, {"main;b;warm", 3}});
        auto functions = std::make_shared<const analysis::FunctionTable>(*profile);
        const auto weights = analysis::StackWeights::compute(*profile);
        ui::FunctionListModel model(edges ? ui::FunctionListModel::Edges : ui::FunctionListModel::Functions);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(ui::FunctionListModel::SortRole);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        std::vector<ui::FunctionListModel::Row> rows;
        if (edges) {
            const auto cc = analysis::CallerCallee::compute(*functions, weights, idOf(*functions, "main"));
            for (const auto &e : cc.callees)
                rows.push_back({e.function, e.weight, 0});
        } else {
            const auto stats = analysis::FunctionStats::compute(*functions, weights);
            for (const auto &e : stats.entries)
                rows.push_back({e.function, e.self, e.total});
        }
        model.setRows(functions, rows, weights.total);
        QCOMPARE(model.columnCount(), columns);
        QCOMPARE(model.rowCount(), edges ? 2 : 5);
        QCOMPARE(model.index(0, ui::FunctionListModel::Function).data().toString(), firstName);
        QCOMPARE(model.index(0, ui::FunctionListModel::Weight).data().toString(), firstWeight);
        QCOMPARE(model.index(0, ui::FunctionListModel::WeightPercent).data().toString(), firstPercent);
        QCOMPARE(model.index(0, columns - 1).data().toString(), QStringLiteral("mod")); // module is last
        QCOMPARE(model.indexOfFunction(idOf(*functions, firstName.toStdString())).row(), 0);
        QVERIFY(!model.indexOfFunction(analysis::kNoFunction).isValid());

        // Sorting by weight ascending puts the lightest first.
        proxy.sort(ui::FunctionListModel::Weight, Qt::AscendingOrder);
        QVERIFY(proxy.index(0, ui::FunctionListModel::Weight).data(ui::FunctionListModel::SortRole).toULongLong() <=
                proxy.index(1, ui::FunctionListModel::Weight).data(ui::FunctionListModel::SortRole).toULongLong());
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestFunctionListModel)
#include "tst_functionlistmodel.moc"
