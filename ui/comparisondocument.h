// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "analysis/profilediff.h"

#include <QFutureWatcher>
#include <QObject>

#include <memory>
#include <optional>

namespace perfwb::ui {

class ReportDocument;

// Two runs being compared: a document per run (each with its own analysis for the
// side-by-side flame graphs) and their ProfileDiff under the current thresholds,
// recomputed on a worker thread when the runs are swapped or the thresholds change.
class ComparisonDocument : public QObject {
    Q_OBJECT
public:
    ComparisonDocument(std::shared_ptr<const model::Profile> base, QString basePath,
                       std::shared_ptr<const model::Profile> next, QString nextPath, QObject *parent = nullptr);
    ~ComparisonDocument() override;

    ReportDocument *base() const { return base_; }
    ReportDocument *next() const { return next_; }
    // The newest finished diff (null until the first is ready).
    std::shared_ptr<const analysis::ProfileDiff> diff() const { return diff_; }
    bool isComputing() const { return running_; }

    const analysis::DiffThresholds &thresholds() const { return thresholds_; }
    void setThresholds(const analysis::DiffThresholds &thresholds);
    // The mode the user chose; unset: the diff's default (absolute when the runs share a
    // sampling rate). A change computes the diff again (colours, verdicts, table).
    std::optional<analysis::DiffMode> requestedMode() const { return mode_; }
    void setMode(std::optional<analysis::DiffMode> mode);
    // The base run becomes the new run and the other way round.
    void swap();
    QString displayName() const; // "base ↔ new"

Q_SIGNALS:
    void diffReady();
    void runsSwapped();

private:
    void start();
    void onFinished();

    ReportDocument *base_;
    ReportDocument *next_;
    analysis::DiffThresholds thresholds_;
    std::optional<analysis::DiffMode> mode_;
    std::shared_ptr<const analysis::ProfileDiff> diff_;
    QFutureWatcher<std::shared_ptr<const analysis::ProfileDiff>> watcher_;
    bool running_ = false;
    bool rerun_ = false;
};

} // namespace perfwb::ui
