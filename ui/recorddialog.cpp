// SPDX-License-Identifier: GPL-3.0-or-later
#include "recorddialog.h"
#include "qstrings.h"

#include "settings/configfile.h"
#include "settings/outputdirectory.h"
#include "settings/presetstore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace perfwb::ui {

namespace {
// A row whose field is a layout (a line edit with its Browse button) gets no buddy from
// QFormLayout, so its label would show the "&" instead of underlining the key.
void addRowWithBuddy(QFormLayout *form, const QString &text, QLayout *field, QWidget *buddy)
{
    auto *label = new QLabel(text);
    label->setBuddy(buddy);
    form->addRow(label, field);
}

const char *kGroup = "record";

// The GUI's own defaults from perfwb's config file (Settings…): gui.output_dir and
// gui.run_label; empty when unset or when the file cannot be read (Settings says why).
QString guiDefault(const char *key)
{
    auto config = settings::ConfigFile::load();
    return config ? config->value(QLatin1String(key)).toString().trimmed() : QString();
}

// The absolute form of a report path; a new recording never replaces an earlier
// report: <label>-profile-2.perfwb, ...
QString uniquePath(const Result<std::string> &path)
{
    if (!path)
        return {};
    const QString first = QDir::cleanPath(QDir::current().absoluteFilePath(qs(path.value())));
    QString candidate = first;
    const QString stem = first.chopped(int(qstrlen(".perfwb")));
    for (int n = 2; QFileInfo::exists(candidate) && n < 10000; ++n)
        candidate = QStringLiteral("%1-%2.perfwb").arg(stem).arg(n);
    return candidate;
}

QLabel *messageLabel(const char *name, bool warning)
{
    auto *label = new QLabel;
    label->setObjectName(QLatin1String(name));
    label->setWordWrap(true);
    if (warning) {
        QPalette warn = label->palette();
        warn.setColor(QPalette::WindowText, QColor(200, 40, 40));
        label->setPalette(warn);
    }
    label->hide();
    return label;
}

} // namespace

RecordDialog::RecordDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Record"));
    auto *form = new QFormLayout;

    addCommandRows(form);
    addEnvironmentRows(form);
    addSamplingRows(form);
    addPresetRows(form);

    label_ = new QLineEdit;
    form->addRow(tr("Run &label:"), label_);

    output_ = new QLineEdit;
    auto *browseOut = new QToolButton;
    browseOut->setText(tr("Browse…"));
    connect(browseOut, &QToolButton::clicked, this, &RecordDialog::browseOutput);
    auto *outRow = new QHBoxLayout;
    outRow->addWidget(output_);
    outRow->addWidget(browseOut);
    addRowWithBuddy(form, tr("&Report file:"), outRow, output_);

    buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons_->button(QDialogButtonBox::Ok)->setText(tr("&Record"));
    connect(buttons_, &QDialogButtonBox::accepted, this, &RecordDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &RecordDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons_);

    connect(command_, &QLineEdit::textChanged, this, [this] {
        followDefaults();
        validate();
    });
    connect(label_, &QLineEdit::textChanged, this, &RecordDialog::followDefaults);
    connect(preset_, &QComboBox::currentIndexChanged, this, [this] {
        followDefaults();
        validate();
    });
    connect(output_, &QLineEdit::textEdited, this, [this] { outputEdited_ = true; });
    load();
    if (output_->text().isEmpty())
        output_->setText(defaultOutput());
    validate();
    resize(620, sizeHint().height());
}

