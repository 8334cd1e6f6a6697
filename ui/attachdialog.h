// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "record/recordsession.h"

#include <QDialog>
#include <QTimer>

#include <sys/types.h>

class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace perfwb::ui {

class ProcessListModel;

// Attach to Process… : the running processes (PID, name, user, CPU %), refreshed
// every 2 s, with a filter box matching any column. options() is what
// RecordingController::start takes.
class AttachDialog : public QDialog {
    Q_OBJECT
public:
    explicit AttachDialog(QWidget *parent = nullptr);

    pid_t selectedPid() const;
    // Selects the row of a PID (e.g. "attach again"); false when it is not listed.
    bool selectPid(pid_t pid);
    void setFilterText(const QString &text);
    double durationS() const;
    void setDurationS(double seconds);
    record::RecordOptions options() const;

    ProcessListModel *model() const { return model_; }
    QSortFilterProxyModel *proxy() const { return proxy_; }
    QTableView *view() const { return view_; }
    void refresh();

private:
    void updateButtons();

    ProcessListModel *model_ = nullptr;
    QSortFilterProxyModel *proxy_ = nullptr;
    QTableView *view_ = nullptr;
    QLineEdit *filter_ = nullptr;
    QDoubleSpinBox *duration_ = nullptr;
    QLabel *note_ = nullptr;
    QDialogButtonBox *buttons_ = nullptr;
    QTimer timer_;
};

} // namespace perfwb::ui
