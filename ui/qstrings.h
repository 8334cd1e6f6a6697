// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The engine's strings are UTF-8 std::string / std::string_view; the one conversion every
// view uses to show them.
#include <QString>

#include <string_view>

namespace perfwb::ui {

inline QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

} // namespace perfwb::ui
