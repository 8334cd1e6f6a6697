// SPDX-License-Identifier: GPL-3.0-or-later
#include "profilerrunplan.h"

#include "pythoncommand.h"
#include "settings/outputdirectory.h"

#include <algorithm>
#include <filesystem>

namespace perfwb::record {

namespace {

using settings::PerformanceSettings;
using settings::ProfilerTool;
using settings::SettingSpec;

// Appends the tool flags of every setting in the tool's group that is set: booleans
// as bare flags when true, other values as "--flag VALUE".
void appendToolFlags(std::vector<std::string> &argv, const PerformanceSettings &s, ProfilerTool tool,
                     const std::vector<std::string_view> &skip = {})
{
    for (const auto &e : s.entries()) {
        const SettingSpec &spec = *e.spec;
        if (spec.tool != tool || spec.toolFlag.empty() || e.value.empty())
            continue;
        if (std::find(skip.begin(), skip.end(), spec.name) != skip.end())
            continue;
        if (spec.type == SettingSpec::Type::Bool) {
            if (e.value == "true")
                argv.emplace_back(spec.toolFlag);
        } else {
            argv.emplace_back(spec.toolFlag);
            argv.push_back(e.value);
        }
    }
}

void appendProgram(std::vector<std::string> &argv, const PythonCommand &py)
{
    if (py.isModule)
        argv.emplace_back("-m");
    argv.push_back(py.target);
}

struct Names {
    std::string dir;
    std::string label;
    ProfilerRunPlan::Output make(const std::string &what, const std::string &ext, bool importable) const
    {
        const std::string base = settings::OutputDirectory::sanitizeLabel(label) + "-" + what + "." + ext;
        return {(std::filesystem::path(dir) / (".partial-" + base)).string(),
                (std::filesystem::path(dir) / base).string(), importable};
    }
};

std::string pySpyExtension(const std::string &format)
{
    if (format == "flamegraph")
        return "svg";
    if (format == "raw")
        return "folded";
    if (format == "chrometrace")
        return "chrome.json";
    return "speedscope.json";
}

} // namespace

const ProfilerRunPlan::Output *ProfilerRunPlan::importable() const
{
    for (const auto &o : outputs) {
        if (o.importable)
            return &o;
    }
    return nullptr;
}

Result<ProfilerRunPlan> ProfilerRunPlan::make(ProfilerTool tool, const PerformanceSettings &s,
                                              const std::vector<std::string> &command, const std::string &outputDir,
                                              const std::string &runLabel)
{
    ProfilerRunPlan plan;
    plan.tool = tool;
    const Names names{outputDir, runLabel};
    if (command.empty())
        return makeError("no command to run");

    if (tool == ProfilerTool::PySpy) {
        plan.executable = "py-spy";
        plan.installHint = "py-spy comes from PyPI (pip install py-spy); Debian 12 does not package it. "
                           "perfwb record already shows a CPython 3.11/3.12 program's Python stacks "
                           "(function, file:line) without it";
        const std::string &format = s.value("SPY_FORMAT");
        // py-spy's flame graph SVG cannot be read back; every other format is imported.
        plan.outputs.push_back(names.make("pyspy", pySpyExtension(format), format != "flamegraph"));
        std::vector<std::string> argv = {"py-spy", "record", "-o", plan.outputs[0].partialPath};
        appendToolFlags(argv, s, tool);
        argv.emplace_back("--");
        argv.insert(argv.end(), command.begin(), command.end());
        plan.steps.push_back(std::move(argv));
        return plan;
    }

    auto parsed = PythonCommand::parse(command);
    if (!parsed)
        return makeError(std::string(settings::profilerToolName(tool)) + ": " + parsed.message());
    const PythonCommand &py = parsed.value();

    switch (tool) {
    case ProfilerTool::Scalene: {
        plan.executable = "scalene";
        plan.installHint = "install Debian's python3-scalene (apt-get install python3-scalene) or pip install scalene";
        if (py.isModule)
            return makeError("scalene: this Scalene runs scripts, not 'python -m MODULE': give the script's path");
        plan.outputs.push_back(names.make("scalene", "json", true));
        std::vector<std::string> argv = {"scalene", "--cli", "--json", "--outfile", plan.outputs[0].partialPath};
        appendToolFlags(argv, s, tool);
        // Scalene profiles only files below its working directory unless told where the
        // program lives: a script given by an absolute path would leave an empty profile.
        if (s.value("SCALENE_PROFILE_ALL") != "true") {
            const auto dir = std::filesystem::absolute(py.target).parent_path().string();
            argv.insert(argv.end(), {"--program-path", dir});
        }
        argv.push_back(py.target);
        if (!py.args.empty()) {
            argv.emplace_back("---"); // Scalene's separator before the program's own arguments
            argv.insert(argv.end(), py.args.begin(), py.args.end());
        }
        plan.steps.push_back(std::move(argv));
        break;
    }
    case ProfilerTool::Memray: {
        plan.executable = "memray";
        plan.installHint = "Memray comes from PyPI (pip install memray); Debian 12 does not package it. "
                           "perfwb record --alloc already gives a CPython 3.11/3.12 program's allocations "
                           "with their Python stacks without it";
        plan.outputs.push_back(names.make("memray", "bin", false));
        plan.outputs.push_back(names.make("memray-stats", "json", true));
        plan.outputs.push_back(names.make("memray-flamegraph", "html", false));
        const std::string &capture = plan.outputs[0].partialPath;
        std::vector<std::string> run = {"memray", "run", "-o", capture};
        appendToolFlags(run, s, tool);
        appendProgram(run, py);
        run.insert(run.end(), py.args.begin(), py.args.end());
        plan.steps.push_back(std::move(run));
        plan.steps.push_back({"memray", "stats", "--json", "-f", "-o", plan.outputs[1].partialPath, capture});
        plan.steps.push_back({"memray", "flamegraph", "-f", "-o", plan.outputs[2].partialPath, capture});
        break;
    }
    case ProfilerTool::CProfile: {
        plan.executable = py.interpreter;
        plan.installHint = "cProfile is part of Python: install python3";
        plan.outputs.push_back(names.make("cprofile", "pstats", true));
        std::vector<std::string> argv = {py.interpreter};
        argv.insert(argv.end(), py.interpreterOptions.begin(), py.interpreterOptions.end());
        // -s only orders cProfile's own printout, which -o replaces: perfwb prints the
        // top functions itself in that order (FIL_PERF_CPROFILE_SORT / _TOP).
        argv.insert(argv.end(), {"-m", "cProfile", "-o", plan.outputs[0].partialPath});
        appendProgram(argv, py);
        argv.insert(argv.end(), py.args.begin(), py.args.end());
        plan.steps.push_back(std::move(argv));
        break;
    }
    case ProfilerTool::PySpy:
        break;
    }
    return plan;
}

} // namespace perfwb::record
