// SPDX-License-Identifier: GPL-3.0-or-later
// The GUI while programs post to its service: an event-loop latency probe (a 10 ms timer;
// how late each tick is) and the delay from a posted mark to the dashboard's refresh, while
// the main window records COMMAND and a client posts marks at RATE per second over one
// keep-alive HTTP connection, first without marks (the baseline), then with them.
// Goal (issue 12): no GUI stall over 50 ms at 1,000 marks/s; dashboards within 0.5 s.
//
// Usage: QT_QPA_PLATFORM=offscreen bench_ui_budgetslive [SECONDS] [RATE] -- COMMAND [ARGS...]
#include "budgetspage.h"
#include "dashboardview.h"
#include "mainwindow.h"
#include "reportdocument.h"
#include "reportview.h"
#include "servicepanels.h"
#include "workbenchservice.h"

#include "record/recordsession.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <arpa/inet.h>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <netinet/in.h>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace perfwb;
using Clock = std::chrono::steady_clock;

namespace {

std::int64_t nowUs()
{
    return std::chrono::duration_cast<std::chrono::microseconds>(Clock::now().time_since_epoch()).count();
}

// Posts marks at `rate` per second until `stop`; the oldest post the GUI has not shown
// yet goes to `pendingSinceUs` (0 when none).
void postMarks(quint16 port, int rate, std::atomic<bool> &stop, std::atomic<std::int64_t> &pendingSinceUs,
               std::atomic<long> &posted, std::atomic<long> &failed)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0) {
        std::fprintf(stderr, "cannot connect to 127.0.0.1:%u\n", port);
        ::close(fd);
        return;
    }
    const std::string body = R"({"name":"frame","category":"render"})";
    const std::string request = "POST /api/perf/profiler/mark HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                                "application/json\r\nContent-Length: " +
                                std::to_string(body.size()) + "\r\n\r\n" + body;
    const auto period = std::chrono::nanoseconds(1'000'000'000 / rate);
    auto next = Clock::now();
    char buf[4096];
    while (!stop.load()) {
        std::this_thread::sleep_until(next);
        next += period;
        if (::write(fd, request.data(), request.size()) != static_cast<ssize_t>(request.size()))
            break;
        const ssize_t n = ::read(fd, buf, sizeof buf); // one small answer per request
        if (n <= 0)
            break;
        if (std::string_view(buf, static_cast<std::size_t>(n)).starts_with("HTTP/1.1 200"))
            ++posted;
        else
            ++failed;
        std::int64_t expected = 0;
        pendingSinceUs.compare_exchange_strong(expected, nowUs());
    }
    ::close(fd);
}

struct Phase {
    std::vector<double> lateMs;      // how late each 10 ms tick was
    std::vector<double> dashboardMs; // post -> dashboard refresh
};

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(p * double(v.size())))];
}

void report(const char *name, const Phase &ph, long posted, long failed, double seconds)
{
    const long stalls = std::count_if(ph.lateMs.begin(), ph.lateMs.end(), [](double ms) { return ms > 50; });
    std::printf("%-10s marks %7ld (%6.0f/s, %ld refused)  tick late: p50 %5.2f p99 %6.2f max %6.2f ms, "
                "stalls >50 ms: %ld  dashboard: p50 %6.1f max %6.1f ms\n",
                name, posted, double(posted) / seconds, failed, percentile(ph.lateMs, 0.5), percentile(ph.lateMs, 0.99),
                ph.lateMs.empty() ? 0.0 : *std::max_element(ph.lateMs.begin(), ph.lateMs.end()), stalls,
                percentile(ph.dashboardMs, 0.5),
                ph.dashboardMs.empty() ? 0.0 : *std::max_element(ph.dashboardMs.begin(), ph.dashboardMs.end()));
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int dash = args.indexOf(QStringLiteral("--"));
    if (dash < 0 || dash + 1 >= args.size()) {
        std::fprintf(stderr, "usage: bench_ui_budgetslive [SECONDS] [RATE] -- COMMAND [ARGS...]\n");
        return 2;
    }
    const double seconds = dash > 1 ? args[1].toDouble() : 10;
    const int rate = dash > 2 ? args[2].toInt() : 1000;
    QTemporaryDir dir;
    // The service needs the feature switch on and a free port: a config file of its own.
    qputenv("XDG_CONFIG_HOME", dir.path().toUtf8());
    QDir().mkpath(dir.filePath(QStringLiteral("perfwb")));
    QFile config(dir.filePath(QStringLiteral("perfwb/config.json")));
    if (!config.open(QIODevice::WriteOnly))
        return 1;
    config.write(R"({"features":{"enable_perf":true},"server":{"port":0}})");
    config.close();

    ui::MainWindow window;
    window.resize(1400, 900);
    window.show();
    window.action(QStringLiteral("view-budgets"))->trigger();
    ui::ServicePanels *panels = window.servicePanels();
    const quint16 port = static_cast<quint16>(QUrl(panels->service().url()).port());
    panels->budgetsPage()->tabs()->setCurrentIndex(3); // the dashboard, so its refresh paints

    record::RecordOptions options;
    for (int i = dash + 1; i < args.size(); ++i)
        options.command.push_back(args[i].toStdString());
    options.label = "bench-live";
    options.outputPath = dir.filePath(QStringLiteral("live.perfwb")).toStdString();
    window.startRecording(options);

    std::atomic<std::int64_t> pendingSinceUs{0};
    Phase phase;
    QObject::connect(&panels->service(), &ui::WorkbenchService::profilerChanged, [&] {
        const std::int64_t since = pendingSinceUs.exchange(0);
        if (since != 0)
            phase.dashboardMs.push_back(double(nowUs() - since) / 1000.0);
    });
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    std::int64_t expectedUs = nowUs() + 10'000;
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const std::int64_t now = nowUs();
        phase.lateMs.push_back(std::max<double>(0, double(now - expectedUs) / 1000.0));
        expectedUs = now + 10'000;
    });

    for (const bool withMarks : {false, true}) {
        phase = Phase{};
        std::atomic<bool> stop{false};
        std::atomic<long> posted{0};
        std::atomic<long> failed{0};
        std::atomic<bool> posterDone{false};
        std::thread poster;
        if (withMarks)
            poster = std::thread([&] {
                postMarks(port, rate, stop, pendingSinceUs, posted, failed);
                posterDone = true;
            });
        expectedUs = nowUs() + 10'000;
        probe.start(10);
        QEventLoop loop; // a real event loop: waiting, not spinning
        QTimer::singleShot(int(seconds * 1000), &loop, &QEventLoop::quit);
        loop.exec();
        probe.stop();
        stop = true;
        // The poster may wait for its last answer, which this thread serves.
        QTimer check;
        QObject::connect(&check, &QTimer::timeout, &loop, [&] {
            if (!poster.joinable() || posterDone.load())
                loop.quit();
        });
        check.start(5);
        loop.exec();
        if (poster.joinable())
            poster.join();
        report(withMarks ? "with marks" : "baseline", phase, posted.load(), failed.load(), seconds);
    }
    window.stopRecording();
    return 0;
}
