// SPDX-License-Identifier: GPL-3.0-or-later
// The report is made before the target runs: `perfwb record -o` naming a directory or a
// place on a full disk fails with one line and exit 1, and the target never starts (it
// would create a marker file). A full disk says "No space left on device" for record and
// import alike. The full disk is a 64 KiB tmpfs; where it cannot be mounted (not root),
// a file-size limit stands in for it.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <cstring>
#include <sys/mount.h>

namespace {
struct Run {
    int exitCode = -1;
    QString err;
};

// perfwb with `limitKiB` > 0 runs under `ulimit -f` (SIGXFSZ ignored, so writes fail
// with EFBIG instead of killing it).
Run perfwb(const QStringList &args, int limitKiB = 0)
{
    QProcess p;
    if (limitKiB > 0) {
        QStringList shellArgs{QStringLiteral("-c"),
                              QStringLiteral("ulimit -f %1; trap '' XFSZ; exec \"$0\" \"$@\"").arg(limitKiB),
                              QStringLiteral(PERFWB_BINARY)};
        p.start(QStringLiteral("sh"), shellArgs + args);
    } else {
        p.start(QStringLiteral(PERFWB_BINARY), args);
    }
    Run r;
    if (p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit)
        r.exitCode = p.exitCode();
    r.err = QString::fromUtf8(p.readAllStandardError()).trimmed();
    return r;
}
} // namespace

class TestRecordOutput : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    QString full_;     // a directory on a full (tiny) file system
    int limitKiB_ = 0; // the stand-in when no tmpfs could be mounted
    QString marker_;

    QStringList targetThatLeavesAMarker() const
    {
        return {
            QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"),
            QStringLiteral("touch '%1'; exec '%2' 200").arg(marker_, QStringLiteral(PERFWB_WORKLOAD_DIR "/cpusplit"))};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        marker_ = dir_.filePath(QStringLiteral("target-ran"));
        full_ = dir_.filePath(QStringLiteral("full"));
        QVERIFY(QDir().mkpath(full_));
        if (::mount("tmpfs", full_.toUtf8().constData(), "tmpfs", 0, "size=64k") == 0) {
            // Filled to the last byte: nothing more fits.
            QFile filler(full_ + QStringLiteral("/filler"));
            QVERIFY(filler.open(QIODevice::WriteOnly));
            const QByteArray block(4096, 'x');
            while (filler.write(block) == block.size() && filler.flush()) {
            }
        } else {
            limitKiB_ = 8; // a report's empty schema needs more
            qInfo("no tmpfs (%s): a file-size limit of %d KiB stands in for a full disk", std::strerror(errno),
                  limitKiB_);
        }
    }
    void cleanupTestCase()
    {
        if (limitKiB_ == 0)
            ::umount2(full_.toUtf8().constData(), MNT_DETACH);
    }
    void init() { QFile::remove(marker_); }

    void directoryIsRefusedBeforeTheTargetRuns()
    {
        const QString out = dir_.filePath(QStringLiteral("a-directory"));
        QVERIFY(QDir().mkpath(out));
        const Run r =
            perfwb(QStringList{QStringLiteral("record"), QStringLiteral("-o"), out} + targetThatLeavesAMarker());
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.startsWith(QStringLiteral("perfwb: ") + out + QStringLiteral(": ")), qPrintable(r.err));
        QVERIFY2(!r.err.contains(QLatin1Char('\n')), qPrintable(r.err));
        QVERIFY2(!QFile::exists(marker_), "the target ran although the report could not be made");
        QVERIFY(QFileInfo(out).isDir());
    }

    void fullDiskIsRefusedBeforeTheTargetRuns()
    {
        const QString out = full_ + QStringLiteral("/run.perfwb");
        const Run r = perfwb(
            QStringList{QStringLiteral("record"), QStringLiteral("-o"), out} + targetThatLeavesAMarker(), limitKiB_);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.startsWith(QStringLiteral("perfwb: ") + out + QStringLiteral(": ")), qPrintable(r.err));
        if (limitKiB_ == 0)
            QVERIFY2(r.err.endsWith(QStringLiteral("No space left on device")), qPrintable(r.err));
        QVERIFY2(!r.err.contains(QStringLiteral("rollback")), qPrintable(r.err));
        QVERIFY2(!QFile::exists(marker_), "the target ran although the report could not be made");
        QVERIFY(!QFile::exists(out));
        QCOMPARE(QDir(full_).entryList(QDir::Files).filter(QStringLiteral("perfwb")), QStringList());
    }

    void importToAFullDiskSaysSo()
    {
        const QString folded = dir_.filePath(QStringLiteral("in.folded"));
        QFile f(folded);
        QVERIFY(f.open(QIODevice::WriteOnly));
        for (int i = 0; i < 2000; ++i)
            f.write(QStringLiteral("main;render;frame_%1 %2\n").arg(i).arg(i + 1).toUtf8());
        f.close();
        const QString out = full_ + QStringLiteral("/imported.perfwb");
        const Run r = perfwb({QStringLiteral("import"), folded, QStringLiteral("-o"), out}, limitKiB_);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.startsWith(QStringLiteral("perfwb: ") + out + QStringLiteral(": ")), qPrintable(r.err));
        if (limitKiB_ == 0)
            QVERIFY2(r.err.endsWith(QStringLiteral("No space left on device")), qPrintable(r.err));
        QVERIFY(!QFile::exists(out));
    }
};

QTEST_GUILESS_MAIN(TestRecordOutput)
#include "tst_recordoutput.moc"
