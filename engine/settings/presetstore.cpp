// SPDX-License-Identifier: GPL-3.0-or-later
#include "presetstore.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>
#include <cstdlib>

namespace perfwb::settings {

namespace {

constexpr const char *kFormat = "perfwb-preset";

Preset builtIn(const char *name, const char *description, PerformanceSettings::Values values)
{
    return {name, description, std::move(values), true};
}

// JSON booleans and numbers are written typed; strings are accepted too, so a preset
// can be written by hand exactly as the environment would say it.
Result<std::string> valueText(const SettingSpec &spec, const QJsonValue &v)
{
    std::string text;
    if (v.isBool())
        text = v.toBool() ? "true" : "false";
    else if (v.isDouble())
        text = QString::number(v.toDouble(), 'g', 17).toStdString();
    else if (v.isString())
        text = v.toString().toStdString();
    else
        return makeError(spec.variable() + ": expected " + spec.accepts());
    return spec.normalize(text);
}

QJsonValue typedValue(const SettingSpec &spec, const std::string &text)
{
    switch (spec.type) {
    case SettingSpec::Type::Bool:
        return text == "true";
    case SettingSpec::Type::Integer:
    case SettingSpec::Type::Number:
        return QString::fromStdString(text).toDouble();
    default:
        return QString::fromStdString(text);
    }
}

} // namespace

std::string PresetStore::defaultDirectory()
{
    const char *xdg = std::getenv("XDG_CONFIG_HOME");
    const QString base =
        xdg != nullptr && *xdg == '/' ? QString::fromLocal8Bit(xdg) : QDir::homePath() + QStringLiteral("/.config");
    return (base + QStringLiteral("/perfwb/presets")).toStdString();
}

PresetStore::PresetStore(std::string directory)
    : directory_(std::move(directory))
{}

const std::vector<Preset> &PresetStore::builtIns()
{
    static const std::vector<Preset> presets = {
        builtIn("ci", "what CI runs: py-spy and Scalene", {{"ENABLE_PYSPY", "true"}, {"ENABLE_SCALENE", "true"}}),
        builtIn("memory", "memory hunting: Memray and cProfile",
                {{"ENABLE_MEMRAY", "true"}, {"ENABLE_CPROFILE", "true"}}),
    };
    return presets;
}

Status PresetStore::checkName(const std::string &name)
{
    const bool ok =
        !name.empty() && name.size() <= 64 && name.front() != '.' && std::all_of(name.begin(), name.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
                   c == '.';
        });
    if (!ok)
        return makeError("bad preset name '" + name + "': letters, digits, '-', '_' and '.' (not first), at most 64");
    return {};
}

std::string PresetStore::pathFor(const std::string &name) const
{
    return directory_ + "/" + name + ".json";
}

Result<Preset> PresetStore::parse(const std::string &bytes, const std::string &origin)
{
    QJsonParseError err{};
    const auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(bytes), &err);
    if (err.error != QJsonParseError::NoError)
        return makeError(origin + ": not valid JSON at offset " + std::to_string(err.offset) + ": " +
                         err.errorString().toStdString());
    const QJsonObject root = doc.object();
    if (!doc.isObject() || root.value(QStringLiteral("format")).toString() != QLatin1String(kFormat))
        return makeError(origin + ": not a perfwb preset (\"format\" is not \"" + kFormat + "\")");
    const int version = root.value(QStringLiteral("version")).toInt(-1);
    if (version < 1 || version > kVersion)
        return makeError(origin + ": preset version " + std::to_string(version) +
                         " is not supported (this perfwb reads 1 to " + std::to_string(kVersion) + ")");
    Preset p;
    p.name = root.value(QStringLiteral("name")).toString().toStdString();
    p.description = root.value(QStringLiteral("description")).toString().toStdString();
    const QJsonObject settings = root.value(QStringLiteral("settings")).toObject();
    for (auto it = settings.begin(); it != settings.end(); ++it) {
        const SettingSpec *spec = SettingSpec::find(it.key().toStdString());
        if (spec == nullptr)
            return makeError(origin + ": unknown setting " + it.key().toStdString());
        auto text = valueText(*spec, it.value());
        if (!text)
            return makeError(origin + ": " + text.message());
        p.values[std::string(spec->name)] = text.value();
    }
    return p;
}

