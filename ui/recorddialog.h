// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "record/recordsession.h"
#include "settings/performancesettings.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableWidget;

namespace perfwb::ui {

// Record… : what to launch and how to sample it. options() is what
// RecordingController::start takes. The last values are remembered in QSettings.
// A FIL_PERF preset applies as for `perfwb record --preset`: label, output directory
// and run metadata; the Python profilers it enables run from the CLI only.
class RecordDialog : public QDialog {
    Q_OBJECT
public:
    explicit RecordDialog(QWidget *parent = nullptr);

    record::RecordOptions options() const;

    // Field access for the main window (e.g. "record again") and tests.
    void setCommand(const QString &command);
    void setArguments(const QString &arguments);
    void setWorkingDirectory(const QString &dir);
    void setEnvironment(const QList<QPair<QString, QString>> &variables);
    void setFrequency(int hz);
    void setCallGraph(perf::CallGraph mode);
    void setLabel(const QString &label);
    void setOutputPath(const QString &path);
    // A FIL_PERF preset (PresetStore, as `perfwb record --preset`); empty = none. The
    // environment overrides it, as on the command line.
    void setPreset(const QString &name);
    QString preset() const;
    // Empty when no preset is chosen or it resolves; otherwise the error naming the
    // variable (or the preset that cannot be found).
    QString presetProblem() const;
    QString outputPath() const;
    // Empty when the command is found (or empty); otherwise why it cannot run.
    QString commandProblem() const;
    bool canAccept() const;

    // The default report path for a label: the standard output directory.
    static QString defaultOutputPath(const QString &label);

    void accept() override;

private:
    void validate();
    void addCommandRows(QFormLayout *form);
    void addEnvironmentRows(QFormLayout *form);
    void addSamplingRows(QFormLayout *form);
    void addPresetRows(QFormLayout *form);
    void reloadPresets();
    // The chosen preset over the environment (as the CLI resolves it); nullopt for none.
    std::optional<Result<settings::PerformanceSettings>> presetSettings() const;
    // The label the report takes: the one typed, else the preset's FIL_PERF_RUN_LABEL.
    QString effectiveLabel() const;
    QString defaultOutput() const;
    void followDefaults();
    QString commandLabel() const;
    void browseCommand();
    void browseDirectory();
    void browseOutput();
    void addEnvironmentRow(const QString &name = {}, const QString &value = {});
    void load();
    void save() const;

    QLineEdit *command_ = nullptr;
    QLabel *commandStatus_ = nullptr;
    QLineEdit *arguments_ = nullptr;
    QLineEdit *workingDir_ = nullptr;
    QTableWidget *environment_ = nullptr;
    QSpinBox *frequency_ = nullptr;
    QComboBox *callGraph_ = nullptr;
    QCheckBox *allocations_ = nullptr;
    QLineEdit *label_ = nullptr;
    QLineEdit *output_ = nullptr;
    QComboBox *preset_ = nullptr;
    QLabel *presetStatus_ = nullptr;
    QLabel *presetNote_ = nullptr;
    QDialogButtonBox *buttons_ = nullptr;
    bool outputEdited_ = false; // else the output path follows the label
};

} // namespace perfwb::ui
