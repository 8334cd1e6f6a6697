// SPDX-License-Identifier: GPL-3.0-or-later
// RecordingController records a real workload through record::RecordSession:
// snapshots arrive at least twice a second with growing sample counts, finished()
// names a readable report, stop() ends a long run early, errors come as one message.
#include "recordingcontroller.h"

#include "record/threadpriority.h"
#include "store/reportreader.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <unistd.h>

using namespace perfwb;

namespace {

record::RecordOptions cpusplit(const QTemporaryDir &dir, int ms)
{
    record::RecordOptions o;
    o.command = {PERFWB_WORKLOAD_DIR "/cpusplit", std::to_string(ms)};
    o.outputPath = dir.filePath("live.perfwb").toStdString();
    o.label = "live";
    return o;
}

} // namespace

class TestRecordingController : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        // As the application does: English plural forms ("1 thread", "412 samples").
        QVERIFY(english_.load(QStringLiteral(":/i18n/perfwb_en.qm")));
        QCoreApplication::installTranslator(&english_);
    }

    void liveSnapshotsThenReport()
    {
        QTemporaryDir dir;
        ui::RecordingController controller;
        QSignalSpy started(&controller, &ui::RecordingController::started);
        QSignalSpy finished(&controller, &ui::RecordingController::finished);
        QSignalSpy failed(&controller, &ui::RecordingController::failed);
        std::vector<std::size_t> sampleCounts;
        std::vector<qint64> arrivals;
        QElapsedTimer clock;
        connect(&controller, &ui::RecordingController::snapshotReady, this,
                [&](std::shared_ptr<const model::Profile> profile) {
                    QVERIFY(profile);
                    sampleCounts.push_back(profile->sampleCount());
                    arrivals.push_back(clock.elapsed());
                });
        clock.start();
        QVERIFY(controller.start(cpusplit(dir, 3000)));
        QVERIFY(controller.isRecording());
        QVERIFY(!controller.start(cpusplit(dir, 10))); // one at a time
        QVERIFY(finished.wait(30000) || !failed.isEmpty());
        QCOMPARE(failed.count(), 0);
        QCOMPARE(started.count(), 1);
        QVERIFY(!controller.isRecording());

        // At least two snapshots per second of recording on average (the first needs the
        // launch). Single gaps can be longer on a loaded machine: reported, not asserted.
        const double seconds = double(arrivals.back() - arrivals.front()) / 1000.0;
        qint64 maxGap = 0;
        for (std::size_t i = 1; i < arrivals.size(); ++i)
            maxGap = std::max(maxGap, arrivals[i] - arrivals[i - 1]);
        qInfo("%zu snapshots over %.2f s (longest gap %lld ms), last snapshot copy %.2f ms, last %zu samples",
              arrivals.size(), seconds, static_cast<long long>(maxGap), controller.lastSnapshotMs(),
              sampleCounts.back());
        QVERIFY(seconds >= 2.0);
        QVERIFY2(double(arrivals.size() - 1) / seconds >= 2.0, qPrintable(QString::number(arrivals.size())));
        // Sample counts never shrink and grow overall.
        QVERIFY(std::is_sorted(sampleCounts.begin(), sampleCounts.end()));
        QVERIFY(sampleCounts.back() > sampleCounts.front());

        // finished() names the report, readable, with the workload's samples.
        const QString path = finished[0][0].toString();
        QCOMPARE(path, dir.filePath("live.perfwb"));
        const QString summary = finished[0][1].toString();
        QVERIFY2(summary.contains(QStringLiteral(" samples, ")) && !summary.contains(QStringLiteral("(s)")),
                 qPrintable(summary));
        model::Profile profile;
        const Status read = store::ReportReader::read(path.toStdString(), profile);
        QVERIFY2(read.isOk(), read.message().c_str());
        QVERIFY(profile.sampleCount() >= sampleCounts.back());
        QVERIFY(profile.samples.size() > 1000); // 3 s at 999 Hz
        QVERIFY(!profile.timelines.empty());
    }

    void stopEndsEarly()
    {
        QTemporaryDir dir;
        ui::RecordingController controller;
        QSignalSpy started(&controller, &ui::RecordingController::started);
        QSignalSpy finished(&controller, &ui::RecordingController::finished);
        QSignalSpy snapshots(&controller, &ui::RecordingController::snapshotReady);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(controller.start(cpusplit(dir, 60000)));
        QVERIFY(started.wait(10000));
        QVERIFY(snapshots.wait(5000));
        controller.stop();
        QVERIFY(finished.wait(15000));
        QVERIFY(clock.elapsed() < 30000); // far less than the workload's 60 s
        model::Profile profile;
        QVERIFY(store::ReportReader::read(finished[0][0].toString().toStdString(), profile).isOk());
        QVERIFY(profile.samples.size() > 0);
    }

    // While recording, the window's thread runs at the recorder's priority where permitted
    // (so a target on every CPU does not stall it); the target keeps the user's, twice
    // over (the second recording's worker starts from the raised thread), and the window
    // gets its own back at the end.
    void targetKeepsTheUsersPriority()
    {
        const int userNice = record::threadNice();
        for (int run = 0; run < 2; ++run) {
            QTemporaryDir dir;
            const QString out = dir.filePath(QStringLiteral("nice"));
            record::RecordOptions o;
            // Field 19 of /proc/PID/stat is the nice value; sleep keeps it recording a while.
            o.command = {"/bin/sh", "-c", "cut -d' ' -f19 /proc/$$/stat > '" + out.toStdString() + "'; sleep 0.5"};
            o.outputPath = dir.filePath("nice.perfwb").toStdString();
            ui::RecordingController controller;
            QSignalSpy started(&controller, &ui::RecordingController::started);
            QSignalSpy finished(&controller, &ui::RecordingController::finished);
            QVERIFY(controller.start(o));
            QVERIFY(started.wait(10000));
            if (geteuid() == 0) // else RLIMIT_NICE decides, and may refuse
                QVERIFY2(record::threadNice() < userNice, qPrintable(QString::number(record::threadNice())));
            QVERIFY(finished.wait(20000));
            QFile f(out);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QCOMPARE(f.readAll().trimmed().toInt(), userNice);
            QCOMPARE(record::threadNice(), userNice);
        }
    }

    void stopWhileStarting()
    {
        QTemporaryDir dir;
        ui::RecordingController controller;
        QSignalSpy finished(&controller, &ui::RecordingController::finished);
        QSignalSpy failed(&controller, &ui::RecordingController::failed);
        QVERIFY(controller.start(cpusplit(dir, 60000)));
        controller.stop(); // before the session exists
        QVERIFY(finished.wait(20000) || failed.count() > 0);
        QVERIFY(!controller.isRecording());
    }

    void errorsAreOneMessage_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<int>("pid");
        QTest::addColumn<QString>("expected");
        QTest::newRow("command not found") << "/nonexistent/perfwb-render" << 0 << "PATH";
        QTest::newRow("unknown pid") << "" << 999999999 << "999999999";
    }
    void errorsAreOneMessage()
    {
        QFETCH(QString, command);
        QFETCH(int, pid);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        record::RecordOptions o;
        if (!command.isEmpty())
            o.command = {command.toStdString()};
        o.attachPid = pid;
        o.outputPath = dir.filePath("x.perfwb").toStdString();
        ui::RecordingController controller;
        QSignalSpy failed(&controller, &ui::RecordingController::failed);
        QSignalSpy finished(&controller, &ui::RecordingController::finished);
        QVERIFY(controller.start(o));
        QVERIFY(failed.wait(10000));
        QCOMPARE(finished.count(), 0);
        const QString message = failed[0][0].toString();
        qInfo("%s", qPrintable(message));
        QVERIFY(!message.contains('\n'));
        QVERIFY2(message.contains(expected), qPrintable(message));
        QVERIFY(!controller.isRecording());
        QVERIFY(!QFile::exists(dir.filePath("x.perfwb")));
    }

    void explainAddsWhatToDo()
    {
        const QString m = ui::RecordingController::explain("cannot open perf events: permission denied");
        QVERIFY(m.startsWith("cannot open perf events: permission denied."));
        QVERIFY(m.contains("perf_event_paranoid"));
        // Messages that already name the setting are left alone.
        const QString named = "perf_event_open refused: set kernel.perf_event_paranoid to 1 (permission denied)";
        QCOMPARE(ui::RecordingController::explain(named), named);
    }

private:
    QTranslator english_;
};

QTEST_MAIN(TestRecordingController)
#include "tst_recordingcontroller.moc"
