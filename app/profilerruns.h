// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "record/profilerrunplan.h"
#include "settings/performancesettings.h"

#include <string>
#include <vector>

namespace perfwb::app {

// The Python profilers FIL_PERF_ENABLE_* turned on for one `perfwb record`: planned and
// checked before anything runs (a missing tool or a non-Python command stops the
// record before it starts), then run one after the other after perfwb's own
// recording, each on a fresh process. Their outputs are imported to check them, and
// the run's manifest (<label>-run.json) lists every file.
class ProfilerRuns {
public:
    static Result<ProfilerRuns> prepare(const settings::PerformanceSettings &settings,
                                        const std::vector<std::string> &command, const std::string &outputDir,
                                        const std::string &label);
    bool empty() const { return plans_.empty(); }

    // Runs every tool; `ownReport` (perfwb's recording, may be empty) heads the
    // manifest. Returns an exit code; prints one line per tool.
    int run(const std::string &ownReport);

private:
    Status summarize(const record::ProfilerRunPlan &plan, const std::string &path) const;

    settings::PerformanceSettings settings_;
    std::vector<record::ProfilerRunPlan> plans_;
    std::vector<std::string> command_;
    std::string outputDir_;
    std::string label_;
};

} // namespace perfwb::app
