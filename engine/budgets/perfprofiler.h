// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "outcome.h"

#include <QJsonObject>

#include <array>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace perfwb::budgets {

class HookBus;

// Marks (instants) and spans (timed steps with an optional memory delta), aggregated per
// name and category into a dashboard of top offenders by time and by memory and
// category slices. Memory is bounded: a ring of recent entries plus running aggregates,
// with at most kMaxKeys distinct names (later ones count as "(other)"), so a million
// marks do not grow it. Thread-safe; hook events are published outside the lock.
class PerfProfiler {
public:
    static constexpr std::size_t kRecent = 256;
    static constexpr std::size_t kMaxKeys = 4096;
    static constexpr std::size_t kMaxCategories = 128;
    static constexpr std::size_t kMaxOpenSpans = 4096;
    static constexpr std::array<double, 12> kBucketsS = {0.001, 0.005, 0.01, 0.025, 0.05, 0.1,
                                                         0.25,  0.5,   1,    2.5,   5,    10};

    // What a recording receives: CLOCK_MONOTONIC times, so marks land on the samples' clock.
    struct TimedEntry {
        std::string name;
        std::string category;
        std::int64_t startNs = 0;
        std::int64_t endNs = 0; // == startNs for a mark
    };
    using Sink = std::function<void(const TimedEntry &)>;

    explicit PerfProfiler(HookBus &hooks);

    // POST /profiler/mark and /profiler/span (validated requests).
    Outcome mark(const QJsonObject &request);
    Outcome span(const QJsonObject &request);
    Outcome reset();
    // In-process use (the GUI, perfwb itself).
    void recordMark(const std::string &name, const std::string &category, const QJsonObject &metadata = {});
    void recordSpan(const std::string &name, const std::string &category, double durationMs,
                    std::optional<double> memDeltaMb, const QJsonObject &metadata = {});

    QJsonObject dashboardJson(int limit) const; // publishes a "dashboard" snapshot event
    QJsonObject healthJson() const;             // top offenders; never changes anything

    struct Aggregate {
        std::string name;
        std::string category;
        std::uint64_t count = 0;
        double totalMs = 0;
        double maxMs = 0;
        double memDeltaMb = 0; // summed over spans that carried one
        double maxMemDeltaMb = 0;
    };
    struct CategoryStats {
        std::uint64_t marks = 0;
        std::uint64_t spans = 0;
        double totalS = 0;
        std::array<std::uint64_t, kBucketsS.size()> buckets{}; // cumulative counts per bound
    };
    std::map<std::string, CategoryStats> categories() const;
    // Every name's aggregate, unordered; for the GUI's dashboard (publishes nothing,
    // unlike dashboardJson, so a view refreshing on events does not feed itself).
    std::vector<Aggregate> aggregates() const;
    std::uint64_t totalMarks() const;
    std::uint64_t totalSpans() const;
    void setSink(Sink sink);

    static double currentRssMb(); // this process, from /proc/self/statm

private:
    struct Recent {
        bool isSpan = false;
        std::string name;
        std::string category;
        double timestamp = 0;
        double durationMs = 0;
        std::optional<double> memDeltaMb;
    };
    struct OpenSpan {
        std::string name;
        std::string category;
        std::int64_t startNs = 0;
        std::optional<double> rssMb;
        std::uint64_t order = 0;
    };
    std::string categoryKey(const std::string &category) const; // needs lock_
    void addSpanLocked(const std::string &name, const std::string &category, double durationMs,
                       std::optional<double> memDeltaMb, double timestamp);
    void addMarkLocked(const std::string &name, const std::string &category, double timestamp);
    void pushRecent(Recent r);
    Outcome beginSpan(const QJsonObject &request);
    Outcome endSpan(const QJsonObject &request);
    void publish(const char *trigger, const QJsonObject &payload) const;
    QJsonObject aggregateJson(const Aggregate &a) const;
    std::vector<Aggregate> topBy(bool memory, int limit) const; // needs lock_

    HookBus &hooks_;
    mutable std::mutex lock_;
    std::unordered_map<std::string, Aggregate> aggregates_;
    std::map<std::string, CategoryStats> categories_;
    std::deque<Recent> recent_;
    std::unordered_map<std::string, OpenSpan> open_;
    std::uint64_t openOrder_ = 0;
    std::uint64_t marks_ = 0;
    std::uint64_t spans_ = 0;
    Sink sink_;
};

} // namespace perfwb::budgets
