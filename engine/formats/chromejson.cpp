// SPDX-License-Identifier: GPL-3.0-or-later
#include "chromejson.h"

#include <cmath>

namespace perfwb::formats::chromejson {

std::optional<std::int64_t> microsToNanos(const QJsonValue &v)
{
    if (!v.isDouble())
        return std::nullopt;
    const double ns = v.toDouble() * 1000.0;
    // 4.6e18 ns leaves room to add two such values without overflow.
    if (!std::isfinite(ns) || std::fabs(ns) > 4.6e18)
        return std::nullopt;
    return static_cast<std::int64_t>(std::llround(ns));
}

} // namespace perfwb::formats::chromejson
