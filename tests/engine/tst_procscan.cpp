// SPDX-License-Identifier: GPL-3.0-or-later
// procscan on this machine's real /proc and /sys: our own process, its threads and
// mappings, a zombie we make, and the kernel's CPU list format.
#include "perf/procscan.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QTest>

#include <sys/syscall.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace perfwb;
using namespace perfwb::perf;

class TestProcScan : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parseCpuList_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QList<int>>("cpus");
        QTest::newRow("range") << "0-1\n" << QList<int>{0, 1};
        QTest::newRow("single") << "0" << QList<int>{0};
        QTest::newRow("mixed") << "0-2,5,7-8" << QList<int>{0, 1, 2, 5, 7, 8};
        QTest::newRow("empty") << "" << QList<int>{};
        QTest::newRow("reversed range") << "3-1" << QList<int>{};
        QTest::newRow("garbage") << "cpu0" << QList<int>{};
        QTest::newRow("trailing comma") << "0,1," << QList<int>{0, 1};
    }
    void parseCpuList()
    {
        QFETCH(QString, text);
        QFETCH(QList<int>, cpus);
        const auto got = procscan::parseCpuList(text.toStdString());
        QCOMPARE(QList<int>(got.begin(), got.end()), cpus);
    }

    void onlineCpusMatchSysconf() { QCOMPARE(long(procscan::onlineCpus().size()), sysconf(_SC_NPROCESSORS_ONLN)); }

    void ownProcess()
    {
        QVERIFY(procscan::checkProcess(getpid()));
        std::atomic<bool> done{false};
        pid_t workerTid = 0;
        std::thread worker([&] {
            workerTid = pid_t(syscall(SYS_gettid));
            pthread_setname_np(pthread_self(), "scan-worker");
            while (!done)
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
        });
        QTRY_VERIFY(workerTid != 0 && procscan::threadName(getpid(), workerTid) == "scan-worker");
        const auto tids = procscan::threads(getpid());
        QVERIFY(std::find(tids.begin(), tids.end(), getpid()) != tids.end());
        QVERIFY(std::find(tids.begin(), tids.end(), workerTid) != tids.end());
        QVERIFY(std::is_sorted(tids.begin(), tids.end()));
        // A thread id is not a process.
        QCOMPARE(procscan::checkProcess(workerTid).message(), "no process with PID " + std::to_string(workerTid));
        done = true;
        worker.join();

        const std::string self = QFileInfo(QCoreApplication::applicationFilePath()).canonicalFilePath().toStdString();
        const auto maps = procscan::executableMappings(getpid());
        QVERIFY(std::any_of(maps.begin(), maps.end(), [&](const MmapEvent &m) {
            return m.filename == self && m.pid == getpid() && m.length > 0 && m.executable;
        }));
        QVERIFY(std::any_of(maps.begin(), maps.end(), [](const MmapEvent &m) { return m.filename == "[vdso]"; }));
        // Only executable mappings: a heap or stack never appears.
        QVERIFY(std::none_of(maps.begin(), maps.end(),
                             [](const MmapEvent &m) { return m.filename == "[heap]" || m.filename == "[stack]"; }));
    }

    void goneAndZombie()
    {
        QCOMPARE(procscan::checkProcess(999999999).message(), std::string("no process with PID 999999999"));
        QVERIFY(procscan::threads(999999999).empty());
        QVERIFY(procscan::executableMappings(999999999).empty());
        const pid_t child = fork();
        if (child == 0)
            _exit(0);
        QTRY_VERIFY(!procscan::checkProcess(child));
        QCOMPARE(procscan::checkProcess(child).message(),
                 "process " + std::to_string(child) + " is a zombie (it has exited; its parent has not reaped it)");
        waitpid(child, nullptr, 0);
        QCOMPARE(procscan::checkProcess(child).message(), "no process with PID " + std::to_string(child));
    }

    void sysctl()
    {
        QVERIFY(procscan::readSysctl("kernel/perf_event_max_sample_rate", -1) > 0);
        QCOMPARE(procscan::readSysctl("kernel/no_such_setting", -7), -7);
    }
};

QTEST_GUILESS_MAIN(TestProcScan)
#include "tst_procscan.moc"
