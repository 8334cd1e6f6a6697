// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "core/result.h"

#include <QJsonObject>

#include <optional>

namespace perfwb::budgets {

// The budget manager's soft limits. A patch (POST /budgets/apply, the GUI's editor)
// names only the keys it changes; every key is type- and range-checked and an unknown
// key or a bad value refuses the whole patch.
struct BudgetLimits {
    double maxCpuPercent = 90;       // host CPU, 0-100 % of all cores
    double maxMemMb = 0;             // host memory in use; default 85 % of MemTotal
    double maxVramMb = 0;            // VRAM in use (NVML); 0 = not checked
    int maxRunningJobs = 2;          // jobs running at once
    int maxQueueDepth = 64;          // jobs waiting (queued + delayed)
    double lazyAssetTargetMb = 1024; // LRU eviction keeps lazy assets at or below this
    double evaluationIntervalS = 2;  // metrics sampling and delayed-job re-check period

    // Defaults for a host with this much memory and VRAM (MB; nullopt without NVML).
    static BudgetLimits defaults(double memTotalMb, std::optional<double> vramTotalMb);

    QJsonObject toJson() const;
    // This with PATCH applied, or an error naming the first bad key.
    Result<BudgetLimits> patched(const QJsonObject &patch) const;
    bool operator==(const BudgetLimits &) const = default;

    struct KeyInfo {
        const char *key;
        const char *unit;
        double min;
        double max;
        bool integer;
    };
    static const KeyInfo (&keys())[7];
};

} // namespace perfwb::budgets
