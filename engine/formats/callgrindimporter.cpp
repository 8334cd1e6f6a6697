// SPDX-License-Identifier: GPL-3.0-or-later
#include "callgrindimporter.h"

#include "callgraphstacks.h"
#include "callgrindparser.h"

#include <string>
#include <vector>

namespace perfwb::formats {

namespace {

std::string_view baseName(std::string_view path)
{
    const auto slash = path.rfind('/');
    const auto base = slash == std::string_view::npos ? path : path.substr(slash + 1);
    return base.empty() ? path : base;
}

bool hasLineStarting(std::string_view text, std::string_view prefix)
{
    if (text.starts_with(prefix))
        return true;
    const std::string needle = "\n" + std::string(prefix);
    return text.find(needle) != std::string_view::npos;
}

std::vector<std::string> words(std::string_view s)
{
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos < s.size()) {
        const auto start = s.find_first_not_of(" \t", pos);
        if (start == std::string_view::npos)
            break;
        auto end = s.find_first_of(" \t", start);
        if (end == std::string_view::npos)
            end = s.size();
        out.emplace_back(s.substr(start, end - start));
        pos = end;
    }
    return out;
}

std::string joined(const std::vector<std::uint64_t> &values)
{
    std::string s;
    for (const auto v : values)
        s += (s.empty() ? "" : " ") + std::to_string(v);
    return s;
}

} // namespace

int CallgrindImporter::sniff(std::string_view head) const
{
    if (head.find('\0') != std::string_view::npos)
        return 0;
    if (head.starts_with("# callgrind format"))
        return 100;
    if (!hasLineStarting(head, "events:"))
        return 0;
    // cachegrind and callgrind share events: with the line and fn= / fl= body lines.
    if (hasLineStarting(head, "fn=") || hasLineStarting(head, "fl=") || hasLineStarting(head, "positions:") ||
        hasLineStarting(head, "creator: callgrind"))
        return 90;
    return 50;
}

Status CallgrindImporter::parse(std::string_view data, model::Profile &out) const
{
    CallgrindParser parser;
    auto parsed = parser.parse(data);
    if (!parsed)
        return parsed.status();
    const CallgrindData &d = parsed.value();
    const std::size_t events = d.events.size();

    auto &meta = out.meta;
    meta.sourceFormat = "callgrind";
    meta.weightUnit = model::WeightUnit::fromName(d.events.front());
    meta.sampler.event = std::string(d.events.front());
    auto args = words(d.command);
    const std::string threadName = args.empty() ? std::string("callgrind") : std::string(baseName(args.front()));
    meta.setCommandLine(std::move(args));
    std::string eventNames;
    for (const auto e : d.events)
        eventNames += (eventNames.empty() ? "" : " ") + std::string(e);
    meta.extra["callgrind.events"] = eventNames;
    if (!d.creator.empty())
        meta.extra["callgrind.creator"] = std::string(d.creator);
    std::vector<std::uint64_t> summary = d.summary;
    if (summary.empty()) {
        // No summary: line: the sum of the self costs, as callgrind_annotate computes it.
        summary.assign(events, 0);
        for (std::size_t i = 0; i < d.self.size(); ++i)
            summary[i % events] += d.self[i];
    }
    meta.extra["callgrind.summary"] = joined(summary);

    std::vector<std::size_t> selfCols;
    std::vector<std::size_t> inclusiveCols;
    for (const auto e : d.events) {
        selfCols.push_back(out.functionCosts.column("self " + std::string(e), "count"));
        inclusiveCols.push_back(out.functionCosts.column("inclusive " + std::string(e), "count"));
    }
    const auto callsCol = out.functionCosts.column("calls", "count");

    CallGraphStacks graph;
    for (std::size_t f = 0; f < d.functions.size(); ++f) {
        const auto &fn = d.functions[f];
        const auto file = fn.file == "???" ? std::string_view() : fn.file;
        const auto frame = out.internFrame(fn.name, baseName(fn.object), file, fn.line, model::FrameKind::Native);
        // add, not set: two objects of the same base name may give the same frame.
        for (std::size_t e = 0; e < events; ++e) {
            out.functionCosts.add(frame, selfCols[e], static_cast<double>(d.self[f * events + e]));
            out.functionCosts.add(frame, inclusiveCols[e], static_cast<double>(d.inclusive(f, e)));
        }
        out.functionCosts.add(frame, callsCol, static_cast<double>(fn.calls));
        graph.addFunction(frame, d.self[f * events], static_cast<double>(d.inclusive(f, 0)));
    }
    for (const auto &e : d.edges)
        graph.addEdge(e.caller, e.callee, static_cast<double>(e.cost));
    const auto pid = static_cast<std::int32_t>(d.pid);
    graph.build(out, out.internThread(pid, pid, threadName));
    return {};
}

} // namespace perfwb::formats
