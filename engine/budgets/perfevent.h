// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <QJsonObject>
#include <QString>

#include <functional>
#include <mutex>
#include <vector>

namespace perfwb::budgets {

// One hook event: on_perf_budget_state (limit updates, job transitions, queue refreshes,
// asset evictions) or on_perf_profiler_snapshot (marks, spans, dashboard snapshots,
// resets). The payload is anonymised before it is published.
struct PerfEvent {
    QString hook;    // "on_perf_budget_state" or "on_perf_profiler_snapshot"
    QString trigger; // "limits_updated", "job_started", "mark", ...
    QJsonObject payload;
    double timestamp = 0; // Unix seconds

    static constexpr const char *kBudgetState = "on_perf_budget_state";
    static constexpr const char *kProfilerSnapshot = "on_perf_profiler_snapshot";
    QJsonObject toJson() const; // {trigger, payload, timestamp}
};

// Publishes hook events to in-process subscribers (the GUI, the SSE stream). Thread-safe;
// callbacks run on the publishing thread, outside any lock of the publisher.
class HookBus {
public:
    using Callback = std::function<void(const PerfEvent &)>;
    int subscribe(Callback callback);
    void unsubscribe(int id);
    void publish(const PerfEvent &event) const;
    int subscribers() const;

private:
    mutable std::mutex lock_;
    std::vector<std::pair<int, std::shared_ptr<Callback>>> callbacks_;
    int nextId_ = 1;
};

} // namespace perfwb::budgets
