// SPDX-License-Identifier: GPL-3.0-or-later
#include "settingsdialog.h"

#include "workbenchservice.h"

#include "budgets/perfservice.h"
#include "settings/configfile.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace perfwb::ui {

SettingsDialog::SettingsDialog(WorkbenchService &service, QWidget *parent)
    : QDialog(parent)
    , service_(service)
    , enablePerf_(new QCheckBox(tr("Budget manager and profiler dashboard (features.enable_perf)"), this))
    , port_(new QSpinBox(this))
    , bind_(new QLineEdit(this))
    , outputDir_(new QLineEdit(this))
    , runLabel_(new QLineEdit(this))
    , error_(new QLabel(this))
{
    setWindowTitle(tr("Settings"));
    enablePerf_->setObjectName(QStringLiteral("enable-perf"));
    port_->setObjectName(QStringLiteral("api-port"));
    port_->setRange(0, 65535);
    port_->setSpecialValueText(tr("any free port"));
    bind_->setObjectName(QStringLiteral("api-bind"));
    bind_->setToolTip(tr("Loopback only without a token (perfwb serve --token-file for others)"));
    outputDir_->setObjectName(QStringLiteral("output-dir"));
    outputDir_->setPlaceholderText(tr("FIL_PERF_OUTPUT_DIR, else outputs/perf"));
    runLabel_->setObjectName(QStringLiteral("run-label"));
    runLabel_->setPlaceholderText(tr("the command's name"));
    error_->setObjectName(QStringLiteral("settings-error"));
    error_->setWordWrap(true);
    error_->setStyleSheet(QStringLiteral("color: #c62828"));
    error_->hide();

    auto *browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Output directory"), outputDir_->text());
        if (!dir.isEmpty())
            outputDir_->setText(dir);
    });
    auto *outRow = new QHBoxLayout;
    outRow->addWidget(outputDir_, 1);
    outRow->addWidget(browse);

    auto *form = new QFormLayout;
    form->addRow(tr("Features:"), enablePerf_);
    form->addRow(tr("API port:"), port_);
    form->addRow(tr("API bind address:"), bind_);
    form->addRow(tr("Output directory:"), outRow);
    form->addRow(tr("Default run label:"), runLabel_);
    auto *file = new QLabel(tr("Saved in %1").arg(QString::fromStdString(service_.configPath())), this);
    file->setEnabled(false);
    file->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons =
        new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Apply, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, [this] { (void)apply(); });
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(file);
    layout->addWidget(error_);
    layout->addWidget(buttons);
    load();
}

void SettingsDialog::load()
{
    auto config = settings::ConfigFile::load(service_.configPath());
    if (!config) {
        showError(QString::fromStdString(config.message()));
        return;
    }
    enablePerf_->setChecked(config->boolValue(QStringLiteral("features.enable_perf")));
    port_->setValue(config->value(QStringLiteral("server.port")).toInt());
    bind_->setText(config->value(QStringLiteral("server.bind")).toString());
    outputDir_->setText(config->value(QStringLiteral("gui.output_dir")).toString());
    runLabel_->setText(config->value(QStringLiteral("gui.run_label")).toString());
}

void SettingsDialog::showError(const QString &message)
{
    error_->setText(message);
    error_->setVisible(!message.isEmpty());
}

QString SettingsDialog::errorText() const
{
    return error_->isHidden() ? QString() : error_->text();
}

bool SettingsDialog::apply()
{
    auto config = settings::ConfigFile::load(service_.configPath());
    if (!config) {
        showError(QString::fromStdString(config.message()));
        return false;
    }
    const QString label = runLabel_->text().trimmed();
    if (label.contains(QLatin1Char('/'))) {
        showError(tr("A run label is a name: '%1' contains '/'").arg(label));
        return false;
    }
    const QHostAddress bind(bind_->text().trimmed());
    if (bind.isNull()) {
        showError(tr("API bind address '%1' is not an IP address").arg(bind_->text()));
        return false;
    }
    const int oldPort = config->value(QStringLiteral("server.port")).toInt();
    const QString oldBind = config->value(QStringLiteral("server.bind")).toString();
    const bool moved = oldPort != port_->value() || oldBind != bind.toString() || !service_.isListening();
    if (moved) {
        // Listen first: an address in use or refused is said before anything is saved.
        auto url = service_.listen(bind, static_cast<quint16>(port_->value()));
        if (!url) {
            showError(QString::fromStdString(url.message()));
            (void)service_.listenFromConfig();
            return false;
        }
    }
    for (const auto &[key, value] :
         {std::pair{"server.port", QJsonValue(port_->value())}, std::pair{"server.bind", QJsonValue(bind.toString())},
          std::pair{"gui.output_dir", QJsonValue(outputDir_->text().trimmed())},
          std::pair{"gui.run_label", QJsonValue(label)}}) {
        if (Status st = config->setValue(QLatin1String(key), value); !st) {
            showError(QString::fromStdString(st.message()));
            return false;
        }
    }
    if (Status st = config->save(); !st) {
        showError(QString::fromStdString(st.message()));
        return false;
    }
    // Last, through the service: it writes the legacy keys too and reloads the flags.
    if (enablePerf_->isChecked() != service_.service().flags().enablePerf) {
        if (Status st = service_.service().setEnablePerf(enablePerf_->isChecked()); !st) {
            showError(QString::fromStdString(st.message()));
            return false;
        }
    }
    showError({});
    return true;
}

void SettingsDialog::accept()
{
    if (apply())
        QDialog::accept();
}

} // namespace perfwb::ui
