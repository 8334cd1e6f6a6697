// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenariofile.h"

#include "cimetric.h"

#include "core/printable.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>
#include <set>

namespace perfwb::ci {

namespace {

std::string str(const QString &s)
{
    return s.toStdString();
}

// A percentage >= 0, or an error naming where it stands.
Result<double> percent(const QJsonValue &v, const std::string &where)
{
    if (!v.isDouble() || !std::isfinite(v.toDouble()) || v.toDouble() < 0)
        return makeError(where + " must be a percentage >= 0");
    return v.toDouble();
}

Status readPair(const QJsonObject &o, const std::string &where, ThresholdOverride &out)
{
    for (const auto &[key, field] :
         {std::pair{"warn_above", &out.warnAbovePct}, std::pair{"fail_above", &out.failAbovePct}}) {
        if (!o.contains(QLatin1String(key)))
            continue;
        auto v = percent(o.value(QLatin1String(key)), where + "." + key);
        if (!v)
            return makeError(v.message());
        *field = *v;
    }
    const double warn = out.warnAbovePct.value_or(0);
    if (out.warnAbovePct && out.failAbovePct && *out.failAbovePct < warn)
        return makeError(where + ": fail_above must not be below warn_above");
    return {};
}

Result<ThresholdSet> readThresholds(const QJsonValue &v, const std::string &where)
{
    if (!v.isObject())
        return makeError(where + " must be an object");
    const QJsonObject o = v.toObject();
    ThresholdSet set;
    if (Status st = readPair(o, where, set[""]); !st)
        return makeError(st.message());
    for (auto it = o.begin(); it != o.end(); ++it) {
        const std::string key = str(it.key());
        if (key == "warn_above" || key == "fail_above")
            continue;
        const CiMetric *m = findCiMetric(key);
        if (m == nullptr || !m->gated)
            return makeError(where + ": unknown key '" + key +
                             "' (warn_above, fail_above, wall_time, cpu_time or peak_rss)");
        if (!it.value().isObject())
            return makeError(where + "." + key + " must be an object");
        if (Status st = readPair(it.value().toObject(), where + "." + key, set[key]); !st)
            return makeError(st.message());
    }
    return set;
}

Result<std::vector<std::string>> stringArray(const QJsonValue &v, const std::string &where, bool nonEmpty)
{
    if (!v.isArray())
        return makeError(where + " must be an array of strings");
    std::vector<std::string> out;
    for (const auto &item : v.toArray()) {
        if (!item.isString())
            return makeError(where + " must be an array of strings");
        out.push_back(str(item.toString()));
    }
    if (nonEmpty && (out.empty() || out.front().empty()))
        return makeError(where + " must name a program");
    return out;
}

Result<Scenario> readScenario(const QJsonValue &v, const std::string &where)
{
    if (!v.isObject())
        return makeError(where + " must be an object");
    const QJsonObject o = v.toObject();
    static const std::set<std::string> known = {"name", "command", "env", "cwd", "preset", "record", "thresholds"};
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!known.count(str(it.key())))
            return makeError(where + ": unknown key '" + str(it.key()) + "'");
    }
    Scenario s;
    s.name = str(o.value(QLatin1String("name")).toString());
    static const QRegularExpression nameRe(QStringLiteral("^[A-Za-z0-9_.-]+$"));
    if (s.name.empty() || s.name == "." || s.name == ".." || !nameRe.match(QString::fromStdString(s.name)).hasMatch())
        return makeError(where + ".name must be letters, digits, '_', '.' or '-'");
    const std::string at = where + " (" + s.name + ")";
    auto command = stringArray(o.value(QLatin1String("command")), at + ".command", true);
    if (!command)
        return makeError(command.message());
    s.command = std::move(*command);
    if (o.contains(QLatin1String("env"))) {
        if (!o.value(QLatin1String("env")).isObject())
            return makeError(at + ".env must be an object of strings");
        const QJsonObject env = o.value(QLatin1String("env")).toObject();
        for (auto it = env.begin(); it != env.end(); ++it) {
            if (!it.value().isString() || it.key().isEmpty() || it.key().contains(QLatin1Char('=')))
                return makeError(at + ".env." + str(it.key()) + " must be a string with a valid name");
            s.env.emplace_back(str(it.key()), str(it.value().toString()));
        }
    }
    for (const auto &[key, field] : {std::pair{"cwd", &s.workingDir}, std::pair{"preset", &s.preset}}) {
        if (!o.contains(QLatin1String(key)))
            continue;
        if (!o.value(QLatin1String(key)).isString())
            return makeError(at + "." + key + " must be a string");
        *field = str(o.value(QLatin1String(key)).toString());
    }
    if (o.contains(QLatin1String("record"))) {
        auto options = stringArray(o.value(QLatin1String("record")), at + ".record", false);
        if (!options)
            return makeError(options.message());
        for (const auto &opt : *options) {
            if (opt == "-o" || opt == "--output" || opt.rfind("--output=", 0) == 0 || opt == "--" || opt == "--pid" ||
                opt == "-p" || opt == "--label")
                return makeError(at + ".record: '" + opt + "' is set by perfwb ci itself");
        }
        s.recordOptions = std::move(*options);
    }
    if (o.contains(QLatin1String("thresholds"))) {
        auto t = readThresholds(o.value(QLatin1String("thresholds")), at + ".thresholds");
        if (!t)
            return makeError(t.message());
        s.thresholds = std::move(*t);
    }
    return s;
}

} // namespace

