// SPDX-License-Identifier: GPL-3.0-or-later
#include "difftext.h"

#include "fixednumber.h"
#include "textescape.h"

#include <cmath>

namespace perfwb::formats {

namespace {
using analysis::ProfileDiff;
// A metric one run does not carry (say allocations of a run recorded without --alloc):
// never shown as 0, which would read as a real change.
constexpr const char *kUnknown = "n/a";

std::string verdictWord(analysis::DiffVerdict v)
{
    return analysis::diffVerdictName(v);
}

std::string fnLabel(const ProfileDiff::Function &f)
{
    std::string s = f.name.empty() ? "[unknown]" : textescape::validUtf8(f.name);
    if (!f.module.empty())
        s += " [" + textescape::validUtf8(f.module) + "]";
    return s;
}

// Markdown table cells: no pipes, no line breaks, no HTML.
std::string mdCell(std::string_view text)
{
    std::string out;
    for (const char c : text) {
        switch (c) {
        case '|':
            out += "\\|";
            break;
        case '\n':
        case '\r':
            out += ' ';
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '`':
        case '*':
        case '_':
            out += '\\';
            out += c;
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string pct(double share)
{
    return fixedNumber(100.0 * share, 2) + " %";
}

std::size_t shownCount(const ProfileDiff &d, std::size_t top)
{
    std::size_t n = 0;
    for (const auto &f : d.functions()) {
        if (n >= top)
            break;
        if (f.selfBefore == 0 && f.selfAfter == 0 && f.totalBefore == 0 && f.totalAfter == 0)
            break; // sorted: the rest has no weight in either run
        ++n;
    }
    return n;
}
} // namespace

std::string DiffText::formatValue(double value, const std::string &unit)
{
    if (unit == "ns") {
        if (value >= 1e9)
            return fixedNumber(value / 1e9, 3) + " s";
        return fixedNumber(value / 1e6, 1) + " ms";
    }
    if (unit == "bytes") {
        if (value >= 1024.0 * 1024.0)
            return fixedNumber(value / (1024.0 * 1024.0), 1) + " MiB";
        if (value < 1024.0) // leaked bytes are often a few hundred: "0.1 KiB" would hide them
            return fixedNumber(value, 0) + " B";
        return fixedNumber(value / 1024.0, 1) + " KiB";
    }
    if (unit == "kB" || unit == "KiB")
        return fixedNumber(value / 1024.0, 1) + " MiB";
    return fixedNumber(value, 0) + (unit.empty() || unit == "count" ? "" : " " + unit);
}

std::string DiffText::markdownCell(std::string_view text)
{
    return mdCell(text);
}

std::string DiffText::formatRelative(double p)
{
    if (std::isinf(p))
        return "new";
    if (std::abs(p) < 0.05)
        return "±0.0 %";
    return (p > 0 ? "+" : "") + fixedNumber(p, 1) + " %";
}

std::string DiffText::formatPoints(double points)
{
    return (points >= 0 ? "+" : "") + fixedNumber(points, 2) + " pp";
}

std::string DiffText::formatModeValue(const ProfileDiff &d, double value)
{
    return d.mode() == analysis::DiffMode::Share ? pct(value) : formatValue(value, d.valueUnit());
}

std::string DiffText::formatDelta(const ProfileDiff &d, double delta)
{
    if (d.mode() == analysis::DiffMode::Share)
        return formatPoints(100.0 * delta);
    return (delta >= 0 ? "+" : "-") + formatValue(std::abs(delta), d.valueUnit());
}

std::string DiffText::modeLine(const ProfileDiff &d)
{
    std::string out = std::string("mode: ") + analysis::diffModeName(d.mode()) + ", " + d.modeLabel() + " (";
    if (d.mode() == d.defaultMode())
        out += "default: ";
    else
        out += std::string("default ") + analysis::diffModeName(d.defaultMode()) + ": ";
    return out + d.defaultReason() + ")";
}

std::string DiffText::plain(const ProfileDiff &d, const Labels &labels, std::size_t top)
{
    const auto &t = d.thresholds();
    std::string out = "verdict: " + verdictWord(d.verdict()) + "  (warn above +" + fixedNumber(t.warnAbovePct, 1) +
                      " %, fail above +" + fixedNumber(t.failAbovePct, 1) + " %, functions above " +
                      fixedNumber(t.minSharePct, 1) + " % self)\n";
    out += "base: " + labels.base + "\nnew:  " + labels.next + "\n" + modeLine(d) + "\n\n";
    for (const auto &m : d.metrics()) {
        if (!m.knownBefore && !m.knownAfter)
            continue;
        out += "  " + m.name + ": " + (m.knownBefore ? formatValue(m.before, m.unit) : kUnknown) + " -> " +
               (m.knownAfter ? formatValue(m.after, m.unit) : kUnknown);
        if (m.known())
            out += "  (" + formatRelative(m.relativePct()) + ")";
        if (&m == &d.totalTime())
            out += "  [total time: " + verdictWord(d.totalVerdict()) + "]";
        out += '\n';
    }
    out += d.mode() == analysis::DiffMode::Share ? "\ntop changes (self share of each run's total):\n"
                                                 : "\ntop changes (self " + d.quantity() + "):\n";
    const std::size_t n = shownCount(d, top);
    for (std::size_t i = 0; i < n; ++i) {
        const auto &f = d.functions()[i];
        out += "  " + std::string(f.verdict == analysis::DiffVerdict::Pass ? "    " : verdictWord(f.verdict)) + "  " +
               formatModeValue(d, f.selfValueBefore) + " -> " + formatModeValue(d, f.selfValueAfter) + "  " +
               formatDelta(d, f.selfDelta()) + "  " + formatRelative(f.selfRelativePct()) + "  " + fnLabel(f) + '\n';
    }
    return out;
}

std::string DiffText::markdown(const ProfileDiff &d, const Labels &labels, std::size_t top)
{
    const auto &t = d.thresholds();
    static const char *icon[] = {"✅ pass", "⚠️ warn", "❌ fail"};
    std::string out = "## perfwb diff: " + std::string(icon[static_cast<int>(d.verdict())]) + "\n\n";
    out += "Base `" + mdCell(labels.base) + "` → new `" + mdCell(labels.next) + "`. Warn above +" +
           fixedNumber(t.warnAbovePct, 1) + " %, fail above +" + fixedNumber(t.failAbovePct, 1) +
           " % (total time and functions above " + fixedNumber(t.minSharePct, 1) + " % self share).\n\n";
    out += "Functions compared by **" + d.modeLabel() + "** (" + mdCell(modeLine(d)) + ").\n\n";
    out += "| metric | before | after | change |\n|---|---:|---:|---:|\n";
    for (const auto &m : d.metrics()) {
        if (!m.knownBefore && !m.knownAfter)
            continue;
        std::string name = m.name;
        if (&m == &d.totalTime())
            name += " (total time, " + verdictWord(d.totalVerdict()) + ")";
        out += "| " + mdCell(name) + " | " + (m.knownBefore ? formatValue(m.before, m.unit) : kUnknown) + " | " +
               (m.knownAfter ? formatValue(m.after, m.unit) : kUnknown) + " | " +
               (m.known() ? formatRelative(m.relativePct()) : kUnknown) + " |\n";
    }
    out += "\n| function | self before | self after | Δ self | Δ rel | total before | total after | verdict |\n"
           "|---|---:|---:|---:|---:|---:|---:|---|\n";
    const std::size_t n = shownCount(d, top);
    for (std::size_t i = 0; i < n; ++i) {
        const auto &f = d.functions()[i];
        out += "| `" + mdCell(fnLabel(f)) + "` | " + formatModeValue(d, f.selfValueBefore) + " | " +
               formatModeValue(d, f.selfValueAfter) + " | " + formatDelta(d, f.selfDelta()) + " | " +
               formatRelative(f.selfRelativePct()) + " | " + formatModeValue(d, f.totalValueBefore) + " | " +
               formatModeValue(d, f.totalValueAfter) + " | " +
               (f.verdict == analysis::DiffVerdict::Pass ? std::string() : icon[static_cast<int>(f.verdict)]) + " |\n";
    }
    return out;
}

std::string DiffText::json(const ProfileDiff &d, const Labels &labels, std::size_t top)
{
    const auto &t = d.thresholds();
    std::string out = "{\"verdict\":\"" + verdictWord(d.verdict()) + "\",\"base\":";
    textescape::appendJsonString(out, labels.base);
    out += ",\"new\":";
    textescape::appendJsonString(out, labels.next);
    out += ",\"thresholds\":{\"warnAbovePct\":" + jsonNumber(t.warnAbovePct) +
           ",\"failAbovePct\":" + jsonNumber(t.failAbovePct) + ",\"minSharePct\":" + jsonNumber(t.minSharePct) + "}";
    out += std::string(",\"mode\":\"") + analysis::diffModeName(d.mode()) + "\",\"defaultMode\":\"" +
           analysis::diffModeName(d.defaultMode()) + "\",\"defaultReason\":";
    textescape::appendJsonString(out, d.defaultReason());
    out += ",\"legend\":";
    textescape::appendJsonString(out, "colour: " + d.modeLabel());
    out += ",\"valueUnit\":";
    textescape::appendJsonString(out, d.valueUnit());
    out += ",\"totalTime\":{\"metric\":";
    textescape::appendJsonString(out, d.totalTime().name);
    out += ",\"relativePct\":" + jsonNumber(d.totalTime().relativePct()) + ",\"verdict\":\"" +
           verdictWord(d.totalVerdict()) + "\"},\"metrics\":[";
    bool first = true;
    for (const auto &m : d.metrics()) {
        out += first ? "" : ",";
        first = false;
        out += "{\"name\":";
        textescape::appendJsonString(out, m.name);
        out += ",\"unit\":";
        textescape::appendJsonString(out, m.unit);
        out += ",\"before\":" + (m.knownBefore ? jsonNumber(m.before) : "null") +
               ",\"after\":" + (m.knownAfter ? jsonNumber(m.after) : "null") +
               ",\"relativePct\":" + (m.known() ? jsonNumber(m.relativePct()) : "null") + "}";
    }
    out += "],\"functions\":[";
    const std::size_t n = shownCount(d, top);
    for (std::size_t i = 0; i < n; ++i) {
        const auto &f = d.functions()[i];
        out += i == 0 ? "{\"name\":" : ",{\"name\":";
        textescape::appendJsonString(out, f.name);
        out += ",\"module\":";
        textescape::appendJsonString(out, f.module);
        out += ",\"selfBefore\":" + std::to_string(f.selfBefore) + ",\"selfAfter\":" + std::to_string(f.selfAfter) +
               ",\"totalBefore\":" + std::to_string(f.totalBefore) + ",\"totalAfter\":" + std::to_string(f.totalAfter) +
               ",\"selfShareBefore\":" + jsonNumber(f.selfShareBefore) +
               ",\"selfShareAfter\":" + jsonNumber(f.selfShareAfter) +
               ",\"totalShareBefore\":" + jsonNumber(f.totalShareBefore) +
               ",\"totalShareAfter\":" + jsonNumber(f.totalShareAfter) +
               ",\"selfValueBefore\":" + jsonNumber(f.selfValueBefore) +
               ",\"selfValueAfter\":" + jsonNumber(f.selfValueAfter) +
               ",\"selfDeltaPoints\":" + jsonNumber(f.selfDeltaPoints()) +
               ",\"selfRelativePct\":" + jsonNumber(f.selfRelativePct()) +
               ",\"significant\":" + (f.significant ? "true" : "false") + ",\"verdict\":\"" + verdictWord(f.verdict) +
               "\"}";
    }
    out += "]}\n";
    return out;
}

} // namespace perfwb::formats
