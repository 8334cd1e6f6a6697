// SPDX-License-Identifier: GPL-3.0-or-later
#include "budgetlimits.h"

#include <QJsonValue>

#include <cmath>
#include <initializer_list>
#include <string>
#include <string_view>

namespace perfwb::budgets {

namespace {

constexpr double kMaxMb = 1024.0 * 1024 * 1024; // 1 PB: far beyond any host, still finite

double *field(BudgetLimits &l, int index, int **intField)
{
    *intField = nullptr;
    switch (index) {
    case 0:
        return &l.maxCpuPercent;
    case 1:
        return &l.maxMemMb;
    case 2:
        return &l.maxVramMb;
    case 3:
        *intField = &l.maxRunningJobs;
        return nullptr;
    case 4:
        *intField = &l.maxQueueDepth;
        return nullptr;
    case 5:
        return &l.lazyAssetTargetMb;
    default:
        return &l.evaluationIntervalS;
    }
}

// One message from its parts (one allocation, not a temporary per '+').
std::string joined(std::initializer_list<std::string_view> parts)
{
    std::string out;
    for (std::string_view p : parts)
        out += p;
    return out;
}

std::string number(double v)
{
    std::string s = std::to_string(v);
    s.erase(s.find_last_not_of('0') + 1);
    if (!s.empty() && s.back() == '.')
        s.pop_back();
    return s;
}

} // namespace

const BudgetLimits::KeyInfo (&BudgetLimits::keys())[7]
{
    static const KeyInfo list[7] = {
        {"max_cpu_percent", "%", 1, 100, false},        {"max_mem_mb", "MB", 1, kMaxMb, false},
        {"max_vram_mb", "MB", 0, kMaxMb, false},        {"max_running_jobs", "jobs", 1, 1024, true},
        {"max_queue_depth", "jobs", 1, 100000, true},   {"lazy_asset_target_mb", "MB", 0, kMaxMb, false},
        {"evaluation_interval", "s", 0.1, 3600, false},
    };
    return list;
}

BudgetLimits BudgetLimits::defaults(double memTotalMb, std::optional<double> vramTotalMb)
{
    BudgetLimits l;
    l.maxMemMb = memTotalMb > 0 ? std::floor(memTotalMb * 0.85) : 4096;
    l.maxVramMb = vramTotalMb && *vramTotalMb > 0 ? std::floor(*vramTotalMb * 0.85) : 0;
    return l;
}

QJsonObject BudgetLimits::toJson() const
{
    QJsonObject o;
    BudgetLimits copy = *this;
    for (int i = 0; i < 7; ++i) {
        int *intField = nullptr;
        double *d = field(copy, i, &intField);
        o.insert(QLatin1String(keys()[i].key), intField != nullptr ? QJsonValue(*intField) : QJsonValue(*d));
    }
    return o;
}

Result<BudgetLimits> BudgetLimits::patched(const QJsonObject &patch) const
{
    BudgetLimits next = *this;
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        const std::string key = it.key().toStdString();
        int index = -1;
        for (int i = 0; i < 7; ++i) {
            if (key == keys()[i].key)
                index = i;
        }
        if (index < 0)
            return makeError("unknown limit '" + key +
                             "' (known: max_cpu_percent, max_mem_mb, max_vram_mb, max_running_jobs, "
                             "max_queue_depth, lazy_asset_target_mb, evaluation_interval)");
        const KeyInfo &info = keys()[index];
        const QJsonValue v = it.value();
        const std::string range = joined({number(info.min), " to ", number(info.max), " ", info.unit});
        if (!v.isDouble())
            return makeError(joined({key, " must be a number (", range, ")"}));
        const double d = v.toDouble();
        if (!std::isfinite(d) || d < info.min || d > info.max)
            return makeError(joined({key, " = ", number(d), " is out of range (", range, ")"}));
        int *intField = nullptr;
        double *dField = field(next, index, &intField);
        if (info.integer) {
            if (d != std::floor(d))
                return makeError(joined({key, " must be a whole number (", range, ")"}));
            *intField = static_cast<int>(d);
        } else {
            *dField = d;
        }
    }
    return next;
}

} // namespace perfwb::budgets
