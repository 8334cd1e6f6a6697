// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "ci/ciresults.h"
#include "ci/scenariofile.h"

#include <QString>

#include <string>

namespace perfwb::app {

// Runs one scenario of `perfwb ci run` N times, each as a `perfwb record` of its own
// (this binary), and measures every run from its report. A run that fails stops the
// scenario: its error is the one line that says why.
class ScenarioRunner {
public:
    struct Options {
        QString perfwb; // this binary
        int runs = 5;
        std::string outputDir; // outputs/perf/<label>, absolute
    };
    static ci::ScenarioResult run(const ci::Scenario &scenario, const Options &options);

private:
    // Runs i (1-based) and returns an error line, or "" with `out` measured.
    static std::string runOnce(const ci::Scenario &scenario, const Options &options, int i, bool profilers,
                               ci::RunMetrics &out);
};

} // namespace perfwb::app
