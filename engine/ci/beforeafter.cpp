// SPDX-License-Identifier: GPL-3.0-or-later
#include "beforeafter.h"

#include "cimetric.h"
#include "formats/difftext.h"

#include <cmath>
#include <cstdio>
#include <utility>
#include <vector>

namespace perfwb::ci {

namespace {

using formats::DiffText;

std::string cell(const std::string &text)
{
    return DiffText::markdownCell(text);
}

// Inside backticks escapes show as they are: only keep the span and the line whole.
std::string code(const std::string &text)
{
    std::string out;
    for (char c : text)
        out += c == '`' ? '\'' : (c == '\n' || c == '\r') ? ' ' : c;
    return "`" + out + "`";
}

std::string value(double v, std::string_view unit)
{
    if (unit == "percent") {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.0f %%", v);
        return buf;
    }
    if (unit == "share") {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.1f %%", 100 * v);
        return buf;
    }
    return DiffText::formatValue(v, std::string(unit));
}

std::string verdictText(CiVerdict v)
{
    switch (v) {
    case CiVerdict::Fail:
        return "**fail**";
    case CiVerdict::Warn:
        return "**warn**";
    case CiVerdict::Error:
        return "**error**";
    default:
        return ciVerdictName(v);
    }
}

std::string testText(const MetricChange &m)
{
    if (m.significance.method == "mann-whitney") {
        char buf[48];
        std::snprintf(buf, sizeof buf, "U test p = %.3f", m.significance.p);
        return buf;
    }
    if (m.significance.method == "ranges")
        return m.significance.significant ? "ranges apart" : "ranges overlap";
    return "";
}

std::string thresholdsLine(const ScenarioComparison &c)
{
    for (const auto &m : c.metrics) {
        if (m.metric == "wall_time") {
            char buf[96];
            std::snprintf(buf, sizeof buf, "warn above +%g %%, fail above +%g %%", m.thresholds.warnAbovePct,
                          m.thresholds.failAbovePct);
            return buf;
        }
    }
    return {};
}

void scenarioTable(std::string &out, const ScenarioResult *base, const ScenarioResult &run, const ScenarioComparison &c)
{
    out += "### " + cell(run.name) + ": " + verdictText(c.verdict) + "\n\n";
    for (const auto &note : run.notes)
        out += "- " + cell(note) + "\n";
    if (!run.notes.empty())
        out += "\n";
    if (run.failed()) {
        out += "The command failed: " + code(run.error) + "\n\n";
        return;
    }
    if (base == nullptr || c.metrics.empty()) {
        out += "No baseline for this scenario: figures of this run only.\n\n";
        out += "| metric | median | min | max |\n|---|---:|---:|---:|\n";
        for (const auto &m : kCiMetrics) {
            const auto s = run.summary(std::string(m.key));
            if (s)
                out += "| " + std::string(m.label) + " | " + value(s->median, m.unit) + " | " + value(s->min, m.unit) +
                       " | " + value(s->max, m.unit) + " |\n";
        }
        out += "\n";
        return;
    }
    out += cell(c.reason()) + " (" + thresholdsLine(c) + ").\n\n";
    out += "| metric | before (median, min–max) | after (median, min–max) | change | test | verdict |\n"
           "|---|---:|---:|---:|---|---|\n";
    for (const auto &m : c.metrics) {
        const CiMetric *info = findCiMetric(m.metric);
        if (!m.known) {
            out += "| " + std::string(info->label) + " | – | – | – | | n/a |\n";
            continue;
        }
        const auto b = base->summary(m.metric);
        const auto a = run.summary(m.metric);
        const auto range = [&](const MetricSummary &s) {
            return value(s.median, info->unit) + " (" + value(s.min, info->unit) + "–" + value(s.max, info->unit) + ")";
        };
        out += "| " + std::string(info->label) + " | " + range(*b) + " | " + range(*a) + " | " +
               DiffText::formatRelative(m.changePct) + " | " + testText(m) + " | " + verdictText(m.verdict) + " |\n";
    }
    out += "\n";
    if (!c.functions.empty()) {
        out += std::string("Top function changes (") +
               (c.functionSource == "reports" ? "self cost, `perfwb diff` of the median runs"
                                              : "self share of each run: the baseline's reports are not here") +
               "):\n\n| function | before | after | change |\n|---|---:|---:|---:|\n";
        for (const auto &f : c.functions) {
            std::string name = cell(f.name.empty() ? "[unknown]" : f.name);
            if (!f.module.empty())
                name += " <sub>" + cell(f.module) + "</sub>";
            out += "| " + (f.regression ? "**" + name + "**" : name) + " | " + value(f.before, f.unit) + " | " +
                   value(f.after, f.unit) + " | " + DiffText::formatRelative(f.changePct) + " |\n";
        }
        out += "\n";
    }
    if (!c.diffHtml.empty())
        out += "Comparison page: " + code(c.diffHtml) + "\n\n";
}

} // namespace

std::string BeforeAfter::markdown(const CiResults *before, const CiResults &after,
                                  const std::vector<ScenarioComparison> &comparisons, const Links &links)
{
    std::string out = "## perfwb perf CI: " + cell(after.label);
    out += before != nullptr ? " against baseline " + cell(before->label) + "\n\n" : "\n\n";
    const CiVerdict overall = CiComparison::overall(comparisons);
    // How many scenarios got each verdict, worst first; only the verdicts that occur.
    std::vector<std::pair<CiVerdict, int>> counts{{CiVerdict::Error, 0},    {CiVerdict::Fail, 0}, {CiVerdict::Warn, 0},
                                                  {CiVerdict::Improved, 0}, {CiVerdict::Pass, 0}, {CiVerdict::New, 0}};
    for (const auto &c : comparisons) {
        for (auto &[v, n] : counts)
            n += v == c.verdict ? 1 : 0;
    }
    std::string tally;
    for (const auto &[v, n] : counts) {
        if (n > 0)
            tally += (tally.empty() ? "" : ", ") + std::to_string(n) + " " +
                     (v == CiVerdict::Error ? std::string("failed to run") : std::string(ciVerdictName(v)));
    }
    out += "**Verdict: " + std::string(ciVerdictName(overall == CiVerdict::Improved ? CiVerdict::Pass : overall)) +
           "** — " + tally + "; " + std::to_string(after.runs) + (after.runs == 1 ? " run" : " runs") +
           " per scenario.\n\n";
    if (before == nullptr)
        out += "No baseline: these are this run's figures only. Make one with `perfwb ci baseline update`.\n\n";
    else
        out += "A change counts only beyond the runs' spread (Mann-Whitney U, p < 0.05, with 5 runs or more a "
               "side; else ranges that do not overlap). Before: " +
               cell(before->label) + " (" + cell(before->created) + "), after: " + cell(after.label) + " (" +
               cell(after.created) + ").\n\n";
    for (std::size_t i = 0; i < after.scenarios.size() && i < comparisons.size(); ++i) {
        const ScenarioResult &run = after.scenarios[i];
        scenarioTable(out, before != nullptr ? before->find(run.name) : nullptr, run, comparisons[i]);
    }
    out += "Artifacts: reports and exports in " + code(links.outputDir) + ", results in " + code(links.reportsDir) +
           " (latest.json, before_after.md)";
    out += links.runUrl.empty() ? ".\n" : "; download them from [this run's page](" + links.runUrl + ").\n";
    return out;
}

} // namespace perfwb::ci
