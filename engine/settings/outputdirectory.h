// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "core/result.h"

#include <string>
#include <string_view>

namespace perfwb::settings {

// The standard output directory: $FIL_PERF_OUTPUT_DIR, default outputs/perf,
// with files named <run_label>-<what>.<ext>.
class OutputDirectory {
public:
    static constexpr std::string_view kDefault = "outputs/perf";
    static constexpr std::string_view kVariable = "FIL_PERF_OUTPUT_DIR";

    // The directory from the environment (not created).
    static Result<std::string> fromEnvironment();
    // <dir>/<label>-<what>.<ext>, creating <dir>. An empty label becomes "perfwb";
    // characters unsafe in file names become '_'.
    static Result<std::string> pathFor(std::string_view runLabel, std::string_view what, std::string_view ext);
    // The same in a given directory (FIL_PERF_OUTPUT_DIR resolved with a preset).
    static Result<std::string> pathIn(const std::string &dir, std::string_view runLabel, std::string_view what,
                                      std::string_view ext);
    static std::string sanitizeLabel(std::string_view label);
};

} // namespace perfwb::settings
