// SPDX-License-Identifier: GPL-3.0-or-later
#include "runmeasure.h"

#include "analysis/functiontable.h"
#include "analysis/stackweights.h"
#include "analysis/topfunctions.h"

#include <algorithm>
#include <cstdlib>

namespace perfwb::ci {

RunMetrics measureRun(const model::Profile &profile, const std::string &reportPath)
{
    RunMetrics r;
    r.report = reportPath;
    const auto &meta = profile.meta;
    if (meta.durationNs > 0)
        r.values["wall_time"] = static_cast<double>(meta.durationNs);
    double cpu = 0;
    if (const auto it = meta.extra.find("target_cpu_ns"); it != meta.extra.end())
        cpu = std::strtod(it->second.c_str(), nullptr);
    if (cpu <= 0 && meta.sampler.frequencyHz > 0 && meta.sampler.event == "cpu-clock")
        cpu = static_cast<double>(profile.sampleCount()) * 1e9 / meta.sampler.frequencyHz;
    if (cpu > 0) {
        r.values["cpu_time"] = cpu;
        if (meta.durationNs > 0)
            r.values["cpu_percent"] = 100.0 * cpu / static_cast<double>(meta.durationNs);
    }
    for (const auto &t : profile.timelines) {
        if (t.name != model::timelines::kRss || t.points.empty())
            continue;
        double peak = 0;
        for (const auto &p : t.points)
            peak = std::max(peak, p.value);
        if (peak > 0)
            r.values["peak_rss"] = peak;
    }
    r.values["samples"] = static_cast<double>(profile.sampleCount());
    r.values["lost_samples"] = static_cast<double>(meta.lostSamples);
    return r;
}

std::vector<FunctionShare> topFunctionShares(const model::Profile &profile, std::size_t count)
{
    const analysis::FunctionTable functions(profile);
    const auto weights = analysis::StackWeights::compute(profile);
    const auto top = analysis::TopFunctions::compute(functions, weights);
    std::vector<FunctionShare> out;
    if (top.grandTotal == 0)
        return out;
    const auto total = static_cast<double>(top.grandTotal);
    for (const auto &e : top.entries) {
        if (out.size() == count)
            break;
        out.push_back({analysis::TopFunctions::label(functions, e), std::string(functions.module(e.function)),
                       static_cast<double>(e.self) / total, static_cast<double>(e.total) / total});
    }
    return out;
}

std::string targetFailure(const model::Profile &profile)
{
    const auto &meta = profile.meta;
    if (!meta.exited)
        return {};
    if (meta.exitSignal != 0)
        return "the command was killed by signal " + std::to_string(meta.exitSignal);
    if (meta.exitCode != 0)
        return "the command exited with code " + std::to_string(meta.exitCode);
    return {};
}

} // namespace perfwb::ci
