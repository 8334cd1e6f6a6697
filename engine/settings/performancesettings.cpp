// SPDX-License-Identifier: GPL-3.0-or-later
#include "performancesettings.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cctype>
#include <stdexcept>
#include <unistd.h>

namespace perfwb::settings {

namespace {

// Single quotes keep every byte literal in a POSIX shell; a quote inside is closed,
// escaped and reopened.
std::string shellQuote(std::string_view s)
{
    std::string out = "'";
    for (const char c : s) {
        if (c == '\'')
            out += "'\\''";
        else
            out += c;
    }
    return out + "'";
}

// A word the shell reads as itself stays bare (python3, app.py, 250); anything else
// is single-quoted, so the command line reads like one typed by hand.
std::string shellWord(std::string_view s)
{
    const bool bare = !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) {
        return std::isalnum(c) || std::string_view("_-./:=@%+,").find(char(c)) != std::string_view::npos;
    });
    return bare ? std::string(s) : shellQuote(s);
}

// The host side of the outputs mount: a relative directory is under $PWD, so it is
// double-quoted (for $PWD to expand) with the characters special there escaped.
std::string hostOutputDir(const std::string &dir)
{
    if (!dir.empty() && dir.front() == '/')
        return shellWord(dir + ":" + std::string(PerformanceSettings::kContainerOutputDir));
    std::string out = "\"$PWD/";
    for (const char c : dir) {
        if (c == '"' || c == '\\' || c == '$' || c == '`')
            out += '\\';
        out += c;
    }
    return out + ":" + std::string(PerformanceSettings::kContainerOutputDir) + "\"";
}

std::string groupTitle(const SettingSpec &spec)
{
    if (!spec.tool || spec.name.substr(0, 7) == "ENABLE_")
        return "general";
    return std::string(profilerToolName(*spec.tool));
}

} // namespace

std::string_view settingSourceName(SettingSource source)
{
    switch (source) {
    case SettingSource::Default:
        return "default";
    case SettingSource::Preset:
        return "preset";
    case SettingSource::Environment:
        return "environment";
    }
    return "default";
}

PerformanceSettings::Environment PerformanceSettings::processEnvironment()
{
    Environment env;
    for (char **e = ::environ; e != nullptr && *e != nullptr; ++e) {
        const std::string_view entry(*e);
        const auto eq = entry.find('=');
        if (eq != std::string_view::npos)
            env.emplace_back(std::string(entry.substr(0, eq)), std::string(entry.substr(eq + 1)));
    }
    return env;
}

Result<PerformanceSettings::Values> PerformanceSettings::valuesFromEnvironment(const Environment &env)
{
    Values values;
    for (const auto &[name, text] : env) {
        if (name.substr(0, SettingSpec::kPrefix.size()) != SettingSpec::kPrefix)
            continue;
        const SettingSpec *spec = SettingSpec::find(name);
        if (spec == nullptr)
            return makeError("unknown setting " + name + " (perfwb settings lists the FIL_PERF_ variables)");
        auto value = spec->normalize(text);
        if (!value)
            return makeError(value.message());
        values[std::string(spec->name)] = value.value();
    }
    return values;
}

Result<PerformanceSettings> PerformanceSettings::resolve(const Values &preset, std::string_view presetName,
                                                         const Values &environment)
{
    PerformanceSettings s;
    s.presetName_ = presetName;
    for (const auto &[name, text] : preset) {
        const SettingSpec *spec = SettingSpec::find(name);
        if (spec == nullptr)
            return makeError("preset " + std::string(presetName) + ": unknown setting " + name);
        if (auto ok = spec->normalize(text); !ok)
            return makeError("preset " + std::string(presetName) + ": " + ok.message());
    }
    for (const auto &spec : SettingSpec::all()) {
        Entry e{&spec, std::string(spec.defaultValue), SettingSource::Default};
        const std::string key(spec.name);
        if (const auto it = preset.find(key); it != preset.end()) {
            e.value = spec.normalize(it->second).value();
            e.source = SettingSource::Preset;
        }
        if (const auto it = environment.find(key); it != environment.end()) {
            auto v = spec.normalize(it->second);
            if (!v)
                return makeError(v.message());
            e.value = v.value();
            e.source = SettingSource::Environment;
        }
        s.entries_.push_back(std::move(e));
    }
    return s;
}

