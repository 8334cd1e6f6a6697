// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "budgetmanager.h"
#include "featureflags.h"
#include "perfevent.h"
#include "perfprofiler.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <mutex>
#include <string>

class QTimer;

namespace perfwb::budgets {

// The budgets and profiler service in one process: the hook bus, the budget manager,
// the profiler and the feature flags from perfwb's config file (re-read within half a
// second of a change, so `perfwb config set` reaches a running service). The HTTP API and the GUI
// both drive this object. Lives in the thread that created it (its timer and watcher).
class PerfService : public QObject {
    Q_OBJECT
public:
    struct Options {
        std::string configPath;                    // empty: ConfigFile::defaultPath()
        BudgetManager::MetricsSource metrics = {}; // empty: sample the host
        bool watchConfig = true;
    };
    static constexpr int kConfigPollMs = 500;
    explicit PerfService(Options options, QObject *parent = nullptr);
    ~PerfService() override;

    HookBus &hooks() { return hooks_; }
    BudgetManager &budgets() { return *budgets_; }
    PerfProfiler &profiler() { return *profiler_; }

    FeatureFlags flags() const;
    // The config file's problem (one line), empty when it read fine.
    std::string configError() const;
    // Re-reads the config file; true when the flags changed.
    bool reloadFlags();
    // For the GUI's settings switch: writes features.enable_perf (and the legacy keys) to
    // the config file exactly as `perfwb config set` does, then reloads.
    Status setEnablePerf(bool on);

    // /health: the flag state, queue counts, asset totals and top offenders. Never mutates.
    QJsonObject healthJson() const;

Q_SIGNALS:
    void flagsChanged();

private:
    void scheduleEvaluation();

    Options options_;
    HookBus hooks_;
    std::unique_ptr<BudgetManager> budgets_;
    std::unique_ptr<PerfProfiler> profiler_;
    mutable std::mutex flagsLock_;
    FeatureFlags flags_;
    std::string configError_;
    QTimer *timer_ = nullptr;
    QString configStamp_;
};

} // namespace perfwb::budgets
