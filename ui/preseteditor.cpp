// SPDX-License-Identifier: GPL-3.0-or-later
#include "preseteditor.h"
#include "qstrings.h"

#include "presetform.h"
#include "presetlistmodel.h"

#include "settings/performancesettings.h"
#include "settings/presetstore.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGridLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>

namespace perfwb::ui {

namespace {

QPushButton *button(const QString &text, const char *name)
{
    auto *b = new QPushButton(text);
    b->setObjectName(QLatin1String(name));
    // Enter in a field must not press whichever button had focus last (New… would
    // open a name prompt): only Save is the default.
    b->setAutoDefault(false);
    return b;
}

QPlainTextEdit *commandText(const char *name)
{
    auto *t = new QPlainTextEdit;
    t->setObjectName(QLatin1String(name));
    t->setReadOnly(true);
    t->setLineWrapMode(QPlainTextEdit::NoWrap);
    t->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    t->setMaximumHeight(140);
    return t;
}

} // namespace

PresetEditor::PresetEditor(QWidget *parent, const QString &directory)
    : QDialog(parent)
{
    setWindowTitle(tr("FIL_PERF Presets"));
    model_ = new PresetListModel(settings::PresetStore(directory.isEmpty() ? settings::PresetStore::defaultDirectory()
                                                                           : directory.toStdString()),
                                 this);
    auto *splitter = new QSplitter;
    splitter->addWidget(buildList());
    splitter->addWidget(buildEditor());
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({220, 780});
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);

    connect(list_->selectionModel(), &QItemSelectionModel::currentChanged, this, &PresetEditor::onCurrentChanged);
    connect(form_, &PresetForm::edited, this, [this] {
        setModified(true);
        updatePreview();
    });
    connect(description_, &QLineEdit::textEdited, this, [this] { setModified(true); });
    connect(command_, &QLineEdit::textChanged, this, &PresetEditor::updatePreview);
    reloadAndSelect({});
    resize(1000, 700);
}

QWidget *PresetEditor::buildList()
{
    list_ = new QListView;
    list_->setObjectName(QStringLiteral("presets"));
    list_->setModel(model_);
    list_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *add = button(tr("&New…"), "new");
    auto *duplicate = button(tr("D&uplicate…"), "duplicate");
    duplicate->setToolTip(tr("Save a copy of this preset, unsaved changes included, under a new name"));
    rename_ = button(tr("Re&name…"), "rename");
    delete_ = button(tr("&Delete"), "delete");
    connect(add, &QPushButton::clicked, this, [this] {
        if (confirmLeave())
            askName(tr("New Preset"), {}, &PresetEditor::newPreset);
    });
    connect(duplicate, &QPushButton::clicked, this, [this] {
        askName(tr("Duplicate Preset"), current_ + QStringLiteral("-copy"), &PresetEditor::duplicatePreset);
    });
    connect(rename_, &QPushButton::clicked, this,
            [this] { askName(tr("Rename Preset"), current_, &PresetEditor::renamePreset); });
    connect(delete_, &QPushButton::clicked, this, [this] {
        if (QMessageBox::question(this, tr("Delete Preset"), tr("Delete the preset %1?").arg(current_)) ==
            QMessageBox::Yes)
            deletePreset();
    });
    auto *buttons = new QGridLayout;
    buttons->addWidget(add, 0, 0);
    buttons->addWidget(duplicate, 0, 1);
    buttons->addWidget(rename_, 1, 0);
    buttons->addWidget(delete_, 1, 1);
    auto *w = new QWidget;
    auto *layout = new QVBoxLayout(w);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Saved and built-in presets:")));
    layout->addWidget(list_, 1);
    layout->addLayout(buttons);
    return w;
}

QWidget *PresetEditor::buildPreview()
{
    exports_ = commandText("exports");
    container_ = commandText("containerCommand");
    copyExports_ = button(tr("&Copy"), "copyExports");
    copyContainer_ = button(tr("C&opy"), "copyContainer");
    connect(copyExports_, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(exports_->toPlainText()); });
    connect(copyContainer_, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(container_->toPlainText()); });
    command_ = new QLineEdit(QStringLiteral("python3 app.py"));
    command_->setObjectName(QStringLiteral("previewCommand"));
    command_->setToolTip(tr("The command the container line runs, quoted as in a shell"));

    auto *grid = new QGridLayout;
    grid->addWidget(new QLabel(tr("Shell exports:")), 0, 0);
    grid->addWidget(copyExports_, 0, 1, Qt::AlignRight);
    grid->addWidget(exports_, 1, 0, 1, 2);
    auto *commandRow = new QHBoxLayout;
    commandRow->addWidget(new QLabel(tr("Container running:")));
    commandRow->addWidget(command_, 1);
    grid->addLayout(commandRow, 0, 2);
    grid->addWidget(copyContainer_, 0, 3, Qt::AlignRight);
    grid->addWidget(container_, 1, 2, 1, 2);
    grid->setColumnStretch(0, 2);
    grid->setColumnStretch(2, 3);
    auto *w = new QWidget;
    w->setLayout(grid);
    grid->setContentsMargins(0, 0, 0, 0);
    return w;
}

