// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "profilerrunplan.h"

#include "core/result.h"

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace perfwb::record {

// Runs a ProfilerRunPlan: each step as a child process with the terminal's stdin and
// stdout, its stderr passed through line by line (and watched for permission errors),
// then renames the partial outputs to their real names. On failure every partial file
// is removed, so the output directory holds only complete results.
class ProfilerRunner {
public:
    struct Outcome {
        std::vector<std::string> files; // final paths, in plan order
        int programExit = 0;            // the first step's exit status (the program's, through the tool)
    };
    using Log = std::function<void(const std::string &line)>;

    // "py-spy is not installed (not on PATH): <hint>" when the executable is missing.
    static Status checkInstalled(const ProfilerRunPlan &plan);
    // `env` is added to the process environment. `log` gets the tool's stderr lines.
    static Result<Outcome> run(const ProfilerRunPlan &plan, const std::vector<std::pair<std::string, std::string>> &env,
                               const Log &log);
    // The one-line cause and fix when a tool's stderr says it was refused a permission.
    static std::string permissionAdvice(settings::ProfilerTool tool, const std::string &stderrText);
};

} // namespace perfwb::record