Result<PerformanceSettings> PerformanceSettings::fromEnvironment(const Values &preset, std::string_view presetName)
{
    auto env = valuesFromEnvironment(processEnvironment());
    if (!env)
        return makeError(env.message());
    return resolve(preset, presetName, env.value());
}

const PerformanceSettings::Entry &PerformanceSettings::entry(std::string_view name) const
{
    for (const auto &e : entries_) {
        if (e.spec->name == name)
            return e;
    }
    // Names come from the spec table at compile time: an unknown one is a programming error.
    throw std::logic_error("unknown FIL_PERF setting " + std::string(name));
}

bool PerformanceSettings::enabled(ProfilerTool tool) const
{
    for (const auto &e : entries_) {
        if (e.spec->tool == tool && e.spec->name.substr(0, 7) == "ENABLE_")
            return e.value == "true";
    }
    return false;
}

std::vector<ProfilerTool> PerformanceSettings::enabledTools() const
{
    std::vector<ProfilerTool> tools;
    for (const auto tool : allProfilerTools()) {
        if (enabled(tool))
            tools.push_back(tool);
    }
    return tools;
}

std::string PerformanceSettings::runLabel(std::string_view fallback) const
{
    const std::string &label = value("RUN_LABEL");
    return label.empty() ? std::string(fallback) : label;
}

std::string PerformanceSettings::shellExports() const
{
    std::string out;
    for (const auto &e : entries_) {
        if (e.source != SettingSource::Default)
            out += "export " + e.spec->variable() + "=" + shellQuote(e.value) + "\n";
    }
    if (out.empty())
        out = "# every FIL_PERF_ setting is at its default (all profilers off)\n";
    return out;
}

std::string PerformanceSettings::containerCommand(const std::vector<std::string> &command) const
{
    std::string out = "docker run --rm";
    // py-spy reads the target's memory: the container needs ptrace.
    if (enabled(ProfilerTool::PySpy))
        out += " --cap-add SYS_PTRACE";
    out += " \\\n  -v " + hostOutputDir(outputDir());
    for (const auto &e : entries_) {
        // The image's own FIL_PERF_OUTPUT_DIR points at the mount; the image is not a
        // setting of the run inside it.
        if (e.source == SettingSource::Default || e.spec->name == "OUTPUT_DIR" || e.spec->name == "CONTAINER_IMAGE")
            continue;
        out += " \\\n  -e " + e.spec->variable() + "=" + shellWord(e.value);
    }
    out += " \\\n  " + shellWord(value("CONTAINER_IMAGE"));
    for (const auto &arg : command)
        out += " " + shellWord(arg);
    return out + "\n";
}

std::string PerformanceSettings::text() const
{
    std::string out;
    std::string group;
    for (const auto &e : entries_) {
        const std::string g = groupTitle(*e.spec);
        if (g != group) {
            out += (out.empty() ? "" : "\n") + g + ":\n";
            group = g;
        }
        std::string line = "  " + e.spec->variable() + " = " + (e.value.empty() ? "(unset)" : e.value);
        if (line.size() < 52)
            line.resize(52, ' ');
        line += "  ";
        line += settingSourceName(e.source);
        if (e.source == SettingSource::Preset)
            line += " " + presetName_;
        out += line + "\n";
    }
    return out;
}

std::string PerformanceSettings::json() const
{
    QJsonObject settings;
    for (const auto &e : entries_) {
        QJsonObject o{{QStringLiteral("value"), QString::fromStdString(e.value)},
                      {QStringLiteral("source"), QString::fromLatin1(settingSourceName(e.source).data())}};
        if (e.spec->tool)
            o.insert(QStringLiteral("tool"), QString::fromLatin1(profilerToolName(*e.spec->tool).data()));
        if (!e.spec->toolFlag.empty())
            o.insert(QStringLiteral("flag"), QString::fromLatin1(e.spec->toolFlag.data(), e.spec->toolFlag.size()));
        settings.insert(QString::fromStdString(e.spec->variable()), o);
    }
    QJsonObject root{
        {QStringLiteral("preset"), presetName_.empty() ? QJsonValue() : QString::fromStdString(presetName_)},
        {QStringLiteral("settings"), settings}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented).toStdString();
}

PerformanceSettings::Values PerformanceSettings::changedValues() const
{
    Values values;
    for (const auto &e : entries_) {
        if (e.source != SettingSource::Default)
            values[std::string(e.spec->name)] = e.value;
    }
    return values;
}

} // namespace perfwb::settings
