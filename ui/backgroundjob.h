// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <QFutureWatcher>
#include <QObject>
#include <QPointer>

#include <functional>

class QProgressDialog;
class QWidget;

namespace perfwb::ui {

// Runs one long engine call (open, import, save, export) on the thread pool with
// a progress dialog. The engine calls cannot be interrupted, so Cancel lets the
// user go on at once and the result is discarded when the work ends; the window
// never waits for it.
class BackgroundJob : public QObject {
    Q_OBJECT
public:
    // `work` runs on a worker thread and must only touch what it captured;
    // `done` runs on the GUI thread unless the user cancelled.
    static BackgroundJob *start(QWidget *parent, const QString &label, std::function<void()> work,
                                std::function<void()> done, bool cancellable = true);
    bool isCancelled() const { return cancelled_; }
    void cancel();

Q_SIGNALS:
    void ended(bool cancelled);

private:
    BackgroundJob(QWidget *parent, const QString &label, std::function<void()> done, bool cancellable);
    void onFinished();

    QFutureWatcher<void> watcher_;
    QPointer<QProgressDialog> progress_;
    std::function<void()> done_;
    bool cancelled_ = false;
};

} // namespace perfwb::ui
