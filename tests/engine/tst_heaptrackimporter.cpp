// SPDX-License-Identifier: GPL-3.0-or-later
// heaptrack import: a real `heaptrack` run of tests/workloads/allocpattern (known
// shape: 1,000 x 4,096 B live at once, 10 x 100 B leaked, 100,000 temporary 32 B
// blocks) read as zstd, gzip and plain text and compared with heaptrack_print's summary
// and flame graph totals; a hand-written file whose every figure is known; bad input.
#include "engine/importertesthelpers.h"
#include "formats/formatregistry.h"
#include "formats/heaptrackimporter.h"
#include "io/compressedbytes.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <zlib.h>

#include <cmath>

using namespace perfwb;
using namespace perfwb::testing;

namespace {

const QString kWorkload = QStringLiteral(PERFWB_WORKLOAD_DIR "/allocpattern");

// heaptrack_print's way of writing bytes: 1000-based units, two decimals.
QString heaptrackBytes(std::uint64_t bytes)
{
    double b = static_cast<double>(bytes);
    const char units[] = "BKMGT";
    int i = 0;
    while (i < 4 && std::abs(b) > 1000.) {
        b /= 1000.;
        ++i;
    }
    if (i == 0)
        return QString::number(bytes) + QLatin1Char('B');
    return QString::number(b, 'f', 2) + QLatin1Char(units[i]);
}

QByteArray gzip(const QByteArray &data)
{
    z_stream zs{};
    if (deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out(static_cast<qsizetype>(deflateBound(&zs, static_cast<uLong>(data.size()))), '\0');
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    zs.avail_in = static_cast<uInt>(data.size());
    zs.next_out = reinterpret_cast<Bytef *>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    const int rc = deflate(&zs, Z_FINISH);
    out.resize(static_cast<qsizetype>(zs.total_out));
    deflateEnd(&zs);
    return rc == Z_STREAM_END ? out : QByteArray();
}

// Sum of the weights of a folded-stacks file (heaptrack_print -F).
quint64 foldedTotal(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return ~0ULL;
    quint64 sum = 0;
    while (!f.atEnd()) {
        const QByteArray line = f.readLine().trimmed();
        const auto space = line.lastIndexOf(' ');
        if (space > 0)
            sum += line.mid(space + 1).toULongLong();
    }
    return sum;
}

// "stack:calls/bytes/leakedBytes/leakedBlocks/temporary/peak" per row, sorted.
QString allocationsText(const model::Profile &p)
{
    QStringList rows;
    for (std::size_t i = 0; i < p.allocations.size(); ++i) {
        auto frames = p.stacks.framesLeafFirst(p.allocations.stacks[i]);
        QStringList names;
        for (auto it = frames.rbegin(); it != frames.rend(); ++it)
            names << QString::fromUtf8(p.functionName(*it).data(), static_cast<qsizetype>(p.functionName(*it).size()));
        const auto &s = p.allocations.stats[i];
        rows << QStringLiteral("%1:%2/%3/%4/%5/%6/%7")
                    .arg(names.join(QLatin1Char(';')))
                    .arg(s.calls)
                    .arg(s.bytes)
                    .arg(s.leakedBytes)
                    .arg(s.leakedBlocks)
                    .arg(s.temporary)
                    .arg(s.peakBytes);
    }
    rows.sort();
    return rows.join(QLatin1Char(' '));
}

std::string_view leafFunction(const model::Profile &p, model::StackId stack)
{
    return p.functionName(p.stacks.node(stack).frame);
}

// The leaf of the allocation row with the most of `member`.
std::string_view topFunction(const model::Profile &p, std::uint64_t model::AllocationStats::*member)
{
    std::size_t best = 0;
    for (std::size_t i = 1; i < p.allocations.size(); ++i) {
        if (p.allocations.stats[i].*member > p.allocations.stats[best].*member)
            best = i;
    }
    return leafFunction(p, p.allocations.stacks[best]);
}

// A small file in file format 3 (sized strings): main -> inline -> work (work inlined
// into inline), and an operator new under work that heaptrack folds into work.
const char *const kSmall = "v 10400 3\n"
                           "X /usr/bin/demo arg\n"
                           "I 1000 100\n"
                           "s 4 demo\n"
                           "s 4 main\n"
                           "s 6 demo.c\n"
                           "s 4 work\n"
                           "s 1b operator new(unsigned long)\n"
                           "s 9 libstdc++\n"
                           "s 6 inline\n"
                           "i 1000 1 2 3 a\n"
                           "t 1 0\n"
                           "i 1010 1 4 3 14 7 3 15\n"
                           "t 2 1\n"
                           "i 2000 6 5 0 0\n"
                           "t 3 2\n"
                           "a 10 2\n"
                           "a 100 3\n"
                           "a 8 1\n"
                           "c 0\n"
                           "+ 0\n"
                           "- 0\n"
                           "+ 1\n"
                           "+ 2\n"
                           "c a\n"
                           "+ 0\n"
                           "- 1\n"
                           "- 2\n"
                           "c 14\n"
                           "R 5\n";
const char *const kSmallAllocations = "main:1/8/0/0/0/8 main;inline;work:3/288/16/1/1/272";

} // namespace

class TestHeaptrackImporter : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QString data_; // what heaptrack wrote (.zst, or .gz without zstd on the PATH)
    QString summary_;

