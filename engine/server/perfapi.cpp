// SPDX-License-Identifier: GPL-3.0-or-later
#include "perfapi.h"

#include "prometheusexposition.h"

#include "budgets/perfservice.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <array>

namespace perfwb::server {

namespace {

struct Route {
    const char *path; // below /api/perf
    const char *method;
    int part; // 0 none, 1 budgets, 2 profiler
};

constexpr std::array<Route, 17> kRoutes = {{
    {"/health", "GET", 0},
    {"/metrics", "GET", 0},
    {"/events", "GET", 0},
    {"/budgets", "GET", 1},
    {"/budgets/apply", "POST", 1},
    {"/budgets/jobs/register", "POST", 1},
    {"/budgets/jobs/start", "POST", 1},
    {"/budgets/jobs/finish", "POST", 1},
    {"/budgets/jobs/refresh", "POST", 1},
    {"/budgets/assets/register", "POST", 1},
    {"/budgets/assets/touch", "POST", 1},
    {"/budgets/assets/evict", "POST", 1},
    {"/profiler/mark", "POST", 2},
    {"/profiler/span", "POST", 2},
    {"/profiler/dashboard", "GET", 2},
    {"/profiler/reset", "POST", 2},
    {"/budgets/reset", "POST", 1},
}};

const Route *findRoute(const QString &path)
{
    const QString prefix = QLatin1String(PerfApi::kPrefix);
    if (!path.startsWith(prefix))
        return nullptr;
    QStringView rest = QStringView(path).mid(prefix.size());
    if (rest.size() > 1 && rest.endsWith(u'/'))
        rest.chop(1);
    for (const Route &r : kRoutes) {
        if (rest == QLatin1String(r.path))
            return &r;
    }
    return nullptr;
}

std::string idField(const QJsonObject &body, const char *key, std::string *error)
{
    const QJsonValue v = body.value(QLatin1String(key));
    if (!v.isString() || v.toString().isEmpty()) {
        *error = std::string(key) + " must be a non-empty string";
        return {};
    }
    return v.toString().toStdString();
}

} // namespace

PerfApi::PerfApi(budgets::PerfService &service)
    : service_(service)
{}

bool PerfApi::isRoute(const QString &path)
{
    return findRoute(path) != nullptr;
}

ApiResponse PerfApi::json(int status, QJsonObject body) const
{
    body.insert(QStringLiteral("feature_flag"), service_.flags().enablePerf);
    ApiResponse r;
    r.status = status;
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return r;
}

ApiResponse PerfApi::error(int status, const std::string &message) const
{
    return json(status, {{QStringLiteral("error"), QString::fromStdString(message)}});
}

ApiResponse PerfApi::fromOutcome(const budgets::Outcome &outcome) const
{
    using budgets::Refusal;
    switch (outcome.refusal) {
    case Refusal::None:
        return json(200, outcome.body);
    case Refusal::BadValue:
        return error(400, outcome.message);
    case Refusal::NotFound:
        return error(404, outcome.message);
    case Refusal::Conflict:
        return error(409, outcome.message);
    case Refusal::QueueFull:
        return error(429, outcome.message);
    }
    return error(500, "unexpected refusal");
}

ApiResponse PerfApi::handle(const ApiRequest &request) const
{
    const Route *route = findRoute(request.path);
    if (route == nullptr)
        return error(404, "no route " + request.path.left(200).toStdString() + " (see /api/perf/health)");
    if (request.method != route->method) {
        ApiResponse r = error(405, "use " + std::string(route->method) + " for " + route->path);
        r.headers.append(qMakePair(QByteArray("Allow"), QByteArray(route->method)));
        return r;
    }
    const budgets::FeatureFlags flags = service_.flags();
    if (route->part == 1 && !flags.budgetsEnabled())
        return error(403, "the budget manager is off: perfwb config set features.enable_perf true");
    if (route->part == 2 && !flags.profilerEnabled())
        return error(403, "the profiler dashboard is off: perfwb config set features.enable_perf true");
    if (request.body.size() > kMaxBody)
        return error(413, "request body over 1 MiB");
    QJsonObject body;
    if (request.method == "POST" && !request.body.trimmed().isEmpty()) {
        QJsonParseError parseError{};
        const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
        if (parseError.error != QJsonParseError::NoError)
            return error(400, "invalid JSON at byte " + std::to_string(parseError.offset) + ": " +
                                  parseError.errorString().toStdString());
        if (!doc.isObject())
            return error(400, "the body must be a JSON object");
        body = doc.object();
    }
    return dispatch(QLatin1String(route->path), request, body);
}

ApiResponse PerfApi::dashboard(const ApiRequest &request) const
{
    int limit = 10;
    if (request.query.hasQueryItem(QStringLiteral("limit"))) {
        bool ok = false;
        limit = request.query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1 || limit > 1000)
            return error(400, "limit must be a whole number from 1 to 1000");
    }
    return json(200, {{QStringLiteral("dashboard"), service_.profiler().dashboardJson(limit)}});
}

