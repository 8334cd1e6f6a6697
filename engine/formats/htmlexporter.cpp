// SPDX-License-Identifier: GPL-3.0-or-later
#include "htmlexporter.h"

#include "analysis/calltree.h"
#include "analysis/functionstats.h"
#include "analysis/functiontable.h"
#include "analysis/stackweights.h"
#include "exportresource.h"
#include "fixednumber.h"
#include "textescape.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <unordered_map>

namespace perfwb::formats {

namespace {
constexpr double kChartPixels = 1200; // frames narrower than 0.1 px of this are left out
constexpr std::size_t kMaxTimelinePoints = 4000;
constexpr std::size_t kMaxTableRows = 2000;

void appendString(std::string &out, std::string_view s)
{
    textescape::appendJsonString(out, s);
}

bool replaceOnce(std::string &text, std::string_view placeholder, std::string_view value)
{
    const auto at = text.find(placeholder);
    if (at == std::string::npos)
        return false;
    text.replace(at, placeholder.size(), value);
    return true;
}

// Timelines thinned to at most kMaxTimelinePoints by keeping each bucket's peak (a peak
// of RSS must survive thinning).
void appendTimelines(std::string &out, const model::Profile &p)
{
    out += "[";
    bool first = true;
    for (const auto &t : p.timelines) {
        if (t.points.empty())
            continue;
        out += first ? "{\"name\":" : ",{\"name\":";
        first = false;
        appendString(out, t.name);
        out += ",\"unit\":";
        appendString(out, t.unit);
        const std::size_t step = (t.points.size() + kMaxTimelinePoints - 1) / kMaxTimelinePoints;
        std::string ts = ",\"t\":[";
        std::string vs = ",\"v\":[";
        for (std::size_t i = 0; i < t.points.size(); i += step) {
            std::size_t best = i;
            for (std::size_t k = i; k < std::min(i + step, t.points.size()); ++k) {
                if (t.points[k].value > t.points[best].value)
                    best = k;
            }
            if (i > 0) {
                ts += ',';
                vs += ',';
            }
            ts += std::to_string(t.points[best].timeNs);
            vs += jsonNumber(t.points[best].value);
        }
        out += ts + "]" + vs + "]}";
    }
    out += "]";
}

void appendMarks(std::string &out, const model::Profile &p)
{
    out += "[";
    for (std::size_t i = 0; i < p.marks.size(); ++i) {
        const auto &m = p.marks[i];
        out += i == 0 ? "{\"name\":" : ",{\"name\":";
        appendString(out, m.name);
        out += ",\"cat\":";
        appendString(out, m.category);
        out += ",\"s\":" + std::to_string(m.startNs) + ",\"e\":" + std::to_string(m.endNs) +
               ",\"tid\":" + std::to_string(m.tid) + "}";
    }
    out += "]";
}
} // namespace

void HtmlExporter::appendMetadataJson(std::string &out, const model::Profile &p)
{
    const auto &m = p.meta;
    out += "{\"label\":";
    appendString(out, m.runLabel);
    out += ",\"command\":[";
    for (std::size_t i = 0; i < m.commandLine.size(); ++i) {
        if (i > 0)
            out += ',';
        appendString(out, m.commandLine[i]);
    }
    out += "],\"workingDir\":";
    appendString(out, m.workingDir);
    out += ",\"host\":";
    appendString(out, m.host);
    out += ",\"startUnixNs\":" + std::to_string(m.startTimeUnixNs) + ",\"durationNs\":" + std::to_string(m.durationNs) +
           ",\"exited\":" + (m.exited ? "true" : "false") + ",\"exitCode\":" + std::to_string(m.exitCode) +
           ",\"exitSignal\":" + std::to_string(m.exitSignal) + ",\"event\":";
    appendString(out, m.sampler.event);
    out += ",\"frequencyHz\":" + std::to_string(m.sampler.frequencyHz) + ",\"callGraph\":";
    appendString(out, m.sampler.callGraph);
    out += ",\"lostSamples\":" + std::to_string(m.lostSamples) + ",\"source\":";
    appendString(out, m.sourceFormat);
    out += ",\"unit\":";
    appendString(out, m.weightUnit.name());
    out += ",\"samples\":" + std::to_string(p.samples.size()) + ",\"threads\":" + std::to_string(p.threads().size());
    // The environment as stored: RunMetadata redacted secrets before it was ever kept.
    out += ",\"environment\":[";
    bool first = true;
    for (const auto &[k, v] : m.environment()) {
        out += first ? "[" : ",[";
        first = false;
        appendString(out, k);
        out += ',';
        appendString(out, v);
        out += ']';
    }
    out += "],\"settings\":[";
    first = true;
    for (const auto &[k, v] : m.extra) {
        out += first ? "[" : ",[";
        first = false;
        appendString(out, k);
        out += ',';
        appendString(out, v);
        out += ']';
    }
    out += "]}";
}

Status HtmlExporter::page(std::string_view title, std::string_view json, std::string &out)
{
    auto tmpl = ExportResource::load(":/export/report.html");
    if (!tmpl)
        return tmpl.status();
    auto script = ExportResource::load(":/export/report.js");
    if (!script)
        return script.status();
    auto style = ExportResource::load(":/export/report.css");
    if (!style)
        return style.status();
    if (script->find("</script") != std::string::npos || style->find("</style") != std::string::npos)
        return makeError("built-in report.js/report.css would end their own element");

    std::string data;
    data.reserve(json.size() + json.size() / 50);
    for (const char c : json) {
        if (c == '<')
            data += "\\u003c"; // the same string to JSON.parse, and never "</script" or "<!--"
        else
            data += c;
    }
    std::string titleText;
    textescape::appendXml(titleText, title);

    out = std::move(tmpl.value());
    // Fill the small pieces first, so text inside the data is never taken for a placeholder.
    // The title appears twice (<title> and the heading).
    if (!replaceOnce(out, "{{TITLE}}", titleText) || !replaceOnce(out, "{{TITLE}}", titleText) ||
        !replaceOnce(out, "{{STYLE}}", style.value()) || !replaceOnce(out, "{{SCRIPT}}", script.value()) ||
        !replaceOnce(out, "{{DATA}}", data))
        return makeError("built-in report.html lacks a placeholder");
    return {};
}

Status HtmlExporter::write(const model::Profile &profile, const ExportOptions &options, std::string &out) const
{
    const auto weights = analysis::StackWeights::compute(profile, options.filter);
    const analysis::FunctionTable functions(profile);
    const auto tree = analysis::CallTree::topDown(functions, weights);
    const auto stats = analysis::FunctionStats::compute(functions, weights);
    const std::uint64_t total = tree.total();
    const auto minWidth = std::max<std::uint64_t>(
        1, static_cast<std::uint64_t>(std::ceil(static_cast<double>(total) / (kChartPixels * 10))));

    std::string title = options.title;
    if (title.empty())
        title = profile.meta.runLabel;
    if (title.empty() && !profile.meta.commandLine.empty())
        title = profile.meta.commandLine.front();
    if (title.empty())
        title = "perfwb report";

    // Functions used by the tree or the table, numbered in order of first use.
    std::unordered_map<analysis::FunctionId, std::uint32_t> used;
    std::vector<analysis::FunctionId> order;
    const auto fid = [&](analysis::FunctionId f) {
        auto [it, added] = used.emplace(f, static_cast<std::uint32_t>(order.size()));
        if (added)
            order.push_back(f);
        return it->second;
    };

    std::string json;
    json.reserve(4096 + tree.size() * 24);
    json += "{\"kind\":\"profile\",\"title\":";
    appendString(json, title);
    json += ",\"filtered\":";
    json += options.filter.isEmpty() ? "false" : "true";
    json += ",\"total\":" + std::to_string(total) + ",\"meta\":";
    appendMetadataJson(json, profile);

    // The tree: parents before children (CallTree's order), children heaviest first.
    std::vector<std::int64_t> newId(tree.size(), -1);
    std::string f = "[", par = "[", v = "[";
    std::uint32_t kept = 0;
    for (std::uint32_t i = 1; i < tree.size(); ++i) {
        const auto &n = tree.node(i);
        if (n.total < minWidth || (n.parent != 0 && newId[n.parent] < 0))
            continue;
        newId[i] = kept;
        if (kept++ > 0) {
            f += ',';
            par += ',';
            v += ',';
        }
        f += std::to_string(fid(n.function));
        par += n.parent == 0 ? "-1" : std::to_string(newId[n.parent]);
        v += std::to_string(n.total);
    }
    json += ",\"tree\":{\"f\":" + f + "],\"p\":" + par + "],\"v\":" + v + "]}";

    json += ",\"table\":[";
    const std::size_t rows = std::min(stats.entries.size(), kMaxTableRows);
    for (std::size_t i = 0; i < rows; ++i) {
        const auto &e = stats.entries[i];
        json += (i == 0 ? "[" : ",[") + std::to_string(fid(e.function)) + ',' + std::to_string(e.self) + ',' +
                std::to_string(e.total) + ']';
    }
    json += "],\"tableRows\":" + std::to_string(stats.entries.size());

    json += ",\"functions\":[";
    for (std::size_t i = 0; i < order.size(); ++i) {
        const auto &fn = functions.at(order[i]);
        json += i == 0 ? "[" : ",[";
        const auto name = functions.name(order[i]);
        appendString(json, name.empty() ? std::string_view("[unknown]") : name);
        json += ',';
        appendString(json, functions.module(order[i]));
        json += ',';
        appendString(json, model::frameKindName(fn.kind));
        json += fn.inlined ? ",1]" : ",0]";
    }
    json += "],\"timelines\":";
    appendTimelines(json, profile);
    json += ",\"marks\":";
    appendMarks(json, profile);
    json += ",\"t0\":" + std::to_string(profile.samples.empty() ? 0 : profile.firstSampleTime());
    json += "}";
    return page(title, json, out);
}

} // namespace perfwb::formats
