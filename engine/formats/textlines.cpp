// SPDX-License-Identifier: GPL-3.0-or-later
#include "textlines.h"

#include <algorithm>

namespace perfwb::formats::textlines {

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (isBlank(s.front()) || s.front() == '\r'))
        s.remove_prefix(1);
    while (!s.empty() && (isBlank(s.back()) || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

bool allDigits(std::string_view s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string_view completeLines(std::string_view head)
{
    const auto lastNl = head.rfind('\n');
    return lastNl == std::string_view::npos ? head : head.substr(0, lastNl + 1);
}

bool LineCursor::next(std::string_view &line)
{
    while (pos_ < text_.size()) {
        auto nl = text_.find('\n', pos_);
        if (nl == std::string_view::npos)
            nl = text_.size();
        line = trim(text_.substr(pos_, nl - pos_));
        pos_ = nl + 1;
        if (!line.empty())
            return true;
    }
    return false;
}

} // namespace perfwb::formats::textlines
