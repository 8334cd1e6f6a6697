// SPDX-License-Identifier: GPL-3.0-or-later
// The FIL_PERF presets editor against the real CLI: a preset made by setting the
// editor's widgets is listed by `perfwb preset list`, applied by `perfwb record
// --preset` and named by `perfwb info`; bad values and names are refused with an error
// naming why and write nothing; duplicate, rename and delete act on the files; built-ins
// are protected; unsaved edits are never lost silently. Every preset lives under a
// throw-away XDG_CONFIG_HOME shared with the perfwb processes. (The Record dialog's
// side is tst_recorddialogpresets.)
#include "preseteditor.h"
#include "presetform.h"
#include "presetlistmodel.h"
#include "presettesthelpers.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QGroupBox>
#include <QInputDialog>
#include <QListView>
#include <QMessageBox>
#include <QSet>
#include <QSignalSpy>
#include <QTimer>

using namespace perfwb;
using namespace presettest;

class TestPresetEditor : public QObject {
    Q_OBJECT
private:
    Sandbox box_;

private Q_SLOTS:
    void initTestCase() { box_.setUp("tst_preseteditor"); }
    void init() { box_.reset(); }

    void listModel()
    {
        box_.savePreset("nightly", {{"SPY_RATE", "250"}});
        box_.savePreset("ci", {{"ENABLE_CPROFILE", "true"}}); // replaces the built-in
        ui::PresetListModel model{PresetStore()};
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 3);
        const auto at = [&](const QString &name, int role) { return model.index(model.rowOf(name)).data(role); };
        QCOMPARE(at("nightly", ui::PresetListModel::NameRole).toString(), QStringLiteral("nightly"));
        QCOMPARE(at("nightly", ui::PresetListModel::DescriptionRole).toString(), QStringLiteral("made by the test"));
        QCOMPARE(at("nightly", ui::PresetListModel::PathRole).toString(), box_.presetFile("nightly"));
        QCOMPARE(at("ci", ui::PresetListModel::BuiltInRole).toBool(), false);
        QCOMPARE(at("memory", ui::PresetListModel::BuiltInRole).toBool(), true);
        QVERIFY(at("memory", ui::PresetListModel::PathRole).toString().isEmpty());
        QVERIFY(at("memory", Qt::DisplayRole).toString().contains(QStringLiteral("memory")));

