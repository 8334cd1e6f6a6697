// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "core/result.h"

#include <string>

namespace perfwb::settings {
class ConfigFile;
}

namespace perfwb::budgets {

// features.enable_perf switches the budget manager and the profiler dashboard on
// together; the legacy keys enable_perf_budgets / enable_perf_profiler_dashboard each
// switch on their own part. Everything is off by default.
struct FeatureFlags {
    bool enablePerf = false;
    bool legacyBudgets = false;
    bool legacyDashboard = false;

    bool budgetsEnabled() const { return enablePerf || legacyBudgets; }
    bool profilerEnabled() const { return enablePerf || legacyDashboard; }
    bool operator==(const FeatureFlags &) const = default;

    static FeatureFlags fromConfig(const settings::ConfigFile &config);
    // The flags of the config file at PATH; a damaged file gives all flags off and the
    // error (one line naming the file and key) in *error.
    static FeatureFlags load(const std::string &path, std::string *error);
};

} // namespace perfwb::budgets
