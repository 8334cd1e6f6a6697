// SPDX-License-Identifier: GPL-3.0-or-later
#include "configfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSaveFile>

#include <cstdlib>

namespace perfwb::settings {

namespace {

constexpr const char *kEnablePerf = "features.enable_perf";
constexpr const char *kLegacyBudgets = "features.enable_perf_budgets";
constexpr const char *kLegacyDashboard = "features.enable_perf_profiler_dashboard";

QJsonValue lookup(const QJsonObject &root, const QStringList &path)
{
    QJsonValue v = root;
    for (const QString &part : path) {
        if (!v.isObject())
            return QJsonValue(QJsonValue::Undefined);
        v = v.toObject().value(part);
    }
    return v;
}

QJsonObject assign(QJsonObject object, const QStringList &path, int index, const QJsonValue &value)
{
    if (index == path.size() - 1) {
        object.insert(path[index], value);
        return object;
    }
    object.insert(path[index], assign(object.value(path[index]).toObject(), path, index + 1, value));
    return object;
}

bool hasType(const QJsonValue &v, ConfigFile::Type type)
{
    switch (type) {
    case ConfigFile::Type::Bool:
        return v.isBool();
    case ConfigFile::Type::Integer:
        return v.isDouble() && v.toDouble() == static_cast<double>(v.toInteger());
    case ConfigFile::Type::String:
        return v.isString();
    }
    return false;
}

const char *typeName(ConfigFile::Type type)
{
    switch (type) {
    case ConfigFile::Type::Bool:
        return "true or false";
    case ConfigFile::Type::Integer:
        return "a whole number";
    case ConfigFile::Type::String:
        return "text";
    }
    return "";
}

} // namespace

const std::vector<ConfigFile::Key> &ConfigFile::knownKeys()
{
    static const std::vector<Key> keys = {
        {kEnablePerf, Type::Bool, false, "budget manager and profiler dashboard (sets both legacy keys too)"},
        {kLegacyBudgets, Type::Bool, false, "legacy: the budget manager alone"},
        {kLegacyDashboard, Type::Bool, false, "legacy: the profiler dashboard alone"},
        {"server.port", Type::Integer, 8001, "port of the /api/perf service (perfwb serve, the GUI)"},
        {"server.bind", Type::String, QStringLiteral("127.0.0.1"), "address the service listens on"},
        {"gui.output_dir", Type::String, QString(),
         "the GUI's default directory for new recordings (empty: FIL_PERF_OUTPUT_DIR, else outputs/perf)"},
        {"gui.run_label", Type::String, QString(), "the GUI's default run label (empty: the command's name)"},
    };
    return keys;
}

const ConfigFile::Key *ConfigFile::findKey(const QString &name)
{
    for (const Key &k : knownKeys()) {
        if (name == QLatin1String(k.name))
            return &k;
    }
    return nullptr;
}

std::string ConfigFile::defaultPath()
{
    const char *xdg = std::getenv("XDG_CONFIG_HOME");
    if (xdg != nullptr && xdg[0] == '/')
        return std::string(xdg) + "/perfwb/config.json";
    const char *home = std::getenv("HOME");
    return std::string(home != nullptr && home[0] != '\0' ? home : ".") + "/.config/perfwb/config.json";
}

Result<ConfigFile> ConfigFile::load(const std::string &path)
{
    ConfigFile config;
    config.path_ = path;
    const QString qpath = QString::fromStdString(path);
    QFile file(qpath);
    if (!file.exists())
        return config;
    if (QFileInfo(qpath).isDir())
        return makeError(path + ": is a directory, not a config file");
    if (!file.open(QIODevice::ReadOnly))
        return makeError(path + ": cannot read: " + file.errorString().toStdString());
    const QByteArray bytes = file.read(1 << 20);
    if (bytes.trimmed().isEmpty())
        return config;
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        return makeError(path + ": damaged JSON at byte " + std::to_string(error.offset) + ": " +
                         error.errorString().toStdString());
    if (!doc.isObject())
        return makeError(path + ": expected a JSON object at the top");
    config.root_ = doc.object();
    for (const Key &k : knownKeys()) {
        const QJsonValue v = lookup(config.root_, QString::fromLatin1(k.name).split(QLatin1Char('.')));
        if (!v.isUndefined() && !hasType(v, k.type))
            return makeError(path + ": key " + k.name + " must be " + typeName(k.type));
    }
    return config;
}

QJsonValue ConfigFile::value(const QString &key) const
{
    QJsonValue v = lookup(root_, key.split(QLatin1Char('.')));
    if (!v.isUndefined())
        return v;
    const Key *k = findKey(key);
    return k != nullptr ? k->defaultValue : QJsonValue();
}

Status ConfigFile::setValue(const QString &key, const QJsonValue &value)
{
    const Key *k = findKey(key);
    if (k == nullptr)
        return makeError("unknown config key '" + key.toStdString() + "' (see perfwb config --help)");
    if (!hasType(value, k->type))
        return makeError("config key " + key.toStdString() + " must be " + typeName(k->type));
    root_ = assign(root_, key.split(QLatin1Char('.')), 0, value);
    // The studio's one switch keeps older configs (which read the legacy keys) in step.
    if (key == QLatin1String(kEnablePerf)) {
        root_ = assign(root_, QString::fromLatin1(kLegacyBudgets).split(QLatin1Char('.')), 0, value);
        root_ = assign(root_, QString::fromLatin1(kLegacyDashboard).split(QLatin1Char('.')), 0, value);
    }
    return {};
}

Status ConfigFile::set(const QString &key, const QString &text)
{
    const Key *k = findKey(key);
    if (k == nullptr)
        return makeError("unknown config key '" + key.toStdString() + "' (see perfwb config --help)");
    const QString t = text.trimmed().toLower();
    switch (k->type) {
    case Type::Bool:
        if (t == QLatin1String("true") || t == QLatin1String("1") || t == QLatin1String("on") ||
            t == QLatin1String("yes"))
            return setValue(key, true);
        if (t == QLatin1String("false") || t == QLatin1String("0") || t == QLatin1String("off") ||
            t == QLatin1String("no"))
            return setValue(key, false);
        break;
    case Type::Integer: {
        bool ok = false;
        const int v = text.trimmed().toInt(&ok);
        if (ok)
            return setValue(key, v);
        break;
    }
    case Type::String:
        return setValue(key, text);
    }
    return makeError("bad value '" + text.toStdString() + "' for " + key.toStdString() + ": expected " +
                     typeName(k->type));
}

Status ConfigFile::save() const
{
    const QString qpath = QString::fromStdString(path_);
    if (!QDir().mkpath(QFileInfo(qpath).absolutePath()))
        return makeError(path_ + ": cannot create its directory");
    QSaveFile file(qpath);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(path_ + ": cannot write: " + file.errorString().toStdString());
    file.write(QJsonDocument(root_).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return makeError(path_ + ": cannot write: " + file.errorString().toStdString());
    return {};
}

} // namespace perfwb::settings
