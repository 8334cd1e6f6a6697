// SPDX-License-Identifier: GPL-3.0-or-later
// Diagnostics that name the real cause: a normal user attaching to another user's process
// is told whose it is, not that ptrace_scope is "unset"; a kernel thread is refused with a
// reason; a stopped process is recorded with a warning rather than as a silent 0 samples.
// (A seccomp filter named as the cause: tst_recordfallback.) Needs root for the other-user
// case (setpriv), skipped without.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <unistd.h>

namespace {
struct Run {
    int exitCode = -1;
    QString out, err;
};

Run run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    Run r;
    if (p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit)
        r.exitCode = p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError()).trimmed();
    return r;
}

const QString kPerfwb = QStringLiteral(PERFWB_BINARY);
const QString kCpusplit = QStringLiteral(PERFWB_WORKLOAD_DIR "/cpusplit");
} // namespace

class TestDiagnostics : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    QString report(const char *name) const { return dir_.filePath(QString::fromLatin1(name)); }

    // A running target, ended by the caller.
    static void startTarget(QProcess &target)
    {
        target.start(kCpusplit, {QStringLiteral("100000")});
        QVERIFY(target.waitForStarted());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        QFile::setPermissions(dir_.path(), QFileDevice::Permissions(0x7777)); // the other-user case writes here
    }

    void otherUsersProcessNamesTheOwner()
    {
        if (::geteuid() != 0)
            QSKIP("needs root to run perfwb as another user");
        QProcess target;
        startTarget(target);
        const QString out = report("other-user.perfwb");
        const Run r = run(QStringLiteral("setpriv"),
                          {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                           QStringLiteral("--clear-groups"), QStringLiteral("--inh-caps=-all"), kPerfwb,
                           QStringLiteral("record"), QStringLiteral("--pid"), QString::number(target.processId()),
                           QStringLiteral("--duration"), QStringLiteral("0.2"), QStringLiteral("-o"), out});
        target.kill();
        target.waitForFinished();
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("belongs to root (uid 0) and perfwb runs as")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("(uid 65534)")), qPrintable(r.err));
        QVERIFY2(!r.err.contains(QLatin1String("unset")), qPrintable(r.err));
    }

    void kernelThreadIsRefused()
    {
        // PID 2 is kthreadd on every Linux; in a PID namespace without it, skip.
        QFile comm(QStringLiteral("/proc/2/comm"));
        if (!comm.open(QIODevice::ReadOnly) || !comm.readAll().startsWith("kthreadd"))
            QSKIP("no kthreadd at PID 2 in this PID namespace");
        const QString out = report("kthread.perfwb");
        const Run r = run(kPerfwb, {QStringLiteral("record"), QStringLiteral("--pid"), QStringLiteral("2"),
                                    QStringLiteral("--duration"), QStringLiteral("0.2"), QStringLiteral("-o"), out});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("PID 2 (kthreadd) is a kernel thread")), qPrintable(r.err));
        QVERIFY(!QFile::exists(out));
    }

    void stoppedProcessIsNamed()
    {
        QProcess target;
        startTarget(target);
        const auto pid = static_cast<pid_t>(target.processId());
        QCOMPARE(::kill(pid, SIGSTOP), 0);
        // The kernel shows T only once the stop has been delivered.
        QTRY_VERIFY(QFile::exists(QStringLiteral("/proc/%1/status").arg(pid)) && [&] {
            QFile status(QStringLiteral("/proc/%1/status").arg(pid));
            return status.open(QIODevice::ReadOnly) && status.readAll().contains("State:\tT");
        }());
        const QString out = report("stopped.perfwb");
        const Run r = run(kPerfwb, {QStringLiteral("record"), QStringLiteral("--pid"), QString::number(pid),
                                    QStringLiteral("--duration"), QStringLiteral("0.3"), QStringLiteral("-o"), out});
        ::kill(pid, SIGCONT);
        target.kill();
        target.waitForFinished();
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("PID %1 is stopped").arg(pid)), qPrintable(r.err));
        const Run info = run(kPerfwb, {QStringLiteral("info"), QStringLiteral("--json"), out});
        QVERIFY2(info.out.contains(QStringLiteral("PID %1 is stopped").arg(pid)), qPrintable(info.out));
    }
};

QTEST_GUILESS_MAIN(TestDiagnostics)
#include "tst_diagnostics.moc"
