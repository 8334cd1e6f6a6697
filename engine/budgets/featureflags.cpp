// SPDX-License-Identifier: GPL-3.0-or-later
#include "featureflags.h"

#include "settings/configfile.h"

namespace perfwb::budgets {

FeatureFlags FeatureFlags::fromConfig(const settings::ConfigFile &config)
{
    FeatureFlags f;
    f.enablePerf = config.boolValue(QStringLiteral("features.enable_perf"));
    f.legacyBudgets = config.boolValue(QStringLiteral("features.enable_perf_budgets"));
    f.legacyDashboard = config.boolValue(QStringLiteral("features.enable_perf_profiler_dashboard"));
    return f;
}

FeatureFlags FeatureFlags::load(const std::string &path, std::string *error)
{
    auto config = settings::ConfigFile::load(path);
    if (!config) {
        if (error != nullptr)
            *error = config.message() + " (the perf features stay off)";
        return {};
    }
    if (error != nullptr)
        error->clear();
    return fromConfig(config.value());
}

} // namespace perfwb::budgets
