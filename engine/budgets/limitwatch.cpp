// SPDX-License-Identifier: GPL-3.0-or-later
#include "limitwatch.h"

#include <cmath>
#include <cstdio>

namespace perfwb::budgets {

namespace {
std::string figure(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", std::fabs(v) >= 100 || v == std::floor(v) ? 0 : 1, v);
    return buf;
}
} // namespace

std::string LimitWatch::Crossing::text() const
{
    const std::string u = unit == "%" ? unit : " " + unit;
    return "over " + key + ": " + figure(value) + u + " > " + figure(limit) + u;
}

std::optional<LimitWatch::Crossing> LimitWatch::observe(const std::string &key, double value, double limit,
                                                        const std::string &unit)
{
    bool &over = over_[key];
    const bool now = limit > 0 && value > limit;
    const bool crossed = now && !over;
    over = now;
    if (!crossed)
        return std::nullopt;
    return Crossing{key, value, limit, unit};
}

bool LimitWatch::isOver(const std::string &key) const
{
    const auto it = over_.find(key);
    return it != over_.end() && it->second;
}

} // namespace perfwb::budgets
