// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "core/result.h"

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace perfwb::ci {

// Percent thresholds of one metric's verdict: warn above +warn, fail above +fail.
struct MetricThresholds {
    double warnAbovePct = 10;
    double failAbovePct = 20;
};

// A "thresholds" object: {"warn_above": P, "fail_above": P, "<metric>": {...}}; each
// value optional. Key "" holds the object's own pair, other keys a metric's.
struct ThresholdOverride {
    std::optional<double> warnAbovePct;
    std::optional<double> failAbovePct;
};
using ThresholdSet = std::map<std::string, ThresholdOverride>;

// One command the perf CI workflow profiles (docs/performance/ci-workflow.md).
struct Scenario {
    std::string name;                                     // [A-Za-z0-9_.-]+, unique
    std::vector<std::string> command;                     // argv
    std::vector<std::pair<std::string, std::string>> env; // added to the environment
    std::string workingDir;                               // empty: the current one
    std::string preset;                                   // FIL_PERF_* preset, or empty
    std::vector<std::string> recordOptions;               // extra `perfwb record` options
    ThresholdSet thresholds;                              // over the file's
};

// A scenarios file: JSON, {"runs": N, "thresholds": {...}, "scenarios": [...]}.
// Errors name the file and what is wrong, on one line.
class ScenarioFile {
public:
    int runs = 0; // 0: not set (the command's default)
    ThresholdSet thresholds;
    std::vector<Scenario> scenarios;

    static Result<ScenarioFile> load(const std::string &path);
    static Result<ScenarioFile> parse(const std::string &json, const std::string &origin);

    // The thresholds of `metric` in `scenario`, the most specific setting first: the
    // scenario's for the metric, the scenario's own, the file's for the metric, the
    // file's own, `defaults` (the command line's, else 10 and 20).
    MetricThresholds thresholdsFor(const Scenario &scenario, const std::string &metric,
                                   const MetricThresholds &defaults) const;
    const Scenario *find(const std::string &name) const;
};

} // namespace perfwb::ci
