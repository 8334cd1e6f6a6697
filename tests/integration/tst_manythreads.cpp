// SPDX-License-Identifier: GPL-3.0-or-later
// A thousand threads started and ended at once under --call-graph dwarf (issue 18, item 9).
// At the target's priority the recorder's two threads get a thousandth of the CPUs: the
// rings overflow, most samples are lost (counted), and with them the kernel's exit records
// of many threads. perfwb therefore raises its reading threads to nice -20 where it may.
// Either way every thread gets its end (from the /proc poller when its exit record was lost,
// counted in thread_ends_from_proc) and its CPU time (taskstats), so the samples each thread
// missed are shown, and the summary says why samples were lost.
#include "recordchecks.h"

#include "model/threadinfo.h"

#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace perfwb;
using namespace perfwbtest;

class TestManyThreads : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;

    static QStringList recordArgs(const QString &out)
    {
        return {QStringLiteral("record"),
                QStringLiteral("--call-graph"),
                QStringLiteral("dwarf"),
                QStringLiteral("-o"),
                out,
                QStringLiteral("--"),
                workload("manythreads"),
                QStringLiteral("1000"),
                QStringLiteral("5")};
    }
    // Every thread has its CPU time where the kernel gives it (root: taskstats).
    static void checkCpuTimes(const model::Profile &p)
    {
        const auto how = p.meta.extra.find("thread_cpu_times");
        QVERIFY(how != p.meta.extra.end());
        if (::geteuid() != 0)
            return; // taskstats needs CAP_NET_ADMIN; the report says so
        QVERIFY2(how->second.rfind(std::to_string(p.threads().size()) + " of ", 0) == 0, how->second.c_str());
        for (const auto &t : p.threads())
            QVERIFY2(t.cpuNs >= 0, qPrintable(QString::number(t.tid)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        prepareRecordingSuite(dir_);
        // Back to a user's nice 0 (prepareRecordingSuite lowered it to -10): the recorder's
        // threads at -20 are then as far above the target as they are for a user.
        setpriority(PRIO_PROCESS, 0, 0);
    }

    void everyThreadEnds()
    {
        const QString out = dir_.filePath(QStringLiteral("many.perfwb"));
        const Run r = runPerfwb(recordArgs(out));
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.describe()));
        model::Profile p;
        CHECKED(readReport(out, p));
        QVERIFY2(p.threads().size() >= 1000, qPrintable(QString::number(p.threads().size())));
        std::size_t unknown = 0;
        for (const auto &t : p.threads()) {
            if (t.endNs == model::kUnknownTime)
                ++unknown;
            else
                QVERIFY(t.startNs == model::kUnknownTime || t.endNs >= t.startNs);
        }
        QCOMPARE(unknown, std::size_t(0));
        const auto fromProc = p.meta.extra.find("thread_ends_from_proc");
        qInfo("%llu samples, %llu lost, thread ends from /proc: %s", static_cast<unsigned long long>(p.samples.size()),
              static_cast<unsigned long long>(p.meta.lostSamples),
              fromProc == p.meta.extra.end() ? "0" : fromProc->second.c_str());
        if (p.meta.lostSamples > p.samples.size() && p.meta.lostSamples > 100)
            QVERIFY2(r.err.contains("DWARF stack copies outran the reader; --call-graph fp"), r.err.constData());
        checkCpuTimes(p);
        if (::geteuid() != 0)
            return;
        // Raised above the target, the reader keeps up: at nice 0 it lost 60 to 90 %.
        QCOMPARE(p.meta.extra.at("recorder_nice"), std::string("-20"));
        QVERIFY2(p.meta.lostSamples * 10 <= p.samples.size(), qPrintable(QString::number(p.meta.lostSamples)));
        const auto missed = model::missedSamples(p.threads(), p.meta.sampler.frequencyHz);
        QVERIFY2(missed.total * 10 <= p.samples.size(), qPrintable(QString::number(missed.total)));
    }

    void lossesShownPerThread()
    {
        // Without CAP_SYS_NICE the recorder stays at the target's priority and loses most samples.
        if (::geteuid() != 0)
            QSKIP("needs root to take CAP_SYS_NICE away");
        const QString out = dir_.filePath(QStringLiteral("starved.perfwb"));
        const Run r = runProcess(
            QStringLiteral("setpriv"),
            QStringList{QStringLiteral("--bounding-set"), QStringLiteral("-sys_nice"), QStringLiteral(PERFWB_BINARY)} +
                recordArgs(out));
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.describe()));
        model::Profile p;
        CHECKED(readReport(out, p));
        QCOMPARE(p.meta.extra.at("recorder_nice"), std::string("0"));
        checkCpuTimes(p);
        const auto missed = model::missedSamples(p.threads(), p.meta.sampler.frequencyHz);
        qInfo("%zu samples, %llu lost; %llu missed in %zu threads", p.samples.size(),
              static_cast<unsigned long long>(p.meta.lostSamples), static_cast<unsigned long long>(missed.total),
              missed.threadsMissing);
        if (p.meta.lostSamples == 0)
            return; // the reader kept up anyway (an idle machine): nothing to show
        QVERIFY2(r.err.contains("the recorder runs at the target's priority (nice 0): raising it was refused"),
                 r.err.constData());
        // Lost from per-CPU rings, they show on the threads that missed them: most of them
        // (the per-thread figure leaves out what timer jitter could explain).
        if (p.meta.lostSamples > p.samples.size())
            QVERIFY2(missed.total * 2 >= p.meta.lostSamples && missed.threadsMissing >= 100,
                     qPrintable(QString::number(missed.total)));
        const Run info = runPerfwb({QStringLiteral("info"), out});
        QVERIFY2(info.out.contains("missed:    "), info.out.constData());
        QVERIFY2(info.out.contains(" missed\n"), info.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestManyThreads)
#include "tst_manythreads.moc"
