// SPDX-License-Identifier: GPL-3.0-or-later
// Allocations are never lost without a word (issue 18, item 2). A full disk makes
// `record --alloc` fail with exit 1 naming it; a stream that ends early (the program
// exec'd) is recorded with a note that says what is missing, in the report too; a target
// that crashes keeps every allocation up to the crash; a stream left behind by a killed perfwb is removed by the next
// --alloc recording into the same directory, unless its target still runs.
#include "alloc/tracker/allocstream.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sys/mount.h>
#include <unistd.h>

namespace {
struct Run {
    int exitCode = -1;
    QString out, err;
};

Run perfwb(const QStringList &args, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(PERFWB_BINARY), args);
    Run r;
    if (p.waitForFinished(120000) && p.exitStatus() == QProcess::NormalExit)
        r.exitCode = p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError()).trimmed();
    return r;
}

QString workload(const char *name)
{
    return QStringLiteral(PERFWB_WORKLOAD_DIR "/") + QString::fromLatin1(name);
}

// An allocation stream header (allocstream.h): magic, varint version 1, varint pid.
QByteArray streamHeader(qint64 pid)
{
    QByteArray out("PWBALLOC");
    out.append(char(PWBA_VERSION));
    auto v = static_cast<quint64>(pid);
    do {
        out.append(char((v & 0x7f) | (v > 0x7f ? 0x80 : 0)));
        v >>= 7;
    } while (v != 0);
    return out;
}
} // namespace

class TestAllocFaults : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;

