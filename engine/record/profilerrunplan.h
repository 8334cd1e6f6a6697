// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "settings/performancesettings.h"

#include "core/result.h"

#include <string>
#include <vector>

namespace perfwb::record {

// How to run one command under one Python profiler with the FIL_PERF_* settings: the
// commands, in order, and the files they leave. Pure (nothing runs, nothing is
// touched), so every flag mapping is testable without the tools installed.
//
// Each tool writes to a hidden ".partial-" name in the output directory; only when
// every step succeeded are the files renamed to <run_label>-<tool>.<ext>, so a failed
// or interrupted run leaves nothing half-written under the real names.
struct ProfilerRunPlan {
    struct Output {
        std::string partialPath;
        std::string finalPath;
        bool importable = false; // the file perfwb imports and the GUI opens for this tool
    };
    settings::ProfilerTool tool = settings::ProfilerTool::PySpy;
    std::string executable;  // what must be on PATH: "py-spy", "scalene", "memray", or the interpreter
    std::string installHint; // how to get it, for "not installed" errors
    std::vector<std::vector<std::string>> steps;
    std::vector<Output> outputs;

    // py-spy takes any command; the others need a Python one (see PythonCommand).
    static Result<ProfilerRunPlan> make(settings::ProfilerTool tool, const settings::PerformanceSettings &settings,
                                        const std::vector<std::string> &command, const std::string &outputDir,
                                        const std::string &runLabel);
    const Output *importable() const;
};

} // namespace perfwb::record
