// SPDX-License-Identifier: GPL-3.0-or-later
#include "pythonlocation.h"

#include "textlines.h"

namespace perfwb::formats {

std::optional<PythonLocation> pythonLocationInName(std::string_view name)
{
    if (name.empty() || name.back() != ')')
        return std::nullopt;
    const auto open = name.rfind(" (");
    if (open == std::string_view::npos)
        return std::nullopt;
    const auto inside = name.substr(open + 2, name.size() - open - 3);
    const auto colon = inside.rfind(':');
    if (colon == std::string_view::npos)
        return std::nullopt;
    const auto path = inside.substr(0, colon);
    const auto digits = inside.substr(colon + 1);
    if (!path.ends_with(".py") || !textlines::allDigits(digits) || digits.size() > 9)
        return std::nullopt;
    std::uint32_t line = 0;
    for (const char c : digits)
        line = line * 10 + static_cast<std::uint32_t>(c - '0');
    return PythonLocation{path, line};
}

} // namespace perfwb::formats
