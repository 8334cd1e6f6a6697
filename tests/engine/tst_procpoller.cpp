// SPDX-License-Identifier: GPL-3.0-or-later
// ProcPoller on real processes: children forked here with a known amount of touched
// memory, a known number of processes and threads, and CPU they burn or do not burn.
#include "core/monotonicclock.h"
#include "record/procpoller.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTest>

#include <csignal>
#include <cstring>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace perfwb;

namespace {

constexpr std::size_t kMiB = 1024 * 1024;

// After fork() only async-signal-safe calls: mmap, memset, write, fork, pause, _exit.
// A byte on `ready` says this process's memory is touched.
[[noreturn]] void childBody(std::size_t touchMiB, bool spin, std::size_t grandchildMiB, int ready)
{
    if (grandchildMiB > 0 && fork() == 0)
        childBody(grandchildMiB, false, 0, ready);
    void *mem = mmap(nullptr, touchMiB * kMiB, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mem == MAP_FAILED)
        _exit(3);
    std::memset(mem, 1, touchMiB * kMiB);
    if (write(ready, "r", 1) != 1)
        _exit(4);
    volatile unsigned long x = 0;
    for (;;) {
        if (spin)
            x = x + 1;
        else
            pause();
    }
}

// Returns once the child (and its child) have touched their memory: a fixed sleep was
// too short under ctest -j2 (58.8 of 64 MiB once).
pid_t spawn(std::size_t touchMiB, bool spin, std::size_t grandchildMiB = 0)
{
    int ready[2];
    if (pipe(ready) != 0)
        return -1;
    const pid_t pid = fork();
    if (pid == 0) {
        close(ready[0]);
        childBody(touchMiB, spin, grandchildMiB, ready[1]);
    }
    close(ready[1]);
    char byte = 0;
    for (int expected = grandchildMiB > 0 ? 2 : 1; pid > 0 && expected > 0; --expected) {
        if (read(ready[0], &byte, 1) != 1)
            break; // the child died: the test's own checks say so
    }
    close(ready[0]);
    return pid;
}

void killTree(pid_t pid)
{
    ::kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
}

// Processes whose parent is `pid`, from /proc/N/stat.
std::vector<pid_t> childrenOf(pid_t pid)
{
    std::vector<pid_t> out;
    const QDir proc(QStringLiteral("/proc"));
    for (const QString &name : proc.entryList(QDir::Dirs)) {
        bool ok = false;
        const int candidate = name.toInt(&ok);
        if (!ok)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(candidate));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = stat.readAll();
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1 && fields[1].toInt() == pid)
            out.push_back(candidate);
    }
    return out;
}

std::vector<record::ProcPoller::Reading> pollFor(record::ProcPoller &poller, int count, int periodMs)
{
    std::vector<record::ProcPoller::Reading> readings;
    for (int i = 0; i < count; ++i) {
        readings.push_back(poller.poll());
        QTest::qSleep(periodMs);
    }
    return readings;
}

} // namespace

