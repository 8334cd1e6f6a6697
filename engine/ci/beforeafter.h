// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "cicomparison.h"
#include "ciresults.h"

#include <string>
#include <vector>

namespace perfwb::ci {

// before_after.md: the verdict, a before/after table per scenario and metric, the top
// function changes of each scenario, and where the artifacts are. The same text goes to
// $GITHUB_STEP_SUMMARY.
class BeforeAfter {
public:
    struct Links {
        std::string outputDir;  // outputs/perf/<label>
        std::string reportsDir; // perf_reports
        std::string runUrl;     // the CI run's page (its artifacts), or empty
    };
    static std::string markdown(const CiResults *before, const CiResults &after,
                                const std::vector<ScenarioComparison> &comparisons, const Links &links);
};

} // namespace perfwb::ci