void RecordDialog::addCommandRows(QFormLayout *form)
{
    command_ = new QLineEdit;
    command_->setPlaceholderText(tr("program to run, e.g. ./render or python3"));
    auto *browse = new QToolButton;
    browse->setText(tr("Browse…"));
    connect(browse, &QToolButton::clicked, this, &RecordDialog::browseCommand);
    auto *commandRow = new QHBoxLayout;
    commandRow->addWidget(command_);
    commandRow->addWidget(browse);
    addRowWithBuddy(form, tr("&Command:"), commandRow, command_);
    commandStatus_ = new QLabel;
    commandStatus_->setWordWrap(true);
    QPalette warn = commandStatus_->palette();
    warn.setColor(QPalette::WindowText, QColor(200, 40, 40));
    commandStatus_->setPalette(warn);
    commandStatus_->hide();
    form->addRow(QString(), commandStatus_);

    arguments_ = new QLineEdit;
    arguments_->setPlaceholderText(tr("arguments, quoted as in a shell: --scene \"my scene.xml\""));
    form->addRow(tr("&Arguments:"), arguments_);

    workingDir_ = new QLineEdit;
    workingDir_->setPlaceholderText(tr("current directory"));
    auto *browseDir = new QToolButton;
    browseDir->setText(tr("Browse…"));
    connect(browseDir, &QToolButton::clicked, this, &RecordDialog::browseDirectory);
    auto *dirRow = new QHBoxLayout;
    dirRow->addWidget(workingDir_);
    dirRow->addWidget(browseDir);
    addRowWithBuddy(form, tr("&Working directory:"), dirRow, workingDir_);
}

void RecordDialog::addEnvironmentRows(QFormLayout *form)
{
    environment_ = new QTableWidget(0, 2);
    environment_->setHorizontalHeaderLabels({tr("Name"), tr("Value")});
    environment_->horizontalHeader()->setStretchLastSection(true);
    environment_->verticalHeader()->hide();
    environment_->setMinimumHeight(90);
    environment_->setMaximumHeight(140);
    auto *addEnv = new QPushButton(tr("Add"));
    auto *removeEnv = new QPushButton(tr("Remove"));
    connect(addEnv, &QPushButton::clicked, this, [this] {
        addEnvironmentRow();
        environment_->editItem(environment_->item(environment_->rowCount() - 1, 0));
    });
    connect(removeEnv, &QPushButton::clicked, this, [this] {
        if (environment_->currentRow() >= 0)
            environment_->removeRow(environment_->currentRow());
    });
    auto *envButtons = new QVBoxLayout;
    envButtons->addWidget(addEnv);
    envButtons->addWidget(removeEnv);
    envButtons->addStretch();
    auto *envRow = new QHBoxLayout;
    envRow->addWidget(environment_);
    envRow->addLayout(envButtons);
    addRowWithBuddy(form, tr("&Environment:"), envRow, environment_);
}

void RecordDialog::addSamplingRows(QFormLayout *form)
{
    frequency_ = new QSpinBox;
    frequency_->setRange(1, 50000);
    frequency_->setSuffix(tr(" Hz"));
    frequency_->setValue(999);
    form->addRow(tr("Sampling &frequency:"), frequency_);

    callGraph_ = new QComboBox;
    callGraph_->addItem(tr("DWARF (stacks through libraries, default)"), int(perf::CallGraph::Dwarf));
    callGraph_->addItem(tr("Frame pointers (cheaper, stops at code without them)"), int(perf::CallGraph::FramePointer));
    form->addRow(tr("Call &graph:"), callGraph_);

    allocations_ = new QCheckBox(tr("&Track allocations"));
    allocations_->setObjectName(QStringLiteral("allocations"));
    allocations_->setToolTip(tr("Preload perfwb's allocation tracker (perfwb record --alloc): every malloc-family "
                                "call with its stack; the heap joins the memory plot and the Summary lists "
                                "calls, leaks and temporaries"));
    form->addRow(QString(), allocations_);
}

