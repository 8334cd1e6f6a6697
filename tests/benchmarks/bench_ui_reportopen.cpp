// SPDX-License-Identifier: GPL-3.0-or-later
// Opening a big report in the GUI, as a user does: MainWindow::openFile on a .perfwb
// until its flame graph has painted once. One open per process, so each run starts from
// nothing in memory (the file is in the page cache); bench_ui_reportopen.sh runs it
// repeatedly and reports medians. Prints one line:
//   opened_ms analysed_ms painted_ms peak_rss_mb samples
// opened: the report read and its tab shown (reportOpened); analysed: the trees and
// tables computed (the document's analysis ready); painted: the flame graph rendered
// into the window's size (a synchronous grab of the widget, what the first paint does).
//
// Usage: bench_ui_reportopen make FILE [SAMPLES]   (default 2000000: a synthetic report)
//        QT_QPA_PLATFORM=offscreen bench_ui_reportopen open FILE [PNG]   (PNG: the painted graph)
#include "flamegraphview.h"
#include "mainwindow.h"
#include "reportdocument.h"
#include "reportview.h"
#include "store/reportwriter.h"
#include "syntheticprofile.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QStandardPaths>

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <sys/resource.h>

using namespace perfwb;

namespace {

int make(const char *file, std::size_t samples)
{
    const model::Profile profile = benchmarks::makeSyntheticProfile(samples);
    if (Status st = store::ReportWriter::save(file, profile); !st) {
        std::fprintf(stderr, "bench_ui_reportopen: %s\n", st.message().c_str());
        return 1;
    }
    return 0;
}

// Runs the event loop until `done` or a minute has passed.
bool waitFor(const std::function<bool()> &done)
{
    QElapsedTimer clock;
    clock.start();
    while (!done() && clock.elapsed() < 60000)
        QApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    return done();
}

int open(int argc, char **argv, const QString &file, const QString &shot)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // no recent-files entry in the user's settings
    ui::MainWindow window;
    window.resize(1600, 1000);
    window.show();
    QString error;
    ui::ReportView *view = nullptr;
    QElapsedTimer clock;
    qint64 opened = -1;
    qint64 analysed = -1;
    // Times taken in the slots: the event loop may deliver both before it returns.
    QObject::connect(&window, &ui::MainWindow::reportOpened, [&](ui::ReportView *v) {
        view = v;
        opened = clock.elapsed();
        if (v->document()->analysis() != nullptr && !v->document()->isAnalysing())
            analysed = opened;
        else
            QObject::connect(v->document(), &ui::ReportDocument::analysisReady, [&] {
                if (analysed < 0)
                    analysed = clock.elapsed();
            });
    });
    QObject::connect(&window, &ui::MainWindow::errorShown, [&error](const QString &m) { error = m; });

    clock.start();
    window.openFile(file, ui::ReportView::FlameGraphPage);
    if (!waitFor([&] { return analysed >= 0 || !error.isEmpty(); }) || analysed < 0) {
        std::fprintf(stderr, "bench_ui_reportopen: %s\n",
                     error.isEmpty() ? "no analysed report after a minute" : qPrintable(error));
        return 1;
    }
    ui::ReportDocument *doc = view->document();
    const QPixmap painted = view->flameGraph()->grab();
    const qint64 paintedMs = clock.elapsed();
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("%lld %lld %lld %.1f %zu\n", static_cast<long long>(opened), static_cast<long long>(analysed),
                static_cast<long long>(paintedMs), static_cast<double>(usage.ru_maxrss) / 1024.0,
                doc->profile()->samples.size());
    if (!shot.isEmpty())
        painted.save(shot);
    return painted.isNull() ? 1 : 0;
}

} // namespace

int main(int argc, char **argv)
{
    const QString mode = argc > 2 ? QString::fromLocal8Bit(argv[1]) : QString();
    if (mode == QLatin1String("make"))
        return make(argv[2], argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 2'000'000);
    if (mode == QLatin1String("open"))
        return open(argc, argv, QString::fromLocal8Bit(argv[2]),
                    argc > 3 ? QString::fromLocal8Bit(argv[3]) : QString());
    std::fprintf(stderr, "usage: bench_ui_reportopen make FILE [SAMPLES] | open FILE [PNG]\n");
    return 2;
}
