// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "core/result.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QListView;
class QModelIndex;
class QPlainTextEdit;
class QPushButton;

namespace perfwb::ui {

class PresetForm;
class PresetListModel;

// The FIL_PERF presets: the same files `perfwb preset` reads and writes, through
// settings::PresetStore. The list (saved and built-in) with New, Duplicate, Rename and
// Delete on the left; the selected preset's description and settings form on the
// right, with Save and Revert; below them the equivalent `export` lines and `docker
// run` command, each with Copy. Built-ins can be duplicated but not renamed or deleted;
// saving one writes a file of its name, which replaces it. Every refusal (a bad value,
// a bad name, a file that cannot be written) is one line in the dialog.
class PresetEditor : public QDialog {
    Q_OBJECT
public:
    // `directory` empty = PresetStore::defaultDirectory(), where the CLI looks.
    explicit PresetEditor(QWidget *parent = nullptr, const QString &directory = {});

    PresetListModel *model() const { return model_; }
    PresetForm *form() const { return form_; }
    QString currentName() const { return current_; }
    bool isModified() const { return modified_; }
    // The dialog's error line (empty when all is well).
    QString errorText() const;

    // What the buttons do once they have a name; false (and the reason in the error
    // line) when refused. New, Duplicate and Rename refuse a name PresetStore refuses
    // or one a preset already has. Duplicate copies the form, unsaved edits included.
    bool selectPreset(const QString &name);
    bool save();
    void revert();
    bool newPreset(const QString &name);
    bool duplicatePreset(const QString &name);
    bool renamePreset(const QString &name);
    bool deletePreset();
    // Saves first when edited, then emits recordWithPreset and closes.
    bool recordWithCurrent();

    void reject() override;

Q_SIGNALS:
    void recordWithPreset(const QString &name);

private:
    QWidget *buildList();
    QWidget *buildPreview();
    QWidget *buildEditor();
    void onCurrentChanged(const QModelIndex &current, const QModelIndex &previous);
    void reloadAndSelect(const QString &name, int fallbackRow = 0);
    void loadRow(int row);
    void setModified(bool modified);
    void updatePreview();
    void updateButtons();
    bool fail(const QString &message);
    void setError(const QString &message);
    Status checkNewName(const QString &name) const;
    bool currentIsBuiltIn() const;
    // Asks to save or discard unsaved edits; false = stay.
    bool confirmLeave();
    void askName(const QString &title, const QString &initial, bool (PresetEditor::*action)(const QString &));

    PresetListModel *model_ = nullptr;
    QListView *list_ = nullptr;
    PresetForm *form_ = nullptr;
    QLabel *info_ = nullptr;
    QLineEdit *description_ = nullptr;
    QPlainTextEdit *exports_ = nullptr;
    QLineEdit *command_ = nullptr;
    QPlainTextEdit *container_ = nullptr;
    QLabel *error_ = nullptr;
    QPushButton *rename_ = nullptr;
    QPushButton *delete_ = nullptr;
    QPushButton *save_ = nullptr;
    QPushButton *revert_ = nullptr;
    QPushButton *copyExports_ = nullptr;
    QPushButton *copyContainer_ = nullptr;
    QString current_;
    bool modified_ = false;
    bool switching_ = false; // the selection moves under program control: no prompt
};

} // namespace perfwb::ui
