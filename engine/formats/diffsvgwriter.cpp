// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffsvgwriter.h"

#include "diffhtmlwriter.h"
#include "difftext.h"
#include "exportresource.h"
#include "fixednumber.h"
#include "svgexporter.h"
#include "textescape.h"

#include <algorithm>
#include <cmath>

namespace perfwb::formats {

namespace {
using analysis::ProfileDiff;
constexpr double kChartTop = 58;
// Shares become integer weight units for flamegraph.js (which zooms in data-s/data-w).
constexpr double kUnits = 1e9;

std::string pct(double share)
{
    return fixedNumber(100.0 * share, 2) + "%";
}

// "name [module]: before …, after …, delta … (…)" in the diff's mode.
std::string tipFor(const ProfileDiff &diff, const ProfileDiff::Node &n, const std::string &name)
{
    const auto &fn = diff.functions()[n.function];
    const bool share = diff.mode() == analysis::DiffMode::Share;
    const auto value = [&](double v) { return share ? pct(v) : DiffText::formatValue(v, diff.valueUnit()); };
    return name + (fn.module.empty() ? "" : " [" + textescape::validUtf8(fn.module) + "]") + ": before " +
           value(n.valueBefore) + ", after " + value(n.valueAfter) + ", delta " +
           DiffText::formatDelta(diff, n.valueAfter - n.valueBefore) + " (" +
           DiffText::formatRelative(n.relativePct()) + ")";
}
} // namespace

std::string DiffSvgWriter::colour(double change, bool unchanged)
{
    if (unchanged)
        return kNeutralFill;
    // The palest tint is still clearly pink or blue next to the neutral grey.
    const double k = std::min(1.0, std::abs(change) / 0.10);
    const auto c = static_cast<unsigned>(std::lround(225 - 165 * k));
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hc = {kHex[(c >> 4U) & 0xFU], kHex[c & 0xFU]};
    return change > 0 ? "#ff" + hc + hc : "#" + hc + hc + "ff";
}

std::string DiffSvgWriter::legend(const ProfileDiff &diff)
{
    return "colour: " + diff.modeLabel() + " · red slower, blue faster, grey unchanged";
}

Status DiffSvgWriter::write(const ProfileDiff &diff, Shape shape, const std::string &title, std::string &out)
{
    auto script = ExportResource::loadForCdata(":/export/flamegraph.js");
    if (!script)
        return script.status();
    auto style = ExportResource::loadForCdata(":/export/flamegraph.css");
    if (!style)
        return style.status();
    const bool isNew = shape == Shape::New;
    const auto &nodes = isNew ? diff.forwardTree() : diff.reverseTree();
    const auto width = [&](const ProfileDiff::Node &n) { return isNew ? n.shareAfter : n.shareBefore; };

    // Layout in share units: children side by side from their parent's start.
    std::vector<double> start(nodes.size(), 0);
    std::vector<double> next(nodes.size(), 0);
    std::vector<bool> kept(nodes.size(), false);
    std::uint32_t maxDepth = 0;
    for (std::uint32_t i = 0; i < nodes.size(); ++i) {
        for (const auto c : nodes[i].children) {
            start[c] = start[i] + next[i];
            next[i] += width(nodes[c]);
        }
        if (i > 0 && width(nodes[i]) >= DiffHtmlWriter::kMinShare && (nodes[i].parent == 0 || kept[nodes[i].parent])) {
            kept[i] = true;
            maxDepth = std::max(maxDepth, nodes[i].depth);
        }
    }
    const bool empty = nodes.empty() || width(nodes[0]) <= 0;
    const std::uint32_t rows = empty ? 0 : maxDepth + 1;
    const double chartBottom = kChartTop + rows * SvgExporter::kFrameHeight;
    const double footerY = chartBottom + 18;
    const double height = footerY + 12;
    const double W = SvgExporter::kImageWidth;
    const double chartW = SvgExporter::kChartWidth;
    const double pad = SvgExporter::kPadding;

    std::string subtitle = std::string(isNew ? "shape: new run" : "shape: base run (vanished frames visible)") +
                           "  ·  " + legend(diff) + "  ·  verdict: " + analysis::diffVerdictName(diff.verdict());
    out.clear();
    out += "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n";
    out += "<svg version=\"1.1\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" + fixedNumber(W, 0) + "\" height=\"" +
           fixedNumber(height, 0) + "\" viewBox=\"0 0 " + fixedNumber(W, 0) + ' ' + fixedNumber(height, 0) + "\">\n";
    out += "<!-- Differential flamegraph written by perfwb diff. Click to zoom, Ctrl+F to search. -->\n";
    out += "<style type=\"text/css\"><![CDATA[\n" + style.value() + "]]></style>\n";
    out += "<rect x=\"0\" y=\"0\" width=\"100%\" height=\"100%\" fill=\"#f8f8f8\"/>\n";
    out += "<text id=\"title\" x=\"" + fixedNumber(W / 2, 0) + "\" y=\"24\">";
    textescape::appendXml(out, title);
    out += "</text>\n<text id=\"subtitle\" x=\"" + fixedNumber(W / 2, 0) + "\" y=\"44\">";
    textescape::appendXml(out, subtitle);
    out +=
        "</text>\n<text id=\"reset\" class=\"ctl hide\" x=\"" + fixedNumber(pad, 0) + "\" y=\"24\">Reset zoom</text>\n";
    out += "<text id=\"search\" class=\"ctl\" x=\"" + fixedNumber(W - pad, 0) +
           "\" y=\"24\" text-anchor=\"end\">Search</text>\n";
    out += "<text id=\"details\" x=\"" + fixedNumber(pad, 0) + "\" y=\"" + fixedNumber(footerY, 0) + "\"> </text>\n";
    out += "<text id=\"matched\" class=\"hide\" x=\"" + fixedNumber(W - pad, 0) + "\" y=\"" + fixedNumber(footerY, 0) +
           "\"> </text>\n";
    out += "<g id=\"frames\" data-total=\"" + fixedNumber(kUnits, 0) + "\" data-x=\"" + fixedNumber(pad, 0) +
           "\" data-width=\"" + fixedNumber(chartW, 0) + "\" data-charw=\"" + fixedNumber(SvgExporter::kCharWidth, 1) +
           "\">\n";
    const auto frame = [&](const std::string &name, const std::string &tip, const std::string &fill, const char *cls,
                           double s, double w, double y) {
        const double x = pad + s * chartW;
        const double px = w * chartW;
        out += std::string("<g class=\"") + cls + "\" data-f=\"";
        textescape::appendXml(out, name);
        out += "\" data-s=\"" + fixedNumber(std::round(s * kUnits), 0) + "\" data-w=\"" +
               fixedNumber(std::round(w * kUnits), 0) + "\"><title>";
        textescape::appendXml(out, tip);
        out += "</title><rect x=\"" + fixedNumber(x, 1) + "\" y=\"" + fixedNumber(y, 1) + "\" width=\"" +
               fixedNumber(px, 1) + "\" height=\"" + fixedNumber(SvgExporter::kFrameHeight - 1, 1) +
               "\" rx=\"2\" fill=\"" + fill + '"' +
               // Neutral frames get a border: grey on the light background still reads as a frame.
               (fill == kNeutralFill ? std::string(" style=\"stroke:") + kNeutralStroke + ";stroke-width:0.6\"" : "") +
               "/><text x=\"" + fixedNumber(x + 3, 1) + "\" y=\"" + fixedNumber(y + 11.5, 1) + "\">";
        textescape::appendXml(out, SvgExporter::fitText(name, px));
        out += "</text></g>\n";
    };
    if (empty) {
        out += "<text x=\"" + fixedNumber(W / 2, 0) + "\" y=\"70\" text-anchor=\"middle\">No samples</text>\n";
    } else {
        frame("all", "all", "#d0d0d0", "f root", 0, 1, chartBottom - SvgExporter::kFrameHeight);
        for (std::uint32_t i = 1; i < nodes.size(); ++i) {
            if (!kept[i])
                continue;
            const auto &n = nodes[i];
            const auto &fn = diff.functions()[n.function];
            std::string name = fn.name.empty() ? std::string("[unknown]") : textescape::validUtf8(fn.name);
            const std::string tip = tipFor(diff, n, name);
            frame(name, tip, colour(n), "f", start[i], width(n),
                  chartBottom - (n.depth + 1) * SvgExporter::kFrameHeight);
        }
    }
    out += "</g>\n<script type=\"text/ecmascript\"><![CDATA[\n" + script.value() + "]]></script>\n</svg>\n";
    return {};
}

} // namespace perfwb::formats
