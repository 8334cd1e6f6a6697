// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "performancesettings.h"

#include "core/result.h"

#include <string>
#include <vector>

namespace perfwb::settings {

// A named, saved set of FIL_PERF_* values.
struct Preset {
    std::string name;
    std::string description;
    PerformanceSettings::Values values; // setting name (no prefix) -> canonical text
    bool builtIn = false;
};

// Presets live one per file in $XDG_CONFIG_HOME/perfwb/presets/NAME.json (default
// ~/.config/perfwb/presets), as versioned JSON:
//   {"format": "perfwb-preset", "version": 1, "name": "ci", "description": "...",
//    "settings": {"FIL_PERF_ENABLE_PYSPY": true, "FIL_PERF_SPY_RATE": 250}}
// Two are built in: "ci" (py-spy + Scalene, what the CI workflow runs) and "memory"
// (Memray + cProfile). A saved preset of the same name replaces a built-in one.
class PresetStore {
public:
    static constexpr int kVersion = 1;
    static std::string defaultDirectory();
    explicit PresetStore(std::string directory = defaultDirectory());

    static const std::vector<Preset> &builtIns();
    // A name is a file name: letters, digits, '-', '_' and '.', not starting with '.'.
    static Status checkName(const std::string &name);

    // Saved and built-in presets by name; a damaged file is listed in `problems`.
    std::vector<Preset> list(std::vector<std::string> *problems = nullptr) const;
    Result<Preset> load(const std::string &name) const;
    // Checks every value, then writes atomically (temporary file + rename).
    Status save(const Preset &preset) const;
    Status remove(const std::string &name) const;

    std::string pathFor(const std::string &name) const;
    const std::string &directory() const { return directory_; }

    static Result<Preset> parse(const std::string &bytes, const std::string &origin);
    static std::string serialize(const Preset &preset);

private:
    std::string directory_;
};

} // namespace perfwb::settings