    QString path(const char *name) const { return dir_.filePath(QString::fromLatin1(name)); }

    QString printed(const QString &pattern) const
    {
        const auto m = QRegularExpression(QStringLiteral("(?m)^") + pattern).match(summary_);
        return m.hasMatch() ? m.captured(1) : QString();
    }

    // The function named under the first entry of a heaptrack_print section.
    QString firstOfSection(const QString &title) const
    {
        const auto lines = summary_.split(QLatin1Char('\n'));
        const auto at = lines.indexOf(title);
        return at >= 0 && at + 2 < lines.size() ? lines[at + 2].trimmed() : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        const QString heaptrack = QStandardPaths::findExecutable(QStringLiteral("heaptrack"));
        const QString print = QStandardPaths::findExecutable(QStringLiteral("heaptrack_print"));
        if (heaptrack.isEmpty() || print.isEmpty())
            return; // the real-run tests skip
        QElapsedTimer timer;
        timer.start();
        QProcess ht;
        ht.setWorkingDirectory(dir_.path());
        ht.start(heaptrack, {QStringLiteral("-o"), path("ht"), kWorkload, QStringLiteral("pattern")});
        QVERIFY(ht.waitForFinished(120000));
        QVERIFY2(ht.exitCode() == 0, ht.readAllStandardError().constData());
        const qint64 recordMs = timer.restart();
        data_ = path("ht.zst");
        QString decompressor = QStringLiteral("zstd");
        if (!QFile::exists(data_)) {
            data_ = path("ht.gz");
            decompressor = QStringLiteral("gzip");
        }
        QVERIFY(QFile::exists(data_));
        run(decompressor, {QStringLiteral("-dc"), data_}, path("ht.txt"));
        QFile text(path("ht.txt"));
        QVERIFY(text.open(QIODevice::ReadOnly));
        writeFile(path("copy.gz"), gzip(text.readAll()));
        run(print, {data_}, path("print.txt"));
        for (const char *cost : {"allocations", "temporary", "leaked", "peak"})
            run(print,
                {QStringLiteral("-F"), path(cost), QStringLiteral("--flamegraph-cost-type"), QString::fromLatin1(cost),
                 data_},
                path("print-F.txt"));
        QFile out(path("print.txt"));
        QVERIFY(out.open(QIODevice::ReadOnly));
        summary_ = QString::fromUtf8(out.readAll());
        qInfo("heaptrack allocpattern pattern: %lld ms; decompressing and heaptrack_print x5: %lld ms",
              static_cast<long long>(recordMs), static_cast<long long>(timer.elapsed()));
    }

