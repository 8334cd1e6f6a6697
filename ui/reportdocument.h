// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "analysis/calltree.h"
#include "analysis/functionstats.h"
#include "analysis/samplefilter.h"
#include "analysis/stackweights.h"
#include "analysis/topfunctions.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <memory>

namespace perfwb::ui {

// Everything the views derive from one profile under one filter. Immutable once
// built, shared by every view, so a view never sees half an update.
struct ReportAnalysis {
    std::shared_ptr<const model::Profile> profile;
    std::shared_ptr<const analysis::FunctionTable> functions;
    analysis::SampleFilter filter;
    analysis::StackWeights weights;
    std::shared_ptr<const analysis::CallTree> topDown;
    std::shared_ptr<const analysis::CallTree> bottomUp;
    analysis::FunctionStats stats;
    analysis::TopFunctions top; // the Summary's list: inlined copies apart by caller

    // Reuses `functions` when it was built from the same profile (it does not
    // depend on the filter). With `previous` (a live recording's last analysis) the
    // top-down tree keeps its frames in the order `previous` had them.
    static std::shared_ptr<const ReportAnalysis> compute(std::shared_ptr<const model::Profile> profile,
                                                         const analysis::SampleFilter &filter,
                                                         std::shared_ptr<const analysis::FunctionTable> functions = {},
                                                         const std::shared_ptr<const ReportAnalysis> &previous = {});
};

// One open report: its profile, where it lives, whether it is saved, the current
// filter (time range + threads) and the analysis for that filter, recomputed on a
// worker thread whenever the profile or the filter changes.
class ReportDocument : public QObject {
    Q_OBJECT
public:
    ReportDocument(std::shared_ptr<const model::Profile> profile, QString path, bool dirty, QObject *parent = nullptr);
    ~ReportDocument() override;

    // What the views show: of a profile sampled with several events, the chosen event's
    // samples only (each event is its own cost), else the whole profile.
    std::shared_ptr<const model::Profile> profile() const { return profile_; }
    // The whole profile, every event: what is saved.
    std::shared_ptr<const model::Profile> sourceProfile() const { return source_; }
    // A live recording replaces the profile with newer snapshots.
    void setProfile(std::shared_ptr<const model::Profile> profile);

    // The profile's events (one for most) and the one shown, as hotspot's cost selector.
    std::vector<model::EventType> events() const;
    std::size_t eventIndex() const { return event_; }
    void setEventIndex(std::size_t index);

    QString path() const { return path_; }
    void setPath(const QString &path);
    QString displayName() const;
    bool isDirty() const { return dirty_; }
    void setDirty(bool dirty);

    const analysis::SampleFilter &filter() const { return filter_; }
    void setFilter(analysis::SampleFilter filter);
    void setTimeRange(qint64 beginNs, qint64 endNs); // begin >= end clears the range
    void setThreads(std::vector<bool> threads);      // empty = every thread
    void clearFilter();

    // A recording's document: each snapshot's flame graph keeps the frames where the
    // last one drew them, instead of re-sorting by the weights of the moment.
    void setLive(bool live) { live_ = live; }
    bool isLive() const { return live_; }

    // The newest finished analysis (null until the first one is ready).
    std::shared_ptr<const ReportAnalysis> analysis() const { return analysis_; }
    bool isAnalysing() const { return pending_; }

Q_SIGNALS:
    void analysisReady();
    void filterChanged();
    void profileChanged(); // also when another event is chosen
    void pathChanged();
    void dirtyChanged(bool dirty);
    void analysisStarted();

private:
    void startAnalysis();
    void onFinished();

    void project();

    std::shared_ptr<const model::Profile> source_;
    std::shared_ptr<const model::Profile> profile_;
    std::size_t event_ = 0;
    QString path_;
    bool dirty_ = false;
    bool live_ = false;
    analysis::SampleFilter filter_;
    std::shared_ptr<const ReportAnalysis> analysis_;
    QFutureWatcher<std::shared_ptr<const ReportAnalysis>> watcher_;
    bool running_ = false;
    bool pending_ = false; // a newer request arrived while one was running
    bool rerun_ = false;
};

} // namespace perfwb::ui
