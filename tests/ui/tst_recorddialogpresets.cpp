// SPDX-License-Identifier: GPL-3.0-or-later
// The Record dialog with a FIL_PERF preset: it resolves the preset as `perfwb record
// --preset` does (label and output directory from it unless typed, the same run
// metadata, checked against a real CLI recording), refuses a bad or missing preset
// with the error in the dialog, and says how the Python profilers it enables are run.
#include "presettesthelpers.h"
#include "recorddialog.h"

#include <QDialogButtonBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>

using namespace perfwb;
using namespace presettest;

class TestRecordDialogPresets : public QObject {
    Q_OBJECT
private:
    Sandbox box_;

private Q_SLOTS:
    void initTestCase() { box_.setUp("tst_recorddialogpresets"); }
    void init() { box_.reset(); }
    void cleanup() { qunsetenv("FIL_PERF_SPY_RATE"); }

    // The Record dialog resolves a preset as `perfwb record --preset` does: label and
    // output directory from the preset unless typed, the same run metadata.
    void appliesPreset_data()
    {
        QTest::addColumn<QString>("typedLabel");
        QTest::addColumn<QString>("label");
        QTest::newRow("label from the preset") << ""
                                               << "preset-label";
        QTest::newRow("typed label wins") << "typed"
                                          << "typed";
    }
    void appliesPreset()
    {
        QFETCH(QString, typedLabel);
        QFETCH(QString, label);
        const QString outDir = box_.workPath(QStringLiteral("preset-out"));
        box_.savePreset("applied",
                        {{"RUN_LABEL", "preset-label"}, {"OUTPUT_DIR", outDir.toStdString()}, {"SPY_RATE", "250"}});
        ui::RecordDialog dialog;
        dialog.setCommand(QStringLiteral("/bin/true"));
        dialog.setLabel(typedLabel);
        dialog.setPreset(QStringLiteral("applied"));
        QCOMPARE(dialog.preset(), QStringLiteral("applied"));
        QCOMPARE(dialog.presetProblem(), QString());
        QVERIFY(dialog.canAccept());
        const record::RecordOptions o = dialog.options();
        QCOMPARE(QString::fromStdString(o.label), label);
        QCOMPARE(QString::fromStdString(o.outputPath), outDir + QLatin1Char('/') + label + "-profile.perfwb");

        // The same metadata the CLI writes for the same preset and label.
        const QString report = box_.workPath(QStringLiteral("cli-%1.perfwb").arg(label));
        QStringList args{"record", "--preset", "applied", "-o", report};
        if (!typedLabel.isEmpty())
            args << "--label" << typedLabel;
        const Cli rec = runCli(args << "--"
                                    << "/bin/true");
        QVERIFY2(rec.code == 0, qPrintable(rec.err));
        const Cli info = runCli({"info", "--json", report});
        QCOMPARE(info.code, 0);
        const QJsonObject meta = QJsonDocument::fromJson(info.out.toUtf8()).object().value("metadata").toObject();
        QCOMPARE(meta.value("run_label").toString(), label);
        QJsonObject fromDialog;
        QString presetName;
        for (const auto &[key, value] : o.extraMetadata) {
            if (key == "preset")
                presetName = QString::fromStdString(value);
            else
                fromDialog.insert(QString::fromStdString(key), QString::fromStdString(value));
        }
        QCOMPARE(presetName, QStringLiteral("applied"));
        QCOMPARE(meta.value("preset").toString(), presetName);
        QCOMPARE(fromDialog, meta.value("settings").toObject());
        QCOMPARE(fromDialog.value("FIL_PERF_SPY_RATE").toString(), QStringLiteral("250"));
    }

    void refusesBadPresets_data()
    {
        QTest::addColumn<QString>("preset");
        QTest::addColumn<QString>("environmentRate"); // FIL_PERF_SPY_RATE, or empty
        QTest::addColumn<QString>("why");
        QTest::newRow("hand-edited bad value") << "broken"
                                               << ""
                                               << "FIL_PERF_SPY_RATE";
        QTest::newRow("bad environment over it") << "fine"
                                                 << "fast"
                                                 << "FIL_PERF_SPY_RATE";
        QTest::newRow("missing") << "nowhere"
                                 << ""
                                 << "no preset named 'nowhere'";
    }
    void refusesBadPresets()
    {
        QFETCH(QString, preset);
        QFETCH(QString, environmentRate);
        QFETCH(QString, why);
        box_.savePreset("fine", {{"SPY_RATE", "100"}});
        // A file edited by hand: PresetStore would never write this value.
        QVERIFY(QDir().mkpath(box_.presetsDir()));
        QFile broken(box_.presetFile("broken"));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write(QJsonDocument(QJsonObject{{"format", "perfwb-preset"},
                                               {"version", 1},
                                               {"name", "broken"},
                                               {"settings", QJsonObject{{"FIL_PERF_SPY_RATE", "fast"}}}})
                         .toJson());
        broken.close();
        if (!environmentRate.isEmpty())
            qputenv("FIL_PERF_SPY_RATE", environmentRate.toUtf8());

        ui::RecordDialog dialog;
        dialog.setCommand(QStringLiteral("/bin/true"));
        QVERIFY(dialog.canAccept());
        dialog.setPreset(preset);
        QVERIFY2(dialog.presetProblem().contains(why), qPrintable(dialog.presetProblem()));
        QVERIFY(!dialog.canAccept());
        QVERIFY(!dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
        auto *error = dialog.findChild<QLabel *>(QStringLiteral("presetError"));
        QVERIFY(error->isVisibleTo(&dialog));
        QCOMPARE(error->text(), dialog.presetProblem());
        dialog.setPreset({}); // "none": recorded as before, without FIL_PERF settings
        QVERIFY(dialog.canAccept());
    }

    // The GUI records with perfwb's own sampler: a preset enabling Python profilers says
    // how to run them.
    void notesPythonProfilers_data()
    {
        QTest::addColumn<QString>("preset");
        QTest::addColumn<bool>("note");
        QTest::newRow("ci") << "ci" << true;
        QTest::newRow("no profiler") << "quiet" << false;
    }
    void notesPythonProfilers()
    {
        QFETCH(QString, preset);
        QFETCH(bool, note);
        box_.savePreset("quiet", {{"SPY_RATE", "100"}});
        ui::RecordDialog dialog;
        dialog.setCommand(QStringLiteral("/bin/true"));
        dialog.setPreset(preset);
        auto *label = dialog.findChild<QLabel *>(QStringLiteral("presetNote"));
        QCOMPARE(label->isVisibleTo(&dialog), note);
        if (note)
            QVERIFY2(label->text().contains(QStringLiteral("perfwb record --preset ci -- COMMAND")),
                     qPrintable(label->text()));
        QVERIFY(dialog.canAccept());
    }
};

QTEST_MAIN(TestRecordDialogPresets)
#include "tst_recorddialogpresets.moc"
