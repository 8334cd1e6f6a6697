// SPDX-License-Identifier: GPL-3.0-or-later
#include "svgexporter.h"

#include "analysis/calltree.h"
#include "analysis/flamegraphlayout.h"
#include "analysis/functiontable.h"
#include "analysis/stackweights.h"
#include "exportresource.h"
#include "fixednumber.h"
#include "textescape.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace perfwb::formats {

namespace {
constexpr double kTitleY = 24;
constexpr double kSubtitleY = 44;
constexpr double kChartTop = 58;
constexpr double kFooterGap = 18;

std::string xml(std::string_view text)
{
    std::string out;
    textescape::appendXml(out, text);
    return out;
}

std::uint32_t fnv1a(std::string_view text)
{
    std::uint32_t h = 2166136261U;
    for (const char c : text) {
        h ^= static_cast<unsigned char>(c);
        h *= 16777619U;
    }
    return h;
}

// The title line: the caller's title, the run label or the command. `command` gets the
// command for the line below the title, or stays empty when the command is the title.
std::string defaultTitle(const model::Profile &profile, const ExportOptions &options, std::string &command)
{
    for (const auto &arg : profile.meta.commandLine) {
        if (!command.empty())
            command += ' ';
        command += arg;
    }
    if (!options.title.empty())
        return options.title;
    if (!profile.meta.runLabel.empty())
        return profile.meta.runLabel;
    if (!command.empty())
        return std::exchange(command, std::string());
    return "Flame Graph";
}

struct FrameText {
    std::string name; // valid UTF-8, "[unknown]" for an empty name
    std::string title;
    std::string fill;
    const char *cls = "f";
};

void appendFrame(std::string &out, const FrameText &f, std::uint64_t start, std::uint64_t width, double y,
                 std::uint64_t total)
{
    const double x =
        SvgExporter::kPadding + static_cast<double>(start) / static_cast<double>(total) * SvgExporter::kChartWidth;
    const double w = static_cast<double>(width) / static_cast<double>(total) * SvgExporter::kChartWidth;
    out += "<g class=\"";
    out += f.cls;
    out += "\" data-f=\"";
    textescape::appendXml(out, f.name);
    out += "\" data-s=\"" + std::to_string(start) + "\" data-w=\"" + std::to_string(width) + "\"><title>";
    textescape::appendXml(out, f.title);
    out += "</title><rect x=\"" + fixedNumber(x, 1) + "\" y=\"" + fixedNumber(y, 1) + "\" width=\"" +
           fixedNumber(w, 1) + "\" height=\"" + fixedNumber(SvgExporter::kFrameHeight - 1, 1) + "\" rx=\"2\" fill=\"" +
           f.fill + "\"/><text x=\"" + fixedNumber(x + 3, 1) + "\" y=\"" + fixedNumber(y + 11.5, 1) + "\">";
    textescape::appendXml(out, SvgExporter::fitText(f.name, w));
    out += "</text></g>\n";
}
} // namespace

std::string_view SvgExporter::unitWord(const model::WeightUnit &weightUnit)
{
    switch (weightUnit.kind()) {
    case model::WeightKind::Nanoseconds:
        return "ns";
    case model::WeightKind::Bytes:
        return "bytes";
    case model::WeightKind::Samples:
    case model::WeightKind::Other:
        break;
    }
    return "samples";
}

std::string SvgExporter::frameTitle(std::string_view function, std::string_view module, std::uint64_t weight,
                                    std::uint64_t total, const model::WeightUnit &weightUnit, bool kernel, bool inlined)
{
    std::string t(function);
    if (!module.empty()) {
        t += " [";
        t += module;
        t += ']';
    }
    if (kernel)
        t += " (kernel)";
    if (inlined)
        t += " (inlined)";
    t += ": " + std::to_string(weight) + ' ';
    t += unitWord(weightUnit);
    const double pct = total == 0 ? 0.0 : 100.0 * static_cast<double>(weight) / static_cast<double>(total);
    t += " (" + fixedNumber(pct, 2) + "%)";
    return t;
}

