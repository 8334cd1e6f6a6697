// SPDX-License-Identifier: GPL-3.0-or-later
// perfwb killed (SIGKILL) at 20 points of a recording, from its first milliseconds to the
// writing of the report's end: each time the report is readable, or refused with one line
// naming it (or absent, when perfwb died before making it), never a crash, a hang or
// partial data passed off as whole; and the target never outlives perfwb. The ASan pass
// runs it too (label integration).
#include "perfwbrunner.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace perfwbtest;

namespace {
// A run length no other test uses, so pgrep finds only this suite's targets.
const QString kTargetMs = QStringLiteral("1517");

bool targetAlive()
{
    QProcess pgrep;
    pgrep.start(QStringLiteral("pgrep"), {QStringLiteral("-f"), QStringLiteral("cpusplit ") + kTargetMs});
    pgrep.waitForFinished();
    return pgrep.exitCode() == 0;
}
} // namespace

class TestFaultInjection : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;

private Q_SLOTS:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    void killedAt_data()
    {
        QTest::addColumn<int>("afterMs");
        // Start-up, the first batch, steady batches every 500 ms (0 to 1.4 s), then closer
        // together around the target's end (about 1.5 s of CPU) and the report's last flush.
        QList<int> points;
        for (int ms = 0; ms < 1500; ms += 100)
            points << ms;
        points << 1450 << 1500 << 1550 << 1600 << 1650;
        for (int ms : points)
            QTest::newRow(qPrintable(QStringLiteral("%1 ms").arg(ms))) << ms;
    }
    void killedAt()
    {
        QFETCH(int, afterMs);
        const QString report = dir_.filePath(QStringLiteral("killed-%1.perfwb").arg(afterMs));
        QProcess rec;
        rec.start(QStringLiteral(PERFWB_BINARY),
                  {QStringLiteral("record"), QStringLiteral("-o"), report, QStringLiteral("--"),
                   QStringLiteral(PERFWB_WORKLOAD_DIR "/cpusplit"), kTargetMs});
        QVERIFY(rec.waitForStarted());
        const auto pid = static_cast<pid_t>(rec.processId()); // 0 once it has finished: never kill(0)
        QVERIFY(pid > 0);
        // Waiting on the process itself, so a perfwb that finished first is not confused with
        // a PID reused by another program.
        if (!rec.waitForFinished(afterMs))
            ::kill(pid, SIGKILL);
        QVERIFY(rec.state() == QProcess::NotRunning || rec.waitForFinished(30000));

        // Nothing of the recording survives it (the process tree's watchdog ends the target).
        QTRY_VERIFY2_WITH_TIMEOUT(!targetAlive(), "the target outlived perfwb", 5000);

        const Run info = runPerfwb({QStringLiteral("info"), QStringLiteral("--json"), report});
        QVERIFY2(info.finished, "perfwb info hung on a killed recording's report");
        QVERIFY2(info.exitCode == 0 || info.exitCode == 2, qPrintable(info.describe()));
        if (info.exitCode == 2) {
            const QByteArray line = info.err.trimmed();
            QVERIFY2(!line.contains('\n'), line.constData());
            QVERIFY2(line.startsWith("perfwb: " + report.toLocal8Bit() + ": "), line.constData());
            qInfo("refused: %s", line.constData());
        } else {
            QVERIFY2(info.out.contains("\"samples\""), info.out.constData());
            qInfo("readable: %s", info.out.mid(info.out.indexOf("\"samples\""), 20).simplified().constData());
        }
        // No temporary file of the report's making is left beside it. SQLite's own files
        // stay: -wal/-shm while recording, -journal when killed while leaving WAL mode at the
        // end (the reader then names it and how to recover).
        for (const QString &name : QDir(dir_.path()).entryList(QDir::Files | QDir::Hidden)) {
            const bool reportFile =
                name.startsWith(QStringLiteral("killed-")) &&
                (name.endsWith(QStringLiteral(".perfwb")) || name.endsWith(QStringLiteral("-wal")) ||
                 name.endsWith(QStringLiteral("-shm")) || name.endsWith(QStringLiteral("-journal")));
            QVERIFY2(reportFile, qPrintable(QStringLiteral("left behind: ") + name));
        }
        // Reading never changed it: a second read says the same.
        const Run again = runPerfwb({QStringLiteral("info"), QStringLiteral("--json"), report});
        QCOMPARE(again.exitCode, info.exitCode);
        QCOMPARE(again.out, info.out);
    }
};

QTEST_GUILESS_MAIN(TestFaultInjection)
#include "tst_faultinjection.moc"
