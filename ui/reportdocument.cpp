// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportdocument.h"

#include "model/profileevents.h"

#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <limits>

namespace perfwb::ui {

std::shared_ptr<const ReportAnalysis> ReportAnalysis::compute(std::shared_ptr<const model::Profile> profile,
                                                              const analysis::SampleFilter &filter,
                                                              std::shared_ptr<const analysis::FunctionTable> functions,
                                                              const std::shared_ptr<const ReportAnalysis> &previous)
{
    auto a = std::make_shared<ReportAnalysis>();
    a->profile = std::move(profile);
    a->filter = filter;
    a->functions = (functions && &functions->profile() == a->profile.get())
                       ? std::move(functions)
                       : std::make_shared<const analysis::FunctionTable>(*a->profile);
    a->weights = analysis::StackWeights::compute(*a->profile, filter);
    // Both trees come sorted heaviest first.
    auto top = analysis::CallTree::topDown(*a->functions, a->weights);
    if (previous)
        top.orderChildrenLike(*a->functions, *previous->topDown, *previous->functions);
    a->topDown = std::make_shared<const analysis::CallTree>(std::move(top));
    a->bottomUp = std::make_shared<const analysis::CallTree>(analysis::CallTree::bottomUp(*a->functions, a->weights));
    a->stats = analysis::FunctionStats::compute(*a->functions, a->weights);
    a->top = analysis::TopFunctions::compute(*a->functions, a->weights);
    return a;
}

ReportDocument::ReportDocument(std::shared_ptr<const model::Profile> profile, QString path, bool dirty, QObject *parent)
    : QObject(parent)
    , source_(std::move(profile))
    , path_(std::move(path))
    , dirty_(dirty)
{
    connect(&watcher_, &QFutureWatcherBase::finished, this, &ReportDocument::onFinished);
    project();
    startAnalysis();
}

ReportDocument::~ReportDocument()
{
    // The worker only holds shared pointers to immutable data; waiting keeps
    // shutdown orderly (no result delivered into a dead object).
    watcher_.waitForFinished();
}

void ReportDocument::setProfile(std::shared_ptr<const model::Profile> profile)
{
    source_ = std::move(profile);
    project();
    Q_EMIT profileChanged();
    startAnalysis();
}

std::vector<model::EventType> ReportDocument::events() const
{
    return source_ ? model::ProfileEvents::list(*source_) : std::vector<model::EventType>{};
}

void ReportDocument::setEventIndex(std::size_t index)
{
    if (index == event_ || !source_ || index >= source_->events.size())
        return;
    event_ = index;
    project();
    Q_EMIT profileChanged();
    startAnalysis();
}

void ReportDocument::project()
{
    if (!source_ || source_->events.empty()) {
        event_ = 0;
        profile_ = source_;
        return;
    }
    event_ = std::min(event_, source_->events.size() - 1);
    auto shown = std::make_shared<model::Profile>(*source_);
    model::ProfileEvents::keepOnly(*shown, event_);
    profile_ = std::move(shown);
}

void ReportDocument::setPath(const QString &path)
{
    if (path_ == path)
        return;
    path_ = path;
    Q_EMIT pathChanged();
}

QString ReportDocument::displayName() const
{
    if (!path_.isEmpty())
        return QFileInfo(path_).fileName();
    if (profile_ && !profile_->meta.runLabel.empty())
        return QString::fromStdString(profile_->meta.runLabel);
    return tr("Untitled recording");
}

void ReportDocument::setDirty(bool dirty)
{
    if (dirty_ == dirty)
        return;
    dirty_ = dirty;
    Q_EMIT dirtyChanged(dirty);
}

void ReportDocument::setFilter(analysis::SampleFilter filter)
{
    filter_ = std::move(filter);
    Q_EMIT filterChanged();
    startAnalysis();
}

void ReportDocument::setTimeRange(qint64 beginNs, qint64 endNs)
{
    auto f = filter_;
    if (beginNs >= endNs) {
        f.beginNs = std::numeric_limits<std::int64_t>::min();
        f.endNs = std::numeric_limits<std::int64_t>::max();
    } else {
        f.beginNs = beginNs;
        f.endNs = endNs;
    }
    setFilter(std::move(f));
}

void ReportDocument::setThreads(std::vector<bool> threads)
{
    auto f = filter_;
    // All selected is the same as no thread filter; keep it empty so isEmpty() says so.
    if (std::all_of(threads.begin(), threads.end(), [](bool b) { return b; }))
        threads.clear();
    f.threads = std::move(threads);
    setFilter(std::move(f));
}

void ReportDocument::clearFilter()
{
    setFilter({});
}

void ReportDocument::startAnalysis()
{
    if (!profile_)
        return;
    pending_ = true;
    if (running_) {
        rerun_ = true; // only the newest request matters; run it when this one ends
        return;
    }
    running_ = true;
    rerun_ = false;
    Q_EMIT analysisStarted();
    auto profile = profile_;
    auto filter = filter_;
    auto functions = analysis_ ? analysis_->functions : nullptr;
    auto previous = live_ ? analysis_ : nullptr;
    watcher_.setFuture(QtConcurrent::run([profile, filter, functions, previous]() {
        return ReportAnalysis::compute(profile, filter, functions, previous);
    }));
}

void ReportDocument::onFinished()
{
    running_ = false;
    if (rerun_) {
        startAnalysis();
        return;
    }
    pending_ = false;
    analysis_ = watcher_.result();
    Q_EMIT analysisReady();
}

} // namespace perfwb::ui