void RecordDialog::addPresetRows(QFormLayout *form)
{
    preset_ = new QComboBox;
    preset_->setObjectName(QStringLiteral("preset"));
    preset_->setToolTip(tr("FIL_PERF settings saved as a preset (perfwb preset list); the environment overrides "
                           "them, as for perfwb record --preset"));
    reloadPresets();
    form->addRow(tr("&Preset:"), preset_);
    presetStatus_ = messageLabel("presetError", true);
    form->addRow(QString(), presetStatus_);
    presetNote_ = messageLabel("presetNote", false);
    form->addRow(QString(), presetNote_);
}

QString RecordDialog::defaultOutputPath(const QString &label)
{
    // FIL_PERF_OUTPUT_DIR when set, else the GUI's output directory, else outputs/perf.
    const QString guiDir = guiDefault("gui.output_dir");
    if (qEnvironmentVariableIsEmpty(settings::OutputDirectory::kVariable.data()) && !guiDir.isEmpty())
        return uniquePath(
            settings::OutputDirectory::pathIn(guiDir.toStdString(), label.toStdString(), "profile", "perfwb"));
    return uniquePath(settings::OutputDirectory::pathFor(label.toStdString(), "profile", "perfwb"));
}

QString RecordDialog::defaultOutput() const
{
    const auto perf = presetSettings();
    if (!perf || !*perf || (*perf)->entry("OUTPUT_DIR").source == settings::SettingSource::Default)
        return defaultOutputPath(effectiveLabel());
    // FIL_PERF_OUTPUT_DIR as the preset and the environment set it, as the CLI does.
    return uniquePath(
        settings::OutputDirectory::pathIn((*perf)->outputDir(), effectiveLabel().toStdString(), "profile", "perfwb"));
}

void RecordDialog::followDefaults()
{
    if (!outputEdited_)
        output_->setText(defaultOutput());
    const auto perf = presetSettings();
    QString presetLabel = perf && *perf ? qs((*perf)->runLabel({})) : QString();
    if (presetLabel.isEmpty())
        presetLabel = guiDefault("gui.run_label");
    label_->setPlaceholderText(presetLabel.isEmpty() ? commandLabel() : presetLabel);
}

QString RecordDialog::commandLabel() const
{
    // As perfwb record does: the program's file name when no label is given anywhere.
    const QString name = QFileInfo(command_->text().trimmed()).fileName();
    return name.isEmpty() ? QStringLiteral("perfwb") : name;
}

QString RecordDialog::effectiveLabel() const
{
    QString typed = label_->text().trimmed();
    if (!typed.isEmpty())
        return typed;
    const auto perf = presetSettings();
    QString fromPreset = perf && *perf ? qs((*perf)->runLabel({})) : QString();
    if (!fromPreset.isEmpty())
        return fromPreset;
    const QString fromSettings = guiDefault("gui.run_label");
    return fromSettings.isEmpty() ? commandLabel() : fromSettings;
}

std::optional<Result<settings::PerformanceSettings>> RecordDialog::presetSettings() const
{
    const QString name = preset();
    if (name.isEmpty())
        return std::nullopt;
    auto loaded = settings::PresetStore().load(name.toStdString());
    if (!loaded)
        return Result<settings::PerformanceSettings>(makeError(loaded.message()));
    return settings::PerformanceSettings::fromEnvironment(loaded->values, loaded->name);
}

QString RecordDialog::presetProblem() const
{
    const auto perf = presetSettings();
    return perf && !*perf ? qs(perf->message()) : QString();
}

QString RecordDialog::preset() const
{
    return preset_->currentData().toString();
}

void RecordDialog::setPreset(const QString &name)
{
    if (preset_->findData(name) < 0)
        reloadPresets(); // saved since the dialog opened
    int row = preset_->findData(name);
    if (row < 0) {
        // Kept as chosen, so the dialog says it does not exist rather than ignoring it.
        preset_->addItem(name, name);
        row = preset_->count() - 1;
    }
    preset_->setCurrentIndex(row);
}

