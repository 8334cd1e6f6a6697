// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffhtmlwriter.h"

#include "diffsvgwriter.h"
#include "difftext.h"
#include "fixednumber.h"
#include "htmlexporter.h"
#include "textescape.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <unordered_map>

namespace perfwb::formats {

namespace {
using analysis::ProfileDiff;
constexpr std::size_t kMaxTableRows = 2000;

class FunctionIndex {
public:
    std::uint32_t id(std::uint32_t diffFunction)
    {
        auto [it, added] = map_.emplace(diffFunction, static_cast<std::uint32_t>(order_.size()));
        if (added)
            order_.push_back(diffFunction);
        return it->second;
    }
    const std::vector<std::uint32_t> &order() const { return order_; }

private:
    std::unordered_map<std::uint32_t, std::uint32_t> map_;
    std::vector<std::uint32_t> order_;
};

// A tree as parallel arrays: f function, p parent, b/a share before/after (the widths),
// vb/va the mode's values (tooltips), c the colour (one rule for GUI, SVG and page).
void appendTree(std::string &json, const std::vector<ProfileDiff::Node> &nodes, bool shapeIsNew, FunctionIndex &fns)
{
    std::vector<std::int64_t> newId(nodes.size(), -1);
    std::string f = "[", p = "[", b = "[", a = "[", vb = "[", va = "[", c = "[";
    std::uint32_t kept = 0;
    for (std::uint32_t i = 1; i < nodes.size(); ++i) {
        const auto &n = nodes[i];
        const double mine = shapeIsNew ? n.shareAfter : n.shareBefore;
        if (mine < DiffHtmlWriter::kMinShare || (n.parent != 0 && newId[n.parent] < 0))
            continue;
        newId[i] = kept;
        const char *sep = kept++ > 0 ? "," : "";
        f += sep + std::to_string(fns.id(n.function));
        p += sep + (n.parent == 0 ? std::string("-1") : std::to_string(newId[n.parent]));
        b += sep + jsonNumber(n.shareBefore, 7);
        a += sep + jsonNumber(n.shareAfter, 7);
        vb += sep + jsonNumber(n.valueBefore, 7);
        va += sep + jsonNumber(n.valueAfter, 7);
        c += sep + ('"' + DiffSvgWriter::colour(n) + '"');
    }
    json += "{\"f\":" + f + "],\"p\":" + p + "],\"b\":" + b + "],\"a\":" + a + "],\"vb\":" + vb + "],\"va\":" + va +
            "],\"c\":" + c + "]}";
}

// What the page says about the mode: the legend, why this default, the values' unit.
void appendMode(std::string &json, const ProfileDiff &diff)
{
    json += std::string(",\"mode\":\"") + analysis::diffModeName(diff.mode()) + "\",\"legend\":";
    textescape::appendJsonString(json, DiffSvgWriter::legend(diff));
    json += ",\"quantity\":";
    textescape::appendJsonString(json, diff.quantity());
    json += ",\"modeLine\":";
    textescape::appendJsonString(json, DiffText::modeLine(diff));
    json += ",\"valueUnit\":";
    textescape::appendJsonString(json, diff.valueUnit());
    json += std::string(",\"neutral\":{\"fill\":\"") + DiffSvgWriter::kNeutralFill + "\",\"stroke\":\"" +
            DiffSvgWriter::kNeutralStroke + "\"}";
}
} // namespace

Status DiffHtmlWriter::write(const ProfileDiff &diff, const model::Profile &base, const model::Profile &next,
                             const Labels &labels, std::string &out)
{
    FunctionIndex fns;
    const std::string title = "perfwb diff: " + labels.base + " → " + labels.next;
    std::string json = "{\"kind\":\"diff\",\"title\":";
    textescape::appendJsonString(json, title);
    json += ",\"verdict\":\"" + std::string(analysis::diffVerdictName(diff.verdict())) + "\",\"totalVerdict\":\"" +
            analysis::diffVerdictName(diff.totalVerdict()) + "\",\"unit\":";
    textescape::appendJsonString(json, diff.weightUnit);
    const auto &t = diff.thresholds();
    json += ",\"thresholds\":{\"warn\":" + jsonNumber(t.warnAbovePct, 7) +
            ",\"fail\":" + jsonNumber(t.failAbovePct, 7) + ",\"minShare\":" + jsonNumber(t.minSharePct, 7) + "}";
    appendMode(json, diff);
    json += ",\"base\":{\"label\":";
    textescape::appendJsonString(json, labels.base);
    json += ",\"meta\":";
    HtmlExporter::appendMetadataJson(json, base);
    json += "},\"next\":{\"label\":";
    textescape::appendJsonString(json, labels.next);
    json += ",\"meta\":";
    HtmlExporter::appendMetadataJson(json, next);
    json += "},\"metrics\":[";
    bool first = true;
    for (const auto &m : diff.metrics()) {
        json += first ? "{\"name\":" : ",{\"name\":";
        first = false;
        textescape::appendJsonString(json, m.name);
        json += ",\"unit\":";
        textescape::appendJsonString(json, m.unit);
        json += ",\"before\":" + (m.knownBefore ? jsonNumber(m.before, 7) : "null") +
                ",\"after\":" + (m.knownAfter ? jsonNumber(m.after, 7) : "null") +
                ",\"total\":" + (&m == &diff.totalTime() ? "true" : "false") + "}";
    }
    json += "],\"trees\":{\"forward\":";
    appendTree(json, diff.forwardTree(), true, fns);
    json += ",\"reverse\":";
    appendTree(json, diff.reverseTree(), false, fns);
    json += "},\"table\":[";
    std::size_t rows = 0;
    for (std::uint32_t i = 0; i < diff.functions().size() && rows < kMaxTableRows; ++i) {
        const auto &f = diff.functions()[i];
        if (f.totalBefore == 0 && f.totalAfter == 0)
            continue;
        json += rows++ == 0 ? "[" : ",[";
        json += std::to_string(fns.id(i)) + ',' + jsonNumber(f.selfShareBefore, 7) + ',' +
                jsonNumber(f.selfShareAfter, 7) + ',' + jsonNumber(f.totalShareBefore, 7) + ',' +
                jsonNumber(f.totalShareAfter, 7) + ",\"" + analysis::diffVerdictName(f.verdict) + "\"," +
                jsonNumber(f.selfValueBefore, 7) + ',' + jsonNumber(f.selfValueAfter, 7) + ',' +
                jsonNumber(f.totalValueBefore, 7) + ',' + jsonNumber(f.totalValueAfter, 7) + ']';
    }
    json += "],\"functions\":[";
    for (std::size_t i = 0; i < fns.order().size(); ++i) {
        const auto &f = diff.functions()[fns.order()[i]];
        json += i == 0 ? "[" : ",[";
        textescape::appendJsonString(json, f.name.empty() ? std::string_view("[unknown]") : std::string_view(f.name));
        json += ',';
        textescape::appendJsonString(json, f.module);
        json += ']';
    }
    json += "]}";
    return HtmlExporter::page(title, json, out);
}

} // namespace perfwb::formats
