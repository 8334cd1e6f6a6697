// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "ciresults.h"
#include "scenariofile.h"
#include "significance.h"

#include <string>
#include <vector>

namespace perfwb::analysis {
class ProfileDiff;
}

namespace perfwb::ci {

// "pass" (no change beyond noise and thresholds), "warn", "fail", "improved" (faster or
// smaller beyond the warn threshold), "info" (a metric without a verdict), "n/a" (not
// measured on both sides), "new" (no baseline), "error" (the scenario's command failed).
enum class CiVerdict { Pass, Improved, Info, NotAvailable, New, Warn, Fail, Error };
const char *ciVerdictName(CiVerdict v);

struct MetricChange {
    std::string metric;           // a kCiMetrics key
    bool known = false;           // measured on both sides
    double before = 0, after = 0; // medians
    double changePct = 0;
    Significance significance;
    MetricThresholds thresholds;
    CiVerdict verdict = CiVerdict::NotAvailable;
};

// A function's change between the two median runs: CPU time (unit "ns") from a diff of
// the two reports, or self share of each run (unit "share") when a baseline's reports
// are not at hand.
struct FunctionChange {
    std::string name;
    std::string module;
    std::string unit;
    double before = 0, after = 0;
    double changePct = 0;    // +inf for a function new in the run
    bool regression = false; // beyond the diff's thresholds (or the metric's, for shares)
};

struct ScenarioComparison {
    std::string name;
    CiVerdict verdict = CiVerdict::Pass;
    std::string error;
    std::vector<MetricChange> metrics;
    std::vector<FunctionChange> functions; // the largest changes first
    std::string functionSource;            // "reports" or "shares"
    std::string diffHtml;                  // the comparison page, when made

    // "wall time +49.6 % (p = 0.008); hot_function +98.3 %" — why the verdict is what it is.
    std::string reason() const;
};

class CiComparison {
public:
    // Compares each scenario of `after` with the one of the same name in `before` (may be
    // null: no baseline). `defaults` are the command line's thresholds.
    static std::vector<ScenarioComparison> compare(const CiResults *before, const CiResults &after,
                                                   const ScenarioFile &scenarios, const MetricThresholds &defaults);
    static MetricChange compareMetric(const ScenarioResult &before, const ScenarioResult &after,
                                      const std::string &metric, bool gated, const MetricThresholds &t);
    // The function changes from the top functions' self shares (no reports needed).
    static std::vector<FunctionChange> shareChanges(const ScenarioResult &before, const ScenarioResult &after,
                                                    const MetricThresholds &t, std::size_t top);
    // The function changes of a diff of the two median reports (its absolute or share mode).
    static std::vector<FunctionChange> diffChanges(const analysis::ProfileDiff &diff, std::size_t top);
    // The worst verdict: error, fail, warn, then the rest count as pass.
    static CiVerdict overall(const std::vector<ScenarioComparison> &list);
};

} // namespace perfwb::ci
