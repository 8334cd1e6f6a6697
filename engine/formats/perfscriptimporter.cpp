// SPDX-License-Identifier: GPL-3.0-or-later
#include "perfscriptimporter.h"

#include "perfscriptparser.h"

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
