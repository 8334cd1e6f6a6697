// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Shared by the presets tests (tst_preseteditor, tst_recorddialogpresets): a throw-away
// XDG_CONFIG_HOME shared with the real perfwb they run, widgets set as a user would, and
// presets read back through PresetStore (the tests never parse preset files either).
#include "settings/presetstore.h"
#include "settings/settingspec.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace presettest {

using perfwb::settings::PresetStore;

struct Cli {
    int code = -1;
    QString out;
    QString err;
};

// The real perfwb, with this process's environment (XDG_CONFIG_HOME included).
inline Cli runCli(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(PERFWB_BINARY), args);
    if (!p.waitForFinished(120000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

// Sets a generated field the way a user would: ticks, picks or types.
inline void setField(QWidget *root, const QString &variable, const QString &text)
{
    QWidget *w = root->findChild<QWidget *>(variable);
    QVERIFY2(w, qPrintable(variable));
    if (auto *check = qobject_cast<QCheckBox *>(w)) {
        check->setChecked(text == QLatin1String("true"));
    } else if (auto *combo = qobject_cast<QComboBox *>(w)) {
        const int row = combo->findData(text);
        QVERIFY2(row >= 0, qPrintable(variable + QStringLiteral(": no entry ") + text));
        combo->setCurrentIndex(row);
    } else {
        auto *edit = qobject_cast<QLineEdit *>(w);
        QVERIFY2(edit, qPrintable(variable));
        edit->clear();
        QTest::keyClicks(edit, text);
    }
}

inline QString textOf(QWidget *root, const char *name)
{
    const auto *t = root->findChild<QPlainTextEdit *>(QLatin1String(name));
    return t ? t->toPlainText() : QStringLiteral("<no %1>").arg(QLatin1String(name));
}

inline QPushButton *buttonOf(QWidget *root, const char *name)
{
    return root->findChild<QPushButton *>(QLatin1String(name));
}

// A value of a saved preset as PresetStore reads it ("<...>" when it is not there).
inline std::string savedValue(const std::string &preset, const std::string &name)
{
    const auto loaded = PresetStore().load(preset);
    if (!loaded)
        return "<" + loaded.message() + ">";
    const auto it = loaded->values.find(name);
    return it == loaded->values.end() ? "<unset>" : it->second;
}

inline QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

// The presets directory the editor, the Record dialog and the CLI all use.
class Sandbox {
public:
    // From initTestCase: points XDG_CONFIG_HOME here and clears every FIL_PERF_ variable
    // (the environment overrides a preset: none of the caller's values may leak in).
    void setUp(const char *applicationName)
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("perfwb-tests"));
        QCoreApplication::setApplicationName(QLatin1String(applicationName));
        QVERIFY(home_.isValid());
        QVERIFY(work_.isValid());
        qputenv("XDG_CONFIG_HOME", home_.path().toUtf8());
        for (const auto &spec : perfwb::settings::SettingSpec::all())
            qunsetenv(spec.variable().c_str());
        QCOMPARE(QString::fromStdString(PresetStore::defaultDirectory()), presetsDir());
    }
    // From init: no presets, no remembered dialog values.
    void reset() const
    {
        QVERIFY(QDir(presetsDir()).removeRecursively());
        QSettings().clear();
    }

    QString presetsDir() const { return home_.filePath(QStringLiteral("perfwb/presets")); }
    QString presetFile(const QString &name) const { return presetsDir() + QLatin1Char('/') + name + ".json"; }
    QString workPath(const QString &name) const { return work_.filePath(name); }

    // A preset written through the engine (not the editor), for the tests that need one.
    static void savePreset(const std::string &name, const perfwb::settings::PerformanceSettings::Values &values)
    {
        const perfwb::Status ok = PresetStore().save({name, "made by the test", values, false});
        QVERIFY2(ok, ok.message().c_str());
    }

private:
    QTemporaryDir home_;
    QTemporaryDir work_;
};

} // namespace presettest
