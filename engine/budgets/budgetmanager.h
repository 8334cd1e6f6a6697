// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "budgetlimits.h"
#include "hostmetrics.h"
#include "lazyassets.h"
#include "outcome.h"

#include <QJsonObject>

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace perfwb::budgets {

class HookBus;
struct PerfEvent;

// Resource hints a job registers with (payload.perf); absent hints count as 0.
struct JobHints {
    std::optional<double> cpuPercent;
    std::optional<double> ramMb;
    std::optional<double> vramMb;
};

struct Job {
    enum class State { Queued, Delayed, Running };
    std::string id;
    std::string type;
    State state = State::Queued;
    std::string reason; // why it is delayed
    JobHints hints;
    QJsonObject payload; // anonymised on registration
    std::int64_t registeredUnixMs = 0;
    std::int64_t startedUnixMs = 0;
    static const char *stateName(State s);
};

// Soft CPU/RAM/VRAM limits, a job queue that delays jobs while the host is under
// pressure, and lazy assets with LRU eviction. Thread-safe: the HTTP service and the GUI
// call it from their threads; hook events are published after the lock is released.
//
// A job may start when running < max_running_jobs and, for CPU, memory and VRAM,
// measured use + the hints of the running jobs + its own hint stays within the limit.
// Running jobs' hints stay reserved until they finish, because their real use may not
// show in the measured figures yet; so the check errs on the safe side.
class BudgetManager {
public:
    using MetricsSource = std::function<HostMetrics()>;
    // Without a source, the host is sampled (/proc, NVML).
    explicit BudgetManager(HookBus &hooks, MetricsSource source = {});
    ~BudgetManager();

    BudgetLimits limits() const;
    BudgetLimits defaultLimits() const;
    // The same code path for POST /budgets/apply and the GUI's limits editor.
    Outcome applyLimits(const QJsonObject &patch);
    Outcome resetLimits();

    HostMetrics metrics() const;
    // Why VRAM is not measured ("libnvidia-ml.so.1 not found"), empty when it is.
    std::string vramUnavailableReason() const;
    // Samples the metrics, promotes delayed jobs that now fit and evicts assets over the
    // target. Called every evaluation_interval by the service.
    void evaluate();

    Outcome registerJob(const QJsonObject &request);
    Outcome startJob(const std::string &id);
    Outcome finishJob(const std::string &id);
    Outcome refreshJobs();

    Outcome registerAsset(const std::string &id, double sizeMb, LazyAssets::UnloadHandler unload = {});
    Outcome touchAsset(const std::string &id);
    // One asset, or with an empty id the least recently used ones down to the target.
    Outcome evictAssets(const std::string &id);

    struct QueueCounts {
        int queued = 0;
        int delayed = 0;
        int running = 0;
        std::uint64_t finished = 0;
        int depth() const { return queued + delayed; }
    };
    QueueCounts queueCounts() const;
    std::vector<Job> jobs() const;                 // registration order
    std::vector<LazyAssets::Asset> assets() const; // most recently used first
    double assetsTotalMb() const;
    std::uint64_t assetEvictions() const;

    // GET /budgets: limits, metrics, queue, jobs, assets.
    QJsonObject snapshotJson() const;
    // For /health: queue counts and asset totals; never changes anything.
    QJsonObject healthJson() const;
    static QJsonObject metricsJson(const HostMetrics &m);
    static QJsonObject jobJson(const Job &job);

private:
    using Events = std::vector<PerfEvent>;
    std::optional<std::string> pressureReason(const Job &job) const;             // needs lock_
    std::vector<std::string> promoteDelayed(std::int64_t nowMs, Events &events); // needs lock_
    QueueCounts countsLocked() const;
    Job *findJob(const std::string &id);
    void emitAll(const Events &events) const;
    static void noteEvicted(const std::vector<LazyAssets::Asset> &assets, const char *reason, Events &events);
    void unloadAndEmit(std::vector<LazyAssets::Asset> &evicted, const Events &events) const;

    HookBus &hooks_;
    MetricsSource source_;
    std::unique_ptr<HostMetricsSampler> sampler_;
    mutable std::mutex lock_;
    BudgetLimits defaults_;
    BudgetLimits limits_;
    HostMetrics metrics_;
    std::deque<Job> jobs_;
    std::uint64_t finished_ = 0;
    LazyAssets assets_;
};

} // namespace perfwb::budgets
