// SPDX-License-Identifier: GPL-3.0-or-later
#include "profilerruns.h"

#include "cli.h"

#include "analysis/functionstats.h"
#include "formats/profileloader.h"
#include "model/secretredactor.h"
#include "record/profilerrunner.h"
#include "store/runmanifest.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>

namespace perfwb::app {

namespace {

using settings::ProfilerTool;

std::string joined(const std::vector<std::string> &argv)
{
    std::string out;
    for (const auto &a : argv)
        out += (out.empty() ? "" : " ") + (a.find(' ') == std::string::npos ? a : "'" + a + "'");
    return out;
}

// The cProfile column FIL_PERF_CPROFILE_SORT orders by; name keys sort by name.
std::string sortColumn(const std::string &key)
{
    if (key == "tottime" || key == "time")
        return "self time";
    if (key == "calls" || key == "ncalls")
        return "calls";
    if (key == "pcalls")
        return "primitive calls";
    if (key == "cumulative" || key == "cumtime")
        return "total time";
    return {};
}

void printCProfileTop(const model::Profile &p, const std::string &sortKey, std::size_t top)
{
    const auto &costs = p.functionCosts;
    std::vector<model::FrameId> rows = costs.frames();
    const std::string column = sortColumn(sortKey);
    const auto col = costs.findColumn(column);
    const auto value = [&](model::FrameId f, const char *name) {
        const auto c = costs.findColumn(name);
        return c ? costs.value(f, *c).value_or(0) : 0.0;
    };
    std::stable_sort(rows.begin(), rows.end(), [&](model::FrameId a, model::FrameId b) {
        if (col)
            return costs.value(a, *col).value_or(0) > costs.value(b, *col).value_or(0);
        return p.functionName(a) < p.functionName(b);
    });
    std::printf("%10s %12s %12s  %s (by %s)\n", "calls", "self s", "total s", "function", sortKey.c_str());
    for (std::size_t i = 0; i < rows.size() && i < top; ++i) {
        const auto &frame = p.frames.at(rows[i]);
        const std::string file(p.strings.view(frame.file));
        const std::string name(p.functionName(rows[i]));
        // Built-ins have no file ("~:0" in pstats): their name says enough. Names the
        // importer made unique already end in their location.
        std::string where = file.empty() || file == "~" ? "" : " (" + file + ":" + std::to_string(frame.line) + ")";
        if (name.ends_with(where))
            where.clear();
        std::printf("%10.0f %12.6f %12.6f  %s%s\n", value(rows[i], "calls"), value(rows[i], "self time") / 1e9,
                    value(rows[i], "total time") / 1e9, name.c_str(), where.c_str());
    }
}

} // namespace

Result<ProfilerRuns> ProfilerRuns::prepare(const settings::PerformanceSettings &settings,
                                           const std::vector<std::string> &command, const std::string &outputDir,
                                           const std::string &label)
{
    ProfilerRuns runs;
    runs.settings_ = settings;
    runs.command_ = command;
    runs.outputDir_ = outputDir;
    runs.label_ = label;
    for (const auto tool : settings.enabledTools()) {
        auto plan = record::ProfilerRunPlan::make(tool, settings, command, outputDir, label);
        if (!plan)
            return makeError(plan.message());
        if (Status st = record::ProfilerRunner::checkInstalled(plan.value()); !st)
            return makeError(st.message());
        runs.plans_.push_back(std::move(plan.value()));
    }
    return runs;
}

Status ProfilerRuns::summarize(const record::ProfilerRunPlan &plan, const std::string &path) const
{
    model::Profile p;
    if (Status st = formats::ProfileLoader::load(path, {}, p); !st)
        return st;
    if (plan.tool == ProfilerTool::CProfile && !p.functionCosts.empty()) {
        printCProfileTop(p, settings_.value("CPROFILE_SORT"),
                         static_cast<std::size_t>(std::stoul(settings_.value("CPROFILE_TOP"))));
        return {};
    }
    const analysis::FunctionTable functions(p);
    const auto stats = analysis::FunctionStats::compute(functions, analysis::StackWeights::compute(p));
    if (!stats.entries.empty()) {
        const auto &hot = stats.entries.front();
        std::printf(
            "perfwb: %s: hottest %s (%.1f %% self)\n", std::string(settings::profilerToolName(plan.tool)).c_str(),
            std::string(functions.name(hot.function)).c_str(),
            stats.grandTotal == 0 ? 0.0
                                  : 100.0 * static_cast<double>(hot.self) / static_cast<double>(stats.grandTotal));
    }
    return {};
}

int ProfilerRuns::run(const std::string &ownReport)
{
    store::RunManifest manifest;
    manifest.label = label_;
    manifest.command = model::SecretRedactor::redactArguments(command_);
    if (!ownReport.empty())
        manifest.files.push_back({"perfwb", ownReport, true});
    int code = ExitOk;
    std::error_code ec;
    std::filesystem::create_directories(outputDir_, ec); // perfwb's own report may have gone elsewhere (-o)
    if (ec) {
        printError("FIL_PERF_OUTPUT_DIR=" + outputDir_ + ": cannot create directory: " + ec.message());
        return ExitFailure;
    }
    for (const auto &plan : plans_) {
        const std::string tool(settings::profilerToolName(plan.tool));
        for (const auto &step : plan.steps)
            std::fprintf(stderr, "perfwb: %s: %s\n", tool.c_str(), joined(step).c_str());
        std::fflush(stderr);
        auto outcome = record::ProfilerRunner::run(
            plan, {}, [](const std::string &line) { std::fprintf(stderr, "%s\n", line.c_str()); });
        if (!outcome) {
            printError(outcome.message());
            code = ExitFailure;
            continue; // the next tool still runs: each is independent
        }
        for (const auto &o : plan.outputs) {
            manifest.files.push_back({tool, o.finalPath, o.importable});
            std::printf("perfwb: %s -> %s\n", tool.c_str(), o.finalPath.c_str());
        }
        std::fflush(stdout);
        if (const auto *main = plan.importable()) {
            if (Status st = summarize(plan, main->finalPath); !st) {
                printError(tool + " output does not import: " + st.message());
                code = ExitFailure;
            }
        }
        if (outcome->programExit != 0)
            std::fprintf(stderr, "perfwb: note: under %s the program exited with status %d\n", tool.c_str(),
                         outcome->programExit);
    }
    const std::string path = store::RunManifest::pathFor(outputDir_, label_);
    if (Status st = manifest.write(path); !st) {
        printError(st.message());
        return ExitFailure;
    }
    std::printf("perfwb: run files -> %s (open them all: perfwb %s)\n", path.c_str(), path.c_str());
    std::fflush(stdout);
    return code;
}

} // namespace perfwb::app