void RecordDialog::reloadPresets()
{
    const QString chosen = preset();
    const QSignalBlocker block(preset_);
    preset_->clear();
    preset_->addItem(tr("none"), QString());
    for (const auto &p : settings::PresetStore().list()) {
        const QString name = qs(p.name);
        preset_->addItem(p.builtIn ? tr("%1 (built in)").arg(name) : name, name);
        preset_->setItemData(preset_->count() - 1, qs(p.description), Qt::ToolTipRole);
    }
    preset_->setCurrentIndex(std::max(0, preset_->findData(chosen)));
}

record::RecordOptions RecordDialog::options() const
{
    record::RecordOptions o;
    o.command.push_back(command_->text().trimmed().toStdString());
    for (const QString &arg : QProcess::splitCommand(arguments_->text()))
        o.command.push_back(arg.toStdString());
    o.workingDir = workingDir_->text().trimmed().toStdString();
    for (int row = 0; row < environment_->rowCount(); ++row) {
        const auto *name = environment_->item(row, 0);
        const auto *value = environment_->item(row, 1);
        const QString n = name ? name->text().trimmed() : QString();
        if (!n.isEmpty())
            o.extraEnvironment.emplace_back(n.toStdString(), value ? value->text().toStdString() : std::string());
    }
    o.sampling.frequencyHz = frequency_->value();
    o.frequencyExplicit = frequency_->value() != perf::SamplingOptions{}.frequencyHz;
    o.sampling.callGraph = perf::CallGraph(callGraph_->currentData().toInt());
    o.trackAllocations = allocations_->isChecked();
    o.label = effectiveLabel().toStdString();
    o.outputPath = outputPath().toStdString();
    // The run metadata `perfwb record --preset` writes: the non-default values, the name.
    if (const auto perf = presetSettings(); perf && *perf) {
        for (const auto &[name, value] : (*perf)->changedValues())
            o.extraMetadata.emplace_back(std::string(settings::SettingSpec::kPrefix) + name, value);
        o.extraMetadata.emplace_back("preset", (*perf)->presetName());
    }
    return o;
}

QString RecordDialog::outputPath() const
{
    const QString path = output_->text().trimmed();
    return path.isEmpty() ? defaultOutput() : path;
}

void RecordDialog::setCommand(const QString &command)
{
    command_->setText(command);
}
void RecordDialog::setArguments(const QString &arguments)
{
    arguments_->setText(arguments);
}
void RecordDialog::setWorkingDirectory(const QString &dir)
{
    workingDir_->setText(dir);
    validate();
}
void RecordDialog::setEnvironment(const QList<QPair<QString, QString>> &variables)
{
    environment_->setRowCount(0);
    for (const auto &[name, value] : variables)
        addEnvironmentRow(name, value);
}
void RecordDialog::setFrequency(int hz)
{
    frequency_->setValue(hz);
}
void RecordDialog::setCallGraph(perf::CallGraph mode)
{
    callGraph_->setCurrentIndex(callGraph_->findData(int(mode)));
}
void RecordDialog::setLabel(const QString &label)
{
    label_->setText(label);
}
void RecordDialog::setOutputPath(const QString &path)
{
    output_->setText(path);
    outputEdited_ = !path.isEmpty();
}

void RecordDialog::addEnvironmentRow(const QString &name, const QString &value)
{
    const int row = environment_->rowCount();
    environment_->insertRow(row);
    environment_->setItem(row, 0, new QTableWidgetItem(name));
    environment_->setItem(row, 1, new QTableWidgetItem(value));
}

QString RecordDialog::commandProblem() const
{
    const QString command = command_->text().trimmed();
    if (command.isEmpty())
        return {};
    if (command.contains(QLatin1Char('/'))) {
        // Relative paths run from the working directory, as the launcher does.
        const QString base = workingDir_->text().trimmed();
        const QFileInfo info(base.isEmpty() ? command : QDir(base).absoluteFilePath(command));
        if (!info.exists())
            return tr("%1 does not exist.").arg(command);
        if (info.isDir() || !info.isExecutable())
            return tr("%1 is not an executable file.").arg(command);
        return {};
    }
    if (QStandardPaths::findExecutable(command).isEmpty())
        return tr("%1 was not found on PATH: give its full path or browse for it.").arg(command);
    return {};
}

