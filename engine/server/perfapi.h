// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

namespace perfwb::budgets {
class PerfService;
struct Outcome;
} // namespace perfwb::budgets

namespace perfwb::server {

struct ApiRequest {
    QByteArray method; // "GET", "POST", ...
    QString path;      // "/api/perf/health"
    QUrlQuery query;
    QByteArray body;
};

struct ApiResponse {
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
};

// The /api/perf routes as a function from request to response, with no sockets in it:
// the HTTP server, the tests and the fuzz target all call handle(). Every JSON answer
// carries feature_flag; bad JSON or a wrong type is 400, a disabled part 403, an
// unknown route 404, a wrong method 405, a body over 1 MiB 413; a refused request
// changes nothing. /events (the SSE stream) is the server's, not handled here.
class PerfApi {
public:
    static constexpr qsizetype kMaxBody = 1 << 20;
    static constexpr const char *kPrefix = "/api/perf";

    explicit PerfApi(budgets::PerfService &service);
    ApiResponse handle(const ApiRequest &request) const;
    // Whether PATH is a route at all (for the server's 404 before reading further).
    static bool isRoute(const QString &path);

    ApiResponse json(int status, QJsonObject body) const; // adds feature_flag
    ApiResponse error(int status, const std::string &message) const;

private:
    enum class Part { None, Budgets, Profiler };
    ApiResponse dispatch(const QString &route, const ApiRequest &request, const QJsonObject &body) const;
    ApiResponse fromOutcome(const budgets::Outcome &outcome) const;
    ApiResponse dashboard(const ApiRequest &request) const;
    ApiResponse metrics() const;

    budgets::PerfService &service_;
};

} // namespace perfwb::server
