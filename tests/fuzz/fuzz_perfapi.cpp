// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the /api/perf request handling (JSON body parsing and every field
// check) on arbitrary bodies for every route. Each request must get an answer with a
// status and a JSON body carrying feature_flag; a refused one must change nothing.
#include "budgets/perfservice.h"
#include "server/perfapi.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <array>
#include <cstdint>
#include <cstdlib>

namespace {

struct Fixture {
    perfwb::budgets::PerfService *service = nullptr;
    perfwb::server::PerfApi *api = nullptr;
};

Fixture &fixture()
{
    static Fixture f = [] {
        static int argc = 1;
        static char name[] = "fuzz_perfapi";
        static char *argv[] = {name, nullptr};
        new QCoreApplication(argc, argv); // timers and the config poll need one
        const QString path = QDir::temp().filePath(QStringLiteral("fuzz_perfapi_config.json"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            std::abort();
        file.write(R"({"features": {"enable_perf": true}})");
        file.close();
        perfwb::budgets::PerfService::Options options;
        options.configPath = path.toStdString();
        options.watchConfig = false;
        Fixture fx;
        fx.service = new perfwb::budgets::PerfService(options);
        fx.api = new perfwb::server::PerfApi(*fx.service);
        return fx;
    }();
    return f;
}

void require(bool ok)
{
    if (!ok)
        std::abort();
}

constexpr std::array<const char *, 14> kRoutes = {"/budgets/apply",
                                                  "/budgets/jobs/register",
                                                  "/budgets/jobs/start",
                                                  "/budgets/jobs/finish",
                                                  "/budgets/jobs/refresh",
                                                  "/budgets/assets/register",
                                                  "/budgets/assets/touch",
                                                  "/budgets/assets/evict",
                                                  "/profiler/mark",
                                                  "/profiler/span",
                                                  "/profiler/reset",
                                                  "/budgets/reset",
                                                  "/profiler/dashboard?limit=",
                                                  "/health"};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    Fixture &f = fixture();
    const char *route = kRoutes[data[0] % kRoutes.size()];
    perfwb::server::ApiRequest request;
    const QByteArray body(reinterpret_cast<const char *>(data + 1), static_cast<qsizetype>(size - 1));
    if (QByteArray(route).endsWith("limit=")) {
        request.method = "GET";
        request.path = QStringLiteral("/api/perf/profiler/dashboard");
        request.query.addQueryItem(QStringLiteral("limit"), QString::fromUtf8(body.left(32)));
    } else {
        request.method = QByteArray(route) == "/health" ? "GET" : "POST";
        request.path = QStringLiteral("/api/perf") + QLatin1String(route);
        request.body = body;
    }
    const QJsonObject before = f.service->budgets().snapshotJson();
    const perfwb::server::ApiResponse r = f.api->handle(request);
    require(r.status >= 200 && r.status < 600);
    const QJsonObject answer = QJsonDocument::fromJson(r.body).object();
    require(answer.contains(QStringLiteral("feature_flag")));
    if (r.status != 200) {
        require(answer.contains(QStringLiteral("error")));
        const QJsonObject after = f.service->budgets().snapshotJson();
        require(after.value(QStringLiteral("limits")) == before.value(QStringLiteral("limits")));
        require(after.value(QStringLiteral("jobs")) == before.value(QStringLiteral("jobs")));
        require(after.value(QStringLiteral("assets")) == before.value(QStringLiteral("assets")));
    }
    return 0;
}