std::string SvgExporter::fitText(std::string_view name, double widthPx)
{
    const auto maxChars = static_cast<long>(std::floor((widthPx - 6) / kCharWidth));
    if (maxChars < 3)
        return {};
    // Count code points, not bytes, so a cut never splits a UTF-8 sequence.
    const auto isStart = [](char c) { return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U; };
    long chars = 0;
    std::size_t cut = 0; // byte offset after maxChars - 2 code points
    for (std::size_t i = 0; i < name.size(); ++i) {
        if (!isStart(name[i]))
            continue;
        if (chars == maxChars - 2)
            cut = i;
        ++chars;
    }
    if (chars <= maxChars)
        return std::string(name);
    return std::string(name.substr(0, cut)) + "..";
}

std::string SvgExporter::colour(std::string_view function, model::FrameKind kind, bool inlined)
{
    const std::uint32_t h = fnv1a(function);
    const double v1 = static_cast<double>(h & 0xFFU) / 255.0;
    const double v2 = static_cast<double>((h >> 8U) & 0xFFU) / 255.0;
    const double v3 = static_cast<double>((h >> 16U) & 0xFFU) / 255.0;
    double r = 0;
    double g = 0;
    double b = 0;
    switch (kind) {
    case model::FrameKind::Kernel: // flamegraph.pl's "aqua": cool, so kernel time stands out
        r = 50 + 60 * v1;
        g = 165 + 55 * v1;
        b = 165 + 55 * v2;
        break;
    case model::FrameKind::Jit:
        r = 60 * v1;
        g = 200 + 55 * v2;
        b = 60 * v3;
        break;
    case model::FrameKind::Native:
    case model::FrameKind::Python: // flamegraph.pl's "hot"
        r = 205 + 50 * v3;
        g = 230 * v1;
        b = 55 * v2;
        break;
    }
    if (inlined) { // a lighter tone of the same colour
        r += (255 - r) * 0.45;
        g += (255 - g) * 0.45;
        b += (255 - b) * 0.45;
    }
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out = "#";
    for (const double c : {r, g, b}) {
        const auto v = static_cast<unsigned>(std::lround(std::clamp(c, 0.0, 255.0)));
        out += kHex[(v >> 4U) & 0xFU];
        out += kHex[v & 0xFU];
    }
    return out;
}

