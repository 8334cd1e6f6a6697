// SPDX-License-Identifier: GPL-3.0-or-later
// RecordDialog: fields become RecordOptions (frequency, call graph, environment,
// arguments with quotes); OK stays disabled until a command that exists is given.
#include "recorddialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace perfwb;

class TestRecordDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        // Remembered values go to a throw-away settings file, not the user's.
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName("perfwb-tests");
        QCoreApplication::setApplicationName("tst_recorddialog");
        QSettings().clear();
        QVERIFY(outputs_.isValid());
        qputenv("FIL_PERF_OUTPUT_DIR", outputs_.path().toUtf8());
    }

    void fieldsBecomeOptions_data()
    {
        QTest::addColumn<QString>("arguments");
        QTest::addColumn<QStringList>("argv");
        QTest::newRow("plain") << "-c 3" << QStringList{"-c", "3"};
        QTest::newRow("double quotes") << R"(--scene "my scene.xml" -v)"
                                       << QStringList{"--scene", "my scene.xml", "-v"};
        QTest::newRow("literal quote") << R"("say """hi"""" x)" << QStringList{R"(say "hi")", "x"};
        QTest::newRow("none") << "" << QStringList{};
    }
    void fieldsBecomeOptions()
    {
        QFETCH(QString, arguments);
        QFETCH(QStringList, argv);
        ui::RecordDialog dialog;
        dialog.setCommand(PERFWB_WORKLOAD_DIR "/cpusplit");
        dialog.setArguments(arguments);
        dialog.setWorkingDirectory("/tmp");
        dialog.setEnvironment({{"A", "1"}, {"SCENE_DIR", "/data/my scenes"}, {"", "ignored"}});
        dialog.setFrequency(4999);
        dialog.setCallGraph(perf::CallGraph::FramePointer);
        dialog.setLabel("nightly");
        const record::RecordOptions o = dialog.options();
        QCOMPARE(o.command.size(), std::size_t(argv.size() + 1));
        QCOMPARE(o.command[0], std::string(PERFWB_WORKLOAD_DIR "/cpusplit"));
        for (qsizetype i = 0; i < argv.size(); ++i)
            QCOMPARE(QString::fromStdString(o.command[std::size_t(i) + 1]), argv[i]);
        QCOMPARE(o.workingDir, std::string("/tmp"));
        QCOMPARE(o.extraEnvironment.size(), std::size_t(2));
        QCOMPARE(o.extraEnvironment[0], (std::pair<std::string, std::string>{"A", "1"}));
        QCOMPARE(o.extraEnvironment[1], (std::pair<std::string, std::string>{"SCENE_DIR", "/data/my scenes"}));
        QCOMPARE(o.sampling.frequencyHz, 4999);
        QVERIFY(o.frequencyExplicit);
        QCOMPARE(o.sampling.callGraph, perf::CallGraph::FramePointer);
        QCOMPARE(o.label, std::string("nightly"));
        // The report goes to the standard output directory, named after the label.
        QCOMPARE(QString::fromStdString(o.outputPath), outputs_.filePath("nightly-profile.perfwb"));
    }

    void defaults()
    {
        QSettings().clear();
        ui::RecordDialog dialog;
        dialog.setCommand("true");
        const record::RecordOptions o = dialog.options();
        QCOMPARE(o.sampling.frequencyHz, 999);
        QVERIFY(!o.frequencyExplicit);
        QCOMPARE(o.sampling.callGraph, perf::CallGraph::Dwarf);
        // No label anywhere: the command's name, as perfwb record names it.
        QCOMPARE(QString::fromStdString(o.label), QStringLiteral("true"));
        QCOMPARE(QString::fromStdString(o.outputPath), outputs_.filePath("true-profile.perfwb"));
        dialog.setCommand("/usr/bin/env");
        QCOMPARE(QString::fromStdString(dialog.options().outputPath), outputs_.filePath("env-profile.perfwb"));
    }

    void existingReportIsNotReplaced()
    {
        QFile existing(outputs_.filePath("again-profile.perfwb"));
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.close();
        QCOMPARE(ui::RecordDialog::defaultOutputPath("again"), outputs_.filePath("again-profile-2.perfwb"));
    }

    void commandValidation_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<bool>("acceptable");
        QTest::addColumn<bool>("problem");
        QTest::newRow("empty") << "" << false << false;
        QTest::newRow("on PATH") << "sh" << true << false;
        QTest::newRow("absolute") << PERFWB_WORKLOAD_DIR "/cpusplit" << true << false;
        QTest::newRow("not on PATH") << "no-such-program-perfwb" << false << true;
        QTest::newRow("missing file") << "/nonexistent/render" << false << true;
        QTest::newRow("directory") << "/tmp/" << false << true;
    }
    void commandValidation()
    {
        QFETCH(QString, command);
        QFETCH(bool, acceptable);
        QFETCH(bool, problem);
        ui::RecordDialog dialog;
        dialog.setCommand(command);
        QCOMPARE(dialog.canAccept(), acceptable);
        QCOMPARE(!dialog.commandProblem().isEmpty(), problem);
        auto *box = dialog.findChild<QDialogButtonBox *>();
        QVERIFY(box);
        QCOMPARE(box->button(QDialogButtonBox::Ok)->isEnabled(), acceptable);
        if (problem)
            QVERIFY(dialog.commandProblem().contains(command));
    }

    void remembersLastValues()
    {
        QSettings().clear();
        {
            ui::RecordDialog dialog;
            dialog.setCommand("sh");
            dialog.setArguments(R"(-c "sleep 1")");
            dialog.setEnvironment({{"B", "2"}});
            dialog.setFrequency(250);
            dialog.setCallGraph(perf::CallGraph::FramePointer);
            dialog.setLabel("kept");
            dialog.accept();
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        }
        ui::RecordDialog again;
        const record::RecordOptions o = again.options();
        QCOMPARE(o.command, (std::vector<std::string>{"sh", "-c", "sleep 1"}));
        QCOMPARE(o.extraEnvironment.size(), std::size_t(1));
        QCOMPARE(o.sampling.frequencyHz, 250);
        QCOMPARE(o.sampling.callGraph, perf::CallGraph::FramePointer);
        QCOMPARE(o.label, std::string("kept"));
    }

    void allocationTrackingIsAnOption()
    {
        QSettings().clear();
        ui::RecordDialog dialog;
        dialog.setCommand("true");
        auto *box = dialog.findChild<QCheckBox *>(QStringLiteral("allocations"));
        QVERIFY(box);
        QVERIFY(box->isEnabled());
        QVERIFY(!box->isChecked()); // off by default, as perfwb record without --alloc
        QVERIFY(!dialog.options().trackAllocations);
        box->setChecked(true);
        QVERIFY(dialog.options().trackAllocations);
        QVERIFY(dialog.options().sampleCpu); // CPU samples too, as --alloc without --no-cpu
    }

private:
    QTemporaryDir outputs_;
    // Every "&" in a label is an accelerator with a widget to go to, never a literal "&".
    void labelsHaveBuddies()
    {
        ui::RecordDialog dialog;
        int withMnemonic = 0;
        for (const QLabel *label : dialog.findChildren<QLabel *>()) {
            const QString text = label->text();
            if (label->textFormat() == Qt::RichText || !text.contains(u'&') || text.contains(QStringLiteral("&&")))
                continue;
            ++withMnemonic;
            QVERIFY2(label->buddy(), qPrintable(text));
        }
        QVERIFY(withMnemonic >= 8);
    }
};

QTEST_MAIN(TestRecordDialog)
#include "tst_recorddialog.moc"
