// SPDX-License-Identifier: GPL-3.0-or-later
// Text importers on small hand-written inputs, so every expected stack and weight is
// known exactly: folded stacks and speedscope JSON (tests/data/speedscope/), plus
// sniffing and forced formats. perf.data and perf script: tst_perfimporters.
#include "engine/importertesthelpers.h"
#include "formats/foldedexporter.h"
#include "formats/foldedimporter.h"
#include "formats/formatregistry.h"
#include "formats/speedscopeexporter.h"
#include "formats/speedscopeimporter.h"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <algorithm>

using namespace perfwb;
using namespace perfwb::testing;

class TestImporters : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QString path(const char *name) const { return dir_.filePath(QString::fromLatin1(name)); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    void folded_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("stacks");
        QTest::newRow("one line") << QByteArray("main;parse;read 12\n") << "main;parse;read=12";
        QTest::newRow("no final newline") << QByteArray("main;a 1\nmain;b 2") << "main;a=1 main;b=2";
        QTest::newRow("same stack twice adds up") << QByteArray("main;a 1\nmain;a 4\n") << "main;a=5";
        QTest::newRow("CRLF and blank lines")
            << QByteArray("\r\nmain;a 3\r\n\r\n   \r\nmain 1\r\n") << "main=1 main;a=3";
        QTest::newRow("spaces inside frames kept")
            << QByteArray("main;std::vector<int, std::allocator<int> >::push_back(int const&) 7\n")
            << "main;std::vector<int, std::allocator<int> >::push_back(int const&)=7";
        QTest::newRow("count after the last space, tab too") << QByteArray("a b;c d\t9\n") << "a b;c d=9";
        QTest::newRow("module`function") << QByteArray("/usr/bin/app`main;/lib/libc.so.6`read 2\n")
                                         << "/usr/bin/app`main;/lib/libc.so.6`read=2";
        QTest::newRow("[module] suffix is part of the name")
            << QByteArray("main;operator[] [libfoo.so] 3\n") << "main;operator[] [libfoo.so]=3";
        QTest::newRow("annotations removed")
            << QByteArray("main;sys_read_[k];jitted_[j];helper_[i] 4\n") << "main;sys_read;jitted;helper=4";
        QTest::newRow("empty frame is [unknown]") << QByteArray("main;;leaf 1\n") << "main;[unknown];leaf=1";
        QTest::newRow("zero count adds nothing") << QByteArray("main;a 0\nmain;b 2\n") << "main;b=2";
        QTest::newRow("largest count") << QByteArray("main 18446744073709551615\n") << "main=18446744073709551615";
    }

    void folded()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, stacks);
        model::Profile p;
        const auto st = formats::FoldedImporter().parse(std::string_view(input.constData(), input.size()), p);
        QVERIFY2(st.isOk(), st.message().c_str());
        QCOMPARE(stacksText(p), stacks);
        QCOMPARE(p.threads().size(), std::size_t(1));
        QCOMPARE(p.meta.sourceFormat, std::string("folded"));
    }

    void foldedFrameDetails()
    {
        const std::string text = "app`main;[kernel.kallsyms]`do_syscall_64;sys_read_[k];jit_fn_[j];inl_[i];"
                                 "work (/srv/app.py:10) 5\nmain;other 1\n";
        model::Profile p;
        QVERIFY(formats::FoldedImporter().parse(text, p).isOk());
        auto leaf = p.stacks.framesLeafFirst(p.samples.stack(0));
        QCOMPARE(leaf.size(), std::size_t(6));
        std::reverse(leaf.begin(), leaf.end());
        QCOMPARE(p.moduleName(leaf[0]), std::string_view("app"));
        QCOMPARE(p.frames.at(leaf[1]).kind, model::FrameKind::Kernel);
        QCOMPARE(p.frames.at(leaf[2]).kind, model::FrameKind::Kernel);
        QCOMPARE(p.frames.at(leaf[3]).kind, model::FrameKind::Jit);
        QVERIFY(p.frames.at(leaf[4]).inlined);
        const auto &py = p.frames.at(leaf[5]);
        QCOMPARE(py.kind, model::FrameKind::Python);
        QCOMPARE(p.strings.view(py.file), std::string_view("/srv/app.py"));
        QCOMPARE(py.line, 10u);
        QCOMPARE(p.functionName(leaf[5]), std::string_view("work (/srv/app.py:10)"));
        // time = line index, so time filters keep the file's order
        QCOMPARE(p.samples.time(0), std::int64_t(0));
        QCOMPARE(p.samples.time(1), std::int64_t(1));
    }

    void foldedBad_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("error");
        QTest::newRow("empty") << QByteArray() << "no stacks found";
        QTest::newRow("only spaces") << QByteArray("   \n \t \n") << "no stacks found";
        QTest::newRow("binary garbage") << QByteArray("\x7f"
                                                      "ELF\x02\x01\x01\x00\x00\x00 12",
                                                      13)
                                        << "line 1: binary data";
        QTest::newRow("word instead of count")
            << QByteArray("main;a many\n") << "line 1: no sample count at end of line";
        QTest::newRow("only comments") << QByteArray("# a comment\n#\n") << "no stacks found";
        QTest::newRow("fraction") << QByteArray("main;a 1.5\n") << "line 1: no sample count at end of line";
        QTest::newRow("huge count") << QByteArray("main;a 18446744073709551616\n")
                                    << "line 1: sample count 18446744073709551616 is too large";
        QTest::newRow("sum overflows") << QByteArray("a 18446744073709551615\nb 1\n")
                                       << "line 2: the sum of the sample counts is too large";
        QTest::newRow("nothing but bad lines") << QByteArray("main;a x\n42\nmain;b -1\n")
                                               << "no stacks found (expected lines like 'main;parse;read 12'); 3 "
                                                  "lines that are not 'STACK COUNT' skipped; the first: line 1: no "
                                                  "sample count at end of line";
        QTest::newRow("UTF-16 LE binary after the mark") << QByteArray("\xff\xfe\x00\x00\x01\x00", 6) << "binary data";
    }

    // Lines flamegraph.pl and speedscope skip are skipped here too, and counted in one
    // warning that names the first; the rest of the file imports.
    void foldedSkipsLines_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("stacks");
        QTest::addColumn<QString>("warning");
        QTest::newRow("comments") << QByteArray("# flamegraph input\nmain;a 1\n  # indented\nmain;b 2\n")
                                  << "main;a=1 main;b=2"
                                  << "2 lines that are not 'STACK COUNT' skipped (2 '#' comments)";
        QTest::newRow("no count") << QByteArray("main;a 1\nmain;b 2\nmain;c\n") << "main;a=1 main;b=2"
                                  << "1 line that is not 'STACK COUNT' skipped; the first: line 3: no sample count at "
                                     "end of line";
        QTest::newRow("negative count, count without stack, fraction")
            << QByteArray("main;a 1\n\nmain;b -4\n42\nmain;c 1.5\n") << "main;a=1"
            << "3 lines that are not 'STACK COUNT' skipped; the first: line 3: negative sample count -4";
        QTest::newRow("comment and a bad line")
            << QByteArray("#c\nbad\nmain 3\n") << "main=3"
            << "2 lines that are not 'STACK COUNT' skipped (1 '#' comments); the first: line 2: no sample count at "
               "end of line";
        QTest::newRow("clean file: no warning") << QByteArray("main;a 1\n\nmain 2\n") << "main=2 main;a=1"
                                                << "";
        QTest::newRow("UTF-8 byte-order mark") << QByteArray("\xef\xbb\xbfmain;a 1\n") << "main;a=1"
                                               << "";
        // "main;ä 2\n𝄞;b 1\n" in UTF-16 with its mark, both byte orders.
        const QString text = QString::fromUtf8("main;\xc3\xa4 2\n\xf0\x9d\x84\x9e;b 1\n");
        QByteArray le("\xff\xfe", 2);
        QByteArray be("\xfe\xff", 2);
        for (const QChar c : text) {
            const auto u = c.unicode();
            le.append(char(u & 0xff)).append(char(u >> 8));
            be.append(char(u >> 8)).append(char(u & 0xff));
        }
        const QString utf16Stacks = QString::fromUtf8("main;\xc3\xa4=2 \xf0\x9d\x84\x9e;b=1");
        QTest::newRow("UTF-16 LE") << le << utf16Stacks << "";
        QTest::newRow("UTF-16 BE") << be << utf16Stacks << "";
    }

    void foldedSkipsLines()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, stacks);
        QFETCH(QString, warning);
        for (const bool fromFile : {false, true}) {
            model::Profile p;
            Status st;
            if (fromFile) {
                writeFile(path("skips.folded"), input);
                st = formats::FoldedImporter().importFile(path("skips.folded").toStdString(), p);
            } else {
                st = formats::FoldedImporter().parse(std::string_view(input.constData(), input.size()), p);
            }
            QVERIFY2(st.isOk(), st.message().c_str());
            QCOMPARE(stacksText(p), stacks);
            const auto warnings = p.meta.importWarnings();
            QCOMPARE(warnings.empty() ? QString() : QString::fromStdString(warnings.front()), warning);
        }
        if (input.startsWith("\xff\xfe") || input.startsWith("\xfe\xff")) {
            writeFile(path("sniff16.folded"), input);
            auto found = formats::FormatRegistry::sniff(path("sniff16.folded").toStdString());
            QVERIFY2(found.isOk(), found.isOk() ? "" : found.message().c_str());
            QCOMPARE(found.value()->format(), std::string_view("folded"));
        }
    }

    void foldedBad()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, error);
        model::Profile p;
        const auto st = formats::FoldedImporter().parse(std::string_view(input.constData(), input.size()), p);
        QVERIFY(!st.isOk());
        QVERIFY2(QString::fromStdString(st.message()).contains(error), st.message().c_str());
    }

    void speedscope_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("stacks");
        QTest::addColumn<QString>("unit");
        QTest::newRow("sampled, ms and µs to ns")
            << "speedscope/sampled.speedscope.json"
            << "io|main=7000 worker|main;compute (app.py:12)=250000 worker|main;parse=2000000 "
               "worker|main;parse;/usr/lib/x86_64-linux-gnu/libc.so.6`read=4500000"
            << "nanoseconds";
        QTest::newRow("evented, intervals of open stacks")
            << "speedscope/evented.speedscope.json"
            << "render thread|a=26 render thread|a;b=20 render thread|a;c=5"
            << "nanoseconds";
        QTest::newRow("py-spy, unit none")
            << "speedscope/pyspy.speedscope.json"
            << "MainThread|<module> (app.py:3)=1 MainThread|<module> (app.py:3);<built-in>`sleep=1 "
               "MainThread|<module> (app.py:3);work (app.py:10)=2"
            << "samples";
    }

    void speedscope()
    {
        QFETCH(QString, file);
        QFETCH(QString, stacks);
        QFETCH(QString, unit);
        model::Profile p;
        const auto st = formats::SpeedscopeImporter().importFile(sdata(qPrintable(file)), p);
        QVERIFY2(st.isOk(), st.message().c_str());
        QCOMPARE(stacksText(p, true), stacks);
        QCOMPARE(
            QString::fromUtf8(p.meta.weightUnit.name().data(), static_cast<qsizetype>(p.meta.weightUnit.name().size())),
            unit);
        QCOMPARE(p.meta.sourceFormat, std::string("speedscope"));
    }

    void speedscopeDetails()
    {
        model::Profile p;
        QVERIFY(formats::SpeedscopeImporter().importFile(sdata("speedscope/evented.speedscope.json"), p).isOk());
        // one sample per interval with an open stack, at the interval's start
        QList<qint64> times;
        for (std::size_t i = 0; i < p.samples.size(); ++i)
            times << p.samples.time(i);
        QCOMPARE(times, (QList<qint64>{0, 10, 30, 35, 60}));
        model::Profile s;
        QVERIFY(formats::SpeedscopeImporter().importFile(sdata("speedscope/sampled.speedscope.json"), s).isOk());
        QCOMPARE(s.threads().size(), std::size_t(2));
        QCOMPARE(s.meta.durationNs, std::int64_t(6750000));
        QCOMPARE(s.meta.extra.at("speedscope.exporter"), std::string("hand-written for tst_importers"));
        // samples of a time-unit profile follow each other from startValue
        QCOMPARE(s.samples.time(1), std::int64_t(1500000));
        QCOMPARE(s.samples.time(4), std::int64_t(100000)); // io starts at 100 µs
        model::Profile py;
        QVERIFY(formats::SpeedscopeImporter().importFile(sdata("speedscope/pyspy.speedscope.json"), py).isOk());
        for (model::FrameId f = 0; f < py.frames.size(); ++f) {
            if (py.functionName(f) == "work (app.py:10)") {
                QCOMPARE(py.frames.at(f).kind, model::FrameKind::Python);
                QCOMPARE(py.strings.view(py.frames.at(f).file), std::string_view("/srv/app.py"));
                QCOMPARE(py.frames.at(f).line, 10u);
            }
        }
    }

    void speedscopeBad_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("error");
        const QByteArray frames = R"("shared":{"frames":[{"name":"a"},{"name":"b"}]})";
        auto sampled = [&](const char *samples, const char *weights) {
            return "{" + frames + R"(,"profiles":[{"type":"sampled","name":"t","unit":"none","startValue":0,)" +
                   R"("endValue":1,"samples":)" + samples + R"(,"weights":)" + weights + "}]}";
        };
        auto evented = [&](const char *events) {
            return "{" + frames + R"(,"profiles":[{"type":"evented","name":"t","unit":"seconds","startValue":0,)" +
                   R"("endValue":1,"events":)" + events + "}]}";
        };
        QTest::newRow("truncated JSON") << sampled("[[0]]", "[1]").left(40) << "not valid JSON";
        QTest::newRow("empty object") << QByteArray("{}") << "shared: missing";
        QTest::newRow("top level array") << QByteArray("[1,2]") << "top level is not a JSON object";
        QTest::newRow("frames not an array") << QByteArray(R"({"shared":{"frames":3},"profiles":[]})")
                                             << "shared.frames: expected an array, got the number 3";
        QTest::newRow("no profiles") << "{" + frames + R"(,"profiles":[]})"
                                     << "profiles: no profiles";
        QTest::newRow("frame index out of range") << sampled("[[0],[0,1],[1,40]]", "[1,1,1]")
                                                  << "profiles[0].samples[2]: frame index 40 out of range (2 frames)";
        QTest::newRow("negative frame index")
            << sampled("[[-1]]", "[1]") << "profiles[0].samples[0]: frame index -1 out of range";
        QTest::newRow("fractional frame index") << sampled("[[0.5]]", "[1]") << "frame index 0.5 out of range";
        QTest::newRow("frame index is a string")
            << sampled(R"([["0"]])", "[1]") << "profiles[0].samples[0]: expected a frame index, got the string \"0\"";
        QTest::newRow("sample not an array") << sampled("[0]", "[1]") << "profiles[0].samples[0]: expected an array";
        QTest::newRow("lengths differ") << sampled("[[0],[1]]", "[1]") << "profiles[0]: 2 samples but 1 weights";
        QTest::newRow("weight is a string")
            << sampled("[[0]]", R"(["1"])") << "profiles[0].weights[0]: expected a number";
        QTest::newRow("negative weight") << sampled("[[0]]", "[-2]") << "profiles[0].weights[0]: negative weight";
        QTest::newRow("unknown unit")
            << QByteArray("{" + frames +
                          R"(,"profiles":[{"type":"sampled","unit":"furlongs","samples":[],"weights":[]}]})")
            << "profiles[0].unit: unknown unit \"furlongs\"";
        QTest::newRow("unknown type") << QByteArray("{" + frames + R"(,"profiles":[{"type":"tree","unit":"none"}]})")
                                      << "profiles[0].type: expected \"sampled\" or \"evented\", got \"tree\"";
        QTest::newRow("frame without name")
            << QByteArray(
                   R"({"shared":{"frames":[{"file":"x"}]},"profiles":[{"type":"sampled","unit":"none","samples":[[0]],"weights":[1]}]})")
            << "shared.frames[0].name: expected a string";
        QTest::newRow("unbalanced: never closed")
            << evented(R"([{"type":"O","frame":0,"at":0},{"type":"O","frame":1,"at":1}])")
            << "profiles[0].events: 2 frame(s) still open";
        QTest::newRow("unbalanced: wrong close")
            << evented(R"([{"type":"O","frame":0,"at":0},{"type":"O","frame":1,"at":1},{"type":"C","frame":0,"at":2}])")
            << "profiles[0].events[2]: closes frame 0 but frame 1 is open";
        QTest::newRow("unbalanced: close first") << evented(R"([{"type":"C","frame":0,"at":0}])")
                                                 << "profiles[0].events[0]: closes a frame but no frame is open";
        QTest::newRow("events go back in time")
            << evented(R"([{"type":"O","frame":0,"at":5},{"type":"C","frame":0,"at":4}])")
            << "profiles[0].events[1].at: 4 is before the previous event's 5";
        QTest::newRow("bad event type") << evented(R"([{"type":"X","frame":0,"at":0}])")
                                        << "profiles[0].events[0].type: expected \"O\" or \"C\"";
        QTest::newRow("mixed units")
            << QByteArray("{" + frames +
                          R"(,"profiles":[{"type":"sampled","unit":"bytes","samples":[],"weights":[]},)" +
                          R"({"type":"sampled","unit":"seconds","samples":[],"weights":[]}]})")
            << "profiles[1].unit: \"seconds\" cannot be mixed with the bytes";
    }

    void speedscopeBad()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, error);
        model::Profile p;
        const auto st = formats::SpeedscopeImporter().parse(std::string_view(input.constData(), input.size()), p);
        QVERIFY(!st.isOk());
        QVERIFY2(QString::fromStdString(st.message()).contains(error), st.message().c_str());
    }

    // Import, export with FoldedExporter or SpeedscopeExporter, import that again:
    // stacks and weights stay exactly the same.
    void roundTrip_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("via");
        const QString folded = path("roundtrip.folded");
        for (const char *via : {"folded", "speedscope"}) {
            QTest::addRow("folded via %s", via) << folded << via;
            for (const char *name : {"sampled", "evented", "pyspy"}) {
                const auto file = QStringLiteral("speedscope/%1.speedscope.json").arg(QLatin1String(name));
                QTest::addRow("%s via %s", name, via) << QString::fromStdString(sdata(qPrintable(file))) << via;
            }
        }
    }

    void roundTrip()
    {
        QFETCH(QString, file);
        QFETCH(QString, via);
        writeFile(path("roundtrip.folded"),
                  "/usr/bin/app`main;/usr/bin/app`parse;/lib/libc.so.6`read 12\n"
                  "[kernel.kallsyms]`do_syscall_64;ksys_read 3\nmain;work (/srv/app.py:10) 2\n"
                  "main;operator()(int, char) const 5\n");
        auto importer = formats::FormatRegistry::sniff(file.toStdString());
        QVERIFY(importer.isOk());
        model::Profile first;
        QVERIFY(importer.value()->importFile(file.toStdString(), first).isOk());
        const auto *exporter = formats::FormatRegistry::exporter(via.toStdString());
        QVERIFY(exporter != nullptr);
        std::string text;
        const auto written = exporter->write(first, {}, text);
        QVERIFY2(written.isOk(), written.message().c_str());
        model::Profile second;
        const auto *reader =
            dynamic_cast<const formats::TextImporter *>(formats::FormatRegistry::importer(via.toStdString()));
        QVERIFY(reader != nullptr);
        const auto back = reader->parse(text, second);
        QVERIFY2(back.isOk(), back.message().c_str());
        QCOMPARE(stacksText(second), stacksText(first));
        QCOMPARE(second.totalWeight(), first.totalWeight());
        // and exporting the imported profile again gives the same bytes (not for the
        // evented file: SpeedscopeExporter merges the samples before and after its idle
        // gap into one, so the gap, and with it endValue, is not in the first export)
        std::string again;
        QVERIFY(exporter->write(second, {}, again).isOk());
        if (!(file.contains(QLatin1String("evented")) && via == QLatin1String("speedscope")))
            QCOMPARE(QString::fromStdString(again), QString::fromStdString(text));
        // kinds survive where the text can carry them
        for (model::FrameId f = 0; f < second.frames.size(); ++f) {
            if (second.moduleName(f) == "[kernel.kallsyms]")
                QCOMPARE(second.frames.at(f).kind, model::FrameKind::Kernel);
            if (second.functionName(f) == "work (/srv/app.py:10)")
                QCOMPARE(second.frames.at(f).kind, model::FrameKind::Python);
        }
    }

    void sniff_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("format");
        QTest::newRow("folded") << path("sniff.folded") << "folded";
        QTest::newRow("speedscope sampled")
            << QString::fromStdString(sdata("speedscope/sampled.speedscope.json")) << "speedscope";
        QTest::newRow("speedscope evented")
            << QString::fromStdString(sdata("speedscope/evented.speedscope.json")) << "speedscope";
        QTest::newRow("speedscope py-spy")
            << QString::fromStdString(sdata("speedscope/pyspy.speedscope.json")) << "speedscope";
    }

    void sniff()
    {
        QFETCH(QString, file);
        QFETCH(QString, format);
        writeFile(path("sniff.folded"), "main;parse;read 12\nmain;parse 3\nmain;work with spaces 1\n");
        auto found = formats::FormatRegistry::sniff(file.toStdString());
        QVERIFY2(found.isOk(), found.isOk() ? "" : found.message().c_str());
        QCOMPARE(QString::fromLatin1(found.value()->format().data(), found.value()->format().size()), format);
        model::Profile p;
        const auto st = found.value()->importFile(file.toStdString(), p);
        QVERIFY2(st.isOk(), st.message().c_str());
        QVERIFY(!p.samples.empty());
    }

    // A file no importer claims is refused with what it looks like. JSON that merely
    // mentions speedscope (stackprof output, a source map) is not taken for speedscope.
    void sniffUnknown_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("looksLike");
        QTest::newRow("notes") << QByteArray("These are notes, not a profile.\nSecond line.\n")
                               << "text whose first line is 'These are notes, not a profile.'";
        QTest::newRow("stackprof JSON naming speedscope")
            << QByteArray("{\"version\":1.2,\"mode\":\"cpu\",\"interval\":1000,\"samples\":10,\"gc_samples\":0,"
                          "\"frames\":{\"1\":{\"name\":\"A#b\",\"file\":\"a.rb\"}},\"note\":\"open with speedscope\"}")
            << "a JSON object with the keys \"version\", \"mode\", \"interval\", \"samples\"";
        QTest::newRow("source map naming speedscope")
            << QByteArray("{\"version\":3,\"sources\":[\"speedscope/src/app.ts\"],\"names\":[],\"mappings\":\"AAAA\"}")
            << "a JSON object with the keys \"version\", \"sources\", \"names\", \"mappings\"";
        QTest::newRow("gzip") << QByteArray("\x1f\x8b\x08\x00\x00\x00\x00\x00", 8)
                              << "gzip-compressed data (decompress it first)";
        QTest::newRow("binary") << QByteArray("\x01\x02\x03\x04\x05", 5) << "binary data (first bytes 01 02 03 04 05)";
        QTest::newRow("JSON array") << QByteArray("[1, 2, 3]\n") << "a JSON array";
    }

    void sniffUnknown()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, looksLike);
        const QString file = path("unknown.input");
        writeFile(file, content);
        auto found = formats::FormatRegistry::sniff(file.toStdString());
        QVERIFY(!found.isOk());
        const auto message = QString::fromStdString(found.message());
        QVERIFY2(message.startsWith(file + ": unrecognised format: it looks like " + looksLike + " (perfwb reads "),
                 qPrintable(message));
        QVERIFY2(message.endsWith("; use -f to name it"), qPrintable(message));
    }

    void sniffElfBinary()
    {
        auto found = formats::FormatRegistry::sniff(QCoreApplication::applicationFilePath().toStdString());
        QVERIFY(!found.isOk());
        QVERIFY2(QString::fromStdString(found.message()).contains("it looks like an ELF binary"),
                 found.message().c_str());
    }

    // Every frame kind, inlined frames and a module beside a source file survive a
    // speedscope round trip (the "perfwb" object on a frame, docs/formats.md).
    void speedscopeKeepsFrameKinds()
    {
        model::Profile p;
        const auto thread = p.internThread(1, 1, "main");
        std::vector<model::FrameId> path = {
            p.internFrame("main", "app", "/src/main.c", 10, model::FrameKind::Native),
            p.internFrame("helper", "app", "/src/helper.h", 3, model::FrameKind::Native, true),
            p.internFrame("compute", "", "/srv/app.py", 12, model::FrameKind::Python),
            p.internFrame("jitted_loop", "[jit]", "", 0, model::FrameKind::Jit),
            p.internFrame("do_syscall_64", "[kernel]", "", 0, model::FrameKind::Kernel),
            p.internFrame("irq_handler", "", "", 0, model::FrameKind::Kernel),
            p.internFrame("memcpy", "libc.so.6", "", 0, model::FrameKind::Native),
        };
        p.addSample(0, thread, p.stacks.internPath(path), 3);
        std::string json;
        QVERIFY(formats::SpeedscopeExporter().write(p, formats::ExportOptions{}, json).isOk());
        model::Profile back;
        const auto st = formats::SpeedscopeImporter().parse(json, back);
        QVERIFY2(st.isOk(), st.message().c_str());
        const auto leaf = back.stacks.framesLeafFirst(back.samples.stack(0));
        QCOMPARE(leaf.size(), path.size());
        for (std::size_t i = 0; i < path.size(); ++i) {
            const auto &want = p.frames.at(path[i]);
            const auto &got = back.frames.at(leaf[path.size() - 1 - i]);
            const auto fn = p.strings.view(want.function);
            QCOMPARE(back.strings.view(got.function), fn);
            QVERIFY2(back.strings.view(got.module) == p.strings.view(want.module), fn.data());
            QVERIFY2(back.strings.view(got.file) == p.strings.view(want.file), fn.data());
            QCOMPARE(got.line, want.line);
            QVERIFY2(got.kind == want.kind, fn.data());
            QCOMPARE(got.inlined, want.inlined);
        }
        // What a file from another tool holds stays as it was read before.
        QVERIFY(json.find("\"name\":\"memcpy\",\"file\":\"libc.so.6\"}") != std::string::npos);
    }

    void forcedWrongFormat_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("error");
        const QString folded = path("forced.folded");
        const QString speedscope = QString::fromStdString(sdata("speedscope/sampled.speedscope.json"));
        QTest::newRow("speedscope given folded") << "speedscope" << folded << "not valid JSON";
        QTest::newRow("folded given speedscope") << "folded" << speedscope << "line 1: no sample count at end of line";
        // A real binary: this test program itself.
        const QString binary = QCoreApplication::applicationFilePath();
        QTest::newRow("folded given a binary") << "folded" << binary << "line 1: binary data";
        QTest::newRow("speedscope given a binary") << "speedscope" << binary << "not valid JSON";
        QTest::newRow("empty file") << "folded" << path("empty.txt") << "file is empty";
    }

    void forcedWrongFormat()
    {
        QFETCH(QString, format);
        QFETCH(QString, file);
        QFETCH(QString, error);
        writeFile(path("forced.folded"), "main;parse;read 12\n");
        writeFile(path("empty.txt"), "");
        const auto *importer = formats::FormatRegistry::importer(format.toStdString());
        QVERIFY(importer != nullptr);
        model::Profile p;
        const auto st = importer->importFile(file.toStdString(), p);
        QVERIFY(!st.isOk());
        const auto message = QString::fromStdString(st.message());
        QVERIFY2(message.contains(error), qPrintable(message));
        QVERIFY2(message.startsWith(file), qPrintable(message)); // names the file
        QVERIFY2(!message.contains('\n'), qPrintable(message));  // one line
    }
};

QTEST_GUILESS_MAIN(TestImporters)
#include "tst_importers.moc"
