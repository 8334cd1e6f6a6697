// SPDX-License-Identifier: GPL-3.0-or-later
#include "ciresults.h"

#include "cimetric.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace perfwb::ci {

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

std::string str(const QJsonValue &v)
{
    return v.toString().toStdString();
}

QJsonArray stringsJson(const std::vector<std::string> &list)
{
    QJsonArray a;
    for (const auto &s : list)
        a.append(qs(s));
    return a;
}

std::vector<std::string> stringsFrom(const QJsonValue &v)
{
    std::vector<std::string> out;
    for (const auto &item : v.toArray())
        out.push_back(str(item));
    return out;
}

QJsonObject scenarioJson(const ScenarioResult &s)
{
    QJsonObject o{{QStringLiteral("name"), qs(s.name)},
                  {QStringLiteral("command"), stringsJson(s.command)},
                  {QStringLiteral("status"), s.failed() ? QStringLiteral("failed") : QStringLiteral("ok")}};
    if (s.failed())
        o[QStringLiteral("error")] = qs(s.error);
    QJsonObject metrics;
    for (const auto &m : kCiMetrics) {
        const auto sum = s.summary(std::string(m.key));
        if (!sum)
            continue;
        QJsonArray values;
        for (double v : sum->values)
            values.append(v);
        metrics[qs(std::string(m.key))] = QJsonObject{{QStringLiteral("unit"), qs(std::string(m.unit))},
                                                      {QStringLiteral("median"), sum->median},
                                                      {QStringLiteral("min"), sum->min},
                                                      {QStringLiteral("max"), sum->max},
                                                      {QStringLiteral("values"), values}};
    }
    o[QStringLiteral("metrics")] = metrics;
    QJsonArray runs;
    for (const auto &r : s.runs) {
        QJsonObject values;
        for (const auto &[k, v] : r.values)
            values[qs(k)] = v;
        runs.append(QJsonObject{{QStringLiteral("report"), qs(r.report)}, {QStringLiteral("metrics"), values}});
    }
    o[QStringLiteral("runs")] = runs;
    if (!s.runs.empty()) {
        o[QStringLiteral("median_run")] = static_cast<qint64>(s.medianRun);
        o[QStringLiteral("median_report")] = qs(s.medianReport());
    }
    QJsonArray top;
    for (const auto &f : s.topFunctions)
        top.append(QJsonObject{{QStringLiteral("name"), qs(f.name)},
                               {QStringLiteral("module"), qs(f.module)},
                               {QStringLiteral("self_share"), f.selfShare},
                               {QStringLiteral("total_share"), f.totalShare}});
    o[QStringLiteral("top_functions")] = top;
    o[QStringLiteral("exports")] = stringsJson(s.exports);
    o[QStringLiteral("notes")] = stringsJson(s.notes);
    return o;
}

ScenarioResult scenarioFrom(const QJsonObject &o)
{
    ScenarioResult s;
    s.name = str(o.value(QLatin1String("name")));
    s.command = stringsFrom(o.value(QLatin1String("command")));
    s.error = str(o.value(QLatin1String("error")));
    if (s.error.empty() && o.value(QLatin1String("status")).toString() == QLatin1String("failed"))
        s.error = "failed";
    for (const auto &item : o.value(QLatin1String("runs")).toArray()) {
        const QJsonObject r = item.toObject();
        RunMetrics run;
        run.report = str(r.value(QLatin1String("report")));
        const QJsonObject values = r.value(QLatin1String("metrics")).toObject();
        for (auto it = values.begin(); it != values.end(); ++it) {
            if (it.value().isDouble() && findCiMetric(it.key().toStdString()) != nullptr)
                run.values[it.key().toStdString()] = it.value().toDouble();
        }
        s.runs.push_back(std::move(run));
    }
    const auto median = o.value(QLatin1String("median_run")).toInteger(0);
    s.medianRun =
        median >= 0 && static_cast<std::size_t>(median) < s.runs.size() ? static_cast<std::size_t>(median) : 0;
    for (const auto &item : o.value(QLatin1String("top_functions")).toArray()) {
        const QJsonObject f = item.toObject();
        s.topFunctions.push_back({str(f.value(QLatin1String("name"))), str(f.value(QLatin1String("module"))),
                                  f.value(QLatin1String("self_share")).toDouble(),
                                  f.value(QLatin1String("total_share")).toDouble()});
    }
    s.exports = stringsFrom(o.value(QLatin1String("exports")));
    s.notes = stringsFrom(o.value(QLatin1String("notes")));
    return s;
}

} // namespace

