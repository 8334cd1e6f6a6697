// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "settingspec.h"

#include "core/result.h"

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace perfwb::settings {

enum class SettingSource { Default, Preset, Environment };
std::string_view settingSourceName(SettingSource source);

// The effective FIL_PERF_* settings of one run: every known setting with its value and
// where it came from. Defaults, then a preset, then the environment, each overriding
// the one before; everything is off unless enabled.
class PerformanceSettings {
public:
    // Setting name (no prefix) -> canonical value text.
    using Values = std::map<std::string, std::string, std::less<>>;
    using Environment = std::vector<std::pair<std::string, std::string>>;

    struct Entry {
        const SettingSpec *spec = nullptr;
        std::string value; // canonical; empty = unset (the tool's own default)
        SettingSource source = SettingSource::Default;
    };

    // The FIL_PERF_* variables of `env`, checked: an unknown name or a bad value is one
    // error naming the variable and what it accepts.
    static Result<Values> valuesFromEnvironment(const Environment &env);
    static Environment processEnvironment();

    // Checks every preset value too (a hand-edited preset file may be wrong).
    static Result<PerformanceSettings> resolve(const Values &preset, std::string_view presetName,
                                               const Values &environment);
    // The process environment over an optional preset.
    static Result<PerformanceSettings> fromEnvironment(const Values &preset = {}, std::string_view presetName = {});

    const std::vector<Entry> &entries() const { return entries_; }
    const Entry &entry(std::string_view name) const;
    const std::string &value(std::string_view name) const { return entry(name).value; }
    bool flag(std::string_view name) const { return value(name) == "true"; }
    bool enabled(ProfilerTool tool) const;
    std::vector<ProfilerTool> enabledTools() const;
    const std::string &presetName() const { return presetName_; }

    const std::string &outputDir() const { return value("OUTPUT_DIR"); }
    // FIL_PERF_RUN_LABEL, else `fallback` (the command's base name).
    std::string runLabel(std::string_view fallback) const;

    // `export FIL_PERF_X='v'` for each setting not at its default (a comment if none).
    std::string shellExports() const;
    // Where the perf-tools image writes its outputs (its FIL_PERF_OUTPUT_DIR).
    static constexpr std::string_view kContainerOutputDir = "/workspace/outputs/perf";
    // The `docker run` line that runs `command` in the perf-tools image
    // (FIL_PERF_CONTAINER_IMAGE) with these settings, as docs/performance/overview.md
    // shows it: --cap-add SYS_PTRACE when py-spy is enabled, FIL_PERF_OUTPUT_DIR mounted
    // at kContainerOutputDir (so the outputs land where a run on the host puts them),
    // then one -e per other setting not at its default; shell-quoted, one option a line.
    std::string containerCommand(const std::vector<std::string> &command) const;
    // Settings as `name = value  (source)` lines, grouped by tool.
    std::string text() const;
    // {"preset": ..., "settings": {"FIL_PERF_X": {"value": ..., "source": ...}}}
    std::string json() const;
    // The non-default values, for saving as a preset.
    Values changedValues() const;

private:
    std::vector<Entry> entries_;
    std::string presetName_;
};

} // namespace perfwb::settings