    void agreesWithHeaptrackPrint_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("as heaptrack wrote it") << QStringLiteral("data");
        QTest::newRow("gzip") << QStringLiteral("copy.gz");
        QTest::newRow("plain text") << QStringLiteral("ht.txt");
    }

    void agreesWithHeaptrackPrint()
    {
        QFETCH(QString, file);
        if (data_.isEmpty())
            QSKIP("heaptrack is not installed");
        const QString input = file == QLatin1String("data") ? data_ : dir_.filePath(file);
        QElapsedTimer timer;
        timer.start();
        model::Profile p;
        auto sniffed = formats::FormatRegistry::sniff(input.toStdString());
        QVERIFY2(sniffed.isOk(), sniffed.status().message().c_str());
        QCOMPARE(sniffed.value()->format(), std::string_view("heaptrack"));
        const Status st = formats::HeaptrackImporter().importFile(input.toStdString(), p);
        QVERIFY2(st.isOk(), st.message().c_str());
        const qint64 importMs = timer.elapsed();

        const auto &t = p.allocations.totals;
        qInfo("%s (%lld ms): %llu calls, %llu temporary, peak %llu B, leaked %llu B in %llu blocks; heaptrack_print: "
              "%s calls, %s temporary, peak %s, leaked %s",
              qPrintable(file), static_cast<long long>(importMs), static_cast<unsigned long long>(t.calls),
              static_cast<unsigned long long>(t.temporary), static_cast<unsigned long long>(t.peakBytes),
              static_cast<unsigned long long>(t.leakedBytes), static_cast<unsigned long long>(t.leakedBlocks),
              qPrintable(printed(QStringLiteral("calls to allocation functions: (\\d+)"))),
              qPrintable(printed(QStringLiteral("temporary memory allocations: (\\d+)"))),
              qPrintable(printed(QStringLiteral("peak heap memory consumption: (\\S+)"))),
              qPrintable(printed(QStringLiteral("total memory leaked: (\\S+)"))));
        // heaptrack_print's summary lines.
        QCOMPARE(QString::number(t.calls), printed(QStringLiteral("calls to allocation functions: (\\d+)")));
        QCOMPARE(QString::number(t.temporary), printed(QStringLiteral("temporary memory allocations: (\\d+)")));
        QCOMPARE(heaptrackBytes(t.peakBytes), printed(QStringLiteral("peak heap memory consumption: (\\S+)")));
        QCOMPARE(heaptrackBytes(t.leakedBytes), printed(QStringLiteral("total memory leaked: (\\S+)")));
        QCOMPARE(heaptrackBytes(std::stoull(p.meta.extra.at("heaptrack.peak_rss_bytes"))),
                 printed(QStringLiteral("peak RSS \\(including heaptrack overhead\\): (\\S+)")));
        const double runtime = printed(QStringLiteral("total runtime: ([0-9.]+)s")).toDouble();
        QVERIFY(std::abs(static_cast<double>(p.meta.durationNs) / 1e9 - runtime) < 0.011);
        // Exact totals: heaptrack_print's flame graph files, one line per trace.
        QCOMPARE(t.calls, foldedTotal(path("allocations")));
        QCOMPARE(t.temporary, foldedTotal(path("temporary")));
        QCOMPARE(t.leakedBytes, foldedTotal(path("leaked")));
        QCOMPARE(t.peakBytes, foldedTotal(path("peak")));
        // The top allocating functions heaptrack_print names.
        QCOMPARE(QString::fromStdString(std::string(topFunction(p, &model::AllocationStats::calls))),
                 firstOfSection(QStringLiteral("MOST CALLS TO ALLOCATION FUNCTIONS")));
        QCOMPARE(QString::fromStdString(std::string(topFunction(p, &model::AllocationStats::peakBytes))),
                 firstOfSection(QStringLiteral("PEAK MEMORY CONSUMERS")));
        QCOMPARE(QString::fromStdString(std::string(topFunction(p, &model::AllocationStats::temporary))),
                 firstOfSection(QStringLiteral("MOST TEMPORARY ALLOCATIONS")));

        // The workload's known shape.
        const QString rows = allocationsText(p);
        for (const char *row :
             {"main;pattern;alloc_blocks:1000/4096000/0/0/0/4096000", "main;pattern;leak_some:10/1000/1000/10/0/1000",
              "main;pattern;churn:100000/3200000/0/0/100000/32"}) {
            QVERIFY2(rows.contains(QLatin1String(row)), qPrintable(rows));
        }
        QCOMPARE(p.totalWeight(), t.bytes); // samples: bytes allocated
        QCOMPARE(p.meta.sourceFormat, std::string("heaptrack"));
        QCOMPARE(std::string(p.meta.weightUnit.name()), std::string("bytes"));
        QVERIFY(QString::fromStdString(p.meta.commandLine.at(0)).endsWith(QLatin1String("/allocpattern")));
        QCOMPARE(p.strings.view(p.thread(0).name), std::string_view("allocpattern"));
        QCOMPARE(p.timelines.size(), std::size_t(2));
        for (const auto &point : p.timelines[0].points)
            QVERIFY(point.value <= static_cast<double>(t.peakBytes));
    }

    void truncatedRealFile()
    {
        if (data_.isEmpty())
            QSKIP("heaptrack is not installed");
        for (const QString &file : {data_, path("copy.gz")}) {
            QFile f(file);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray half = f.readAll().left(f.size() / 2);
            model::Profile p;
            const Status st = formats::HeaptrackImporter().parse(std::string_view(half.constData(), half.size()), p);
            QVERIFY(!st.isOk());
            const QString message = QString::fromStdString(st.message());
            QVERIFY2(message.contains(QLatin1String("ends early (truncated file?)")), st.message().c_str());
        }
    }

    void handWritten_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::newRow("plain") << QByteArray(kSmall);
        QTest::newRow("gzip") << gzip(kSmall);
        QTest::newRow("two gzip members") << gzip(QByteArray(kSmall).left(100)) + gzip(QByteArray(kSmall).mid(100));
        QTest::newRow("CRLF, no final newline") << QByteArray(kSmall).replace("\n", "\r\n").chopped(2);
    }

    void handWritten()
    {
        QFETCH(QByteArray, input);
        model::Profile p;
        const Status st = formats::HeaptrackImporter().parse(std::string_view(input.constData(), input.size()), p);
        QVERIFY2(st.isOk(), st.message().c_str());
        QCOMPARE(allocationsText(p), QString::fromLatin1(kSmallAllocations));
        const auto &t = p.allocations.totals;
        QCOMPARE(t.calls, 4u);
        QCOMPARE(t.bytes, 296u);
        QCOMPARE(t.peakBytes, 280u);
        QCOMPARE(t.leakedBytes, 16u);
        QCOMPARE(t.temporary, 1u);
        QCOMPARE(p.allocations.peakTimeNs, std::int64_t(10'000'000));
        QCOMPARE(stacksText(p), QStringLiteral("demo`main=8 demo`main;demo`inline;demo`work=288"));
        QCOMPARE(p.samples.size(), std::size_t(3)); // per trace and 1 ms slice
        for (model::FrameId f = 0; f < p.frames.size(); ++f) {
            const auto &frame = p.frames.at(f);
            if (p.functionName(f) == "work") {
                QVERIFY(frame.inlined);
                QCOMPARE(frame.line, 20u);
                QCOMPARE(p.strings.view(frame.file), std::string_view("demo.c"));
            } else if (p.functionName(f) == "inline") {
                QVERIFY(!frame.inlined);
                QCOMPARE(frame.line, 21u);
            }
        }
        QCOMPARE(p.timelines.size(), std::size_t(2));
        QCOMPARE(p.timelines[0].name, std::string("heap"));
        QCOMPARE(p.timelines[0].points.size(), std::size_t(3));
        QCOMPARE(p.timelines[0].points[1].value, 264.0);
        QCOMPARE(p.timelines[1].name, std::string("rss"));
        QCOMPARE(p.timelines[1].points[0].value, 5.0 * 4096);
        QCOMPARE(p.meta.commandLine, (std::vector<std::string>{"/usr/bin/demo", "arg"}));
        QCOMPARE(p.strings.view(p.thread(0).name), std::string_view("demo"));
        QCOMPARE(p.meta.durationNs, std::int64_t(20'000'000));
        QCOMPARE(p.meta.extra.at("heaptrack.version"), std::string("1.4.0"));
        QCOMPARE(formats::HeaptrackImporter().sniff(std::string_view(input.constData(), input.size())), 95);
    }

    // Format version 2: strings without a length, to the end of the line; an
    // instruction pointer with a function but no file or line.
    void fileVersion2()
    {
        const QByteArray input = "v 10300 2\ns main program\ni 10 0 1\nt 1 0\na 20 1\n+ 0\n";
        model::Profile p;
        const Status st = formats::HeaptrackImporter().parse(std::string_view(input.constData(), input.size()), p);
        QVERIFY2(st.isOk(), st.message().c_str());
        QCOMPARE(allocationsText(p), QStringLiteral("main program:1/32/32/1/0/32"));
    }

    void bad_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("error");
        const QByteArray v = "v 10400 3\n";
        QTest::newRow("empty") << QByteArray() << "no 'v' version record";
        QTest::newRow("not heaptrack") << QByteArray("hello world\n") << "line 1: not a heaptrack data file";
        QTest::newRow("newer format") << QByteArray("v 10400 4\n") << "line 1: file format version 4 is newer";
        QTest::newRow("format 0") << QByteArray("v 10000\n") << "line 1: file format version 0 (heaptrack before 1.0)";
        QTest::newRow("second version") << v + v << "line 2: a second version record";
        QTest::newRow("not hex") << v + "a 10 zz\n"
                                 << "line 2: expected a size and a trace";
        QTest::newRow("no space after the type") << v + "+0\n"
                                                 << "line 2: expected a record type and a space";
        QTest::newRow("unknown record") << v + "Q 1\n"
                                        << "line 2: unknown record \"Q 1\"";
        QTest::newRow("raw data") << v + "m 1 /lib/x.so 0 1000\n"
                                  << "line 2: raw heaptrack data";
        QTest::newRow("string length") << v + "s 5 abc\n"
                                       << "line 2: the string has 3 bytes, its record says 5";
        QTest::newRow("truncated line") << v + "s 4 main\ns 10 /usr/li"
                                        << "line 3: the string has 7 bytes";
        QTest::newRow("module not defined") << v + "i 1000 5\n"
                                            << "line 2: module string 5 is not defined yet";
        QTest::newRow("not a frame") << v + "s 1 a\ni 1000 1 1 x\n"
                                     << "line 3: expected function, file and line numbers";
        QTest::newRow("trace of an unknown ip") << v + "t 1 0\n"
                                                << "line 2: instruction pointer 1 is not defined yet";
        QTest::newRow("trace of an unknown parent") << v + "i 1000 0\nt 1 7\n"
                                                    << "line 3: parent trace 7 is not defined yet";
        QTest::newRow("info of an unknown trace") << v + "a 10 3\n"
                                                  << "line 2: trace 3 is not defined yet";
        QTest::newRow("allocation of an unknown info") << v + "+ 0\n"
                                                       << "line 2: allocation info 0 is not defined yet";
        QTest::newRow("free of an unknown info") << v + "a 10 0\n- 1\n"
                                                 << "line 3: allocation info 1 is not defined yet";
        QTest::newRow("time stamp out of range") << v + "c ffffffffffffffff\n"
                                                 << "line 2: time stamp ffffffffffffffff is out of range";
        QTest::newRow("number too long") << v + "c 1ffffffffffffffff\n"
                                         << "line 2: expected a time stamp";
        QTest::newRow("line too long") << v + QByteArray(17 << 20, 'a') << "line 2: longer than 16 MiB";
        const QByteArray gz = gzip(kSmall);
        QTest::newRow("truncated gzip") << gz.left(gz.size() - 10) << "gzip: the compressed data ends early";
        QByteArray badCrc = gz;
        badCrc[badCrc.size() - 6] = static_cast<char>(badCrc[badCrc.size() - 6] ^ 0x55);
        QTest::newRow("gzip check fails") << badCrc << "gzip: corrupt compressed data at byte";
        QByteArray badMethod = gz;
        badMethod[2] = 7;
        QTest::newRow("gzip header corrupt") << badMethod << "gzip: corrupt compressed data at byte";
        QTest::newRow("garbage after gzip") << gz + "xyz"
                                            << "gzip: unexpected bytes after the compressed data";
        QTest::newRow("gzip of something else") << gzip("main;a 1\n") << "line 1: not a heaptrack data file";
        QTest::newRow("corrupt zstd") << QByteArray("\x28\xB5\x2F\xFD garbage garbage") << "zstd: corrupt";
    }

    void bad()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, error);
        model::Profile p;
        const Status st = formats::HeaptrackImporter().parse(std::string_view(input.constData(), input.size()), p);
        QVERIFY(!st.isOk());
        QVERIFY2(QString::fromStdString(st.message()).contains(error), st.message().c_str());
        QVERIFY(st.message().find('\n') == std::string::npos);
    }

    void sniffing()
    {
        const formats::HeaptrackImporter importer;
        QCOMPARE(importer.sniff("v 10400 3\nX ./a.out\n"), 95);
        QCOMPARE(importer.sniff("v 10200\n"), 95);
        QCOMPARE(importer.sniff("v 10400 3"), 0); // not a whole line
        QCOMPARE(importer.sniff("main;a 1\n"), 0);
        QCOMPARE(importer.sniff("{\"traceEvents\":[]}"), 0);
        const QByteArray gz = gzip(kSmall);
        QCOMPARE(importer.sniff(std::string_view(gz.constData(), gz.size() / 2)), 95); // a head cut short still sniffs
        const QByteArray other = gzip("PERFILE2");
        QCOMPARE(importer.sniff(std::string_view(other.constData(), other.size())), 0);
        writeFile(path("small.txt"), kSmall);
        auto sniffed = formats::FormatRegistry::sniff(path("small.txt").toStdString());
        QVERIFY2(sniffed.isOk(), sniffed.status().message().c_str());
        QCOMPARE(sniffed.value()->format(), std::string_view("heaptrack"));
    }
};

QTEST_GUILESS_MAIN(TestHeaptrackImporter)
#include "tst_heaptrackimporter.moc"
