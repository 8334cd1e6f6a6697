// SPDX-License-Identifier: GPL-3.0-or-later
#include "comparisondocument.h"

#include "reportdocument.h"

#include <QtConcurrent/QtConcurrentRun>

namespace perfwb::ui {

ComparisonDocument::ComparisonDocument(std::shared_ptr<const model::Profile> base, QString basePath,
                                       std::shared_ptr<const model::Profile> next, QString nextPath, QObject *parent)
    : QObject(parent)
    , base_(new ReportDocument(std::move(base), std::move(basePath), false, this))
    , next_(new ReportDocument(std::move(next), std::move(nextPath), false, this))
{
    connect(&watcher_, &QFutureWatcherBase::finished, this, &ComparisonDocument::onFinished);
    start();
}

ComparisonDocument::~ComparisonDocument()
{
    // The worker holds shared pointers to immutable profiles; waiting keeps shutdown orderly.
    watcher_.waitForFinished();
}

void ComparisonDocument::setThresholds(const analysis::DiffThresholds &thresholds)
{
    thresholds_ = thresholds;
    start();
}

void ComparisonDocument::setMode(std::optional<analysis::DiffMode> mode)
{
    if (mode == mode_)
        return;
    mode_ = mode;
    start();
}

void ComparisonDocument::swap()
{
    std::swap(base_, next_);
    Q_EMIT runsSwapped();
    start();
}

QString ComparisonDocument::displayName() const
{
    return tr("%1 ↔ %2").arg(base_->displayName(), next_->displayName());
}

void ComparisonDocument::start()
{
    if (running_) {
        rerun_ = true; // only the newest request matters
        return;
    }
    running_ = true;
    rerun_ = false;
    auto base = base_->profile();
    auto next = next_->profile();
    auto thresholds = thresholds_;
    auto mode = mode_;
    watcher_.setFuture(QtConcurrent::run([base, next, thresholds, mode]() {
        return std::make_shared<const analysis::ProfileDiff>(
            analysis::ProfileDiff::compute(*base, *next, thresholds, mode));
    }));
}

void ComparisonDocument::onFinished()
{
    running_ = false;
    if (rerun_) {
        start();
        return;
    }
    diff_ = watcher_.result();
    Q_EMIT diffReady();
}

} // namespace perfwb::ui
