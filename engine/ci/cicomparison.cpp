// SPDX-License-Identifier: GPL-3.0-or-later
#include "cicomparison.h"

#include "analysis/profilediff.h"
#include "cimetric.h"
#include "formats/difftext.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>

namespace perfwb::ci {

namespace {

int severity(CiVerdict v)
{
    switch (v) {
    case CiVerdict::Error:
        return 3;
    case CiVerdict::Fail:
        return 2;
    case CiVerdict::Warn:
        return 1;
    default:
        return 0;
    }
}

std::string percentText(double pct)
{
    return formats::DiffText::formatRelative(pct);
}

} // namespace

const char *ciVerdictName(CiVerdict v)
{
    switch (v) {
    case CiVerdict::Pass:
        return "pass";
    case CiVerdict::Improved:
        return "improved";
    case CiVerdict::Info:
        return "info";
    case CiVerdict::NotAvailable:
        return "n/a";
    case CiVerdict::New:
        return "new";
    case CiVerdict::Warn:
        return "warn";
    case CiVerdict::Fail:
        return "fail";
    case CiVerdict::Error:
        return "error";
    }
    return "?";
}

std::string ScenarioComparison::reason() const
{
    if (verdict == CiVerdict::Error)
        return error;
    if (verdict == CiVerdict::New)
        return "not in the baseline";
    std::string out;
    for (const auto &m : metrics) {
        if (m.verdict != CiVerdict::Warn && m.verdict != CiVerdict::Fail)
            continue;
        const CiMetric *info = findCiMetric(m.metric);
        char p[32];
        std::snprintf(p, sizeof p, m.significance.method == "mann-whitney" ? "p = %.3f" : "ranges apart",
                      m.significance.p);
        out += (out.empty() ? "" : ", ") + std::string(info->label) + " " + percentText(m.changePct) + " (" + p + ")";
    }
    if (out.empty())
        return verdict == CiVerdict::Improved ? "faster or smaller beyond the noise" : "no change beyond the noise";
    // Name the function that moved most, so a regression points at its cause.
    for (const auto &f : functions) {
        if (f.regression) {
            out += "; " + f.name + " " + percentText(f.changePct);
            break;
        }
    }
    return out;
}

MetricChange CiComparison::compareMetric(const ScenarioResult &before, const ScenarioResult &after,
                                         const std::string &metric, bool gated, const MetricThresholds &t)
{
    MetricChange c;
    c.metric = metric;
    c.thresholds = t;
    const auto b = before.summary(metric);
    const auto a = after.summary(metric);
    if (!b || !a)
        return c;
    c.known = true;
    c.before = b->median;
    c.after = a->median;
    c.changePct = analysis::ProfileDiff::relativePct(c.before, c.after);
    c.significance = Significance::test(b->values, a->values);
    if (!gated)
        c.verdict = CiVerdict::Info;
    else if (c.significance.significant && c.changePct > t.failAbovePct)
        c.verdict = CiVerdict::Fail;
    else if (c.significance.significant && c.changePct > t.warnAbovePct)
        c.verdict = CiVerdict::Warn;
    else if (c.significance.significant && c.changePct < -t.warnAbovePct)
        c.verdict = CiVerdict::Improved;
    else
        c.verdict = CiVerdict::Pass;
    return c;
}

std::vector<FunctionChange> CiComparison::shareChanges(const ScenarioResult &before, const ScenarioResult &after,
                                                       const MetricThresholds &t, std::size_t top)
{
    std::map<std::pair<std::string, std::string>, FunctionChange> byKey;
    for (const auto &f : before.topFunctions) {
        auto &c = byKey[{f.name, f.module}];
        c.name = f.name;
        c.module = f.module;
        c.before = f.selfShare;
    }
    for (const auto &f : after.topFunctions) {
        auto &c = byKey[{f.name, f.module}];
        c.name = f.name;
        c.module = f.module;
        c.after = f.selfShare;
    }
    std::vector<FunctionChange> out;
    for (auto &[key, c] : byKey) {
        c.unit = "share";
        c.changePct = analysis::ProfileDiff::relativePct(c.before, c.after);
        // Shares move with sampling noise: only a change of a function that holds at
        // least 1 % and moved by 2 points or more counts.
        c.regression = c.changePct > t.warnAbovePct && c.after - c.before >= 0.02 && c.after >= 0.01;
        out.push_back(c);
    }
    std::sort(out.begin(), out.end(), [](const FunctionChange &x, const FunctionChange &y) {
        if (x.regression != y.regression)
            return x.regression;
        return std::abs(x.after - x.before) > std::abs(y.after - y.before);
    });
    if (out.size() > top)
        out.resize(top);
    return out;
}

std::vector<FunctionChange> CiComparison::diffChanges(const analysis::ProfileDiff &diff, std::size_t top)
{
    std::vector<FunctionChange> out;
    const bool share = diff.mode() == analysis::DiffMode::Share;
    for (const auto &f : diff.functions()) {
        if (!f.considered)
            continue;
        FunctionChange c;
        c.name = f.name;
        c.module = f.module;
        c.unit = share ? "share" : diff.valueUnit();
        c.before = f.selfValueBefore;
        c.after = f.selfValueAfter;
        c.changePct = f.selfRelativePct();
        c.regression = f.verdict != analysis::DiffVerdict::Pass;
        out.push_back(std::move(c));
        if (out.size() == top)
            break;
    }
    return out;
}

std::vector<ScenarioComparison> CiComparison::compare(const CiResults *before, const CiResults &after,
                                                      const ScenarioFile &scenarios, const MetricThresholds &defaults)
{
    std::vector<ScenarioComparison> out;
    for (const auto &s : after.scenarios) {
        ScenarioComparison c;
        c.name = s.name;
        const Scenario *spec = scenarios.find(s.name);
        const Scenario none;
        const auto thresholdsOf = [&](const std::string &metric) {
            return scenarios.thresholdsFor(spec != nullptr ? *spec : none, metric, defaults);
        };
        const ScenarioResult *base = before != nullptr ? before->find(s.name) : nullptr;
        if (s.failed()) {
            c.verdict = CiVerdict::Error;
            c.error = s.error;
        } else if (base == nullptr || base->failed()) {
            c.verdict = CiVerdict::New;
        }
        if (base != nullptr && !base->failed() && !s.failed()) {
            int worst = 0;
            bool improved = false;
            for (const auto &m : kCiMetrics) {
                const std::string key(m.key);
                c.metrics.push_back(compareMetric(*base, s, key, m.gated, thresholdsOf(key)));
                worst = std::max(worst, severity(c.metrics.back().verdict));
                improved = improved || c.metrics.back().verdict == CiVerdict::Improved;
            }
            c.verdict = worst == 2   ? CiVerdict::Fail
                        : worst == 1 ? CiVerdict::Warn
                        : improved   ? CiVerdict::Improved
                                     : CiVerdict::Pass;
            c.functions = shareChanges(*base, s, thresholdsOf("cpu_time"), 5);
            c.functionSource = "shares";
        }
        out.push_back(std::move(c));
    }
    return out;
}

CiVerdict CiComparison::overall(const std::vector<ScenarioComparison> &list)
{
    CiVerdict worst = CiVerdict::Pass;
    for (const auto &c : list) {
        if (severity(c.verdict) > severity(worst))
            worst = c.verdict;
    }
    return worst;
}

} // namespace perfwb::ci
