// SPDX-License-Identifier: GPL-3.0-or-later
#include "perfscriptimporter.h"

#include "perfscriptparser.h"

#include <algorithm>

namespace perfwb::formats {

int PerfScriptImporter::sniff(std::string_view head) const
{
    if (head.find('\0') != std::string_view::npos)
        return 0;
    bool perfHeader = false;
    std::size_t pos = 0;
    while (pos < head.size()) {
        auto nl = head.find('\n', pos);
        if (nl == std::string_view::npos)
            nl = head.size();
        const auto line = head.substr(pos, nl - pos);
        pos = nl + 1;
        if (line.starts_with("# captured on") || line.starts_with("# perf version"))
            perfHeader = true;
        if (line.empty() || line.front() == '#' || line == "\r")
            continue;
        // The first real line decides: perf script starts with a sample line.
        if (PerfScriptParser::isSampleLine(line))
            return 90;
        // Without the time field the header is "COMM PID/TID" (folded stacks can look
        // alike): it counts only with a callchain line, "\tADDRESS ...", right after it.
        if (PerfScriptParser::isTimelessSampleLine(line) && pos < head.size() && head[pos] == '\t') {
            std::string_view next = head.substr(pos + 1);
            next.remove_prefix(std::min(next.find_first_not_of(' '), next.size()));
            const auto end = next.find_first_not_of("0123456789abcdef");
            if (end != std::string_view::npos && end > 0 && next[end] == ' ')
                return 80;
        }
        return perfHeader ? 40 : 0;
    }
    return perfHeader ? 40 : 0;
}

Status PerfScriptImporter::parse(std::string_view data, model::Profile &out) const
{
    PerfScriptParser parser(out);
    if (Status st = parser.feed(data); !st)
        return st;
    if (Status st = parser.finish(); !st)
        return st;
    out.meta.sourceFormat = "perf-script";
    return {};
}

} // namespace perfwb::formats
