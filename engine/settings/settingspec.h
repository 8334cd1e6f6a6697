// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "core/result.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace perfwb::settings {

enum class ProfilerTool { PySpy, Scalene, Memray, CProfile };
// "pyspy", "scalene", "memray", "cprofile": the <tool> of <run_label>-<tool>.<ext>.
std::string_view profilerToolName(ProfilerTool tool);
std::optional<ProfilerTool> profilerToolFromName(std::string_view name);
const std::vector<ProfilerTool> &allProfilerTools();

// One FIL_PERF_* setting: its type, default, accepted values and the flag of the tool
// it maps to. The table of these is the single definition the environment reader,
// presets, `perfwb settings`, the docs table and the GUI editor all follow.
struct SettingSpec {
    enum class Type { Bool, Integer, Number, Choice, Text };
    std::string_view name; // without the prefix: "ENABLE_PYSPY", "SPY_RATE"
    Type type = Type::Bool;
    std::string_view defaultValue; // canonical text; empty = unset (the tool decides)
    std::string_view choices;      // Choice: "a|b|c"
    double min = 0;                // Integer / Number range
    double max = 0;
    std::optional<ProfilerTool> tool; // the group, or none for shared settings
    std::string_view toolFlag;        // the real tool's option it sets, "" if perfwb's own
    std::string_view help;

    static constexpr std::string_view kPrefix = "FIL_PERF_";
    std::string variable() const { return std::string(kPrefix) + std::string(name); }
    // What the setting accepts, for error messages and --help: "a boolean (1/0, ...)".
    std::string accepts() const;
    // The canonical text of `text` (booleans as pydantic reads them become
    // "true"/"false"), or an error naming the variable and what it accepts.
    Result<std::string> normalize(std::string_view text) const;

    static const std::vector<SettingSpec> &all();
    // By name, with or without the FIL_PERF_ prefix; nullptr if unknown.
    static const SettingSpec *find(std::string_view name);
};

} // namespace perfwb::settings
