// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "core/result.h"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace perfwb::ci {

// The figures of one run of a scenario (keys of kCiMetrics); a key is missing when the
// run could not measure it (no RSS reading for a command shorter than the poll interval).
struct RunMetrics {
    std::map<std::string, double> values;
    std::string report; // the run's .perfwb
};

struct FunctionShare {
    std::string name;
    std::string module;
    double selfShare = 0; // of the run's total, 0..1
    double totalShare = 0;
};

struct MetricSummary {
    double median = 0, min = 0, max = 0;
    std::vector<double> values; // one per run that measured it, in run order
};

// What `perfwb ci run` measured for one scenario.
struct ScenarioResult {
    std::string name;
    std::vector<std::string> command;
    std::string error; // non-empty: a run failed; the line that says why
    std::vector<RunMetrics> runs;
    std::size_t medianRun = 0;               // the run whose wall time is the median (lower middle)
    std::vector<FunctionShare> topFunctions; // of the median run, heaviest self first
    std::vector<std::string> exports;        // files made from the median run
    std::vector<std::string> notes;

    bool failed() const { return !error.empty(); }
    std::optional<MetricSummary> summary(const std::string &metric) const;
    const std::string &medianReport() const;
    // Picks medianRun from the runs' wall times.
    void chooseMedianRun();
};

// latest.json and baseline.json (schema "perfwb-ci/1", docs/performance/ci-workflow.md).
struct CiResults {
    static constexpr const char *kSchema = "perfwb-ci/1";
    std::string label;
    std::string created; // ISO 8601, UTC
    std::string host;
    int runs = 0;
    std::string scenariosFile;
    std::vector<ScenarioResult> scenarios;

    std::string toJson() const;
    static Result<CiResults> fromJson(const std::string &json, const std::string &origin);
    static Result<CiResults> load(const std::string &path);
    const ScenarioResult *find(const std::string &name) const;
};

} // namespace perfwb::ci
