// SPDX-License-Identifier: GPL-3.0-or-later
// Exports from the window and `perfwb FILE --page NAME`, on a small folded-stacks profile:
// quick exports never overwrite (numbered names), the status bar names the file with Open
// and Show Folder, the Export menu says what each entry writes (also for a comparison),
// Export As… proposes the quick export's name and the last format, and a report opens on
// a named page (a bad name is one usage error from the real binary).
#include "compareview.h"
#include "exportmenu.h"
#include "exportstatus.h"
#include "integration/perfwbrunner.h"
#include "mainwindow.h"
#include "reportdocument.h"
#include "reportview.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using namespace perfwb;

namespace {
constexpr int kTimeoutMs = 60000;

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool write(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}
} // namespace

class TestExports : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    QString profile_; // run.folded: the run label is its base name, "run"
    QString out_;     // FIL_PERF_OUTPUT_DIR
    std::unique_ptr<ui::MainWindow> window_;

    QString exportOnce(const QString &format)
    {
        QSignalSpy done(window_.get(), &ui::MainWindow::exportFinished);
        window_->action(QStringLiteral("export-") + format)->trigger();
        return done.wait(kTimeoutMs) ? done.first().first().toString() : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<ui::ReportView *>();
        qRegisterMetaType<ui::CompareView *>();
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QVERIFY(dir_.isValid());
        out_ = QDir(dir_.filePath(QStringLiteral("out"))).absolutePath();
        qputenv("FIL_PERF_OUTPUT_DIR", out_.toUtf8());
        profile_ = dir_.filePath(QStringLiteral("run.folded"));
        QVERIFY(write(profile_, "main;hot_70 70\nmain;warm_30 30\n"));
        window_ = std::make_unique<ui::MainWindow>();
        window_->resize(1000, 700);
        window_->show();
        QSignalSpy opened(window_.get(), &ui::MainWindow::reportOpened);
        window_->openFile(profile_);
        QVERIFY(opened.wait(kTimeoutMs));
        QTRY_VERIFY_WITH_TIMEOUT(window_->currentView()->document()->analysis(), kTimeoutMs);
    }

    void menuSaysWhatTheUserGets()
    {
        const QList<std::pair<QString, QString>> titles = {
            {QStringLiteral("svg"), QStringLiteral("Flame graph (SVG)")},
            {QStringLiteral("html"), QStringLiteral("Report (HTML)")},
            {QStringLiteral("folded"), QStringLiteral("Folded stacks")},
            {QStringLiteral("speedscope"), QStringLiteral("speedscope profile")},
            {QStringLiteral("pprof"), QStringLiteral("pprof profile")},
            {QStringLiteral("chrome"), QStringLiteral("Chrome trace")},
        };
        auto *menu = window_->action(QStringLiteral("export-svg"))->parent();
        QVERIFY(qobject_cast<QMenu *>(menu));
        const auto actions = qobject_cast<QMenu *>(menu)->actions();
        for (qsizetype i = 0; i < titles.size(); ++i) {
            auto *action = window_->action(QStringLiteral("export-") + titles[i].first);
            QVERIFY2(action, qPrintable(titles[i].first));
            QCOMPARE(action->text(), titles[i].second);
            QVERIFY(action->isEnabled());
            QCOMPARE(actions.value(i), action); // in this order, the common ones first
        }
        QVERIFY(window_->action(QStringLiteral("export-as"))->isEnabled());
    }

    // Quick exports into the output directory take the next free number, even when the
    // second starts before the first has written its file.
    void defaultExportsNeverOverwrite()
    {
        QVERIFY(QDir().mkpath(out_));
        const QString earlier = out_ + QStringLiteral("/run-flamegraph.svg");
        QVERIFY(write(earlier, "an earlier export"));
        QSignalSpy done(window_.get(), &ui::MainWindow::exportFinished);
        window_->action(QStringLiteral("export-svg"))->trigger();
        window_->action(QStringLiteral("export-svg"))->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 2, kTimeoutMs);
        QStringList paths = {done[0][0].toString(), done[1][0].toString()};
        paths.sort();
        QCOMPARE(paths, QStringList({out_ + QStringLiteral("/run-flamegraph-2.svg"),
                                     out_ + QStringLiteral("/run-flamegraph-3.svg")}));
        QCOMPARE(contents(earlier), QByteArray("an earlier export"));
        for (const auto &path : paths)
            QVERIFY2(contents(path).contains("hot_70"), qPrintable(path));
    }

    void statusBarOffersTheFile()
    {
        const QString path = exportOnce(QStringLiteral("folded"));
        QCOMPARE(path, out_ + QStringLiteral("/run-folded.txt"));
        auto *status = window_->exportStatus();
        QCOMPARE(window_->statusBar()->findChild<ui::ExportStatus *>(), status);
        QVERIFY(status->isVisible());
        QCOMPARE(status->text(), QStringLiteral("Exported to ") + path);
        QVERIFY(QFileInfo(path).isAbsolute());
        QCOMPARE(status->openButton()->text(), QStringLiteral("Open"));
        QCOMPARE(status->folderButton()->text(), QStringLiteral("Show Folder"));
        QList<QUrl> opened;
        status->setOpener([&opened](const QUrl &url) {
            opened << url;
            return true;
        });
        status->openButton()->click();
        status->folderButton()->click();
        QCOMPARE(opened, QList<QUrl>({QUrl::fromLocalFile(path), QUrl::fromLocalFile(out_)}));
        // Nothing to open it with: the status bar says so.
        status->setOpener([](const QUrl &) { return false; });
        status->openButton()->click();
        QVERIFY(window_->statusBar()->currentMessage().contains(path));
    }

    void exportAsProposesNameAndLastFormat()
    {
        auto *menu = window_->exportMenu();
        QSettings().remove(QStringLiteral("lastExportDirectory"));
        QSettings().remove(QStringLiteral("lastExportFormat"));
        // Nothing remembered: a flame graph into the output directory, numbered past the above.
        auto proposal = menu->proposal();
        QCOMPARE(proposal.format, QStringLiteral("svg"));
        QCOMPARE(proposal.path, out_ + QStringLiteral("/run-flamegraph-4.svg"));
        // A quick export is remembered as the last format.
        QCOMPARE(exportOnce(QStringLiteral("html")), out_ + QStringLiteral("/run-report.html"));
        QCOMPARE(menu->proposal().format, QStringLiteral("html"));
        QCOMPARE(menu->proposal().path, out_ + QStringLiteral("/run-report-2.html"));
        // The last Export As… directory.
        const QString elsewhere = QDir(dir_.filePath(QStringLiteral("elsewhere"))).absolutePath();
        QVERIFY(QDir().mkpath(elsewhere));
        QSettings().setValue(QStringLiteral("lastExportDirectory"), elsewhere);
        QSettings().setValue(QStringLiteral("lastExportFormat"), QStringLiteral("pprof"));
        proposal = menu->proposal();
        QCOMPARE(proposal.format, QStringLiteral("pprof"));
        QCOMPARE(proposal.path, elsewhere + QStringLiteral("/run-profile.pb.gz"));
        QVERIFY(write(proposal.path, "taken"));
        QCOMPARE(menu->proposal().path, elsewhere + QStringLiteral("/run-profile-2.pb.gz"));
        // A directory since removed: the output directory again.
        QSettings().setValue(QStringLiteral("lastExportDirectory"), dir_.filePath(QStringLiteral("gone")));
        QCOMPARE(QFileInfo(menu->proposal().path).absolutePath(), out_);
    }

    // The dialog itself: it starts on the proposal, asks before replacing a file, and
    // writes the chosen format.
    void exportAsDialogStartsOnTheProposal()
    {
        const QString elsewhere = QDir(dir_.filePath(QStringLiteral("dialog"))).absolutePath();
        QVERIFY(QDir().mkpath(elsewhere));
        QSettings().setValue(QStringLiteral("lastExportDirectory"), elsewhere);
        QSettings().setValue(QStringLiteral("lastExportFormat"), QStringLiteral("folded"));
        QString file;
        QString filter;
        QString switched;
        bool confirmsOverwrite = false;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            file = dialog->selectedFiles().value(0);
            filter = dialog->selectedNameFilter();
            confirmsOverwrite = !dialog->testOption(QFileDialog::DontConfirmOverwrite);
            // The user picks another format: the proposed name follows it.
            auto *types = dialog->findChild<QComboBox *>(QStringLiteral("fileTypeCombo"));
            if (!types) {
                dialog->reject(); // never leave the test waiting in exec()
                return;
            }
            types->setCurrentIndex(0);
            Q_EMIT types->textActivated(types->currentText());
            switched = dialog->selectedFiles().value(0);
            static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept, which checks the name
        });
        QSignalSpy done(window_.get(), &ui::MainWindow::exportFinished);
        window_->action(QStringLiteral("export-as"))->trigger();
        QVERIFY(done.wait(kTimeoutMs));
        QCOMPARE(file, elsewhere + QStringLiteral("/run-folded.txt"));
        QCOMPARE(filter, QStringLiteral("Folded stacks (*.txt)"));
        QVERIFY(confirmsOverwrite);
        QCOMPARE(switched, elsewhere + QStringLiteral("/run-flamegraph.svg"));
        QCOMPARE(done.first().first().toString(), switched);
        QVERIFY(contents(switched).startsWith("<?xml"));
        QCOMPARE(QSettings().value(QStringLiteral("lastExportFormat")).toString(), QStringLiteral("svg"));
    }

    // A comparison writes its own two formats, and the entries say so.
    void comparisonEntries()
    {
        QSignalSpy compared(window_.get(), &ui::MainWindow::comparisonOpened);
        window_->compareWith(profile_);
        QVERIFY(compared.wait(kTimeoutMs));
        QCOMPARE(window_->action(QStringLiteral("export-html"))->text(), QStringLiteral("Comparison report (HTML)"));
        QCOMPARE(window_->action(QStringLiteral("export-svg"))->text(),
                 QStringLiteral("Differential flame graph (SVG)"));
        QVERIFY(!window_->action(QStringLiteral("export-pprof"))->isEnabled());
        QSettings().setValue(QStringLiteral("lastExportFormat"), QStringLiteral("pprof"));
        QSettings().remove(QStringLiteral("lastExportDirectory"));
        QCOMPARE(window_->exportMenu()->proposal().format, QStringLiteral("html"));
        QCOMPARE(window_->exportMenu()->proposal().path, out_ + QStringLiteral("/run-diff.html"));
        QVERIFY(window_->closeReport(window_->reportCount() - 1));
        QCOMPARE(window_->action(QStringLiteral("export-svg"))->text(), QStringLiteral("Flame graph (SVG)"));
        QVERIFY(window_->action(QStringLiteral("export-pprof"))->isEnabled());
    }

    void pageNames()
    {
        QCOMPARE(ui::ReportView::pageNames(), QStringList({"summary", "flamegraph", "topdown", "bottomup",
                                                           "callercallee", "timeline", "memory", "allocations"}));
        const auto allocations = ui::ReportView::pageNamed(QStringLiteral("allocations"));
        QVERIFY(allocations && *allocations == ui::ReportView::AllocationsPage);
        QVERIFY(!ui::ReportView::pageNamed(QStringLiteral("Summary")));
        QVERIFY(!ui::ReportView::pageNamed(QStringLiteral("nope")));
    }

    void opensOnThePage_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("tab");
        QTest::newRow("summary") << "summary" << 0;
        QTest::newRow("topdown") << "topdown" << 2;
        QTest::newRow("callercallee") << "callercallee" << 4;
        QTest::newRow("memory") << "memory" << 6;
    }
    void opensOnThePage()
    {
        QFETCH(QString, name);
        QFETCH(int, tab);
        QSignalSpy opened(window_.get(), &ui::MainWindow::reportOpened);
        window_->openFile(profile_, ui::ReportView::pageNamed(name));
        QVERIFY(opened.wait(kTimeoutMs));
        auto *view = opened.first().first().value<ui::ReportView *>();
        QCOMPARE(view->tabs()->currentIndex(), tab);
        QVERIFY(window_->closeReport(window_->reportCount() - 1));
    }

    // Before any window: one line naming the valid pages, the usage exit code.
    void badPageIsAUsageError_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown") << QStringList{profile_, QStringLiteral("--page"), QStringLiteral("flame")}
                                 << "perfwb: unknown page 'flame' for --page; the pages are summary, flamegraph, "
                                    "topdown, bottomup, callercallee, timeline, memory, allocations";
        QTest::newRow("missing") << QStringList{profile_, QStringLiteral("--page")}
                                 << "perfwb: --page needs a page name: summary, flamegraph";
        QTest::newRow("no file") << QStringList{QStringLiteral("--page"), QStringLiteral("summary")}
                                 << "perfwb: --page opens FILE arguments on a page";
    }
    void badPageIsAUsageError()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        perfwbtest::RunOptions options;
        options.env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        options.timeoutMs = 30000; // a window would wait forever: the guard ends it
        const auto run = perfwbtest::runProcess(QStringLiteral(PERFWB_BINARY), args, options);
        QVERIFY2(run.finished && run.exitCode == 2, qPrintable(run.describe()));
        QCOMPARE(run.err.count('\n'), 1);
        QVERIFY2(run.err.startsWith(message.toUtf8()), run.err.constData());
    }

    void cleanupTestCase() { window_.reset(); }
};

QTEST_MAIN(TestExports)
#include "tst_exports.moc"
