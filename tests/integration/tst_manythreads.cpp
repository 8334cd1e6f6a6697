// SPDX-License-Identifier: GPL-3.0-or-later
// A thousand threads started and ended at once under --call-graph dwarf (issue 18, item 9):
// the rings overflow and most samples are lost (counted), and with them the kernel's exit
// records of many threads. Every thread still gets its end (from the /proc poller, within
// one poll period, counted in thread_ends_from_proc), and the summary says that DWARF lost
// the samples and frame pointers would not have.
#include "recordchecks.h"

#include <QTemporaryDir>
#include <QTest>

using namespace perfwb;
using namespace perfwbtest;

class TestManyThreads : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;

private Q_SLOTS:
    void initTestCase() { prepareRecordingSuite(dir_); }

    void everyThreadEnds()
    {
        const QString out = dir_.filePath(QStringLiteral("many.perfwb"));
        const Run r = runPerfwb({QStringLiteral("record"), QStringLiteral("--call-graph"), QStringLiteral("dwarf"),
                                 QStringLiteral("-o"), out, QStringLiteral("--"), workload("manythreads"),
                                 QStringLiteral("1000"), QStringLiteral("5")});
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
    }
};

QTEST_GUILESS_MAIN(TestManyThreads)
#include "tst_manythreads.moc"
