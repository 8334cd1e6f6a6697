// SPDX-License-Identifier: GPL-3.0-or-later
// The native perf.data reader (PerfDataFile + PerfDataReader behind PerfDataImporter)
// on real `perf record` files of the workloads, against the perf script path on the
// same files; which reader a file gets; and damaged files.
#include "analysis/functionstats.h"
#include "analysis/topfunctions.h"
#include "engine/importertesthelpers.h"
#include "engine/perfreportheader.h"
#include "formats/perfdataimporter.h"
#include "model/profileevents.h"
#include "perf/perfdatafile.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <algorithm>
#include <cstring>

using namespace perfwb;
using namespace perfwb::testing;
using Reader = formats::PerfDataImporter::Reader;

namespace {

const QString kWorkloads = QStringLiteral(PERFWB_WORKLOAD_DIR);

// function name -> total (inclusive) share in percent, for functions of `module`.
std::map<std::string, double> totalShares(const model::Profile &p, std::string_view module)
{
    analysis::FunctionTable ft(p);
    const auto stats = analysis::FunctionStats::compute(ft, analysis::StackWeights::compute(p));
    std::map<std::string, double> out;
    for (const auto &e : stats.entries) {
        if (ft.module(e.function) == module && stats.grandTotal > 0)
            out[std::string(ft.name(e.function))] += 100.0 * double(e.total) / double(stats.grandTotal);
    }
    return out;
}

// "pid/tid name" -> samples.
std::map<QString, std::size_t> samplesByThread(const model::Profile &p)
{
    std::map<QString, std::size_t> out;
    for (std::size_t i = 0; i < p.samples.size(); ++i) {
        const auto &t = p.thread(p.samples.thread(i));
        ++out[QString("%1/%2 %3")
                  .arg(t.pid)
                  .arg(t.tid)
                  .arg(QString::fromStdString(std::string(p.strings.view(t.name))))];
    }
    return out;
}

std::vector<std::int64_t> sortedTimes(const model::Profile &p)
{
    std::vector<std::int64_t> out;
    for (std::size_t i = 0; i < p.samples.size(); ++i)
        out.push_back(p.samples.time(i));
    std::sort(out.begin(), out.end());
    return out;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void putU64(QByteArray &bytes, qsizetype offset, std::uint64_t v)
{
    std::memcpy(bytes.data() + offset, &v, sizeof v);
}

std::uint64_t getU64(const QByteArray &bytes, qsizetype offset)
{
    std::uint64_t v = 0;
    std::memcpy(&v, bytes.constData() + offset, sizeof v);
    return v;
}

void putU32(QByteArray &bytes, qsizetype offset, std::uint32_t v)
{
    std::memcpy(bytes.data() + offset, &v, sizeof v);
}

// Where the feature table holds (offset, size) of HEADER_* `bit`; -1 when the file has none.
qsizetype featureEntry(const QByteArray &bytes, int bit)
{
    const auto has = [&](int b) { return (getU64(bytes, 72 + (b / 64) * 8) & (1ULL << (b % 64))) != 0; };
    auto entry = qsizetype(getU64(bytes, 40) + getU64(bytes, 48));
    for (int b = 0; b < bit; ++b)
        entry += has(b) ? 16 : 0;
    return has(bit) ? entry : -1;
}

} // namespace

class TestPerfDataFile : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QString path(const QString &name) const { return dir_.filePath(name); }
    void record(const QString &name, const QStringList &options, const QStringList &command)
    {
        run("perf", QStringList{"record", "-q"} + options + QStringList{"-o", path(name), "--"} + command);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        // Rates are not divisors of cpusplit's 10 ms hot/warm cycle, which would alias.
        const QString cpusplit = kWorkloads + "/cpusplit";
        for (const char *w : {"cpusplit", "threads", "forkexec"})
            QVERIFY2(QFile::exists(kWorkloads + "/" + w), "build the workloads first (tests/workloads)");
        // The last argument is ignored by cpusplit: it shows that secrets in perf's command line are redacted.
        record("fp.data", {"-g", "-F", "999"}, {cpusplit, "1500", "--password=hunter2"});
        record("dwarf.data", {"--call-graph", "dwarf", "-F", "797"}, {cpusplit, "1000"});
        record("threads.data", {"-g", "-F", "999"}, {kWorkloads + "/threads", "400"});
        record("forkexec.data", {"-g", "-F", "999"}, {kWorkloads + "/forkexec", cpusplit, "400"});
        record("twoevents.data", {"-e", "cpu-clock,task-clock", "-g", "-F", "797"}, {cpusplit, "1000"});
        record("nocallgraph.data", {"-F", "999"}, {cpusplit, "800"});
        // One page of ring for 2 KiB stack copies, and perf itself stopped for 0.4 s while the
        // workload runs on: the ring cannot be drained, so losses are certain whatever the
        // machine's load (a busy machine alone once left perf losing nothing).
        run("sh", {"-c", QString("perf record -q --call-graph dwarf,2048 -m 1 -F 4999 -o '%1' -- '%2' 1200 & p=$!; "
                                 "sleep 0.3; kill -STOP $p; sleep 0.4; kill -CONT $p; wait $p")
                             .arg(path("lost.data"), cpusplit)});
        // Pipe mode: what the native reader leaves to perf script.
        run("sh", {"-c", QString("perf record -q -g -F 999 -o - -- '%1' 300 > '%2'").arg(cpusplit, path("pipe.data"))});
    }

