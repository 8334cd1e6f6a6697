// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <charconv>
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

} // namespace perfwb::formats
