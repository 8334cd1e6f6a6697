#pragma once
#include "record/recordsession.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableWidget;

namespace perfwb::ui {

// Record… : what to launch and how to sample it. options() is what
// RecordingController::start takes. The last values are remembered in QSettings.
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
    void setCallGraph(record::CallGraph mode);
    void setLabel(const QString &label);
    void setOutputPath(const QString &path);
    QString outputPath() const;
    // Empty when the command is found (or empty); otherwise why it cannot run.
    QString commandProblem() const;
    bool canAccept() const;

    // The default report path for a label: the standard output directory.
    static QString defaultOutputPath(const QString &label);

    void accept() override;

private:
    void validate();
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
    QDialogButtonBox *buttons_ = nullptr;
    bool outputEdited_ = false; // else the output path follows the label
};

} // namespace perfwb::ui
