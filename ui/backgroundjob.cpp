// SPDX-License-Identifier: GPL-3.0-or-later
#include "backgroundjob.h"

#include <QProgressDialog>
#include <QtConcurrent/QtConcurrentRun>

namespace perfwb::ui {

BackgroundJob::BackgroundJob(QWidget *parent, const QString &label, std::function<void()> done, bool cancellable)
    : QObject(parent)
    , done_(std::move(done))
{
    progress_ = new QProgressDialog(label, cancellable ? tr("Cancel") : QString(), 0, 0, parent);
    progress_->setWindowTitle(tr("perfwb"));
    progress_->setWindowModality(Qt::WindowModal);
    progress_->setMinimumDuration(400); // quick jobs finish without a flash of a dialog
    progress_->setAutoClose(false);
    progress_->setAutoReset(false);
    if (!cancellable)
        progress_->setCancelButton(nullptr);
    connect(progress_, &QProgressDialog::canceled, this, &BackgroundJob::cancel);
    connect(&watcher_, &QFutureWatcherBase::finished, this, &BackgroundJob::onFinished);
}

BackgroundJob *BackgroundJob::start(QWidget *parent, const QString &label, std::function<void()> work,
                                    std::function<void()> done, bool cancellable)
{
    auto *job = new BackgroundJob(parent, label, std::move(done), cancellable);
    job->watcher_.setFuture(QtConcurrent::run(std::move(work)));
    return job;
}

void BackgroundJob::cancel()
{
    if (cancelled_)
        return;
    cancelled_ = true;
    if (progress_)
        progress_->deleteLater();
    Q_EMIT ended(true);
}

void BackgroundJob::onFinished()
{
    if (progress_)
        progress_->deleteLater();
    if (!cancelled_) {
        if (done_)
            done_();
        Q_EMIT ended(false);
    }
    deleteLater();
}

} // namespace perfwb::ui