private Q_SLOTS:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    void fullDiskFails()
    {
        // A 1 MiB tmpfs: the report fits, the stream of 2 M malloc/free pairs (about 12 MB)
        // does not. Either the tracker's writes fail (the stream is cut while the target runs
        // on) or a report flush does: both are a failed recording that names the full disk.
        const QString mnt = dir_.filePath(QStringLiteral("small"));
        QVERIFY(QDir().mkpath(mnt));
        if (::mount("tmpfs", mnt.toUtf8().constData(), "tmpfs", 0, "size=1m") != 0)
            QSKIP("cannot mount a tmpfs here (not root)");
        const QString out = mnt + QStringLiteral("/full.perfwb");
        const Run r =
            perfwb({QStringLiteral("record"), QStringLiteral("--alloc"), QStringLiteral("--no-cpu"),
                    QStringLiteral("-o"), out, QStringLiteral("--"), workload("allocloop"), QStringLiteral("2000000")});
        const QString left = QDir(mnt).entryList(QDir::Files).join(u' ');
        ::umount2(mnt.toUtf8().constData(), MNT_DETACH);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("No space left on device")), qPrintable(r.err));
        QVERIFY2(!left.contains(QLatin1String(".alloc")), qPrintable(left)); // the stream never stays
        // When the tracker's writes failed, the calls it could not record are counted.
        if (r.err.contains(QLatin1String("allocation stream cut short")))
            QVERIFY2(r.err.contains(QRegularExpression(QStringLiteral("\\d+ allocation calls not recorded"))),
                     qPrintable(r.err));
    }

    void killedTargetCountsItsLostEvents()
    {
        // --duration ends the target with SIGTERM, which the tracker does not catch: what its
        // buffer held is lost, and counted from the counts it shares with perfwb.
        const QString out = dir_.filePath(QStringLiteral("killed.perfwb"));
        const Run r = perfwb({QStringLiteral("record"), QStringLiteral("--alloc"), QStringLiteral("--no-cpu"),
                              QStringLiteral("--duration"), QStringLiteral("1"), QStringLiteral("-o"), out,
                              QStringLiteral("--"), workload("allocloop"), QStringLiteral("1000000000")});
        QCOMPARE(r.exitCode, 0);
        const QRegularExpression lost(QStringLiteral("(\\d+) allocation events lost"));
        const auto said = lost.match(r.err);
        QVERIFY2(said.hasMatch(), qPrintable(r.err));
        // A 64 KiB buffer holds at most 64 Ki records of a byte or more.
        const qulonglong count = said.captured(1).toULongLong();
        QVERIFY2(count > 0 && count <= 65536, qPrintable(said.captured(0)));
        const Run info = perfwb({QStringLiteral("info"), QStringLiteral("--json"), out});
        QVERIFY2(info.exitCode == 0, qPrintable(info.err));
        QVERIFY2(info.out.contains(QStringLiteral("\"events_lost\": %1").arg(count)), qPrintable(info.out));
        QVERIFY2(!QFile::exists(out + QStringLiteral(".alloc.counts")), "the counts file stays behind");
    }

    void earlyEndIsNoted()
    {
        // A shell that execs the program: the tracker in the shell says which program it
        // did not follow instead of reporting an empty heap as the truth.
        const QString out = dir_.filePath(QStringLiteral("exec.perfwb"));
        const Run r = perfwb({QStringLiteral("record"), QStringLiteral("--alloc"), QStringLiteral("-o"), out,
                              QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"),
                              QStringLiteral("exec '%1' 1000").arg(workload("allocloop"))});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("allocation stream ends early")), qPrintable(r.err));
        // The tracker names the program it did not follow.
        QVERIFY2(r.err.contains((QStringLiteral("the target exec'd ") + workload("allocloop")).toUtf8()),
                 qPrintable(r.err));
        const Run info = perfwb({QStringLiteral("info"), out});
        QVERIFY2(info.out.contains(QLatin1String("allocation stream ends early")), qPrintable(info.out));
    }

    void crashKeepsEveryAllocation()
    {
        // 300,000 malloc/free pairs, then SIGSEGV: the tracker writes what it buffered when
        // the signal comes (it used to die with the process, up to 64 KiB of events, and the
        // stream then lacked its end), so the stream is whole up to the crash.
        const QString out = dir_.filePath(QStringLiteral("crash.perfwb"));
        const Run r = perfwb({QStringLiteral("record"), QStringLiteral("--alloc"), QStringLiteral("--no-cpu"),
                              QStringLiteral("-o"), out, QStringLiteral("--"), workload("allocloop"),
                              QStringLiteral("300000"), QStringLiteral("crash")});
        QCOMPARE(r.exitCode, 0); // the recording did its job: the crash is the target's
        QVERIFY2(r.out.contains(QLatin1String("killed by signal 11 (SIGSEGV)")), qPrintable(r.out));
        QVERIFY2(!r.err.contains(QLatin1String("allocation stream incomplete")), qPrintable(r.err));
        // Every pair is there: 300,000 calls (and a few of libc's own).
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("perfwb: 3000\\d\\d allocations tracked"))),
                 qPrintable(r.out));
        const Run info = perfwb({QStringLiteral("info"), QStringLiteral("--json"), out});
        QVERIFY2(info.exitCode == 0, qPrintable(info.err));
        QVERIFY2(!info.out.contains(QLatin1String("incomplete")), qPrintable(info.out));
    }

    void crashInsideTheTracker()
    {
        // The crash comes while the crashing thread holds the tracker's lock, halfway
        // through writing a record (the tracker's fault point for tests): the records
        // before that one are written with the crash, the half record is not, and the one
        // allocation it was for is counted as lost, not taken for a whole stream.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PERFWB_ALLOC_FAULT_AFTER"), QStringLiteral("100000"));
        const QString out = dir_.filePath(QStringLiteral("crash-in-tracker.perfwb"));
        const Run r =
            perfwb({QStringLiteral("record"), QStringLiteral("--alloc"), QStringLiteral("--no-cpu"),
                    QStringLiteral("-o"), out, QStringLiteral("--"), workload("allocloop"), QStringLiteral("300000")},
                   env);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("killed by signal 11 (SIGSEGV)")), qPrintable(r.out));
        QVERIFY2(r.err.contains(QLatin1String("1 allocation events lost")), qPrintable(r.err));
        // The 99,999 whole allocations before it (libc's own included, as the tracker counts).
        QVERIFY2(r.out.contains(QLatin1String("perfwb: 99999 allocations tracked")), qPrintable(r.out));
        const Run info = perfwb({QStringLiteral("info"), QStringLiteral("--json"), out});
        QVERIFY2(info.exitCode == 0, qPrintable(info.err));
        QVERIFY2(info.out.contains(QLatin1String("\"events_lost\": 1")), qPrintable(info.out));
    }

    void orphanStreamsAreRemoved()
    {
        // A finished process's PID stands for the target of a killed recording.
        QProcess gone;
        gone.start(QStringLiteral("true"), {});
        QVERIFY(gone.waitForFinished());
        const qint64 deadPid = gone.processId() > 0 ? gone.processId() : 999999;
        QDir sub(dir_.filePath(QStringLiteral("orphans")));
        QVERIFY(sub.mkpath(QStringLiteral(".")));
        const QString orphan = sub.filePath(QStringLiteral("killed.perfwb.alloc"));
        const QString live = sub.filePath(QStringLiteral("running.perfwb.alloc"));
        const QString other = sub.filePath(QStringLiteral("notes.alloc"));
        for (const auto &[path, bytes] :
             {std::pair{orphan, streamHeader(deadPid) + QByteArray(4096, 'x')},
              std::pair{live, streamHeader(::getpid())}, std::pair{other, QByteArray("not a stream")}}) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(bytes);
        }
        const Run r = perfwb({QStringLiteral("record"), QStringLiteral("--alloc"), QStringLiteral("-o"),
                              sub.filePath(QStringLiteral("next.perfwb")), QStringLiteral("--"), workload("allocloop"),
                              QStringLiteral("1000")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(!QFile::exists(orphan), "the stream of an ended recording was left behind");
        QVERIFY2(QFile::exists(live), "the stream of a running recording was removed");
        QVERIFY2(QFile::exists(other), "a file that is not an allocation stream was removed");
    }
};

QTEST_GUILESS_MAIN(TestAllocFaults)
#include "tst_allocfaults.moc"
