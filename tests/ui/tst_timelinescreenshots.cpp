// SPDX-License-Identifier: GPL-3.0-or-later
// Renders the timeline and the memory plot of a real recording (the threads workload
// under RecordingController) to PNGs next to the test binary, in light and dark
// palettes, and checks the pictures show what the profile holds: every sampled
// thread's row has density pixels, the memory plot has its RSS curve.
#include "memoryplot.h"
#include "recordingcontroller.h"
#include "timelinewidget.h"

#include "store/reportreader.h"

#include "qcustomplotheader.h"
#include <QApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace perfwb;

namespace {

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(45, 45, 48));
    p.setColor(QPalette::WindowText, QColor(220, 220, 220));
    p.setColor(QPalette::Base, QColor(30, 30, 32));
    p.setColor(QPalette::AlternateBase, QColor(50, 50, 54));
    p.setColor(QPalette::Text, QColor(220, 220, 220));
    p.setColor(QPalette::Mid, QColor(100, 100, 100));
    p.setColor(QPalette::Highlight, QColor(42, 130, 218));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(90, 170, 255));
    return p;
}

// Pixels in `rect` that differ clearly from the background colour.
int inkPixels(const QImage &image, const QRect &rect, const QColor &background)
{
    int n = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y)
        for (int x = rect.left(); x <= rect.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - background.red()) + std::abs(c.green() - background.green()) +
                    std::abs(c.blue() - background.blue()) >
                60)
                ++n;
        }
    return n;
}

} // namespace

class TestTimelineScreenshots : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        ui::RecordingController controller;
        QSignalSpy finished(&controller, &ui::RecordingController::finished);
        QSignalSpy failed(&controller, &ui::RecordingController::failed);
        record::RecordOptions o;
        o.command = {PERFWB_WORKLOAD_DIR "/threads", "800"};
        o.outputPath = dir_.filePath("threads.perfwb").toStdString();
        o.label = "threads";
        QVERIFY(controller.start(o));
        QVERIFY(finished.wait(60000));
        auto profile = std::make_shared<model::Profile>();
        const Status read = store::ReportReader::read(finished[0][0].toString().toStdString(), *profile);
        QVERIFY2(read.isOk(), read.message().c_str());
        profile_ = profile;
    }

    void render_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }
    void render()
    {
        QFETCH(bool, dark);
        const QString suffix = dark ? "-dark" : "";
        const QString out = QCoreApplication::applicationDirPath();

        ui::TimelineWidget timeline;
        if (dark)
            timeline.setPalette(darkPalette());
        timeline.resize(1100, 180);
        timeline.setProfile(profile_);
        timeline.resize(1100, timeline.sizeHint().height());
        const QImage image = timeline.grab().toImage();
        QVERIFY(image.save(out + "/timeline" + suffix + ".png"));
        int sampledRows = 0;
        for (int r = 0; r < timeline.rowCount(); ++r) {
            const QRect band = timeline.rowRect(r).intersected(timeline.plotArea()).adjusted(0, 3, 0, -3);
            if (inkPixels(image, band, timeline.palette().color(QPalette::Base)) > 20)
                ++sampledRows;
        }
        // Four worker threads ("thr-a".."thr-d") are busy; main only waits.
        QVERIFY2(sampledRows >= 4, qPrintable(QString::number(sampledRows)));

        ui::MemoryPlot plot;
        if (dark)
            plot.setPalette(darkPalette());
        plot.setShowThreads(true);
        plot.resize(1100, 320);
        plot.setProfile(profile_);
        plot.setTimeRange(plot.fullRange().begin + (plot.fullRange().end - plot.fullRange().begin) / 4,
                          plot.fullRange().begin + (plot.fullRange().end - plot.fullRange().begin) / 2);
        plot.plot()->replot();
        QVERIFY(plot.graph("rss") && plot.graph("rss")->dataCount() > 5);
        QVERIFY(plot.graph("cpu") && plot.graph("threads"));
        const QImage plotImage = plot.grab().toImage();
        QVERIFY(plotImage.save(out + "/memoryplot" + suffix + ".png"));
        QVERIFY(inkPixels(plotImage, plot.plot()->axisRect()->rect(), plot.palette().color(QPalette::Base)) > 500);
    }

private:
    QTemporaryDir dir_;
    std::shared_ptr<const model::Profile> profile_;
};

QTEST_MAIN(TestTimelineScreenshots)
#include "tst_timelinescreenshots.moc"
