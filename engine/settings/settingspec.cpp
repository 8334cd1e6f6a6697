// SPDX-License-Identifier: GPL-3.0-or-later
#include "settingspec.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>

namespace perfwb::settings {

namespace {

using Type = SettingSpec::Type;
constexpr auto kPySpy = ProfilerTool::PySpy;
constexpr auto kScalene = ProfilerTool::Scalene;
constexpr auto kMemray = ProfilerTool::Memray;
constexpr auto kCProfile = ProfilerTool::CProfile;

SettingSpec boolSpec(std::string_view name, std::optional<ProfilerTool> tool, std::string_view flag,
                     std::string_view help)
{
    return {name, Type::Bool, "false", {}, 0, 0, tool, flag, help};
}

SettingSpec intSpec(std::string_view name, std::string_view def, double min, double max,
                    std::optional<ProfilerTool> tool, std::string_view flag, std::string_view help)
{
    return {name, Type::Integer, def, {}, min, max, tool, flag, help};
}

SettingSpec numberSpec(std::string_view name, double min, double max, ProfilerTool tool, std::string_view flag,
                       std::string_view help)
{
    return {name, Type::Number, {}, {}, min, max, tool, flag, help};
}

SettingSpec textSpec(std::string_view name, std::string_view def, std::optional<ProfilerTool> tool,
                     std::string_view flag, std::string_view help)
{
    return {name, Type::Text, def, {}, 0, 0, tool, flag, help};
}

std::vector<SettingSpec> makeSpecs()
{
    return {
        boolSpec("ENABLE_PYSPY", kPySpy, {}, "run the target under py-spy record (sampling, no code changes)"),
        boolSpec("ENABLE_SCALENE", kScalene, {}, "run the target under Scalene (CPU split and memory per line)"),
        boolSpec("ENABLE_MEMRAY", kMemray, {}, "run the target under memray run (every allocation)"),
        boolSpec("ENABLE_CPROFILE", kCProfile, {}, "run the target under python3 -m cProfile (deterministic)"),
        textSpec("OUTPUT_DIR", "outputs/perf", {}, {}, "where every output goes, as <run_label>-<what>.<ext>"),
        textSpec("RUN_LABEL", {}, {}, {}, "the <run_label> of file names (default: the command's base name)"),
        textSpec("CONTAINER_IMAGE", "perfwb/perf-tools:" PERFWB_VERSION, {}, {},
                 "the perf-tools image the container command uses"),

        intSpec("SPY_RATE", "100", 1, 10000, kPySpy, "--rate", "samples per second"),
        boolSpec("SPY_NATIVE", kPySpy, "--native", "include native (C/C++/Rust) frames"),
        boolSpec("SPY_IDLE", kPySpy, "--idle", "include idle threads' samples"),
        boolSpec("SPY_SUBPROCESSES", kPySpy, "--subprocesses", "profile child processes too"),
        boolSpec("SPY_GIL", kPySpy, "--gil", "only samples of threads holding the GIL"),
        boolSpec("SPY_NONBLOCKING", kPySpy, "--nonblocking", "sample without pausing the target (less accurate)"),
        {"SPY_FORMAT", Type::Choice, "speedscope", "speedscope|flamegraph|raw|chrometrace", 0, 0, kPySpy, "--format",
         "py-spy's output format (speedscope keeps time order)"},

        boolSpec("SCALENE_CPU_ONLY", kScalene, "--cpu-only", "CPU only: no memory or GPU profiling (faster)"),
        boolSpec("SCALENE_REDUCED_PROFILE", kScalene, "--reduced-profile", "only lines with non-zero cost"),
        numberSpec("SCALENE_PROFILE_INTERVAL", 0.001, 1e9, kScalene, "--profile-interval",
                   "write a profile every so many seconds (default: at the end)"),
        boolSpec("SCALENE_PROFILE_ALL", kScalene, "--profile-all", "profile all code, not only the target's files"),
        textSpec("SCALENE_PROFILE_ONLY", {}, kScalene, "--profile-only",
                 "only files whose names contain one of these comma-separated strings"),
        textSpec("SCALENE_PROFILE_EXCLUDE", {}, kScalene, "--profile-exclude",
                 "skip files whose names contain one of these comma-separated strings"),
        numberSpec("SCALENE_CPU_SAMPLING_RATE", 0.0001, 10, kScalene, "--cpu-sampling-rate",
                   "seconds between CPU samples"),
        intSpec("SCALENE_MALLOC_THRESHOLD", {}, 1, 1e12, kScalene, "--malloc-threshold",
                "bytes between memory samples"),
        boolSpec("SCALENE_USE_VIRTUAL_TIME", kScalene, "--use-virtual-time", "measure CPU time, not wall time"),

        boolSpec("MEMRAY_NATIVE", kMemray, "--native", "native stacks for every allocation"),
        boolSpec("MEMRAY_TRACE_PYTHON_ALLOCATORS", kMemray, "--trace-python-allocators",
                 "record pymalloc's small allocations one by one"),
        boolSpec("MEMRAY_FOLLOW_FORK", kMemray, "--follow-fork", "keep tracking in forked children"),
        boolSpec("MEMRAY_AGGREGATE", kMemray, "--aggregate", "aggregate in the process: much smaller capture file"),

        {"CPROFILE_SORT", Type::Choice, "cumulative",
         "cumulative|tottime|calls|ncalls|pcalls|time|cumtime|filename|name|line|module|nfl|stdname", 0, 0, kCProfile,
         "-s", "the order of the printed top functions"},
        intSpec("CPROFILE_TOP", "20", 1, 100000, kCProfile, {}, "how many functions to print after the run"),
    };
}

std::string lower(std::string_view s)
{
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

std::string_view trimmed(std::string_view s)
{
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
        s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
        s.remove_suffix(1);
    return s;
}

std::string number(double v)
{
    char buf[32];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    return ec == std::errc() ? std::string(buf, end) : std::to_string(v);
}

} // namespace

std::string_view profilerToolName(ProfilerTool tool)
{
    switch (tool) {
    case ProfilerTool::PySpy:
        return "pyspy";
    case ProfilerTool::Scalene:
        return "scalene";
    case ProfilerTool::Memray:
        return "memray";
    case ProfilerTool::CProfile:
        return "cprofile";
    }
    return "unknown";
}

std::optional<ProfilerTool> profilerToolFromName(std::string_view name)
{
    for (const auto tool : allProfilerTools()) {
        if (profilerToolName(tool) == name)
            return tool;
    }
    return std::nullopt;
}

const std::vector<ProfilerTool> &allProfilerTools()
{
    static const std::vector<ProfilerTool> tools = {kPySpy, kScalene, kMemray, kCProfile};
    return tools;
}

const std::vector<SettingSpec> &SettingSpec::all()
{
    static const std::vector<SettingSpec> specs = makeSpecs();
    return specs;
}

const SettingSpec *SettingSpec::find(std::string_view name)
{
    if (name.substr(0, kPrefix.size()) == kPrefix)
        name.remove_prefix(kPrefix.size());
    for (const auto &spec : all()) {
        if (spec.name == name)
            return &spec;
    }
    return nullptr;
}

std::string SettingSpec::accepts() const
{
    switch (type) {
    case Type::Bool:
        return "a boolean (1/0, true/false, yes/no, on/off)";
    case Type::Integer:
        return "a whole number from " + number(min) + " to " + number(max);
    case Type::Number:
        return "a number from " + number(min) + " to " + number(max);
    case Type::Choice: {
        std::string list(choices);
        std::replace(list.begin(), list.end(), '|', ',');
        return "one of " + list;
    }
    case Type::Text:
        return name == "RUN_LABEL" ? "a name without '/'" : "a non-empty value";
    }
    return {};
}

Result<std::string> SettingSpec::normalize(std::string_view text) const
{
    const std::string_view t = trimmed(text);
    const auto bad = [&] {
        return makeError(variable() + "='" + std::string(text) + "' is not valid: expected " + accepts());
    };
    switch (type) {
    case Type::Bool: {
        // The words pydantic accepts for a bool, any case.
        const std::string v = lower(t);
        if (v == "1" || v == "true" || v == "yes" || v == "on" || v == "t" || v == "y")
            return std::string("true");
        if (v == "0" || v == "false" || v == "no" || v == "off" || v == "f" || v == "n")
            return std::string("false");
        return bad();
    }
    case Type::Integer: {
        long long v = 0;
        const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
        if (t.empty() || ec != std::errc() || end != t.data() + t.size() || static_cast<double>(v) < min ||
            static_cast<double>(v) > max)
            return bad();
        return std::to_string(v);
    }
    case Type::Number: {
        double v = 0;
        const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
        if (t.empty() || ec != std::errc() || end != t.data() + t.size() || !std::isfinite(v) || v < min || v > max)
            return bad();
        return number(v);
    }
    case Type::Choice: {
        const std::string v = lower(t);
        std::string_view rest = choices;
        while (!rest.empty()) {
            const auto bar = rest.find('|');
            if (rest.substr(0, bar) == v)
                return v;
            rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
        }
        return bad();
    }
    case Type::Text:
        if (t.empty() || (name == "RUN_LABEL" && t.find('/') != std::string_view::npos))
            return bad();
        return std::string(t);
    }
    return bad();
}

} // namespace perfwb::settings
