// SPDX-License-Identifier: GPL-3.0-or-later
// The target's whole process tree ends with the recording (launch mode): the orphans
// workload leaves a grandchild in a session of its own, spinning for ever. Whatever ends
// the recording (--duration, SIGINT, SIGTERM, SIGKILL of perfwb, the target exiting), the
// grandchild must not survive it.
#include "store/reportreader.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <fstream>

using namespace perfwb;

namespace {

const QString kPerfwb = QStringLiteral(PERFWB_BINARY);
const QString kOrphans = QStringLiteral(PERFWB_WORKLOAD_DIR "/orphans");

// Running: exists and is not a zombie (a reaped-later zombie has ended).
bool running(qint64 pid)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto close = text.rfind(')');
    return close != std::string::npos && close + 2 < text.size() && text[close + 2] != 'Z';
}

qint64 waitForPidFile(const QString &path)
{
    for (int i = 0; i < 200; ++i) {
        QFile f(path);
        if (f.open(QIODevice::ReadOnly)) {
            const qint64 pid = f.readAll().trimmed().toLongLong();
            if (pid > 0)
                return pid;
        }
        QTest::qWait(25);
    }
    return -1;
}

} // namespace

class TestProcessTree : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    void treeEndsWithTheRecording_data()
    {
        QTest::addColumn<QString>("how");
        QTest::newRow("duration") << "duration";
        QTest::newRow("target exits") << "exit";
        QTest::newRow("SIGINT") << "SIGINT";
        QTest::newRow("SIGTERM") << "SIGTERM";
        QTest::newRow("SIGKILL") << "SIGKILL";
    }
    void treeEndsWithTheRecording()
    {
        QFETCH(QString, how);
        const QString pidFile = dir_.filePath(how + QStringLiteral(".pid"));
        const QString report = dir_.filePath(how + QStringLiteral(".perfwb"));
        QStringList args{QStringLiteral("record"), QStringLiteral("-o"), report};
        if (how == QLatin1String("duration"))
            args << QStringLiteral("--duration") << QStringLiteral("1");
        args << QStringLiteral("--") << kOrphans << pidFile;
        if (how == QLatin1String("exit"))
            args << QStringLiteral("300");
        QProcess perfwb;
        perfwb.start(kPerfwb, args);
        QVERIFY(perfwb.waitForStarted());
        const qint64 grandchild = waitForPidFile(pidFile);
        QVERIFY2(grandchild > 0, perfwb.readAllStandardError().constData());
        QVERIFY(running(grandchild));
        if (how.startsWith(QLatin1String("SIG"))) {
            QTest::qWait(300);
            const int sig = how == QLatin1String("SIGINT")    ? SIGINT
                            : how == QLatin1String("SIGTERM") ? SIGTERM
                                                              : SIGKILL;
            QCOMPARE(::kill(static_cast<pid_t>(perfwb.processId()), sig), 0);
        }
        QVERIFY(perfwb.waitForFinished(30000));
        QTRY_VERIFY2_WITH_TIMEOUT(
            !running(grandchild),
            qPrintable(QStringLiteral("%1 outlived perfwb: %2").arg(grandchild).arg(perfwb.readAllStandardError())),
            3000);
        if (how == QLatin1String("SIGKILL"))
            return; // no finished report to look at
        QVERIFY2(perfwb.exitCode() == 0, perfwb.readAllStandardError().constData());
        model::Profile p;
        QVERIFY(store::ReportReader::read(report.toStdString(), p).isOk());
        QVERIFY(p.meta.extra.count("process_tree"));
        QVERIFY(std::stoi(p.meta.extra.at("processes_ended_after_target")) >= 1);
    }

    // Attach mode leaves the attached process running, as it always did.
    void attachLeavesTheProcessRunning()
    {
        QProcess target;
        target.start(kOrphans, {dir_.filePath(QStringLiteral("attach.pid"))});
        QVERIFY(target.waitForStarted());
        const qint64 grandchild = waitForPidFile(dir_.filePath(QStringLiteral("attach.pid")));
        QVERIFY(grandchild > 0);
        QProcess perfwb;
        perfwb.start(kPerfwb, {QStringLiteral("record"), QStringLiteral("-o"),
                               dir_.filePath(QStringLiteral("a.perfwb")), QStringLiteral("--duration"),
                               QStringLiteral("0.5"), QStringLiteral("--pid"), QString::number(target.processId())});
        QVERIFY(perfwb.waitForFinished(30000));
        QVERIFY2(perfwb.exitCode() == 0, perfwb.readAllStandardError().constData());
        QVERIFY(running(target.processId()));
        QVERIFY(running(grandchild));
        ::kill(static_cast<pid_t>(grandchild), SIGKILL);
        target.kill();
        target.waitForFinished();
    }

private:
    QTemporaryDir dir_;
};

QTEST_MAIN(TestProcessTree)
#include "tst_processtree.moc"