QWidget *PresetEditor::buildEditor()
{
    info_ = new QLabel;
    info_->setObjectName(QStringLiteral("presetInfo"));
    info_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    description_ = new QLineEdit;
    description_->setObjectName(QStringLiteral("description"));
    description_->setPlaceholderText(tr("what this preset is for"));
    form_ = new PresetForm;
    auto *scroll = new QScrollArea;
    scroll->setWidget(form_);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    error_ = new QLabel;
    error_->setObjectName(QStringLiteral("error"));
    QPalette warn = error_->palette();
    warn.setColor(QPalette::WindowText, QColor(200, 40, 40));
    error_->setPalette(warn);

    auto *record = button(tr("&Record with This Preset…"), "record");
    revert_ = button(tr("Re&vert"), "revert");
    save_ = button(tr("&Save"), "save");
    save_->setDefault(true);
    connect(record, &QPushButton::clicked, this, &PresetEditor::recordWithCurrent);
    connect(revert_, &QPushButton::clicked, this, &PresetEditor::revert);
    connect(save_, &QPushButton::clicked, this, &PresetEditor::save);
    auto *actions = new QHBoxLayout;
    actions->addWidget(record);
    actions->addStretch(1);
    actions->addWidget(revert_);
    actions->addWidget(save_);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(close, &QDialogButtonBox::rejected, this, &PresetEditor::reject);
    close->button(QDialogButtonBox::Close)->setAutoDefault(false);
    actions->addWidget(close);

    auto *top = new QFormLayout;
    top->addRow(tr("Preset:"), info_);
    top->addRow(tr("D&escription:"), description_);
    auto *w = new QWidget;
    auto *layout = new QVBoxLayout(w);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(scroll, 1);
    layout->addWidget(buildPreview());
    layout->addWidget(error_);
    layout->addLayout(actions);
    return w;
}

QString PresetEditor::errorText() const
{
    return error_->text();
}

void PresetEditor::onCurrentChanged(const QModelIndex &current, const QModelIndex &)
{
    if (switching_ || !current.isValid())
        return;
    const QString target = current.data(PresetListModel::NameRole).toString();
    if (modified_) {
        // Back to the edited preset while the question is open; on "save" the list
        // is reloaded, so the target is found again by name.
        switching_ = true;
        list_->setCurrentIndex(model_->index(model_->rowOf(current_)));
        switching_ = false;
        if (!confirmLeave())
            return;
        switching_ = true;
        list_->setCurrentIndex(model_->index(model_->rowOf(target)));
        switching_ = false;
    }
    loadRow(model_->rowOf(target));
}

void PresetEditor::reloadAndSelect(const QString &name, int fallbackRow)
{
    switching_ = true;
    model_->reload();
    int row = model_->rowOf(name);
    if (row < 0 && model_->rowCount() > 0)
        row = std::clamp(fallbackRow, 0, model_->rowCount() - 1);
    list_->setCurrentIndex(model_->index(row));
    switching_ = false;
    loadRow(row);
}

void PresetEditor::loadRow(int row)
{
    if (row < 0)
        return;
    const settings::Preset &p = model_->preset(row);
    current_ = qs(p.name);
    form_->setValues(p.values);
    description_->setText(qs(p.description));
    setModified(false);
    updatePreview();
}

void PresetEditor::setModified(bool modified)
{
    modified_ = modified;
    const int row = model_->rowOf(current_);
    QString info;
    if (row >= 0 && model_->preset(row).builtIn)
        info = tr("%1, built in (Save writes %2, which replaces it)")
                   .arg(current_, qs(model_->store().pathFor(current_.toStdString())));
    else
        info = tr("%1, saved in %2").arg(current_, qs(model_->store().pathFor(current_.toStdString())));
    info_->setText(modified ? tr("%1 (modified)").arg(info) : info);
    updateButtons();
}

void PresetEditor::updateButtons()
{
    const bool builtIn = currentIsBuiltIn();
    rename_->setEnabled(!builtIn);
    delete_->setEnabled(!builtIn);
    save_->setEnabled(modified_);
    revert_->setEnabled(modified_);
}

void PresetEditor::updatePreview()
{
    auto values = form_->validated();
    auto resolved = values ? settings::PerformanceSettings::resolve(values.value(), current_.toStdString(), {})
                           : Result<settings::PerformanceSettings>(makeError(values.message()));
    copyExports_->setEnabled(resolved.isOk());
    copyContainer_->setEnabled(resolved.isOk());
    if (!resolved) {
        exports_->setPlainText(tr("# fix the setting named below"));
        container_->clear();
        setError(qs(resolved.message()));
        return;
    }
    std::vector<std::string> command;
    for (const QString &arg : QProcess::splitCommand(command_->text()))
        command.push_back(arg.toStdString());
    exports_->setPlainText(qs(resolved->shellExports()));
    container_->setPlainText(qs(resolved->containerCommand(command)));
    setError({});
}

