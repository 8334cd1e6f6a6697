// SPDX-License-Identifier: GPL-3.0-or-later
// TrackerFrameFilter keeps libperfwb_alloctrack.so out of CPU stacks: the interposed
// malloc frame goes, libc's malloc under it stays; the tracker's own work (recording,
// flushing, its locks) is left out and counted.
#include "perf/trackerframefilter.h"

#include <QTest>

using namespace perfwb;

namespace {

// "module`function;…" root first, as folded stacks read.
std::vector<model::FrameId> stackOf(model::Profile &p, const QString &spec)
{
    std::vector<model::FrameId> rootFirst;
    for (const auto &f : spec.split(u';')) {
        const auto parts = f.split(u'`');
        rootFirst.push_back(p.internFrame(parts[1].toStdString(), parts[0].toStdString()));
    }
    return {rootFirst.rbegin(), rootFirst.rend()};
}

QString specOf(const model::Profile &p, const std::vector<model::FrameId> &leafFirst)
{
    QStringList parts;
    for (auto it = leafFirst.rbegin(); it != leafFirst.rend(); ++it) {
        const auto &f = p.frames.at(*it);
        parts << QString::fromStdString(std::string(p.strings.view(f.module))) + u'`' +
                     QString::fromStdString(std::string(p.strings.view(f.function)));
    }
    return parts.join(u';');
}

} // namespace

class TestTrackerFrameFilter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void apply_data()
    {
        QTest::addColumn<QString>("stack");
        QTest::addColumn<QString>("kept"); // empty: the sample is left out
        const QString app = QStringLiteral("app`main;app`level3;");
        QTest::newRow("no tracker") << app + "libc.so.6`malloc" << app + "libc.so.6`malloc";
        QTest::newRow("allocation itself")
            << app + "libperfwb_alloctrack.so`malloc;libc.so.6`malloc;libc.so.6`_int_malloc"
            << app + "libc.so.6`malloc;libc.so.6`_int_malloc";
        QTest::newRow("free") << app + "libperfwb_alloctrack.so`free;libc.so.6`free" << app + "libc.so.6`free";
        QTest::newRow("installed path") << app + "/usr/lib/perfwb/libperfwb_alloctrack.so`calloc;libc.so.6`calloc"
                                        << app + "libc.so.6`calloc";
        QTest::newRow("wrapper's own code") << app + "libperfwb_alloctrack.so`malloc" << QString();
        QTest::newRow("recording the event")
            << app + "libperfwb_alloctrack.so`malloc;libperfwb_alloctrack.so`recordAlloc" << QString();
        QTest::newRow("flushing the stream")
            << app + "libperfwb_alloctrack.so`free;libperfwb_alloctrack.so`flushLocked;libperfwb_alloctrack.so`"
                     "writeAll;libc.so.6`write;[kernel]`ksys_write"
            << QString();
        QTest::newRow("tracker's lock") << app +
                                               "libperfwb_alloctrack.so`malloc;libc.so.6`__pthread_mutex_unlock_usercnt"
                                        << QString();
        QTest::newRow("similar name is not the tracker") << app + "libperfwb_alloctrack.so.bak`malloc;libc.so.6`malloc"
                                                         << app + "libperfwb_alloctrack.so.bak`malloc;libc.so.6`malloc";
    }
    void apply()
    {
        QFETCH(QString, stack);
        QFETCH(QString, kept);
        model::Profile p;
        auto frames = stackOf(p, stack);
        perf::TrackerFrameFilter filter(p);
        const bool keep = filter.apply(frames);
        QCOMPARE(keep, !kept.isEmpty());
        QCOMPARE(filter.dropped(), keep ? 0U : 1U);
        if (keep)
            QCOMPARE(specOf(p, frames), kept);
    }
};

QTEST_MAIN(TestTrackerFrameFilter)
#include "tst_trackerframefilter.moc"