Status SvgExporter::write(const model::Profile &profile, const ExportOptions &options, std::string &out) const
{
    auto script = ExportResource::loadForCdata(":/export/flamegraph.js");
    if (!script)
        return script.status();
    auto style = ExportResource::loadForCdata(":/export/flamegraph.css");
    if (!style)
        return style.status();

    const auto weights = analysis::StackWeights::compute(profile, options.filter);
    const analysis::FunctionTable functions(profile);
    const auto tree = analysis::CallTree::topDown(functions, weights);
    const std::uint64_t total = tree.total();
    // Frames under 0.1 px are invisible anyway; leaving them out keeps the file small.
    const auto minWidth = static_cast<std::uint64_t>(std::ceil(static_cast<double>(total) / (kChartWidth * 10)));
    const auto layout = analysis::FlameGraphLayout::compute(tree, minWidth);
    const model::WeightUnit &unit = profile.meta.weightUnit;

    std::string command;
    const std::string title = defaultTitle(profile, options, command);
    std::string subtitle = command.size() > 160 ? command.substr(0, 157) + "..." : command;
    if (!subtitle.empty())
        subtitle += "  ·  ";
    subtitle += std::to_string(total) + ' ' + std::string(unitWord(unit));
    if (!options.filter.isEmpty())
        subtitle += " (filtered)";

    const std::uint32_t rows = total == 0 ? 0 : (layout.rects.empty() ? 1 : layout.maxDepth + 2);
    const double chartBottom = kChartTop + rows * kFrameHeight;
    const double footerY = chartBottom + kFooterGap;
    const double height = footerY + 12;

    out.clear();
    out.reserve(4096 + layout.rects.size() * 300);
    out += "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n";
    out += "<svg version=\"1.1\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" + fixedNumber(kImageWidth, 0) +
           "\" height=\"" + fixedNumber(height, 0) + "\" viewBox=\"0 0 " + fixedNumber(kImageWidth, 0) + ' ' +
           fixedNumber(height, 0) + "\">\n";
    out += "<!-- Flamegraph written by perfwb. Click a frame to zoom, Ctrl+F or \"Search\" to search;"
           " URL fragments #search=REGEX and #zoom=FUNCTION do the same. -->\n";
    out += "<defs><linearGradient id=\"bg\" y1=\"0\" y2=\"1\" x1=\"0\" x2=\"0\"><stop stop-color=\"#eeeeee\" "
           "offset=\"5%\"/><stop stop-color=\"#eeeeb0\" offset=\"95%\"/></linearGradient></defs>\n";
    out += "<style type=\"text/css\"><![CDATA[\n" + style.value() + "]]></style>\n";
    out += "<rect x=\"0\" y=\"0\" width=\"100%\" height=\"100%\" fill=\"url(#bg)\"/>\n";
    out += "<text id=\"title\" x=\"" + fixedNumber(kImageWidth / 2, 0) + "\" y=\"" + fixedNumber(kTitleY, 0) + "\">" +
           xml(title) + "</text>\n";
    out += "<text id=\"subtitle\" x=\"" + fixedNumber(kImageWidth / 2, 0) + "\" y=\"" + fixedNumber(kSubtitleY, 0) +
           "\">" + xml(subtitle) + "</text>\n";
    out += "<text id=\"reset\" class=\"ctl hide\" x=\"" + fixedNumber(kPadding, 0) + "\" y=\"" +
           fixedNumber(kTitleY, 0) + "\">Reset zoom</text>\n";
    out += "<text id=\"search\" class=\"ctl\" x=\"" + fixedNumber(kImageWidth - kPadding, 0) + "\" y=\"" +
           fixedNumber(kTitleY, 0) + "\" text-anchor=\"end\">Search</text>\n";
    out +=
        "<text id=\"details\" x=\"" + fixedNumber(kPadding, 0) + "\" y=\"" + fixedNumber(footerY, 0) + "\"> </text>\n";
    out += "<text id=\"matched\" class=\"hide\" x=\"" + fixedNumber(kImageWidth - kPadding, 0) + "\" y=\"" +
           fixedNumber(footerY, 0) + "\"> </text>\n";

    out += "<g id=\"frames\" data-total=\"" + std::to_string(total) + "\" data-x=\"" + fixedNumber(kPadding, 0) +
           "\" data-width=\"" + fixedNumber(kChartWidth, 0) + "\" data-charw=\"" + fixedNumber(kCharWidth, 1) + "\">\n";
    if (total == 0) {
        out += "<text x=\"" + fixedNumber(kImageWidth / 2, 0) + "\" y=\"" + fixedNumber(kChartTop + 12, 0) +
               "\" text-anchor=\"middle\">No samples" + (options.filter.isEmpty() ? "" : " in the filtered range") +
               "</text>\n";
    } else {
        // The root spans everything, like flamegraph.pl's "all": clicking it resets the zoom.
        FrameText all{"all", frameTitle("all", {}, total, total, unit, false, false), "#d0d0d0", "f root"};
        appendFrame(out, all, 0, total, chartBottom - kFrameHeight, total);
        for (const auto &r : layout.rects) {
            const auto &node = tree.node(r.node);
            const auto &fn = functions.at(node.function);
            const auto name = functions.name(node.function);
            const bool kernel = fn.kind == model::FrameKind::Kernel;
            FrameText f;
            f.name = name.empty() ? std::string("[unknown]") : textescape::validUtf8(name);
            f.title = frameTitle(f.name, functions.module(node.function), node.total, total, unit, kernel, fn.inlined);
            f.fill = colour(name, fn.kind, fn.inlined);
            f.cls = fn.inlined ? "f i" : "f";
            appendFrame(out, f, r.start, r.width, chartBottom - (r.depth + 2) * kFrameHeight, total);
        }
    }
    out += "</g>\n";
    out += "<script type=\"text/ecmascript\"><![CDATA[\n" + script.value() + "]]></script>\n";
    out += "</svg>\n";
    return {};
}

} // namespace perfwb::formats
