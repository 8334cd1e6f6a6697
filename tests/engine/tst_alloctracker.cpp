// SPDX-License-Identifier: GPL-3.0-or-later
// The preload tracker (libperfwb_alloctrack.so) and AllocStreamReader on a real
// program: tests/workloads/allocpattern runs with LD_PRELOAD, writes its stream to a
// file, and the reader's per-function numbers must equal the workload's known pattern
// exactly. glibc and ld.so allocate a little of their own (stdio buffers, dl_init);
// asserting per allocating function keeps those out of the exact checks.
// Cross-check: heaptrack (installed) on the same workload.
#include "alloc/allocrecording.h"
#include "alloc/allocstreamreader.h"
#include "analysis/allocationcostprofile.h"
#include "store/reportreader.h"
#include "store/reportwriter.h"
#include "symbolize/symbolizer.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace perfwb;
using model::AllocationStats;

namespace {

const QString kWorkload = QStringLiteral(PERFWB_WORKLOAD_DIR "/allocpattern");
const QString kTracker = QStringLiteral(PERFWB_ALLOCTRACK_LIB);

struct Run {
    int exitCode = -1;
    QByteArray out;
    model::Profile profile;
    alloc::AllocStreamReader::Summary summary;
};

QByteArray runPlain(const QString &mode, int *exitCode)
{
    QProcess p;
    p.start(kWorkload, {mode});
    p.waitForFinished(60000);
    *exitCode = p.exitCode();
    return p.readAllStandardOutput();
}

// Runs the workload under the tracker and reads its stream into run.profile.
bool runTracked(const QString &mode, Run &run, const QTemporaryDir &dir)
{
    const QString stream = dir.filePath(mode + QStringLiteral(".pwba"));
    QProcess p;
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LD_PRELOAD"), kTracker);
    env.insert(QStringLiteral("PERFWB_ALLOC_FILE"), stream);
    p.setProcessEnvironment(env);
    p.start(kWorkload, {mode});
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit)
        return false;
    run.exitCode = p.exitCode();
    run.out = p.readAllStandardOutput();
    symbolize::Symbolizer symbolizer;
    auto r = alloc::AllocStreamReader::readFile(stream.toStdString(), symbolizer, run.profile);
    if (!r) {
        qWarning("%s", r.message().c_str());
        return false;
    }
    run.summary = *r;
    return true;
}

// Allocation costs by the function that called the allocator (the stack's leaf).
std::map<std::string, AllocationStats> byLeafFunction(const model::Profile &p)
{
    std::map<std::string, AllocationStats> out;
    const auto &t = p.allocations;
    for (std::size_t i = 0; i < t.size(); ++i) {
        const auto leaf = t.stacks[i] == model::kEmptyStack
                              ? std::string("(no stack)")
                              : std::string(p.functionName(p.stacks.node(t.stacks[i]).frame));
        out[leaf].add(t.stats[i]);
    }
    return out;
}

bool stackHasFunction(const model::Profile &p, model::StackId s, std::string_view name)
{
    for (auto f : p.stacks.framesLeafFirst(s))
        if (p.functionName(f) == name)
            return true;
    return false;
}

// Sum of the weights of a folded-stacks file (heaptrack_print -F).
quint64 foldedTotal(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return ~0ull;
    quint64 sum = 0;
    while (!f.atEnd()) {
        const QByteArray line = f.readLine().trimmed();
        const int sp = line.lastIndexOf(' ');
        if (sp > 0)
            sum += line.mid(sp + 1).toULongLong();
    }
    return sum;
}

} // namespace