void PresetEditor::setError(const QString &message)
{
    // Damaged preset files stay in view until something more urgent is said.
    const QStringList &problems = model_->problems();
    error_->setText(!message.isEmpty() || problems.isEmpty()
                        ? message
                        : tr("Not loaded: %1").arg(problems.join(QStringLiteral("; "))));
}

bool PresetEditor::fail(const QString &message)
{
    setError(message);
    return false;
}

Status PresetEditor::checkNewName(const QString &name) const
{
    if (Status ok = settings::PresetStore::checkName(name.toStdString()); !ok)
        return ok;
    if (model_->rowOf(name) >= 0)
        return makeError(tr("a preset named '%1' exists already: choose another name").arg(name).toStdString());
    return {};
}

bool PresetEditor::currentIsBuiltIn() const
{
    const int row = model_->rowOf(current_);
    return row >= 0 && model_->preset(row).builtIn;
}

bool PresetEditor::selectPreset(const QString &name)
{
    const int row = model_->rowOf(name);
    if (row < 0)
        return fail(tr("no preset named '%1'").arg(name));
    list_->setCurrentIndex(model_->index(row));
    return current_ == name;
}

bool PresetEditor::save()
{
    auto values = form_->validated();
    if (!values)
        return fail(qs(values.message()));
    const settings::Preset preset{current_.toStdString(), description_->text().trimmed().toStdString(), values.value(),
                                  false};
    if (Status ok = model_->store().save(preset); !ok)
        return fail(qs(ok.message()));
    setModified(false);
    reloadAndSelect(current_);
    return true;
}

void PresetEditor::revert()
{
    setModified(false);
    reloadAndSelect(current_);
}

bool PresetEditor::newPreset(const QString &name)
{
    if (Status ok = checkNewName(name); !ok)
        return fail(qs(ok.message()));
    if (Status ok = model_->store().save(settings::Preset{name.toStdString(), {}, {}, false}); !ok)
        return fail(qs(ok.message()));
    reloadAndSelect(name);
    return true;
}

bool PresetEditor::duplicatePreset(const QString &name)
{
    if (Status ok = checkNewName(name); !ok)
        return fail(qs(ok.message()));
    auto values = form_->validated();
    if (!values)
        return fail(qs(values.message()));
    const settings::Preset copy{name.toStdString(), description_->text().trimmed().toStdString(), values.value(),
                                false};
    if (Status ok = model_->store().save(copy); !ok)
        return fail(qs(ok.message()));
    reloadAndSelect(name); // the edits went into the copy
    return true;
}

bool PresetEditor::renamePreset(const QString &name)
{
    if (currentIsBuiltIn())
        return fail(tr("'%1' is built in: it cannot be renamed (Duplicate makes a copy to rename)").arg(current_));
    if (name == current_)
        return true;
    if (Status ok = checkNewName(name); !ok)
        return fail(qs(ok.message()));
    const settings::PresetStore &store = model_->store();
    auto saved = store.load(current_.toStdString());
    if (!saved)
        return fail(qs(saved.message()));
    settings::Preset moved = saved.value();
    moved.name = name.toStdString();
    if (Status ok = store.save(moved); !ok)
        return fail(qs(ok.message()));
    const Status removed = store.remove(current_.toStdString());
    // Unsaved edits follow the preset to its new name.
    const auto values = form_->values();
    const QString description = description_->text();
    const bool wasModified = modified_;
    reloadAndSelect(name);
    if (!removed)
        return fail(qs(removed.message()));
    if (wasModified) {
        form_->setValues(values);
        description_->setText(description);
        setModified(true);
        updatePreview();
    }
    return true;
}

bool PresetEditor::deletePreset()
{
    const QString name = current_;
    const int row = model_->rowOf(name);
    if (Status ok = model_->store().remove(name.toStdString()); !ok)
        return fail(qs(ok.message()));
    // A deleted file that replaced a built-in brings the built-in back.
    reloadAndSelect(name, row);
    return true;
}

bool PresetEditor::recordWithCurrent()
{
    if (modified_ && !save())
        return false;
    Q_EMIT recordWithPreset(current_);
    accept();
    return true;
}

void PresetEditor::reject()
{
    if (confirmLeave())
        QDialog::reject();
}

bool PresetEditor::confirmLeave()
{
    if (!modified_)
        return true;
    const auto answer =
        QMessageBox::question(this, tr("Unsaved Changes"), tr("The preset %1 has unsaved changes.").arg(current_),
                              QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    if (answer == QMessageBox::Discard) {
        setModified(false);
        return true;
    }
    return false;
}

void PresetEditor::askName(const QString &title, const QString &initial, bool (PresetEditor::*action)(const QString &))
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, title, tr("Name (letters, digits, '-', '_', '.'):"),
                                               QLineEdit::Normal, initial, &ok);
    if (ok)
        (this->*action)(name.trimmed());
}

} // namespace perfwb::ui