ApiResponse PerfApi::metrics() const
{
    ApiResponse r;
    r.contentType = "text/plain; version=0.0.4; charset=utf-8";
    r.body = PrometheusExposition::render(service_);
    return r;
}

ApiResponse PerfApi::dispatch(const QString &route, const ApiRequest &request, const QJsonObject &body) const
{
    budgets::BudgetManager &b = service_.budgets();
    budgets::PerfProfiler &p = service_.profiler();
    std::string bad;
    if (route == QLatin1String("/health"))
        return json(200, service_.healthJson());
    if (route == QLatin1String("/metrics"))
        return metrics();
    if (route == QLatin1String("/budgets"))
        return json(200, b.snapshotJson());
    if (route == QLatin1String("/budgets/apply"))
        return fromOutcome(b.applyLimits(body));
    if (route == QLatin1String("/budgets/reset"))
        return fromOutcome(b.resetLimits());
    if (route == QLatin1String("/budgets/jobs/register"))
        return fromOutcome(b.registerJob(body));
    if (route == QLatin1String("/budgets/jobs/refresh"))
        return fromOutcome(b.refreshJobs());
    if (route.startsWith(QLatin1String("/budgets/jobs/"))) {
        const std::string id = idField(body, "job_id", &bad);
        if (!bad.empty())
            return error(400, bad);
        return fromOutcome(route.endsWith(QLatin1String("start")) ? b.startJob(id) : b.finishJob(id));
    }
    if (route == QLatin1String("/budgets/assets/register")) {
        const std::string id = idField(body, "asset_id", &bad);
        const QJsonValue size = body.value(QStringLiteral("size_mb"));
        if (bad.empty() && !size.isDouble())
            bad = "size_mb must be a number >= 0";
        if (!bad.empty())
            return error(400, bad);
        return fromOutcome(b.registerAsset(id, size.toDouble()));
    }
    if (route == QLatin1String("/budgets/assets/touch")) {
        const std::string id = idField(body, "asset_id", &bad);
        return bad.empty() ? fromOutcome(b.touchAsset(id)) : error(400, bad);
    }
    if (route == QLatin1String("/budgets/assets/evict")) {
        const QJsonValue v = body.value(QStringLiteral("asset_id"));
        if (!v.isUndefined() && !v.isNull() && (!v.isString() || v.toString().isEmpty()))
            return error(400, "asset_id must be a non-empty string (or absent: evict down to the target)");
        return fromOutcome(b.evictAssets(v.toString().toStdString()));
    }
    if (route == QLatin1String("/profiler/mark"))
        return fromOutcome(p.mark(body));
    if (route == QLatin1String("/profiler/span"))
        return fromOutcome(p.span(body));
    if (route == QLatin1String("/profiler/dashboard"))
        return dashboard(request);
    if (route == QLatin1String("/profiler/reset"))
        return fromOutcome(p.reset());
    return error(404, "no route"); // /events: served by the HTTP server itself
}

} // namespace perfwb::server
