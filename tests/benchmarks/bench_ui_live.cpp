// SPDX-License-Identifier: GPL-3.0-or-later
// The live view under load: the main window records a program of 8 busy threads at 4999 Hz
// and shows it as it runs. Two figures:
//   sample to screen  at each live refresh (the live document's analysis ready, which the
//                     flame graph paints in the same event-loop turn), how old the newest
//                     sample shown is: CLOCK_MONOTONIC now minus its time stamp;
//   GUI stalls        a 5 ms timer on the GUI thread: how late each tick comes, the
//                     longest gap and how many exceed 50 ms.
// Prints one line: refreshes latency_median_ms latency_p90_ms latency_max_ms stall_max_ms
//                  stalls_over_50ms samples
// and with BENCH_TRACE set, each refresh's latency and each tick over 20 ms on stderr.
//
// Usage: QT_QPA_PLATFORM=offscreen bench_ui_live MANYTHREADS [CPU_MS_PER_THREAD] [HZ] [THREADS]
//        (the manythreads workload; defaults 2500 ms, 4999 Hz, 8 threads)
#include "mainwindow.h"
#include "record/recordsession.h"
#include "reportdocument.h"
#include "reportview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

using namespace perfwb;

namespace {

std::int64_t monotonicNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return std::int64_t(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

// The newest sample of a live profile: batches arrive roughly in time order, so the tail.
std::int64_t newestSampleNs(const model::Profile &p)
{
    std::int64_t newest = 0;
    const std::size_t n = p.samples.size();
    for (std::size_t i = n > 50'000 ? n - 50'000 : 0; i < n; ++i)
        newest = std::max(newest, p.samples.time(i));
    return newest;
}

double percentile(std::vector<double> v, double q)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(q * static_cast<double>(v.size())))];
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_ui_live MANYTHREADS [CPU_MS_PER_THREAD] [HZ] [THREADS]\n");
        return 2;
    }
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir dir;
    const bool trace = qEnvironmentVariableIsSet("BENCH_TRACE");
    ui::MainWindow window;
    window.resize(1600, 1000);
    window.show();

    record::RecordOptions options;
    options.command = {argv[1], argc > 4 ? argv[4] : "8", argc > 2 ? argv[2] : "2500"};
    options.sampling.frequencyHz = argc > 3 ? std::atoi(argv[3]) : 4999;
    options.frequencyExplicit = true;
    options.outputPath = dir.filePath(QStringLiteral("live.perfwb")).toStdString();
    options.label = "bench-live";

    std::vector<double> latencies;
    std::vector<double> gaps;
    bool recording = true;
    QString failure;
    QObject::connect(&window, &ui::MainWindow::recordingFinished, [&recording] { recording = false; });
    QObject::connect(&window, &ui::MainWindow::errorShown, [&](const QString &m) {
        failure = m;
        recording = false;
    });
    QElapsedTimer tick;
    QTimer probe;
    probe.setInterval(5);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        gaps.push_back(static_cast<double>(tick.nsecsElapsed()) / 1e6);
        if (trace && gaps.back() > 20)
            std::fprintf(stderr, "tick %.0f ms late at refresh %zu\n", gaps.back() - 5, latencies.size());
        tick.restart();
    });

    window.startRecording(options);
    ui::ReportDocument *live = window.currentView() != nullptr ? window.currentView()->document() : nullptr;
    if (live == nullptr) {
        std::fprintf(stderr, "bench_ui_live: no live tab: %s\n", qPrintable(failure));
        return 1;
    }
    QObject::connect(live, &ui::ReportDocument::analysisReady, [&] {
        if (!recording || live->profile() == nullptr || live->profile()->samples.empty())
            return;
        latencies.push_back(static_cast<double>(monotonicNs() - newestSampleNs(*live->profile())) / 1e6);
        if (trace)
            std::fprintf(stderr, "refresh %zu: %.0f ms, %zu samples\n", latencies.size(), latencies.back(),
                         live->profile()->samples.size());
    });
    tick.start();
    probe.start();
    while (recording)
        QApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    probe.stop();
    if (!failure.isEmpty()) {
        std::fprintf(stderr, "bench_ui_live: %s\n", qPrintable(failure));
        return 1;
    }
    const double stallMax = gaps.empty() ? 0 : *std::max_element(gaps.begin(), gaps.end());
    const auto over50 = std::count_if(gaps.begin(), gaps.end(), [](double g) { return g > 50; });
    std::printf("%zu %.0f %.0f %.0f %.0f %lld %zu\n", latencies.size(), percentile(latencies, 0.5),
                percentile(latencies, 0.9), percentile(latencies, 1.0), stallMax, static_cast<long long>(over50),
                live->profile() != nullptr ? live->profile()->samples.size() : 0);
    return 0;
}