bool RecordDialog::canAccept() const
{
    return !command_->text().trimmed().isEmpty() && commandProblem().isEmpty() && presetProblem().isEmpty();
}

void RecordDialog::validate()
{
    const QString problem = commandProblem();
    commandStatus_->setText(problem);
    commandStatus_->setVisible(!problem.isEmpty());
    const auto perf = presetSettings();
    const bool bad = perf && !perf->isOk();
    presetStatus_->setText(bad ? qs(perf->message()) : QString());
    presetStatus_->setVisible(bad);
    // The GUI records with perfwb's own sampler; the Python profilers run from the CLI.
    QStringList tools;
    if (perf && perf->isOk()) {
        for (const auto tool : (*perf)->enabledTools())
            tools << QString::fromLatin1(settings::profilerToolName(tool).data());
    }
    presetNote_->setText(tr("The GUI records with perfwb itself; the enabled profilers (%1) run with: perfwb record "
                            "--preset %2 -- COMMAND")
                             .arg(tools.join(QStringLiteral(", ")), preset()));
    presetNote_->setVisible(!tools.isEmpty());
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(canAccept());
}

void RecordDialog::browseCommand()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Program to record"), workingDir_->text());
    if (!file.isEmpty())
        command_->setText(file);
}

void RecordDialog::browseDirectory()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Working directory"), workingDir_->text());
    if (!dir.isEmpty())
        setWorkingDirectory(dir);
}

void RecordDialog::browseOutput()
{
    const QString file =
        QFileDialog::getSaveFileName(this, tr("Report file"), outputPath(), tr("perfwb reports (*.perfwb)"));
    if (!file.isEmpty())
        setOutputPath(file);
}

void RecordDialog::accept()
{
    if (!canAccept())
        return;
    save();
    QDialog::accept();
}

void RecordDialog::load()
{
    QSettings s;
    s.beginGroup(QLatin1String(kGroup));
    command_->setText(s.value("command").toString());
    arguments_->setText(s.value("arguments").toString());
    workingDir_->setText(s.value("workingDirectory").toString());
    const QStringList env = s.value("environment").toStringList();
    for (const QString &entry : env) {
        const auto eq = entry.indexOf(QLatin1Char('='));
        if (eq > 0)
            addEnvironmentRow(entry.left(eq), entry.mid(eq + 1));
    }
    frequency_->setValue(s.value("frequency", 999).toInt());
    setCallGraph(perf::CallGraph(s.value("callGraph", int(perf::CallGraph::Dwarf)).toInt()));
    allocations_->setChecked(s.value("allocations", false).toBool());
    label_->setText(s.value("label").toString());
    preset_->setCurrentIndex(std::max(0, preset_->findData(s.value("preset").toString())));
    // The output path is not remembered: a new run must not overwrite the last report.
}

void RecordDialog::save() const
{
    QSettings s;
    s.beginGroup(QLatin1String(kGroup));
    s.setValue("command", command_->text().trimmed());
    s.setValue("arguments", arguments_->text());
    s.setValue("workingDirectory", workingDir_->text().trimmed());
    QStringList env;
    for (const auto &[name, value] : options().extraEnvironment)
        env << QString::fromStdString(name) + QLatin1Char('=') + QString::fromStdString(value);
    s.setValue("environment", env);
    s.setValue("frequency", frequency_->value());
    s.setValue("callGraph", callGraph_->currentData().toInt());
    s.setValue("allocations", allocations_->isChecked());
    s.setValue("label", label_->text().trimmed());
    s.setValue("preset", preset());
}

} // namespace perfwb::ui
