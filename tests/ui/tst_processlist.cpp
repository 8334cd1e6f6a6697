// SPDX-License-Identifier: GPL-3.0-or-later
// ProcessList (engine) and ProcessListModel / AttachDialog: our own process is listed
// with its name and user, CPU % appears from the second reading and reflects a busy
// child, the model passes QAbstractItemModelTester across refreshes, the filter works.
#include "attachdialog.h"
#include "processlistmodel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QSortFilterProxyModel>
#include <QTest>

#include <pwd.h>
#include <unistd.h>

using namespace perfwb;

namespace {

const record::ProcessEntry *find(const std::vector<record::ProcessEntry> &list, pid_t pid)
{
    for (const auto &p : list)
        if (p.pid == pid)
            return &p;
    return nullptr;
}

std::string ourName()
{
    // comm is the executable name cut to 15 characters.
    return QCoreApplication::applicationFilePath().section('/', -1).left(15).toStdString();
}

} // namespace

class TestProcessList : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void snapshotHasUs()
    {
        const auto list = record::ProcessList::snapshot();
        const auto *self = find(list, ::getpid());
        QVERIFY(self);
        QCOMPARE(self->name, ourName());
        QCOMPARE(self->user, std::string(::getpwuid(::getuid())->pw_name));
        QVERIFY(self->commandLine.find("tst_processlist") != std::string::npos);
        QCOMPARE(self->cpuPercent, -1.0); // one reading: not measured yet
        // No kernel threads: they cannot be attached to.
        QVERIFY(!find(list, 2));
    }

    void cpuPercentOfABusyChild()
    {
        QProcess busy, idle;
        busy.start(PERFWB_WORKLOAD_DIR "/cpusplit", {"3000"});
        idle.start("sleep", {"30"});
        QVERIFY(busy.waitForStarted());
        QVERIFY(idle.waitForStarted());
        record::ProcessList list;
        list.refresh();
        QTest::qWait(800);
        const auto second = list.refresh();
        const auto *spinning = find(second, pid_t(busy.processId()));
        const auto *sleeping = find(second, pid_t(idle.processId()));
        QVERIFY(spinning && sleeping);
        QCOMPARE(spinning->name, std::string("cpusplit"));
        // The spinner gets whatever share of a core a busy machine leaves it; the
        // sleeper gets none. Both measured over the same interval.
        QVERIFY2(spinning->cpuPercent > 5 && spinning->cpuPercent <= 110,
                 qPrintable(QString::number(spinning->cpuPercent)));
        QVERIFY2(sleeping->cpuPercent >= 0 && sleeping->cpuPercent < 2,
                 qPrintable(QString::number(sleeping->cpuPercent)));
        idle.kill();
        idle.waitForFinished();
        busy.kill();
        busy.waitForFinished();
    }

    void modelPassesTesterAcrossRefreshes()
    {
        ui::ProcessListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.refresh();
        QVERIFY(model.rowCount() > 1);
        const int row = model.rowForPid(::getpid());
        QVERIFY(row >= 0);
        QCOMPARE(model.index(row, ui::ProcessListModel::Pid).data().toString(), QString::number(::getpid()));
        QCOMPARE(model.index(row, ui::ProcessListModel::Name).data().toString(), QString::fromStdString(ourName()));
        // A process that starts and one that ends between refreshes: rows inserted and removed.
        QProcess child;
        child.start("sleep", {"30"});
        QVERIFY(child.waitForStarted());
        model.refresh();
        QVERIFY(model.rowForPid(pid_t(child.processId())) >= 0);
        QVERIFY(!model.index(row, ui::ProcessListModel::Cpu).data().toString().isEmpty());
        const pid_t gone = pid_t(child.processId());
        child.kill();
        child.waitForFinished();
        model.refresh();
        QCOMPARE(model.rowForPid(gone), -1);

        // Made-up lists exercise removal of runs and insertion in the middle.
        model.setProcesses({{1, "a", "u", 0, ""}, {5, "b", "u", 0, ""}, {9, "c", "u", 0, ""}});
        QCOMPARE(model.rowCount(), 3);
        model.setProcesses({{3, "x", "u", 1, ""}, {9, "c", "u", 2, ""}, {12, "d", "u", 0, ""}});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.process(0).pid, 3);
        QCOMPARE(model.process(1).pid, 9);
        QCOMPARE(model.process(1).cpuPercent, 2.0);
        QCOMPARE(model.process(2).pid, 12);
        model.setProcesses({});
        QCOMPARE(model.rowCount(), 0);
    }

    void attachDialogFilterAndSelection()
    {
        QProcess child;
        child.start("sleep", {"30"});
        QVERIFY(child.waitForStarted());
        ui::AttachDialog dialog;
        QAbstractItemModelTester tester(dialog.proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        dialog.refresh();
        const int all = dialog.proxy()->rowCount();
        dialog.setFilterText("SLEEP"); // case-insensitive
        QVERIFY(dialog.proxy()->rowCount() >= 1);
        QVERIFY(dialog.proxy()->rowCount() < all);
        for (int r = 0; r < dialog.proxy()->rowCount(); ++r) {
            bool matches = false;
            for (int c = 0; c < ui::ProcessListModel::ColumnCount; ++c)
                matches |= dialog.proxy()->index(r, c).data().toString().contains("sleep", Qt::CaseInsensitive);
            QVERIFY(matches);
        }
        dialog.setFilterText(QString::number(child.processId()));
        QVERIFY(dialog.selectPid(pid_t(child.processId())));
        QCOMPARE(dialog.selectedPid(), pid_t(child.processId()));
        dialog.setDurationS(1.5);
        const record::RecordOptions o = dialog.options();
        QCOMPARE(o.attachPid, pid_t(child.processId()));
        QCOMPARE(o.durationS, 1.5);
        QVERIFY(o.command.empty());
        QCOMPARE(o.label, std::string("sleep"));
        dialog.setFilterText("no process is called this");
        QCOMPARE(dialog.proxy()->rowCount(), 0);
        QCOMPARE(dialog.selectedPid(), pid_t(0));
        child.kill();
        child.waitForFinished();
    }
};

QTEST_MAIN(TestProcessList)
#include "tst_processlist.moc"
