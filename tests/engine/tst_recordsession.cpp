// SPDX-License-Identifier: GPL-3.0-or-later
// RecordSession, the engine API the GUI drives: start, live snapshots while the sampler
// runs, stop() from another thread, wait(). Real workloads from tests/workloads, the
// real kernel, reports read back from disk.
#include "record/recordsession.h"
#include "store/reportreader.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <csignal>
#include <memory>
#include <thread>

using namespace perfwb;

namespace {

std::string workload(const char *name)
{
    return std::string(PERFWB_WORKLOAD_DIR "/") + name;
}

std::size_t samplesIn(const model::Profile &p, std::string_view function)
{
    std::size_t n = 0;
    for (std::size_t i = 0; i < p.samples.size(); ++i) {
        for (model::FrameId f : p.stacks.framesLeafFirst(p.samples.stack(i))) {
            if (p.functionName(f) == function) {
                n += p.samples.weight(i);
                break;
            }
        }
    }
    return n;
}

} // namespace

class TestRecordSession : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    std::string out(const char *name) const { return dir_.filePath(QLatin1String(name)).toStdString(); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    void liveSnapshotsThenStop()
    {
        record::RecordOptions options;
        options.command = {workload("cpusplit"), "60000"};
        options.outputPath = out("live.perfwb");
        options.label = "live";
        auto session = record::RecordSession::start(options);
        QVERIFY2(session.isOk(), session.isOk() ? "" : session.message().c_str());
        QVERIFY(session.value()->isRunning());

        // Snapshots grow, are symbolized, and never disturb the recording.
        std::size_t last = 0, growths = 0;
        for (int i = 0; i < 12; ++i) {
            QTest::qSleep(150);
            const auto snap = session.value()->snapshot();
            // Written samples come back binned by stack: count them by weight.
            QVERIFY(snap->sampleCount() >= last);
            QCOMPARE(snap->sampleCount(), snap->totalWeight());
            growths += snap->sampleCount() > last ? 1 : 0;
            last = snap->sampleCount();
        }
        QVERIFY2(growths >= 6, qPrintable(QString::number(growths)));
        const auto live = session.value()->snapshot();
        QVERIFY(samplesIn(*live, "hot_70") > 0 && samplesIn(*live, "main") > 0);
        QCOMPARE(live->meta.runLabel, std::string("live"));

        // stop() from another thread, as a GUI button or a signal thread would.
        std::thread stopper([&] { session.value()->stop(); });
        stopper.join();
        auto summary = session.value()->wait();
        QVERIFY2(summary.isOk(), summary.isOk() ? "" : summary.message().c_str());
        QVERIFY(!session.value()->isRunning());
        QVERIFY(summary->exited);
        QCOMPARE(summary->exitSignal, SIGTERM); // a launched target is asked to end
        QVERIFY(summary->samples >= last);
        QCOMPARE(summary->outputPath, options.outputPath);
        QVERIFY(!summary->fallback);

        // The report on disk is the final snapshot.
        model::Profile report;
        QVERIFY(store::ReportReader::read(options.outputPath, report).isOk());
        const auto final = session.value()->snapshot();
        QCOMPARE(report.samples.size(), final->sampleCount());
        // The same stacks with the same weights, in fewer rows than samples.
        QVERIFY2(
            final->samples.size() < report.samples.size(),
            qPrintable(QStringLiteral("%1 rows for %2 samples").arg(final->samples.size()).arg(report.samples.size())));
        QCOMPARE(samplesIn(*final, "hot_70"), samplesIn(report, "hot_70"));
        QCOMPARE(report.samples.size(), summary->samples);
        QCOMPARE(report.meta.exitSignal, SIGTERM);
    }