std::string PresetStore::serialize(const Preset &preset)
{
    QJsonObject settings;
    for (const auto &[name, text] : preset.values) {
        if (const SettingSpec *spec = SettingSpec::find(name))
            settings.insert(QString::fromStdString(spec->variable()), typedValue(*spec, text));
    }
    const QJsonObject root{{QStringLiteral("format"), QLatin1String(kFormat)},
                           {QStringLiteral("version"), kVersion},
                           {QStringLiteral("name"), QString::fromStdString(preset.name)},
                           {QStringLiteral("description"), QString::fromStdString(preset.description)},
                           {QStringLiteral("settings"), settings}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented).toStdString();
}

Result<Preset> PresetStore::load(const std::string &name) const
{
    if (auto ok = checkName(name); !ok)
        return makeError(ok.message());
    QFile f(QString::fromStdString(pathFor(name)));
    if (f.open(QIODevice::ReadOnly)) {
        auto p = parse(f.readAll().toStdString(), pathFor(name));
        if (p)
            p.value().name = name;
        return p;
    }
    if (f.exists())
        return makeError(pathFor(name) + ": " + f.errorString().toStdString());
    for (const auto &b : builtIns()) {
        if (b.name == name)
            return b;
    }
    return makeError("no preset named '" + name + "' (perfwb preset list shows them)");
}

std::vector<Preset> PresetStore::list(std::vector<std::string> *problems) const
{
    std::vector<Preset> out;
    const QDir dir(QString::fromStdString(directory_));
    for (const QString &file : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        const std::string name = file.chopped(5).toStdString();
        auto p = load(name);
        if (p)
            out.push_back(p.value());
        else if (problems != nullptr)
            problems->push_back(p.message());
    }
    for (const auto &b : builtIns()) {
        if (std::none_of(out.begin(), out.end(), [&](const Preset &p) { return p.name == b.name; }))
            out.push_back(b);
    }
    std::sort(out.begin(), out.end(), [](const Preset &a, const Preset &b) { return a.name < b.name; });
    return out;
}

Status PresetStore::save(const Preset &preset) const
{
    if (auto ok = checkName(preset.name); !ok)
        return ok;
    for (const auto &[name, text] : preset.values) {
        const SettingSpec *spec = SettingSpec::find(name);
        if (spec == nullptr)
            return makeError("unknown setting " + name);
        if (auto ok = spec->normalize(text); !ok)
            return makeError(ok.message());
    }
    if (!QDir().mkpath(QString::fromStdString(directory_)))
        return makeError(directory_ + ": cannot create the presets directory");
    QSaveFile f(QString::fromStdString(pathFor(preset.name)));
    const QByteArray bytes = QByteArray::fromStdString(serialize(preset));
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
        return makeError(pathFor(preset.name) + ": " + f.errorString().toStdString());
    return {};
}

Status PresetStore::remove(const std::string &name) const
{
    if (auto ok = checkName(name); !ok)
        return ok;
    QFile f(QString::fromStdString(pathFor(name)));
    if (!f.exists()) {
        const bool isBuiltIn =
            std::any_of(builtIns().begin(), builtIns().end(), [&](const Preset &p) { return p.name == name; });
        return makeError(isBuiltIn ? "'" + name +
                                         "' is built in: it cannot be deleted (save one of that name to "
                                         "replace it)"
                                   : "no saved preset named '" + name + "'");
    }
    if (!f.remove())
        return makeError(pathFor(name) + ": " + f.errorString().toStdString());
    return {};
}

} // namespace perfwb::settings