Result<ScenarioFile> ScenarioFile::load(const std::string &path)
{
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly))
        return makeError(path + ": cannot read the scenarios file: " + str(f.errorString()));
    const QByteArray bytes = f.readAll();
    return parse(bytes.toStdString(), path);
}

namespace {

Result<ScenarioFile> parseDocument(const std::string &json, const std::string &origin)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(json), &err);
    if (err.error != QJsonParseError::NoError)
        return makeError(origin + ": not valid JSON at byte " + std::to_string(err.offset) + ": " +
                         str(err.errorString()));
    if (!doc.isObject())
        return makeError(origin + ": a scenarios file is a JSON object with \"scenarios\"");
    const QJsonObject o = doc.object();
    for (auto it = o.begin(); it != o.end(); ++it) {
        const std::string key = str(it.key());
        if (key != "runs" && key != "thresholds" && key != "scenarios" && key != "$schema" && key != "description")
            return makeError(origin + ": unknown key '" + key + "'");
    }
    ScenarioFile file;
    if (o.contains(QLatin1String("runs"))) {
        const QJsonValue runs = o.value(QLatin1String("runs"));
        if (!runs.isDouble() || runs.toDouble() != std::floor(runs.toDouble()) || runs.toDouble() < 1 ||
            runs.toDouble() > 1000)
            return makeError(origin + ": runs must be a whole number from 1 to 1000");
        file.runs = runs.toInt();
    }
    if (o.contains(QLatin1String("thresholds"))) {
        auto t = readThresholds(o.value(QLatin1String("thresholds")), origin + ": thresholds");
        if (!t)
            return makeError(t.message());
        file.thresholds = std::move(*t);
    }
    const QJsonValue list = o.value(QLatin1String("scenarios"));
    if (!list.isArray() || list.toArray().isEmpty())
        return makeError(origin + ": \"scenarios\" must be a non-empty array");
    std::set<std::string> names;
    const QJsonArray array = list.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        auto s = readScenario(array.at(i), origin + ": scenarios[" + std::to_string(i) + "]");
        if (!s)
            return makeError(s.message());
        if (!names.insert(s->name).second)
            return makeError(origin + ": two scenarios are named '" + s->name + "'");
        file.scenarios.push_back(std::move(*s));
    }
    return file;
}

} // namespace

Result<ScenarioFile> ScenarioFile::parse(const std::string &json, const std::string &origin)
{
    auto file = parseDocument(json, origin);
    if (!file) // keys, names and the path come from the user: one line, no control characters
        return makeError(printable(file.message()));
    return file;
}

MetricThresholds ScenarioFile::thresholdsFor(const Scenario &scenario, const std::string &metric,
                                             const MetricThresholds &defaults) const
{
    MetricThresholds t = defaults;
    // Least specific first, so each later setting overrides.
    const auto apply = [&t](const ThresholdSet &set, const std::string &key) {
        const auto it = set.find(key);
        if (it == set.end())
            return;
        t.warnAbovePct = it->second.warnAbovePct.value_or(t.warnAbovePct);
        t.failAbovePct = it->second.failAbovePct.value_or(t.failAbovePct);
    };
    apply(thresholds, "");
    apply(thresholds, metric);
    apply(scenario.thresholds, "");
    apply(scenario.thresholds, metric);
    t.failAbovePct = std::max(t.failAbovePct, t.warnAbovePct);
    return t;
}

const Scenario *ScenarioFile::find(const std::string &name) const
{
    for (const auto &s : scenarios) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}

} // namespace perfwb::ci