    // The same recording read natively and through perf script: same samples (count and
    // times), same threads, the same shares for the workload's own functions.
    void nativeMatchesPerfScript_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("module");
        QTest::addColumn<QStringList>("expected"); // "function=percent" of all samples, inclusive
        QTest::addColumn<QString>("callGraph");
        QTest::newRow("cpusplit, frame pointers") << "fp.data"
                                                  << "cpusplit" << QStringList{"hot_70=70", "warm_30=30"} << "fp";
        QTest::newRow("cpusplit, dwarf") << "dwarf.data"
                                         << "cpusplit" << QStringList{"hot_70=70", "warm_30=30"} << "dwarf";
        QTest::newRow("threads") << "threads.data"
                                 << "threads" << QStringList{"worker_a=25", "worker_b=25", "worker_c=25", "worker_d=25"}
                                 << "fp";
        QTest::newRow("fork and exec") << "forkexec.data"
                                       << "forkexec" << QStringList{"parent_work=33", "child_work=33"} << "fp";
        QTest::newRow("two events") << "twoevents.data"
                                    << "cpusplit" << QStringList{"hot_70=70", "warm_30=30"} << "fp";
        QTest::newRow("no call graph") << "nocallgraph.data"
                                       << "cpusplit" << QStringList{} << "";
    }

    void nativeMatchesPerfScript()
    {
        QFETCH(QString, file);
        QFETCH(QString, module);
        QFETCH(QStringList, expected);
        QFETCH(QString, callGraph);
        model::Profile native;
        model::Profile script;
        auto st = formats::PerfDataImporter(Reader::Native).importFile(path(file).toStdString(), native);
        QVERIFY2(st.isOk(), st.message().c_str());
        st = formats::PerfDataImporter(Reader::PerfScript).importFile(path(file).toStdString(), script);
        QVERIFY2(st.isOk(), st.message().c_str());
        QCOMPARE(native.meta.extra["perf.reader"], std::string("native"));
        QCOMPARE(script.meta.extra["perf.reader"], std::string("perf script"));

        QVERIFY2(native.samples.size() > 100, qPrintable(QString::number(native.samples.size())));
        QCOMPARE(native.samples.size(), script.samples.size());
        QVERIFY(sortedTimes(native) == sortedTimes(script));
        QCOMPARE(samplesByThread(native), samplesByThread(script));

        // Inline frames differ (the native reader shows them, perf script runs with
        // --no-inline), so shares are compared inclusively.
        const auto nativeShares = totalShares(native, module.toStdString());
        const auto scriptShares = totalShares(script, module.toStdString());
        for (const QString &e : expected) {
            const std::string fn = e.section('=', 0, 0).toStdString();
            const double want = e.section('=', 1).toDouble();
            const double got = nativeShares.count(fn) ? nativeShares.at(fn) : 0.0;
            QVERIFY2(std::abs(got - want) <= 8,
                     qPrintable(
                         QString("%1: %2 %, expected about %3 %").arg(QString::fromStdString(fn)).arg(got).arg(want)));
        }
        // Every function of the workload that perf script shows above 2 % is there
        // natively with the same share, within 2 points.
        for (const auto &[fn, share] : scriptShares) {
            if (share < 2)
                continue;
            const double got = nativeShares.count(fn) ? nativeShares.at(fn) : 0.0;
            QVERIFY2(
                std::abs(got - share) <= 2,
                qPrintable(
                    QString("%1: native %2 %, perf script %3 %").arg(QString::fromStdString(fn)).arg(got).arg(share)));
        }
        QCOMPARE(native.meta.sampler.callGraph, callGraph.toStdString());
        QCOMPARE(native.meta.sampler.event, script.meta.sampler.event);
        QCOMPARE(native.meta.sampler.frequencyHz, script.meta.sampler.frequencyHz);
        QCOMPARE(native.meta.host, script.meta.host);
        QCOMPARE(native.meta.commandLine, script.meta.commandLine);
        // perf script shows PERF_RECORD_LOST only; the native reader also reads perf's
        // PERF_RECORD_LOST_SAMPLES and keeps the larger count (lostCountedAsPerfWroteThem).
        QCOMPARE(native.meta.extra["perf.lost_events"], script.meta.extra["perf.lost_events"]);
        QVERIFY(native.meta.lostSamples >= script.meta.lostSamples);
        QCOMPARE(native.meta.durationNs, script.meta.durationNs);
        QCOMPARE(native.meta.extra["perf.version"], script.meta.extra["perf.version"]);
        QCOMPARE(native.meta.extra["perf.os_release"], script.meta.extra["perf.os_release"]);
        QCOMPARE(native.meta.extra["perf.captured_on"], script.meta.extra["perf.captured_on"]);
        QCOMPARE(native.meta.extra["perf.period_total"], script.meta.extra["perf.period_total"]);
        QCOMPARE(std::string(native.meta.weightUnit.name()), std::string("samples"));
        QCOMPARE(native.meta.sourceFormat, std::string("perf"));
    }

    // Losses as perf's own dump shows them: PERF_RECORD_LOST (in the ring, when there is
    // room again) and PERF_RECORD_LOST_SAMPLES (perf's count per event and CPU, at the end)
    // count the same losses two ways, so the report keeps the larger total, not the sum.
    void lostCountedAsPerfWroteThem()
    {
        QProcess dump;
        dump.start("perf", {"report", "-D", "-i", path("lost.data")});
        QVERIFY(dump.waitForFinished(60000));
        std::uint64_t events = 0;
        std::uint64_t samples = 0;
        static const QRegularExpression lostRe(R"(PERF_RECORD_LOST: id:\d+: lost:(\d+))");
        static const QRegularExpression lostSamplesRe(R"(PERF_RECORD_LOST_SAMPLES: .*lost samples :(\d+))");
        for (const auto &line : QString::fromUtf8(dump.readAllStandardOutput()).split('\n')) {
            if (auto m = lostRe.match(line); m.hasMatch())
                events += m.captured(1).toULongLong();
            else if (auto ms = lostSamplesRe.match(line); ms.hasMatch())
                samples += ms.captured(1).toULongLong();
        }
        QVERIFY2(events + samples > 0, "perf lost nothing with a two-page ring: the test shows nothing");
        model::Profile native;
        auto st = formats::PerfDataImporter(Reader::Native).importFile(path("lost.data").toStdString(), native);
        QVERIFY2(st.isOk(), st.message().c_str());
        QCOMPARE(native.meta.lostSamples, std::max(events, samples));
        const auto extra = [&](const char *key) {
            return native.meta.extra.count(key) ? std::stoull(native.meta.extra.at(key)) : 0ULL;
        };
        QCOMPARE(extra("perf.lost_events"), events);
        QCOMPARE(extra("perf.lost_samples"), samples);
        model::Profile script;
        st = formats::PerfDataImporter(Reader::PerfScript).importFile(path("lost.data").toStdString(), script);
        QVERIFY2(st.isOk(), st.message().c_str());
        QCOMPARE(script.meta.lostSamples, events);
    }

    void metadata()
    {
        model::Profile p;
        const auto st = formats::PerfDataImporter(Reader::Automatic).importFile(path("fp.data").toStdString(), p);
        QVERIFY2(st.isOk(), st.message().c_str());
        QCOMPARE(p.meta.sampler.event, std::string("cpu-clock"));
        QCOMPARE(p.meta.sampler.frequencyHz, 999);
        QVERIFY(p.meta.durationNs > 1'000'000'000LL);
        QVERIFY(!p.meta.host.empty());
        QVERIFY(p.meta.extra.count("perf.os_release") == 1);
        QCOMPARE(p.meta.extra["perf.samples"], std::to_string(p.samples.size()));
        const auto &cmd = p.meta.commandLine;
        QVERIFY(std::find(cmd.begin(), cmd.end(), "record") != cmd.end());
        QVERIFY(std::find(cmd.begin(), cmd.end(), "--password=<redacted>") != cmd.end());
        for (const auto &word : cmd)
            QVERIFY2(word.find("hunter2") == std::string::npos, word.c_str());
        // The leaf of the hot loop is the inlined spin_for, as perfwb's recorder shows it.
        bool inlinedLeaf = false;
        for (model::FrameId f = 0; f < p.frames.size(); ++f)
            inlinedLeaf = inlinedLeaf || (p.functionName(f) == "spin_for" && p.frames.at(f).inlined);
        QVERIFY(inlinedLeaf);

        model::Profile two;
        QVERIFY(
            formats::PerfDataImporter(Reader::Automatic).importFile(path("twoevents.data").toStdString(), two).isOk());
        QCOMPARE(two.meta.sampler.event, std::string("cpu-clock,task-clock"));
        const auto a = std::stoul(two.meta.extra["perf.samples.cpu-clock"]);
        const auto b = std::stoul(two.meta.extra["perf.samples.task-clock"]);
        QCOMPARE(a + b, two.samples.size());
        QVERIFY(a > 0 && b > 0);
    }

    // Two events sampled together are two costs: each sample keeps its event, the counts per
    // event are perf script's, and each event alone shows the workload's 70/30 split (merged,
    // they would add task-clock samples to cpu-clock ones).
    void eventsKeptApart_data()
    {
        QTest::addColumn<int>("reader");
        QTest::newRow("native") << int(Reader::Native);
        QTest::newRow("perf script") << int(Reader::PerfScript);
    }

    void eventsKeptApart()
    {
        QFETCH(int, reader);
        QProcess script;
        script.start("perf", {"script", "-i", path("twoevents.data"), "-F", "event"});
        QVERIFY(script.waitForFinished(60000));
        std::map<std::string, std::uint64_t> perfCounts;
        for (const auto &line : QString::fromUtf8(script.readAllStandardOutput()).split('\n', Qt::SkipEmptyParts))
            ++perfCounts[line.trimmed().chopped(1).toStdString()]; // "cpu-clock:" -> cpu-clock
        QCOMPARE(perfCounts.size(), std::size_t(2));

        model::Profile p;
        const auto st = formats::PerfDataImporter(Reader(reader)).importFile(path("twoevents.data").toStdString(), p);
        QVERIFY2(st.isOk(), st.message().c_str());
        QCOMPARE(p.events.size(), std::size_t(2));
        QCOMPARE(p.events[0].name, std::string("cpu-clock"));
        QCOMPARE(p.events[1].name, std::string("task-clock"));
        const auto counts = model::ProfileEvents::sampleCounts(p);
        QCOMPARE(counts[0], perfCounts["cpu-clock"]);
        QCOMPARE(counts[1], perfCounts["task-clock"]);
        QCOMPARE(model::ProfileEvents::find(p, "task-clock:u"), std::optional<std::size_t>(1));
        for (std::size_t e = 0; e < 2; ++e) {
            model::Profile one = p;
            model::ProfileEvents::keepOnly(one, e);
            QCOMPARE(one.samples.size(), counts[e]);
            QCOMPARE(one.meta.sampler.event, p.events[e].name);
            QVERIFY(one.events.empty());
            const auto shares = totalShares(one, "cpusplit");
            QVERIFY2(std::abs(shares.at("hot_70") - 70) < 6, std::to_string(shares.at("hot_70")).c_str());
        }
    }

    void readerChoice_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("setting"); // PERFWB_PERF_READER; empty: unset
        QTest::addColumn<QString>("reader");
        QTest::newRow("file mode") << "fp.data" << QByteArray("native") << "native";
        QTest::newRow("dwarf (DATA_SRC after the stack copy)") << "dwarf.data" << QByteArray("native") << "native";
        QTest::newRow("pipe mode") << "pipe.data" << QByteArray("native") << "perf script";
        QTest::newRow("perf script asked for") << "fp.data" << QByteArray("perf-script") << "perf script";
        QTest::newRow("default") << "fp.data" << QByteArray()
                                 << (formats::PerfDataImporter::kDefault == Reader::PerfScript ? "perf script"
                                                                                               : "native");
    }

    void readerChoice()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, setting);
        QFETCH(QString, reader);
        const QByteArray old = qgetenv("PERFWB_PERF_READER");
        if (setting.isEmpty())
            qunsetenv("PERFWB_PERF_READER");
        else
            qputenv("PERFWB_PERF_READER", setting);
        model::Profile p;
        const auto st = formats::PerfDataImporter().importFile(path(file).toStdString(), p);
        if (old.isNull())
            qunsetenv("PERFWB_PERF_READER");
        else
            qputenv("PERFWB_PERF_READER", old);
        QVERIFY2(st.isOk(), st.message().c_str());
        QCOMPARE(QString::fromStdString(p.meta.extra["perf.reader"]), reader);
        QVERIFY(p.samples.size() > 10);
        if (file == "pipe.data") {
            // Asked for the native reader only, the file is an error that says what is missing.
            model::Profile q;
            const auto native = formats::PerfDataImporter(Reader::Native).importFile(path(file).toStdString(), q);
            QVERIFY(!native.isOk());
            QVERIFY2(native.message().find("does not support pipe-mode") != std::string::npos,
                     native.message().c_str());
        }
    }

    // Damaged files: one line naming the file and what is wrong, whichever reader is asked.
    void damaged_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<QString>("error");
        QTest::newRow("cut in half") << "half"
                                     << "truncated";
        QTest::newRow("cut inside the header") << "header"
                                               << "truncated";
        QTest::newRow("empty") << "empty"
                               << "file is empty";
        QTest::newRow("no magic") << "magic"
                                  << "not a perf.data file";
        QTest::newRow("header size") << "headersize"
                                     << "corrupt: file header size 99";
        QTest::newRow("attribute size") << "attrsize"
                                        << "corrupt: event attribute size";
        QTest::newRow("record sizes overwritten") << "records"
                                                  << "corrupt at offset";
    }

    void damaged()
    {
        QFETCH(QString, damage);
        QFETCH(QString, error);
        QByteArray bytes = readAll(path("fp.data"));
        QVERIFY(bytes.size() > 4096);
        const std::uint64_t dataOffset = getU64(bytes, 40);
        const std::uint64_t dataSize = getU64(bytes, 48);
        if (damage == "half")
            bytes = bytes.left(bytes.size() / 2);
        else if (damage == "header")
            bytes = bytes.left(40);
        else if (damage == "empty")
            bytes.clear();
        else if (damage == "magic")
            bytes[0] = 'X';
        else if (damage == "headersize")
            putU64(bytes, 8, 99);
        else if (damage == "attrsize")
            putU64(bytes, 16, 3);
        else if (damage == "records")
            std::memset(bytes.data() + dataOffset + dataSize / 2, 0x33, 4096);
        const QString bad = path("damaged-" + damage + ".data");
        writeFile(bad, bytes);
        for (const Reader reader : {Reader::Automatic, Reader::Native}) {
            model::Profile p;
            const auto st = formats::PerfDataImporter(reader).importFile(bad.toStdString(), p);
            QVERIFY(!st.isOk());
            const QString message = QString::fromStdString(st.message());
            QVERIFY2(message.startsWith(bad), qPrintable(message));
            QVERIFY2(message.contains(error), qPrintable(message));
            QVERIFY2(!message.contains('\n'), qPrintable(message));
        }
    }

    // The command line with the native reader: a failing exit status, one line on stderr, no report.
    void damagedWritesNothing()
    {
        QByteArray bytes = readAll(path("fp.data"));
        std::memset(bytes.data() + getU64(bytes, 40) + 64, 0x33, 256);
        const QString bad = path("cli-damaged.data");
        writeFile(bad, bytes);
        const QString out = path("cli-damaged.perfwb");
        QProcess perfwb;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert("PERFWB_PERF_READER", "native");
        perfwb.setProcessEnvironment(env);
        perfwb.start(QStringLiteral(PERFWB_BINARY), {"import", bad, "-o", out});
        QVERIFY(perfwb.waitForFinished(60000));
        const QString err = QString::fromLocal8Bit(perfwb.readAllStandardError()).trimmed();
        QVERIFY2(perfwb.exitCode() != 0, qPrintable(err));
        QVERIFY2(!err.contains('\n') && err.contains(bad) && err.contains("corrupt"), qPrintable(err));
        QVERIFY(!QFile::exists(out));
    }

    // perf writes one CPU buffer after another, so a record may come before an older one
    // of another CPU. Here the first user sample after the MMAP2 of the program is moved
    // in front of that MMAP2: sorted by time it still resolves.
    void recordsOrderedByTime()
    {
        QByteArray bytes = readAll(path("fp.data"));
        const auto dataOffset = qsizetype(getU64(bytes, 40));
        const auto dataEnd = dataOffset + qsizetype(getU64(bytes, 48));
        qsizetype programMmap = -1, userSample = -1, sampleSize = 0;
        for (qsizetype pos = dataOffset; pos + 8 <= dataEnd && userSample < 0;) {
            perf_event_header h{};
            std::memcpy(&h, bytes.constData() + pos, sizeof h);
            QVERIFY(h.size >= 8);
            if (h.type == PERF_RECORD_MMAP2 && programMmap < 0 && bytes.mid(pos, h.size).contains("/cpusplit"))
                programMmap = pos;
            if (programMmap >= 0 && h.type == PERF_RECORD_SAMPLE &&
                (h.misc & PERF_RECORD_MISC_CPUMODE_MASK) == PERF_RECORD_MISC_USER) {
                userSample = pos;
                sampleSize = h.size;
            }
            pos += h.size;
        }
        QVERIFY2(programMmap >= 0 && userSample > programMmap, "no user sample after the program's MMAP2");
        const QByteArray sample = bytes.mid(userSample, sampleSize);
        bytes.remove(userSample, sampleSize);
        bytes.insert(programMmap, sample);
        const QString moved = path("moved.data");
        writeFile(moved, bytes);

        model::Profile original;
        model::Profile reordered;
        QVERIFY(formats::PerfDataImporter(Reader::Native).importFile(path("fp.data").toStdString(), original).isOk());
        const auto st = formats::PerfDataImporter(Reader::Native).importFile(moved.toStdString(), reordered);
        QVERIFY2(st.isOk(), st.message().c_str());
        QCOMPARE(stacksText(reordered), stacksText(original));
    }

    // The header facts are what perf itself prints for the file, whichever reader runs.
    void headerMatchesPerf_data()
    {
        QTest::addColumn<Reader>("reader");
        QTest::newRow("native") << Reader::Native;
        QTest::newRow("perf script") << Reader::PerfScript;
    }

    void headerMatchesPerf()
    {
        QFETCH(Reader, reader);
        auto header = perfReportHeader(path("fp.data"));
        QVERIFY2(header.contains("hostname") && header.contains("perf version"),
                 "perf report --header-only printed no header");
        model::Profile p;
        const auto st = formats::PerfDataImporter(reader).importFile(path("fp.data").toStdString(), p);
        QVERIFY2(st.isOk(), st.message().c_str());
        const auto extra = [&](const char *key) { return QString::fromStdString(p.meta.extra[key]); };
        QCOMPARE(QString::fromStdString(p.meta.host), header["hostname"]);
        QCOMPARE(extra("perf.os_release"), header["os release"]);
        QCOMPARE(extra("perf.version"), header["perf version"]);
        QCOMPARE(extra("perf.arch"), header["arch"]);
        QCOMPARE(extra("perf.cpu"), header["cpudesc"]);
        QCOMPARE(extra("perf.cpus_online"), header["nrcpus online"]);
        QCOMPARE(extra("perf.cpus_available"), header["nrcpus avail"]);
        QStringList words;
        for (const auto &w : p.meta.commandLine)
            words << QString::fromStdString(w);
        QCOMPARE(words.join(' '), header["cmdline"].replace("hunter2", "<redacted>"));
        const auto warnings = p.meta.importWarnings();
        QVERIFY2(warnings.empty(), warnings.empty() ? "" : warnings.front().c_str());
    }

    // A damaged header section costs what it says, never the samples: the import goes on
    // and one warning names what was lost.
    void damagedHeaderSections_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<QString>("warning");
        QTest::newRow("feature table cut off") << "cut"
                                               << "feature sections lie beyond the end of the file";
        QTest::newRow("hostname malformed") << "hostname"
                                            << "damaged section(s) ignored: hostname";
        QTest::newRow("nrcpus beyond the end") << "nrcpus"
                                               << "damaged section(s) ignored: nrcpus";
        QTest::newRow("hostname and cmdline") << "hostname,cmdline"
                                              << "damaged section(s) ignored: hostname, cmdline";
    }

    void damagedHeaderSections()
    {
        QFETCH(QString, damage);
        QFETCH(QString, warning);
        QByteArray bytes = readAll(path("fp.data"));
        const auto sectionOf = [&](int bit) { return qsizetype(getU64(bytes, featureEntry(bytes, bit))); };
        if (damage == "cut")
            bytes = bytes.left(qsizetype(getU64(bytes, 40) + getU64(bytes, 48) + 8));
        if (damage.contains("hostname"))
            putU32(bytes, sectionOf(3), 0x7fffffff); // a string longer than its section
        if (damage.contains("cmdline"))
            putU32(bytes, sectionOf(11), 0xffffffff); // more words than allowed
        if (damage == "nrcpus")
            putU64(bytes, featureEntry(bytes, 7), std::uint64_t(bytes.size()) + 100);
        const QString bad = path("header-" + damage + ".data");
        writeFile(bad, bytes);
        for (const Reader reader : {Reader::Automatic, Reader::Native}) {
            model::Profile p;
            const auto st = formats::PerfDataImporter(reader).importFile(bad.toStdString(), p);
            QVERIFY2(st.isOk(), st.message().c_str());
            QVERIFY(p.samples.size() > 100);
            const auto warnings = p.meta.importWarnings();
            QCOMPARE(warnings.size(), std::size_t(1));
            QVERIFY2(QString::fromStdString(warnings.front()).contains(warning), warnings.front().c_str());
            if (damage != "nrcpus")
                QVERIFY(p.meta.host.empty());
            else
                QVERIFY(!p.meta.host.empty() && p.meta.extra.count("perf.cpus_online") == 0);
        }
    }

    // cpusplit's spin loop is inlined into hot_70 and warm_30: the top list shows the two
    // copies apart, each with its caller's share, not one spin_for with both.
    void inlinedSplitByCaller_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("frame pointers") << "fp.data";
        QTest::newRow("dwarf") << "dwarf.data";
    }

    void inlinedSplitByCaller()
    {
        QFETCH(QString, file);
        model::Profile p;
        QVERIFY(formats::PerfDataImporter(Reader::Native).importFile(path(file).toStdString(), p).isOk());
        const analysis::FunctionTable ft(p);
        const auto weights = analysis::StackWeights::compute(p);
        const auto top = analysis::TopFunctions::compute(ft, weights);
        std::map<std::string, double> share;
        std::uint64_t splitSelf = 0;
        for (const auto &e : top.entries) {
            share[analysis::TopFunctions::label(ft, e)] = 100.0 * double(e.self) / double(top.grandTotal);
            splitSelf += ft.name(e.function) == "spin_for" ? e.self : 0;
        }
        const double hot = share["spin_for (inlined in hot_70)"];
        const double warm = share["spin_for (inlined in warm_30)"];
        QVERIFY2(hot > 55 && hot < 78, qPrintable(QString::number(hot)));
        QVERIFY2(warm > 18 && warm < 38, qPrintable(QString::number(warm)));
        QVERIFY(share.count("spin_for") == 0 || share["spin_for"] < 5);
        // The copies add up to what FunctionStats gives spin_for as one function.
        const auto stats = analysis::FunctionStats::compute(ft, weights);
        for (const auto &e : stats.entries) {
            if (ft.name(e.function) == "spin_for")
                QCOMPARE(splitSelf, e.self);
        }
    }

    // The bytes of a real file parse as they do from disk (what the fuzz target runs).
    void parseFromMemory()
    {
        const QByteArray bytes = readAll(path("threads.data"));
        perf::PerfDataFile file;
        QVERIFY(file.parse(std::string_view(bytes.constData(), bytes.size()), "threads.data").isOk());
        QVERIFY(file.unsupported().empty());
        QCOMPARE(file.events().size(), std::size_t(1));
        QVERIFY(!file.events().front().ids.empty());
        QVERIFY(!file.events().front().name.empty()); // "cpu-clock:pppH", "cycles:P", ...
        QVERIFY(!file.data().empty());
        QVERIFY(file.commandLine.size() >= 4);
        QVERIFY(!file.perfVersion.empty());
    }
};

QTEST_GUILESS_MAIN(TestPerfDataFile)
#include "tst_perfdatafile.moc"
