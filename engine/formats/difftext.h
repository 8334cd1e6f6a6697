// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "analysis/profilediff.h"

#include <string>
#include <string_view>

namespace perfwb::formats {

// A comparison as text: the terminal summary, a Markdown before/after table (fit for a
// GitHub job summary) and JSON for scripts. Names are escaped for each format.
class DiffText {
public:
    struct Labels {
        std::string base = "base";
        std::string next = "new";
    };
    static std::string plain(const analysis::ProfileDiff &diff, const Labels &labels, std::size_t top);
    static std::string markdown(const analysis::ProfileDiff &diff, const Labels &labels, std::size_t top);
    static std::string json(const analysis::ProfileDiff &diff, const Labels &labels, std::size_t top);

    // "1.234 s", "12.0 MiB", "512 B", "1234 samples": a metric value for people.
    static std::string formatValue(double value, const std::string &unit);
    // "+12.3 %", "-4.0 %", "new" (from zero), "±0.0 %".
    static std::string formatRelative(double pct);
    // A Markdown table cell: no pipes, line breaks or HTML.
    static std::string markdownCell(std::string_view text);
    // "+1.25 pp".
    static std::string formatPoints(double points);
    // A value of the diff's mode: "12.34 %" (share), "1.234 s", "512 samples" (absolute).
    static std::string formatModeValue(const analysis::ProfileDiff &diff, double value);
    // A change of the diff's mode: "+1.25 pp" (share), "+12.0 ms", "-3 samples" (absolute).
    static std::string formatDelta(const analysis::ProfileDiff &diff, double delta);
    // "mode: absolute, change in CPU time (default: both runs sampled at 999 Hz)".
    static std::string modeLine(const analysis::ProfileDiff &diff);
};

} // namespace perfwb::formats