std::optional<MetricSummary> ScenarioResult::summary(const std::string &metric) const
{
    MetricSummary s;
    for (const auto &r : runs) {
        const auto it = r.values.find(metric);
        if (it != r.values.end() && std::isfinite(it->second))
            s.values.push_back(it->second);
    }
    if (s.values.empty())
        return std::nullopt;
    std::vector<double> sorted = s.values;
    std::sort(sorted.begin(), sorted.end());
    const std::size_t n = sorted.size();
    s.median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    s.min = sorted.front();
    s.max = sorted.back();
    return s;
}

const std::string &ScenarioResult::medianReport() const
{
    static const std::string none;
    return medianRun < runs.size() ? runs[medianRun].report : none;
}

void ScenarioResult::chooseMedianRun()
{
    std::vector<std::pair<double, std::size_t>> byWall;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const auto it = runs[i].values.find("wall_time");
        if (it != runs[i].values.end())
            byWall.emplace_back(it->second, i);
    }
    if (byWall.empty()) {
        medianRun = 0;
        return;
    }
    std::sort(byWall.begin(), byWall.end());
    medianRun = byWall[(byWall.size() - 1) / 2].second;
}

std::string CiResults::toJson() const
{
    QJsonArray list;
    for (const auto &s : scenarios)
        list.append(scenarioJson(s));
    const QJsonObject o{{QStringLiteral("schema"), QLatin1String(kSchema)},
                        {QStringLiteral("label"), qs(label)},
                        {QStringLiteral("created"), qs(created)},
                        {QStringLiteral("host"), qs(host)},
                        {QStringLiteral("runs"), runs},
                        {QStringLiteral("scenarios_file"), qs(scenariosFile)},
                        {QStringLiteral("scenarios"), list}};
    return QJsonDocument(o).toJson(QJsonDocument::Indented).toStdString();
}

Result<CiResults> CiResults::fromJson(const std::string &json, const std::string &origin)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(json), &err);
    if (err.error != QJsonParseError::NoError)
        return makeError(origin + ": not valid JSON at byte " + std::to_string(err.offset) + ": " +
                         err.errorString().toStdString());
    const QJsonObject o = doc.object();
    if (o.value(QLatin1String("schema")).toString() != QLatin1String(kSchema))
        return makeError(origin + ": not a perfwb ci results file (schema " + std::string(kSchema) + ")");
    CiResults r;
    r.label = str(o.value(QLatin1String("label")));
    r.created = str(o.value(QLatin1String("created")));
    r.host = str(o.value(QLatin1String("host")));
    r.runs = o.value(QLatin1String("runs")).toInt();
    r.scenariosFile = str(o.value(QLatin1String("scenarios_file")));
    for (const auto &item : o.value(QLatin1String("scenarios")).toArray()) {
        if (!item.isObject() || !item.toObject().value(QLatin1String("name")).isString())
            return makeError(origin + ": a scenario without a name");
        r.scenarios.push_back(scenarioFrom(item.toObject()));
    }
    return r;
}

Result<CiResults> CiResults::load(const std::string &path)
{
    QFile f(qs(path));
    if (!f.open(QIODevice::ReadOnly))
        return makeError(path + ": cannot read: " + f.errorString().toStdString());
    return fromJson(f.readAll().toStdString(), path);
}

const ScenarioResult *CiResults::find(const std::string &name) const
{
    for (const auto &s : scenarios) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}

} // namespace perfwb::ci