class TestAllocTracker : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(kTracker), qPrintable(kTracker));
        QVERIFY(QFile::exists(kWorkload));
    }

    // Exact per-function numbers for each mode of the workload, and the program's
    // output and exit code unchanged by the tracker.
    void perFunction_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QString>("function");
        QTest::addColumn<quint64>("calls");
        QTest::addColumn<quint64>("bytes");
        QTest::addColumn<quint64>("leakedBytes");
        QTest::addColumn<quint64>("leakedBlocks");
        QTest::addColumn<quint64>("temporary");
        QTest::addColumn<int>("exitCode");

        QTest::newRow("pattern blocks") << "pattern"
                                        << "alloc_blocks" << 1000ull << 4096000ull << 0ull << 0ull << 0ull << 0;
        QTest::newRow("pattern leak") << "pattern"
                                      << "leak_some" << 10ull << 1000ull << 1000ull << 10ull << 0ull << 0;
        QTest::newRow("pattern churn") << "pattern"
                                       << "churn" << 100000ull << 3200000ull << 0ull << 0ull << 100000ull << 0;
        // 8 threads x 10,000 x 48 B, each freed by another thread.
        QTest::newRow("threads") << "threads"
                                 << "thread_alloc" << 80000ull << 3840000ull << 0ull << 0ull << 0ull << 0;
        // The forked child is not tracked: its 77 blocks never reach the parent's stream.
        QTest::newRow("fork parent") << "fork"
                                     << "churn" << 100000ull << 3200000ull << 0ull << 0ull << 100000ull << 0;
        QTest::newRow("fork child") << "fork"
                                    << "child_work" << 0ull << 0ull << 0ull << 0ull << 0ull << 0;
        // exit(3) midway: leak_some ran twice, its 20 blocks are still live at exit.
        QTest::newRow("exit leak") << "exit"
                                   << "leak_some" << 20ull << 2000ull << 2000ull << 20ull << 0ull << 3;
        QTest::newRow("exit blocks") << "exit"
                                     << "alloc_blocks" << 1000ull << 4096000ull << 0ull << 0ull << 0ull << 3;
        // malloc(1) then realloc to 2..101 B: 101 calls, 1+2+...+101 B. Every block is
        // freed (by the next realloc or free) right after it was allocated: 101
        // temporary, as heaptrack counts them too.
        QTest::newRow("realloc") << "realloc"
                                 << "realloc_chain" << 101ull << 5151ull << 0ull << 0ull << 101ull << 0;
        // 50 x aligned_alloc(64, 256) + 50 x posix_memalign(4096, 100), freed in order;
        // the last block allocated is also the last freed, with no allocation between:
        // one temporary.
        QTest::newRow("aligned") << "aligned"
                                 << "aligned_blocks" << 100ull << 17800ull << 0ull << 0ull << 1ull << 0;
        // calloc, reallocarray (twice), memalign, valloc, pvalloc: 100+100+200+64+100+100 B;
        // the reallocarray that moves the block just allocated, and the last free: 2 temporary.
        QTest::newRow("variety") << "variety"
                                 << "other_allocators" << 6ull << 664ull << 0ull << 0ull << 2ull << 0;
    }

    void perFunction()
    {
        QFETCH(QString, mode);
        QFETCH(QString, function);
        QFETCH(quint64, calls);
        QFETCH(quint64, bytes);
        QFETCH(quint64, leakedBytes);
        QFETCH(quint64, leakedBlocks);
        QFETCH(quint64, temporary);
        QFETCH(int, exitCode);

        QTemporaryDir dir;
        Run run;
        QVERIFY(runTracked(mode, run, dir));
        QCOMPARE(run.exitCode, exitCode);
        int plainExit = -1;
        QCOMPARE(run.out, runPlain(mode, &plainExit));
        QCOMPARE(plainExit, exitCode);
        QVERIFY(run.summary.complete); // exit() and normal returns both flush the end record
        QCOMPARE(run.summary.unmatchedFrees, 0ull);

        const auto funcs = byLeafFunction(run.profile);
        const auto it = funcs.find(function.toStdString());
        const AllocationStats got = it == funcs.end() ? AllocationStats{} : it->second;
        QCOMPARE(got.calls, calls);
        QCOMPARE(got.bytes, bytes);
        QCOMPARE(got.leakedBytes, leakedBytes);
        QCOMPARE(got.leakedBlocks, leakedBlocks);
        QCOMPARE(got.temporary, temporary);
        // Stacks go through libc's unwind info up to main.
        const auto &t = run.profile.allocations;
        for (std::size_t i = 0; i < t.size(); ++i)
            if (calls && run.profile.functionName(run.profile.stacks.node(t.stacks[i]).frame) == function.toStdString())
                QVERIFY2(stackHasFunction(run.profile, t.stacks[i], mode == "threads" ? "start_thread" : "main"),
                         qPrintable(function));
    }

    void peakAndTimeline()
    {
        QTemporaryDir dir;
        Run run;
        QVERIFY(runTracked(QStringLiteral("pattern"), run, dir));
        const auto &t = run.profile.allocations;
        QVERIFY(t.totals.peakBytes >= 4096000);
        QVERIFY(t.totals.peakBytes < 4096000 + 200000); // blocks + leaks + libc's own, not churn on top
        // At the peak, alloc_blocks holds all of its 1,000 blocks.
        quint64 blocksAtPeak = 0;
        for (std::size_t i = 0; i < t.size(); ++i)
            if (run.profile.functionName(run.profile.stacks.node(t.stacks[i]).frame) == "alloc_blocks")
                blocksAtPeak += t.stats[i].peakBytes;
        QCOMPARE(blocksAtPeak, 4096000ull);
        const model::Timeline *heap = nullptr;
        for (const auto &tl : run.profile.timelines)
            if (tl.name == alloc::AllocStreamReader::kHeapTimeline)
                heap = &tl;
        QVERIFY(heap);
        QVERIFY(heap->points.size() >= 2);
        QVERIFY(t.peakTimeNs >= heap->points.front().timeNs && t.peakTimeNs <= heap->points.back().timeNs);
        double maxPoint = 0;
        for (std::size_t i = 1; i < heap->points.size(); ++i) {
            QVERIFY(heap->points[i].timeNs >= heap->points[i - 1].timeNs);
            maxPoint = std::max(maxPoint, heap->points[i].value);
        }
        QVERIFY(maxPoint <= double(t.totals.peakBytes));
    }

    // Totals against heaptrack on the same workload. They differ by heaptrack's own
    // allocation: its preload library links libstdc++, whose start-up (_dl_init)
    // allocates the 72,704 B exception emergency pool in the target (freed at exit).
    // So heaptrack counts exactly one call more; temporary and leaked bytes (leak_some's
    // 1,000 B and glibc's 4,096 B stdout buffer) agree exactly.
    void crossCheckHeaptrack()
    {
        const QString heaptrack = QStandardPaths::findExecutable(QStringLiteral("heaptrack"));
        const QString print = QStandardPaths::findExecutable(QStringLiteral("heaptrack_print"));
        if (heaptrack.isEmpty() || print.isEmpty())
            QSKIP("heaptrack is not installed");
        QTemporaryDir dir;
        QProcess ht;
        ht.setWorkingDirectory(dir.path());
        ht.start(heaptrack,
                 {QStringLiteral("-o"), dir.filePath(QStringLiteral("ht")), kWorkload, QStringLiteral("pattern")});
        QVERIFY(ht.waitForFinished(120000));
        QString data = dir.filePath(QStringLiteral("ht.zst"));
        if (!QFile::exists(data))
            data = dir.filePath(QStringLiteral("ht.gz"));
        QVERIFY(QFile::exists(data));
        auto folded = [&](const char *cost) {
            const QString out = dir.filePath(QString::fromLatin1(cost));
            QProcess p;
            p.start(print, {QStringLiteral("-F"), out, QStringLiteral("--flamegraph-cost-type"),
                            QString::fromLatin1(cost), data});
            p.waitForFinished(120000);
            return foldedTotal(out);
        };
        const quint64 htCalls = folded("allocations");
        const quint64 htLeaked = folded("leaked");
        const quint64 htTemporary = folded("temporary");

        Run run;
        QVERIFY(runTracked(QStringLiteral("pattern"), run, dir));
        const auto &t = run.profile.allocations.totals;
        qInfo("perfwb: %llu calls, %llu leaked B, %llu temporary; heaptrack: %llu calls, %llu leaked B, %llu temporary",
              (unsigned long long)t.calls, (unsigned long long)t.leakedBytes, (unsigned long long)t.temporary,
              (unsigned long long)htCalls, (unsigned long long)htLeaked, (unsigned long long)htTemporary);
        QCOMPARE(t.temporary, htTemporary);
        QCOMPARE(t.calls + 1, htCalls);
        QCOMPARE(t.leakedBytes, htLeaked);
    }

    // PERFWB_ALLOC_FD: the stream through a pipe reads the same; a pipe whose reader
    // is gone stops tracking without SIGPIPE killing the target or changing its output.
    void pipeStream()
    {
        QTemporaryDir dir;
        const QString stream = dir.filePath(QStringLiteral("pipe.pwba"));
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("L"), kTracker);
        env.insert(QStringLiteral("W"), kWorkload);
        env.insert(QStringLiteral("OUT"), stream);
        // fd 3 of the target is a pipe (the subshell's stdout); its own stdout is ours (fd 4).
        const QString good =
            QStringLiteral("exec 4>&1; ( LD_PRELOAD=\"$L\" PERFWB_ALLOC_FD=3 \"$W\" pattern 3>&1 1>&4 4>&-; echo "
                           "rc=$? >&4 ) | cat > \"$OUT\"");
        const QString gone =
            QStringLiteral("exec 4>&1; ( sleep 0.2; LD_PRELOAD=\"$L\" PERFWB_ALLOC_FD=3 \"$W\" pattern 3>&1 1>&4 "
                           "4>&-; echo rc=$? >&4 ) | true");
        for (const QString &script : {good, gone}) {
            QProcess sh;
            sh.setProcessEnvironment(env);
            sh.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), script});
            QVERIFY(sh.waitForFinished(60000));
            QCOMPARE(sh.readAllStandardOutput(), QByteArray("pattern done\nrc=0\n"));
        }
        symbolize::Symbolizer sym;
        model::Profile profile;
        auto r = alloc::AllocStreamReader::readFile(stream.toStdString(), sym, profile);
        QVERIFY2(r, r ? "" : r.message().c_str());
        QVERIFY(r->complete);
        const auto funcs = byLeafFunction(profile);
        QCOMPARE(funcs.at("alloc_blocks").bytes, 4096000ull);
        QCOMPARE(funcs.at("churn").temporary, 100000ull);
        QCOMPARE(funcs.at("leak_some").leakedBytes, 1000ull);
    }

    // The recorder's helper: environment for the launch, stream read at the end and
    // removed.
    void recordingHelper()
    {
        QTemporaryDir dir;
        qputenv("PERFWB_ALLOCTRACK_LIB", kTracker.toUtf8());
        auto rec = alloc::AllocRecording::prepare(dir.filePath(QStringLiteral("r.perfwb")).toStdString());
        qunsetenv("PERFWB_ALLOCTRACK_LIB");
        QVERIFY2(rec, rec ? "" : rec.message().c_str());
        QProcess p;
        auto env = QProcessEnvironment::systemEnvironment();
        for (const auto &[k, v] : rec->environment())
            env.insert(QString::fromStdString(k), QString::fromStdString(v));
        QVERIFY(env.value(QStringLiteral("LD_PRELOAD")).startsWith(kTracker));
        p.setProcessEnvironment(env);
        p.start(kWorkload, {QStringLiteral("pattern")});
        QVERIFY(p.waitForStarted(60000));
        const auto pid = static_cast<std::int32_t>(p.processId());
        QVERIFY(p.waitForFinished(60000));
        symbolize::Symbolizer sym;
        // As in a recording: the sampler's EXIT record already dropped the process's
        // address space; the stream's own mappings build it again.
        sym.exitProcess(pid);
        model::Profile profile;
        const std::string stream = rec->streamPath();
        QVERIFY(QFile::exists(QString::fromStdString(stream)));
        QVERIFY(rec->finish(sym, profile));
        QVERIFY(!QFile::exists(QString::fromStdString(stream)));
        QCOMPARE(byLeafFunction(profile)["leak_some"].leakedBytes, 1000ull);
        QCOMPARE(byLeafFunction(profile)["alloc_blocks"].calls, 1000ull);
        // A run whose target never loaded the tracker: one clear error.
        auto rec2 = alloc::AllocRecording::prepare(dir.filePath(QStringLiteral("s.perfwb")).toStdString());
        QVERIFY(!rec2 || !rec2->finish(sym, profile));
    }

    // The allocation table survives the report file; a report without one reads empty.
    void reportRoundTrip()
    {
        QTemporaryDir dir;
        Run run;
        QVERIFY(runTracked(QStringLiteral("pattern"), run, dir));
        const std::string path = dir.filePath(QStringLiteral("a.perfwb")).toStdString();
        QVERIFY(store::ReportWriter::save(path, run.profile));
        model::Profile back;
        QVERIFY(store::ReportReader::read(path, back));
        const auto &a = run.profile.allocations;
        const auto &b = back.allocations;
        QCOMPARE(b.totals, a.totals);
        QCOMPARE(b.peakTimeNs, a.peakTimeNs);
        QCOMPARE(b.size(), a.size());
        for (std::size_t i = 0; i < a.size(); ++i) {
            QCOMPARE(b.stats[i], a.stats[i]);
            QCOMPARE(back.stacks.framesLeafFirst(b.stacks[i]), run.profile.stacks.framesLeafFirst(a.stacks[i]));
        }
        QCOMPARE(byLeafFunction(back)["churn"].temporary, 100000ull);

        model::Profile none;
        none.addSample(1, none.internThread(1, 1, "t"), none.stacks.intern(0, none.internFrame("f")));
        const std::string plain = dir.filePath(QStringLiteral("plain.perfwb")).toStdString();
        QVERIFY(store::ReportWriter::save(plain, none));
        model::Profile plainBack;
        QVERIFY(store::ReportReader::read(plain, plainBack));
        QVERIFY(plainBack.allocations.empty());
    }

    // Allocation flamegraph profiles: one sample per stack, weighted by the cost.
    void costProfile_data()
    {
        QTest::addColumn<QString>("cost");
        QTest::addColumn<QString>("function");
        QTest::addColumn<quint64>("weight");
        QTest::addColumn<QString>("unit");
        QTest::newRow("alloc-bytes") << "alloc-bytes"
                                     << "alloc_blocks" << 4096000ull << "bytes";
        QTest::newRow("alloc-count") << "alloc-count"
                                     << "churn" << 100000ull << "samples";
        QTest::newRow("leaked") << "leaked"
                                << "leak_some" << 1000ull << "bytes";
        QTest::newRow("peak") << "peak"
                              << "alloc_blocks" << 4096000ull << "bytes";
        QTest::newRow("temporary") << "temporary"
                                   << "churn" << 100000ull << "samples";
    }

    void costProfile()
    {
        QFETCH(QString, cost);
        QFETCH(QString, function);
        QFETCH(quint64, weight);
        QFETCH(QString, unit);
        QTemporaryDir dir;
        Run run;
        QVERIFY(runTracked(QStringLiteral("pattern"), run, dir));
        analysis::AllocationCost c{};
        QVERIFY(analysis::AllocationCostProfile::costFromName(cost.toStdString(), c));
        auto derived = analysis::AllocationCostProfile::build(run.profile, c);
        QVERIFY(derived);
        QCOMPARE(QString::fromUtf8(derived->meta.weightUnit.name().data(),
                                   static_cast<qsizetype>(derived->meta.weightUnit.name().size())),
                 unit);
        quint64 got = 0;
        for (std::size_t i = 0; i < derived->samples.size(); ++i) {
            QVERIFY(derived->samples.weight(i) > 0);
            if (derived->functionName(derived->stacks.node(derived->samples.stack(i)).frame) == function.toStdString())
                got += derived->samples.weight(i);
        }
        QCOMPARE(got, weight);
        QVERIFY(!analysis::AllocationCostProfile::costFromName("bogus", c));
        QVERIFY(!analysis::AllocationCostProfile::build(model::Profile(), c));
    }

    void badStreams()
    {
        symbolize::Symbolizer sym;
        model::Profile p;
        QVERIFY(!alloc::AllocStreamReader::read("not a stream", sym, p));
        QVERIFY(!alloc::AllocStreamReader::readFile("/nonexistent/x.pwba", sym, p));
        // A known-good stream cut anywhere still reads (up to its last whole record);
        // garbage after the header is refused, never a crash.
        QTemporaryDir dir;
        Run run;
        QVERIFY(runTracked(QStringLiteral("realloc"), run, dir));
        QFile f(dir.filePath(QStringLiteral("realloc.pwba")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray all = f.readAll();
        for (int cut = 16; cut < all.size(); cut += 7) { // past magic, version and pid
            model::Profile q;
            symbolize::Symbolizer s;
            auto r = alloc::AllocStreamReader::read(std::string_view(all.constData(), std::size_t(cut)), s, q);
            QVERIFY2(r, qPrintable(QStringLiteral("cut at %1 of %2: %3")
                                       .arg(cut)
                                       .arg(all.size())
                                       .arg(QString::fromStdString(r ? std::string() : r.message()))));
            QVERIFY(q.allocations.totals.calls <= run.profile.allocations.totals.calls);
        }
        // Unknown record tags, and an allocation naming a trace never sent: refused.
        for (const QByteArray &bad :
             {QByteArray("PWBALLOC\x01\x01\x7f\x7f\x7f", 13), QByteArray("PWBALLOC\x01\x01\x01\x10\x05\x00", 14)}) {
            model::Profile q;
            symbolize::Symbolizer s;
            QVERIFY(!alloc::AllocStreamReader::read(std::string_view(bad.constData(), std::size_t(bad.size())), s, q));
        }
    }
};

QTEST_GUILESS_MAIN(TestAllocTracker)
#include "tst_alloctracker.moc"