        // Reloads see what changed on disk; a damaged file is a problem, not a row.
        QVERIFY(PresetStore().remove("ci"));
        QFile damaged(box_.presetFile("damaged"));
        QVERIFY(damaged.open(QIODevice::WriteOnly));
        damaged.write("{ not json");
        damaged.close();
        model.reload();
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(at("ci", ui::PresetListModel::BuiltInRole).toBool(), true);
        QCOMPARE(model.rowOf(QStringLiteral("damaged")), -1);
        QCOMPARE(model.problems().size(), 1);
        QVERIFY(model.problems().first().contains(QStringLiteral("damaged.json")));
    }

    // One field per setting, generated from the spec table.
    void formFollowsTheSpecs()
    {
        ui::PresetForm form;
        QStringList groups;
        for (const auto *box : form.findChildren<QGroupBox *>())
            groups << box->title();
        QCOMPARE(groups, (QStringList{"Shared", "py-spy", "Scalene", "Memray", "cProfile"}));
        for (const auto &spec : settings::SettingSpec::all()) {
            const QString var = QString::fromStdString(spec.variable());
            QWidget *w = form.findChild<QWidget *>(var);
            QVERIFY2(w, qPrintable(var));
            QCOMPARE(form.field(var), w);
            QVERIFY2(w->toolTip().contains(QString::fromUtf8(spec.help.data(), qsizetype(spec.help.size()))),
                     qPrintable(var));
            const QString def = QString::fromUtf8(spec.defaultValue.data(), qsizetype(spec.defaultValue.size()));
            switch (spec.type) {
            case settings::SettingSpec::Type::Bool:
                QVERIFY2(qobject_cast<QCheckBox *>(w), qPrintable(var));
                break;
            case settings::SettingSpec::Type::Choice: {
                auto *combo = qobject_cast<QComboBox *>(w);
                QVERIFY2(combo, qPrintable(var));
                QVERIFY(combo->itemText(0).contains(QStringLiteral("default")));
                QVERIFY(combo->itemData(0).toString().isEmpty());
                QCOMPARE(combo->count(), int(QString::fromLatin1(spec.choices.data()).count(QLatin1Char('|'))) + 2);
                break;
            }
            default: {
                auto *edit = qobject_cast<QLineEdit *>(w);
                QVERIFY2(edit, qPrintable(var));
                if (!def.isEmpty())
                    QCOMPARE(edit->placeholderText(), def);
                else
                    QVERIFY(!edit->placeholderText().isEmpty());
            }
            }
        }
        QVERIFY(form.values().empty());
    }

    // What a user types becomes the canonical value, or one error naming the variable.
    void fieldValidation_data()
    {
        QTest::addColumn<QString>("variable");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("canonical"); // empty = refused
        QTest::newRow("rate") << "FIL_PERF_SPY_RATE"
                              << "250"
                              << "250";
        QTest::newRow("rate word") << "FIL_PERF_SPY_RATE"
                                   << "fast"
                                   << "";
        QTest::newRow("rate range") << "FIL_PERF_SPY_RATE"
                                    << "0"
                                    << "";
        QTest::newRow("interval") << "FIL_PERF_SCALENE_PROFILE_INTERVAL"
                                  << "2.50"
                                  << "2.5";
        QTest::newRow("interval negative") << "FIL_PERF_SCALENE_PROFILE_INTERVAL"
                                           << "-1"
                                           << "";
        QTest::newRow("top word") << "FIL_PERF_CPROFILE_TOP"
                                  << "lots"
                                  << "";
        QTest::newRow("label") << "FIL_PERF_RUN_LABEL"
                               << "nightly"
                               << "nightly";
        QTest::newRow("label with slash") << "FIL_PERF_RUN_LABEL"
                                          << "a/b"
                                          << "";
        QTest::newRow("choice") << "FIL_PERF_SPY_FORMAT"
                                << "raw"
                                << "raw";
        QTest::newRow("bool") << "FIL_PERF_MEMRAY_NATIVE"
                              << "true"
                              << "true";
    }
    void fieldValidation()
    {
        QFETCH(QString, variable);
        QFETCH(QString, typed);
        QFETCH(QString, canonical);
        ui::PresetEditor editor;
        QVERIFY(editor.newPreset(QStringLiteral("checked")));
        const QByteArray before = fileBytes(box_.presetFile("checked"));
        QSignalSpy edited(editor.form(), &ui::PresetForm::edited);
        setField(&editor, variable, typed);
        QVERIFY(!edited.isEmpty());
        QVERIFY(editor.isModified());
        const QString name = variable.mid(int(settings::SettingSpec::kPrefix.size()));
        // The form's own check, before any engine sees the value.
        const auto validated = editor.form()->validated();
        QCOMPARE(validated.isOk(), !canonical.isEmpty());
        if (validated)
            QCOMPARE(QString::fromStdString(validated->at(name.toStdString())), canonical);
        else
            QVERIFY(QString::fromStdString(validated.message()).startsWith(variable + QLatin1Char('=')));
        if (canonical.isEmpty()) {
            QVERIFY2(editor.errorText().contains(variable), qPrintable(editor.errorText()));
            QVERIFY(!editor.save());
            QVERIFY2(editor.errorText().contains(variable), qPrintable(editor.errorText()));
            QCOMPARE(fileBytes(box_.presetFile("checked")), before); // nothing written
            QVERIFY(editor.isModified());
        } else {
            QCOMPARE(editor.errorText(), QString());
            QVERIFY(textOf(&editor, "exports").contains(QStringLiteral("export %1='%2'").arg(variable, canonical)));
            QVERIFY(editor.save());
            QVERIFY(!editor.isModified());
            QCOMPARE(QString::fromStdString(savedValue("checked", name.toStdString())), canonical);
        }
    }

    // A preset made in the editor is the CLI's: listed, applied, recorded in the report.
    void presetMadeInTheEditorDrivesTheCli()
    {
        {
            ui::PresetEditor editor;
            QVERIFY(editor.newPreset(QStringLiteral("gui-made")));
            setField(&editor, QStringLiteral("FIL_PERF_SPY_RATE"), QStringLiteral("250"));
            setField(&editor, QStringLiteral("FIL_PERF_RUN_LABEL"), QStringLiteral("from-gui"));
            setField(&editor, QStringLiteral("FIL_PERF_SPY_NATIVE"), QStringLiteral("true"));
            setField(&editor, QStringLiteral("FIL_PERF_CPROFILE_SORT"), QStringLiteral("tottime"));
            auto *description = editor.findChild<QLineEdit *>(QStringLiteral("description"));
            QTest::keyClicks(description, QStringLiteral("made with widgets"));
            QVERIFY(editor.isModified());
            QTest::mouseClick(buttonOf(&editor, "save"), Qt::LeftButton);
            QCOMPARE(editor.errorText(), QString());
            QVERIFY(!editor.isModified());
            QVERIFY(QFile::exists(box_.presetFile("gui-made")));
        }
        const Cli list = runCli({"preset", "list"});
        QCOMPARE(list.code, 0);
        const QStringList line = list.out.split(QLatin1Char('\n')).filter(QStringLiteral("gui-made"));
        QCOMPARE(line.size(), 1);
        QVERIFY2(line.first().contains(QStringLiteral("made with widgets")), qPrintable(line.first()));

        const Cli show = runCli({"settings", "--preset", "gui-made", "--shell"});
        QCOMPARE(show.code, 0);
        for (const char *expected : {"export FIL_PERF_SPY_RATE='250'", "export FIL_PERF_RUN_LABEL='from-gui'",
                                     "export FIL_PERF_SPY_NATIVE='true'", "export FIL_PERF_CPROFILE_SORT='tottime'"})
            QVERIFY2(show.out.contains(QLatin1String(expected)), qPrintable(show.out));

        const QString report = box_.workPath(QStringLiteral("gui-made.perfwb"));
        const Cli rec = runCli({"record", "--preset", "gui-made", "-o", report, "--", "/bin/true"});
        QVERIFY2(rec.code == 0, qPrintable(rec.err));
        const Cli info = runCli({"info", report});
        QCOMPARE(info.code, 0);
        QVERIFY2(info.out.contains(QStringLiteral("preset:    gui-made")), qPrintable(info.out));
        QVERIFY2(info.out.contains(QStringLiteral("FIL_PERF_SPY_RATE=250")), qPrintable(info.out));
        QVERIFY2(info.out.contains(QStringLiteral("label:     from-gui")), qPrintable(info.out));
    }

    void duplicateRenameDelete()
    {
        ui::PresetEditor editor;
        QVERIFY(editor.newPreset(QStringLiteral("base")));
        setField(&editor, QStringLiteral("FIL_PERF_SPY_RATE"), QStringLiteral("300"));
        QVERIFY(editor.save());

        QVERIFY(editor.duplicatePreset(QStringLiteral("copy")));
        QCOMPARE(editor.currentName(), QStringLiteral("copy"));
        QVERIFY(QFile::exists(box_.presetFile("base")));
        QCOMPARE(savedValue("copy", "SPY_RATE"), std::string("300"));

        // Unsaved edits follow a rename; the file moves.
        setField(&editor, QStringLiteral("FIL_PERF_CPROFILE_TOP"), QStringLiteral("5"));
        QVERIFY(editor.renamePreset(QStringLiteral("moved")));
        QVERIFY(!QFile::exists(box_.presetFile("copy")));
        QCOMPARE(savedValue("moved", "SPY_RATE"), std::string("300"));
        QVERIFY(editor.isModified());
        QCOMPARE(editor.form()->values().at("CPROFILE_TOP"), std::string("5"));
        QVERIFY(editor.save());
        QCOMPARE(savedValue("moved", "CPROFILE_TOP"), std::string("5"));
        QCOMPARE(editor.model()->rowOf(QStringLiteral("copy")), -1);

        QVERIFY(editor.deletePreset());
        QVERIFY(!QFile::exists(box_.presetFile("moved")));
        QCOMPARE(editor.model()->rowOf(QStringLiteral("moved")), -1);
        QVERIFY(QFile::exists(box_.presetFile("base")));
        QVERIFY(!editor.currentName().isEmpty());
    }

    void builtInsAreProtected_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("enabled"); // a setting the built-in turns on
        QTest::newRow("ci") << "ci"
                            << "ENABLE_PYSPY";
        QTest::newRow("memory") << "memory"
                                << "ENABLE_MEMRAY";
    }
    void builtInsAreProtected()
    {
        QFETCH(QString, name);
        QFETCH(QString, enabled);
        ui::PresetEditor editor;
        QVERIFY(editor.selectPreset(name));
        QVERIFY(!buttonOf(&editor, "delete")->isEnabled());
        QVERIFY(!buttonOf(&editor, "rename")->isEnabled());
        QVERIFY(buttonOf(&editor, "duplicate")->isEnabled());
        QVERIFY(!editor.deletePreset());
        QVERIFY2(editor.errorText().contains(QStringLiteral("built in")), qPrintable(editor.errorText()));
        QVERIFY(!editor.renamePreset(name + QStringLiteral("-renamed")));
        QVERIFY(!QDir(box_.presetsDir()).exists() || QDir(box_.presetsDir()).isEmpty());

        QVERIFY(editor.duplicatePreset(name + QStringLiteral("-mine")));
        QCOMPARE(savedValue((name + QStringLiteral("-mine")).toStdString(), enabled.toStdString()),
                 std::string("true"));

        // Saving under a built-in's name writes the file that replaces it; deleting
        // that file brings the built-in back.
        QVERIFY(editor.selectPreset(name));
        setField(&editor, QStringLiteral("FIL_PERF_SPY_RATE"), QStringLiteral("42"));
        QVERIFY(editor.save());
        QVERIFY(QFile::exists(box_.presetFile(name)));
        const int row = editor.model()->rowOf(name);
        QCOMPARE(editor.model()->index(row).data(ui::PresetListModel::BuiltInRole).toBool(), false);
        QVERIFY(buttonOf(&editor, "delete")->isEnabled());
        QVERIFY(editor.deletePreset());
        QVERIFY(!QFile::exists(box_.presetFile(name)));
        QCOMPARE(editor.currentName(), name);
        QCOMPARE(editor.model()->index(editor.model()->rowOf(name)).data(ui::PresetListModel::BuiltInRole).toBool(),
                 true);
    }

    void badNamesAreRefused_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("why");
        QTest::newRow("empty") << ""
                               << "bad preset name";
        QTest::newRow("space") << "my preset"
                               << "bad preset name";
        QTest::newRow("hidden") << ".hidden"
                                << "bad preset name";
        QTest::newRow("path") << "../x"
                              << "bad preset name";
        QTest::newRow("built-in") << "ci"
                                  << "exists already";
        QTest::newRow("saved") << "taken"
                               << "exists already";
    }
    void badNamesAreRefused()
    {
        QFETCH(QString, name);
        QFETCH(QString, why);
        box_.savePreset("taken", {});
        ui::PresetEditor editor;
        QVERIFY(editor.selectPreset(QStringLiteral("taken")));
        const QStringList before = QDir(box_.presetsDir()).entryList(QDir::Files);
        QVERIFY(!editor.newPreset(name));
        QVERIFY2(editor.errorText().contains(why), qPrintable(editor.errorText()));
        QVERIFY(!editor.duplicatePreset(name));
        QVERIFY2(editor.errorText().contains(why), qPrintable(editor.errorText()));
        QVERIFY(!editor.renamePreset(name) || name == QLatin1String("taken"));
        QCOMPARE(QDir(box_.presetsDir()).entryList(QDir::Files), before);
    }

    // Choosing another preset with unsaved edits asks: Save keeps them in the file,
    // Discard drops them, Cancel stays on the edited preset.
    void leavingUnsavedEdits_data()
    {
        QTest::addColumn<int>("answer");
        QTest::addColumn<QString>("current");
        QTest::addColumn<QString>("savedRate");
        QTest::newRow("save") << int(QMessageBox::Save) << "other"
                              << "55";
        QTest::newRow("discard") << int(QMessageBox::Discard) << "other"
                                 << "<unset>";
        QTest::newRow("cancel") << int(QMessageBox::Cancel) << "first"
                                << "<unset>";
    }
    void leavingUnsavedEdits()
    {
        QFETCH(int, answer);
        QFETCH(QString, current);
        QFETCH(QString, savedRate);
        box_.savePreset("first", {});
        box_.savePreset("other", {});
        ui::PresetEditor editor;
        editor.show();
        QVERIFY(editor.selectPreset(QStringLiteral("first")));
        setField(&editor, QStringLiteral("FIL_PERF_SPY_RATE"), QStringLiteral("55"));
        bool asked = false;
        QTimer::singleShot(0, this, [&] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            asked = true;
            box->button(QMessageBox::StandardButton(answer))->click();
        });
        QCOMPARE(editor.selectPreset(QStringLiteral("other")), current == QLatin1String("other"));
        QVERIFY(asked);
        QCOMPARE(editor.currentName(), current);
        QCOMPARE(editor.isModified(), current == QLatin1String("first"));
        auto *list = editor.findChild<QListView *>(QStringLiteral("presets"));
        QCOMPARE(list->currentIndex().data(ui::PresetListModel::NameRole).toString(), current);
        QCOMPARE(QString::fromStdString(savedValue("first", "SPY_RATE")), savedRate);
        if (current == QLatin1String("first"))
            QCOMPARE(editor.form()->values().at("SPY_RATE"), std::string("55")); // the edits are still there
    }

    // A directory of its own: nothing goes to XDG_CONFIG_HOME.
    void ownDirectory()
    {
        const QString dir = box_.workPath(QStringLiteral("elsewhere"));
        ui::PresetEditor editor(nullptr, dir);
        QVERIFY(editor.newPreset(QStringLiteral("apart")));
        QVERIFY(QFile::exists(dir + QStringLiteral("/apart.json")));
        QVERIFY(!QFile::exists(box_.presetFile(QStringLiteral("apart"))));
        QCOMPARE(editor.model()
                     ->index(editor.model()->rowOf(QStringLiteral("apart")))
                     .data(ui::PresetListModel::PathRole)
                     .toString(),
                 dir + QStringLiteral("/apart.json"));
    }

    // Enter in a field saves (and opens no other dialog).
    void enterSaves()
    {
        ui::PresetEditor editor;
        editor.show();
        QVERIFY(editor.newPreset(QStringLiteral("entered")));
        setField(&editor, QStringLiteral("FIL_PERF_SPY_RATE"), QStringLiteral("123"));
        QVERIFY(editor.isModified());
        QTest::keyClick(editor.findChild<QLineEdit *>(QStringLiteral("FIL_PERF_SPY_RATE")), Qt::Key_Return);
        QVERIFY(!editor.isModified());
        QCOMPARE(savedValue("entered", "SPY_RATE"), std::string("123"));
        QCOMPARE(QApplication::activeModalWidget(), nullptr);
    }

    // The New button asks for the name in a dialog.
    void newButtonAsksForAName()
    {
        ui::PresetEditor editor;
        editor.show();
        bool answered = false;
        QTimer::singleShot(0, this, [&] {
            auto *ask = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
            if (!ask)
                return;
            ask->setTextValue(QStringLiteral("asked"));
            ask->accept();
            answered = true;
        });
        QTest::mouseClick(buttonOf(&editor, "new"), Qt::LeftButton);
        QVERIFY(answered);
        QCOMPARE(editor.currentName(), QStringLiteral("asked"));
        QVERIFY(QFile::exists(box_.presetFile("asked")));
    }

    void previewAndCopy()
    {
        ui::PresetEditor editor;
        QVERIFY(editor.newPreset(QStringLiteral("shown")));
        QVERIFY(!textOf(&editor, "containerCommand").contains(QStringLiteral("SYS_PTRACE")));
        setField(&editor, QStringLiteral("FIL_PERF_ENABLE_PYSPY"), QStringLiteral("true"));
        setField(&editor, QStringLiteral("FIL_PERF_RUN_LABEL"), QStringLiteral("it's mine"));
        auto *command = editor.findChild<QLineEdit *>(QStringLiteral("previewCommand"));
        command->setText(QStringLiteral("python3 \"my app.py\""));
        const QString exports = textOf(&editor, "exports");
        QCOMPARE(exports, QStringLiteral("export FIL_PERF_ENABLE_PYSPY='true'\n"
                                         "export FIL_PERF_RUN_LABEL='it'\\''s mine'\n"));
        const QString container = textOf(&editor, "containerCommand");
        QVERIFY2(container.startsWith(QStringLiteral("docker run --rm --cap-add SYS_PTRACE")), qPrintable(container));
        QVERIFY(container.contains(QStringLiteral("-v \"$PWD/outputs/perf:/workspace/outputs/perf\"")));
        QVERIFY(container.contains(QStringLiteral("-e FIL_PERF_RUN_LABEL='it'\\''s mine'")));
        QVERIFY(container.trimmed().endsWith(QStringLiteral(" python3 'my app.py'")));

        QTest::mouseClick(buttonOf(&editor, "copyExports"), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), exports);
        QTest::mouseClick(buttonOf(&editor, "copyContainer"), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), container);

        // A bad value leaves nothing to copy.
        setField(&editor, QStringLiteral("FIL_PERF_SPY_RATE"), QStringLiteral("fast"));
        QVERIFY(!buttonOf(&editor, "copyContainer")->isEnabled());
        QVERIFY(editor.errorText().contains(QStringLiteral("FIL_PERF_SPY_RATE")));
    }

    void recordWithPresetSavesFirst()
    {
        ui::PresetEditor editor;
        QVERIFY(editor.newPreset(QStringLiteral("to-record")));
        setField(&editor, QStringLiteral("FIL_PERF_SPY_RATE"), QStringLiteral("77"));
        QSignalSpy spy(&editor, &ui::PresetEditor::recordWithPreset);
        QTest::mouseClick(buttonOf(&editor, "record"), Qt::LeftButton);
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.first().first().toString(), QStringLiteral("to-record"));
        QCOMPARE(savedValue("to-record", "SPY_RATE"), std::string("77"));
        QCOMPARE(editor.result(), int(QDialog::Accepted));

        // Not with a bad value: nothing is emitted, the error says why.
        ui::PresetEditor again;
        QVERIFY(again.selectPreset(QStringLiteral("to-record")));
        setField(&again, QStringLiteral("FIL_PERF_SPY_RATE"), QStringLiteral("fast"));
        QSignalSpy none(&again, &ui::PresetEditor::recordWithPreset);
        QVERIFY(!again.recordWithCurrent());
        QCOMPARE(none.size(), 0);
        QCOMPARE(savedValue("to-record", "SPY_RATE"), std::string("77"));
    }

    void screenshot()
    {
        box_.savePreset("nightly", {{"ENABLE_PYSPY", "true"},
                                    {"ENABLE_CPROFILE", "true"},
                                    {"SPY_RATE", "250"},
                                    {"SPY_NATIVE", "true"},
                                    {"RUN_LABEL", "nightly"},
                                    {"CPROFILE_SORT", "tottime"}});
        ui::PresetEditor editor;
        QVERIFY(editor.selectPreset(QStringLiteral("nightly")));
        editor.resize(1000, 700);
        editor.show();
        QCoreApplication::processEvents();
        QCOMPARE(editor.size(), QSize(1000, 700));
        const QImage image = editor.grab().toImage();
        QCOMPARE(image.size(), editor.size() * editor.devicePixelRatio());
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 4)
            for (int x = 0; x < image.width(); x += 4)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 8, "blank screenshot");
        const QString out = QCoreApplication::applicationDirPath() + QStringLiteral("/screenshots");
        QVERIFY(QDir().mkpath(out));
        QVERIFY(image.save(out + QStringLiteral("/presets-editor.png")));
    }
};

QTEST_MAIN(TestPresetEditor)
#include "tst_preseteditor.moc"