    void durationBoundsAttach()
    {
        QProcess target;
        target.start(QString::fromStdString(workload("cpusplit")), {QStringLiteral("4000")});
        QVERIFY(target.waitForStarted());
        record::RecordOptions options;
        options.attachPid = static_cast<pid_t>(target.processId());
        options.durationS = 0.5;
        options.outputPath = out("attach.perfwb");
        auto session = record::RecordSession::start(options);
        QVERIFY2(session.isOk(), session.isOk() ? "" : session.message().c_str());
        auto summary = session.value()->wait();
        QVERIFY(summary.isOk());
        QVERIFY(!summary->exited && !summary->targetEnded);
        QVERIFY2(summary->durationNs >= 450'000'000 && summary->durationNs < 2'000'000'000,
                 qPrintable(QString::number(summary->durationNs)));
        QVERIFY(summary->samples > 0);
        QCOMPARE(target.state(), QProcess::Running); // detached, unharmed
        target.kill();
        target.waitForFinished();
    }

    // RecordOptions::watchReadings sees every /proc reading on the recorder's thread, up to
    // the last, and its marks reach the report: here one mark at the last RSS reading it
    // saw, which a check of live snapshots could only catch by luck.
    void readingWatchMarksReachTheReport()
    {
        record::RecordOptions options;
        options.command = {workload("cpusplit"), "300"};
        options.outputPath = out("watched.perfwb");
        auto rssReadings = std::make_shared<std::vector<std::int64_t>>();
        options.watchReadings = [rssReadings](std::string_view timeline, std::int64_t timeNs,
                                              double /*value*/) -> std::optional<model::Mark> {
            if (timeline != model::timelines::kRss)
                return std::nullopt;
            rssReadings->push_back(timeNs);
            return model::Mark{"rss " + std::to_string(rssReadings->size()), "budget", timeNs, timeNs, 0};
        };
        auto session = record::RecordSession::start(options);
        QVERIFY2(session.isOk(), session.isOk() ? "" : session.message().c_str());
        QVERIFY(session.value()->wait().isOk());
        QVERIFY2(rssReadings->size() >= 3, qPrintable(QString::number(rssReadings->size()))); // 300 ms, 50 ms polls
        model::Profile report;
        QVERIFY(store::ReportReader::read(options.outputPath, report).isOk());
        QCOMPARE(report.marks.size(), rssReadings->size()); // every one, the last included
        const auto &last = report.marks.back();
        QCOMPARE(last.name, "rss " + std::to_string(rssReadings->size()));
        QCOMPARE(last.startNs, rssReadings->back());
        const auto rss = std::find_if(report.timelines.begin(), report.timelines.end(),
                                      [](const model::Timeline &t) { return t.name == model::timelines::kRss; });
        QVERIFY(rss != report.timelines.end());
        QCOMPARE(last.startNs, rss->points.back().timeNs);
    }

    void badOptions_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("command and pid") << 0 << QStringLiteral("not both");
        QTest::newRow("nothing") << 1 << QStringLiteral("nothing to record");
        QTest::newRow("no output") << 2 << QStringLiteral("no output file");
        QTest::newRow("unwritable output") << 3 << QStringLiteral("/nonexistent-dir/x.perfwb: cannot create");
        QTest::newRow("no such program") << 4 << QStringLiteral("cannot run 'no-such-program-perfwb'");
        QTest::newRow("bad frequency") << 5 << QStringLiteral("sampling frequency 0 Hz is out of range");
    }

    void badOptions()
    {
        QFETCH(int, kind);
        QFETCH(QString, message);
        record::RecordOptions options;
        options.outputPath = out("bad.perfwb");
        options.command = {workload("cpusplit"), "100"};
        switch (kind) {
        case 0:
            options.attachPid = getpid();
            break;
        case 1:
            options.command.clear();
            break;
        case 2:
            options.outputPath.clear();
            break;
        case 3:
            options.outputPath = "/nonexistent-dir/x.perfwb";
            break;
        case 4:
            options.command = {"no-such-program-perfwb"};
            break;
        case 5:
            options.sampling.frequencyHz = 0;
            break;
        }
        auto session = record::RecordSession::start(options);
        QVERIFY(!session.isOk());
        QVERIFY2(QString::fromStdString(session.message()).contains(message), session.message().c_str());
        QVERIFY(!QFile::exists(QString::fromStdString(out("bad.perfwb"))));
    }
};

QTEST_GUILESS_MAIN(TestRecordSession)
#include "tst_recordsession.moc"
