// SPDX-License-Identifier: GPL-3.0-or-later
// Renders the main views of a real recording (perfwb record of the threads
// workload: four threads, 25 % each) to PNGs under <build>/tests/ui/screenshots/,
// kept as artifacts; docs/screenshots/ holds copies of them. Each image must be the
// window's size and show real content (many colours, not a blank page).
#include "calltreeview.h"
#include "flamegraphview.h"
#include "mainwindow.h"
#include "reportdocument.h"
#include "reportview.h"

#include <QDir>
#include <QImage>
#include <QLineEdit>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace perfwb;

namespace {

// Shows `window` at 1200x800 with `report` opened and analysed: the view, or nullptr
// after a failed check.
ui::ReportView *openReport(ui::MainWindow &window, const QString &report)
{
    window.resize(1200, 800);
    window.show();
    QSignalSpy opened(&window, &ui::MainWindow::reportOpened);
    window.openFile(report);
    if (!opened.wait(120000)) {
        QTest::qFail("the report did not open", __FILE__, __LINE__);
        return nullptr;
    }
    auto *view = opened.first().first().value<ui::ReportView *>();
    if (!QTest::qWaitFor([view] { return view->document()->analysis() && !view->document()->isAnalysing(); }, 30000)) {
        QTest::qFail("the report was not analysed", __FILE__, __LINE__);
        return nullptr;
    }
    return view;
}

} // namespace

class TestScreenshots : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    QString report_;
    QString outDir_;
    QTranslator english_;

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<ui::ReportView *>();
        QStandardPaths::setTestModeEnabled(true);
        // English plural forms, as the application loads them ("5 threads").
        QVERIFY(english_.load(QStringLiteral(":/i18n/perfwb_en.qm")));
        QCoreApplication::installTranslator(&english_);
        QVERIFY(dir_.isValid());
        report_ = dir_.filePath(QStringLiteral("threads.perfwb"));
        QProcess rec;
        rec.start(QStringLiteral(PERFWB_BINARY),
                  {QStringLiteral("record"), QStringLiteral("--label"), QStringLiteral("threads-demo"),
                   QStringLiteral("-o"), report_, QStringLiteral("--"), QStringLiteral(PERFWB_WORKLOAD_DIR "/threads"),
                   QStringLiteral("700")});
        QVERIFY2(rec.waitForFinished(120000), "perfwb record did not finish");
        QVERIFY2(rec.exitCode() == 0, rec.readAllStandardError().constData());
        outDir_ = QCoreApplication::applicationDirPath() + QStringLiteral("/screenshots");
        QVERIFY(QDir().mkpath(outDir_));
    }

    void renderViews()
    {
        ui::MainWindow window;
        ui::ReportView *view = openReport(window, report_);
        if (view == nullptr)
            return;

        window.resize(1200, 800);
        QCoreApplication::processEvents();
        QCOMPARE(window.size(), QSize(1200, 800));
        const auto shoot = [&](ui::ReportView::Page page, const QString &name) {
            view->showPage(page);
            QCoreApplication::processEvents();
            const QImage image = window.grab().toImage();
            QCOMPARE(image.size(), window.size() * window.devicePixelRatio());
            QSet<QRgb> colours;
            for (int y = 0; y < image.height(); y += 4)
                for (int x = 0; x < image.width(); x += 4)
                    colours.insert(image.pixel(x, y));
            QVERIFY2(colours.size() > 8, qPrintable(name)); // not a blank page
            QVERIFY(image.save(outDir_ + QLatin1Char('/') + name + QStringLiteral(".png")));
        };
        shoot(ui::ReportView::SummaryPage, QStringLiteral("summary"));
        view->flameGraph()->searchBox()->setText(QStringLiteral("worker_a"));
        shoot(ui::ReportView::FlameGraphPage, QStringLiteral("flamegraph"));
        view->flameGraph()->searchBox()->clear();
        shoot(ui::ReportView::TopDownPage, QStringLiteral("topdown"));
        shoot(ui::ReportView::BottomUpPage, QStringLiteral("bottomup"));
        shoot(ui::ReportView::CallerCalleePage, QStringLiteral("callercallee"));
        shoot(ui::ReportView::TimelinePage, QStringLiteral("timeline"));
        shoot(ui::ReportView::MemoryPage, QStringLiteral("memory"));
        // A time selection filters the other views (shown in the bar above the tabs).
        const auto profile = view->document()->profile();
        const auto t0 = profile->firstSampleTime();
        const auto span = profile->lastSampleTime() - t0;
        view->document()->setTimeRange(t0 + span / 4, t0 + span / 2);
        QTRY_VERIFY_WITH_TIMEOUT(!view->document()->isAnalysing(), 30000);
        shoot(ui::ReportView::TimelinePage, QStringLiteral("timeline-selection"));
    }

    // A Python program's flame graph: its Python functions (green, kind python) stand
    // where the interpreter ran them, with the C function it called through ctypes
    // (warm, native) on top of its Python caller.
    void pythonFlameGraph()
    {
        const QString report = dir_.filePath(QStringLiteral("python.perfwb"));
        QProcess rec;
        rec.start(QStringLiteral(PERFWB_BINARY),
                  {QStringLiteral("record"), QStringLiteral("--label"), QStringLiteral("python-demo"),
                   QStringLiteral("-o"), report, QStringLiteral("--"), QStringLiteral("/usr/bin/python3"),
                   QStringLiteral(PERFWB_SOURCE_DIR "/tests/workloads/pyshares.py"), QStringLiteral("15"),
                   QStringLiteral("--ctypes"), QStringLiteral(PERFWB_WORKLOAD_DIR "/libcspin.so")});
        QVERIFY2(rec.waitForFinished(120000), "perfwb record did not finish");
        QVERIFY2(rec.exitCode() == 0, rec.readAllStandardError().constData());
        ui::MainWindow window;
        ui::ReportView *view = openReport(window, report);
        if (view == nullptr)
            return;
        view->showPage(ui::ReportView::FlameGraphPage);
        QCoreApplication::processEvents();
        const QImage image = window.grab().toImage();
        int python = 0;
        int native = 0;
        for (int y = 0; y < image.height(); y += 2) {
            for (int x = 0; x < image.width(); x += 2) {
                const QColor c = image.pixelColor(x, y);
                python += c.hsvHue() >= 90 && c.hsvHue() < 130 && c.hsvSaturation() >= 120 ? 1 : 0;
                native += c.hsvHue() >= 0 && c.hsvHue() < 50 && c.hsvSaturation() >= 140 ? 1 : 0;
            }
        }
        // Both kinds take a real part of the picture (a frame row is about 18 px high).
        QVERIFY2(python > 2000 && native > 2000,
                 qPrintable(QStringLiteral("python %1, native %2 px").arg(python).arg(native)));
        QVERIFY(image.save(outDir_ + QStringLiteral("/python-flamegraph.png")));
    }
};

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
