// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <charconv>
#include <cmath>
#include <string>

namespace perfwb::formats {

// `value` with `decimals` digits after a '.', whatever the user's locale: every export
// (SVG coordinates, percentages in text) needs the same spelling everywhere.
inline std::string fixedNumber(double value, int decimals)
{
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, decimals);
    return std::string(buf, r.ptr);
}

// A JSON number with up to `significant` digits (shortest spelling: 10, not 10.000000),
// locale-free; JSON has no NaN or infinity, so those are null.
inline std::string jsonNumber(double value, int significant = 10)
{
    if (!std::isfinite(value))
        return "null";
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::general, significant);
    return std::string(buf, r.ptr);
}

} // namespace perfwb::formats
