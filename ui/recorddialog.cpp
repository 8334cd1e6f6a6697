#include "recorddialog.h"

#include "settings/outputdirectory.h"

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
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace perfwb::ui {

namespace {

const char *kGroup = "record";

QString toQ(const std::string &s)
{
    return QString::fromStdString(s);
}

} // namespace

RecordDialog::RecordDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Record"));
    auto *form = new QFormLayout;

    command_ = new QLineEdit;
    command_->setPlaceholderText(tr("program to run, e.g. ./render or python3"));
    auto *browse = new QToolButton;
    browse->setText(tr("Browse…"));
    connect(browse, &QToolButton::clicked, this, &RecordDialog::browseCommand);
    auto *commandRow = new QHBoxLayout;
    commandRow->addWidget(command_);
    commandRow->addWidget(browse);
    form->addRow(tr("&Command:"), commandRow);
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
    form->addRow(tr("&Working directory:"), dirRow);

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
    form->addRow(tr("&Environment:"), envRow);

    frequency_ = new QSpinBox;
    frequency_->setRange(1, 50000);
    frequency_->setSuffix(tr(" Hz"));
    frequency_->setValue(999);
    form->addRow(tr("Sampling &frequency:"), frequency_);

    callGraph_ = new QComboBox;
    callGraph_->addItem(tr("DWARF (stacks through libraries, default)"), int(record::CallGraph::Dwarf));
    callGraph_->addItem(tr("Frame pointers (cheaper, stops at code without them)"),
                        int(record::CallGraph::FramePointer));
    form->addRow(tr("Call &graph:"), callGraph_);

    // RecordOptions has no allocation switch yet: the tracker is its own issue.
    allocations_ = new QCheckBox(tr("Track allocations"));
    allocations_->setEnabled(false);
    allocations_->setToolTip(tr("allocation tracking arrives with the allocation issue"));
    form->addRow(QString(), allocations_);

    label_ = new QLineEdit;
    label_->setPlaceholderText(QStringLiteral("perfwb"));
    form->addRow(tr("Run &label:"), label_);

    output_ = new QLineEdit;
    auto *browseOut = new QToolButton;
    browseOut->setText(tr("Browse…"));
    connect(browseOut, &QToolButton::clicked, this, &RecordDialog::browseOutput);
    auto *outRow = new QHBoxLayout;
    outRow->addWidget(output_);
    outRow->addWidget(browseOut);
    form->addRow(tr("&Report file:"), outRow);

    buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons_->button(QDialogButtonBox::Ok)->setText(tr("&Record"));
    connect(buttons_, &QDialogButtonBox::accepted, this, &RecordDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &RecordDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons_);

    connect(command_, &QLineEdit::textChanged, this, &RecordDialog::validate);
    connect(label_, &QLineEdit::textChanged, this, [this] {
        if (!outputEdited_)
            output_->setText(defaultOutputPath(label_->text()));
    });
    connect(output_, &QLineEdit::textEdited, this, [this] { outputEdited_ = true; });
    load();
    if (output_->text().isEmpty())
        output_->setText(defaultOutputPath(label_->text()));
    validate();
    resize(620, sizeHint().height());
}

QString RecordDialog::defaultOutputPath(const QString &label)
{
    auto path = settings::OutputDirectory::pathFor(label.toStdString(), "profile", "perfwb");
    if (!path)
        return {};
    const QString first = QDir::cleanPath(QDir::current().absoluteFilePath(toQ(path.value())));
    // A new recording never replaces an earlier report: <label>-profile-2.perfwb, ...
    QString candidate = first;
    const QString stem = first.chopped(int(qstrlen(".perfwb")));
    for (int n = 2; QFileInfo::exists(candidate) && n < 10000; ++n)
        candidate = QStringLiteral("%1-%2.perfwb").arg(stem).arg(n);
    return candidate;
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
    o.frequencyExplicit = frequency_->value() != record::SamplingOptions{}.frequencyHz;
    o.sampling.callGraph = record::CallGraph(callGraph_->currentData().toInt());
    o.label = label_->text().trimmed().toStdString();
    o.outputPath = outputPath().toStdString();
    return o;
}

QString RecordDialog::outputPath() const
{
    const QString path = output_->text().trimmed();
    return path.isEmpty() ? defaultOutputPath(label_->text()) : path;
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
void RecordDialog::setCallGraph(record::CallGraph mode)
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
    return !command_->text().trimmed().isEmpty() && commandProblem().isEmpty();
}

void RecordDialog::validate()
{
    const QString problem = commandProblem();
    commandStatus_->setText(problem);
    commandStatus_->setVisible(!problem.isEmpty());
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
    setCallGraph(record::CallGraph(s.value("callGraph", int(record::CallGraph::Dwarf)).toInt()));
    label_->setText(s.value("label").toString());
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
    s.setValue("label", label_->text().trimmed());
}

} // namespace perfwb::ui
