// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Line and token helpers shared by the text importers (folded, perf script, callgrind,
// austin), so "blank", "trimmed" and "a number" mean the same in each.
#include <cstddef>
#include <string_view>

namespace perfwb::formats::textlines {

// Space or tab.
constexpr bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

// Without leading and trailing blanks and carriage returns (CRLF files read the same).
std::string_view trim(std::string_view s);

// One or more ASCII digits and nothing else.
bool allDigits(std::string_view s);

// The head of a file up to its last line break: a sniffer judges complete lines only.
// A head without any line break is returned whole.
std::string_view completeLines(std::string_view head);

// The non-blank lines of a text, trimmed, one per next() call, for the sniffers.
class LineCursor {
public:
    explicit LineCursor(std::string_view text)
        : text_(text)
    {}
    bool next(std::string_view &line);

private:
    std::string_view text_;
    std::size_t pos_ = 0;
};

} // namespace perfwb::formats::textlines