class TestProcPoller : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void busyChild()
    {
        const pid_t pid = spawn(64, true);
        QVERIFY(pid > 0);
        record::ProcPoller poller(pid);
        const auto readings = pollFor(poller, 20, 50);
        killTree(pid);

        QVERIFY(!readings.front().hasCpu); // no interval yet
        double cpuSum = 0;
        int cpuPoints = 0;
        for (const auto &r : readings) {
            QCOMPARE(r.processes, std::size_t(1));
            QCOMPARE(r.threads, 1.0);
            QVERIFY2(r.rssBytes >= 64.0 * kMiB && r.rssBytes < 200.0 * kMiB, qPrintable(QString::number(r.rssBytes)));
            if (r.hasCpu) {
                // One thread: at most one CPU, give or take the poll's own timing. The wall
                // interval is taken in the poller and the CPU time from the kernel a few
                // microseconds apart, so a 50 ms window can read up to ~20 % high when the
                // poller itself is preempted between the two reads (seen: 115.6 %).
                QVERIFY2(r.cpuPercent >= 0 && r.cpuPercent <= 130, qPrintable(QString::number(r.cpuPercent)));
                cpuSum += r.cpuPercent;
                ++cpuPoints;
            }
        }
        QCOMPARE(cpuPoints, 19);
        // It spins all the time: well above idle even on a loaded machine.
        QVERIFY2(cpuSum / cpuPoints > 15, qPrintable(QString::number(cpuSum / cpuPoints)));
    }

    void idleChildUsesNoCpu()
    {
        const pid_t pid = spawn(8, false);
        QVERIFY(pid > 0);
        QTest::qSleep(200);
        record::ProcPoller poller(pid);
        const auto readings = pollFor(poller, 10, 50);
        killTree(pid);
        for (const auto &r : readings) {
            if (r.hasCpu)
                QVERIFY2(r.cpuPercent < 5, qPrintable(QString::number(r.cpuPercent)));
        }
    }

    // The grandchild's memory and its thread count in the tree's sums.
    void descendantsCounted()
    {
        const pid_t pid = spawn(16, false, 48);
        QVERIFY(pid > 0);
        QTest::qSleep(400);
        const std::vector<pid_t> grandchildren = childrenOf(pid);
        QCOMPARE(grandchildren.size(), std::size_t(1));
        record::ProcPoller poller(pid);
        const auto r = poller.poll();
        QCOMPARE(r.processes, std::size_t(2));
        QCOMPARE(r.threads, 2.0);
        QVERIFY2(r.rssBytes >= 64.0 * kMiB, qPrintable(QString::number(r.rssBytes)));

        // The child goes: the tree shrinks to the grandchild.
        ::kill(pid, SIGKILL);
        waitpid(pid, nullptr, 0);
        // The grandchild is reparented (to init or a subreaper) but still ours until it ends.
        const auto after = poller.poll();
        ::kill(grandchildren[0], SIGKILL);
        QCOMPARE(after.processes, std::size_t(1));
        QVERIFY(after.rssBytes >= 48.0 * kMiB);
        QVERIFY(poller.alive());
        QTest::qSleep(200); // reaped by its new parent
        QCOMPARE(poller.poll().processes, std::size_t(0));
        QVERIFY(!poller.alive());
    }

    void threadsOfAWorkload()
    {
        QProcess threads;
        threads.start(QStringLiteral(PERFWB_WORKLOAD_DIR "/threads"), {QStringLiteral("3000")});
        QVERIFY(threads.waitForStarted());
        QTest::qWait(300);
        record::ProcPoller poller(static_cast<pid_t>(threads.processId()));
        const auto readings = pollFor(poller, 6, 50);
        threads.kill();
        threads.waitForFinished();
        QCOMPARE(readings.back().threads, 5.0); // main + four workers
        QVERIFY(readings.back().hasCpu && readings.back().cpuPercent > 0);
    }

    void pssAtMostOncePerPeriod()
    {
        const pid_t pid = spawn(8, false);
        QVERIFY(pid > 0);
        QTest::qSleep(100);
        record::ProcPoller poller(pid, 400'000'000);
        const auto readings = pollFor(poller, 20, 50); // about 1 s
        killTree(pid);
        int pss = 0;
        for (const auto &r : readings) {
            if (r.hasPss) {
                ++pss;
                QVERIFY(r.pssBytes >= 8.0 * kMiB);
            }
        }
        QVERIFY2(pss >= 2 && pss <= 4, qPrintable(QString::number(pss)));
    }

    void timelinesAppended()
    {
        const pid_t pid = spawn(4, false);
        QVERIFY(pid > 0);
        record::ProcPoller poller(pid);
        model::Profile profile;
        for (int i = 0; i < 3; ++i) {
            record::ProcPoller::append(poller.poll(), profile);
            QTest::qSleep(20);
        }
        killTree(pid);
        // Gone: no point at all rather than false zeros.
        const auto gone = poller.poll();
        QCOMPARE(gone.processes, std::size_t(0));
        QVERIFY(!poller.alive());
        record::ProcPoller::append(gone, profile);

        QStringList names;
        for (const auto &t : profile.timelines)
            names << QString::fromStdString(t.name + ":" + t.unit + ":" + std::to_string(t.points.size()));
        QCOMPARE(names.join(QLatin1Char(' ')), QStringLiteral("rss:bytes:3 cpu:percent:2 threads:count:3 pss:bytes:1"));
        const auto &rss = profile.timelines[0].points;
        QVERIFY(rss[0].timeNs < rss[1].timeNs && rss[1].timeNs < rss[2].timeNs);
        const std::int64_t now = monotonicNowNs();
        QVERIFY(rss[2].timeNs <= now && now - rss[2].timeNs < 5'000'000'000);
    }

    void unknownPidIsEmpty()
    {
        record::ProcPoller poller(99999999);
        const auto r = poller.poll();
        QCOMPARE(r.processes, std::size_t(0));
        QVERIFY(!poller.alive());
    }
};

QTEST_GUILESS_MAIN(TestProcPoller)
#include "tst_procpoller.moc"
