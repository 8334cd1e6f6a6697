// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace perfwb::ui {

class WorkbenchService;

// Settings…: the features.enable_perf switch (written as `perfwb config set` writes it,
// legacy keys in step), the API's port and bind address (the GUI's service moves to
// them at once; an address it cannot take is refused and nothing is saved), and the
// Record dialog's default output directory and run label. All in perfwb's config file.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(WorkbenchService &service, QWidget *parent = nullptr);

    // Checks and saves; false (and the reason shown) when something was refused.
    bool apply();
    void accept() override;
    QString errorText() const;

    QCheckBox *enablePerf() const { return enablePerf_; }
    QSpinBox *port() const { return port_; }
    QLineEdit *bind() const { return bind_; }
    QLineEdit *outputDir() const { return outputDir_; }
    QLineEdit *runLabel() const { return runLabel_; }

private:
    void load();
    void showError(const QString &message);

    WorkbenchService &service_;
    QCheckBox *enablePerf_;
    QSpinBox *port_;
    QLineEdit *bind_;
    QLineEdit *outputDir_;
    QLineEdit *runLabel_;
    QLabel *error_;
};

} // namespace perfwb::ui
