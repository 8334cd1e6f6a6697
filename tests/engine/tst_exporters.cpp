// SPDX-License-Identifier: GPL-3.0-or-later
// Exporters on profiles with exactly known stacks and weights (built in code, or imported
// from a folded file written here), checked byte for byte and structure by structure.
// tst_exportviewers checks the same exports with the programs that read them.
#include "exporttestprofiles.h"
#include "formats/foldedexporter.h"
#include "formats/formatregistry.h"
#include "formats/speedscopeexporter.h"
#include "formats/svgexporter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <array>
#include <initializer_list>
#include <tuple>

using namespace perfwb;
using namespace exporttest;

namespace {

// Every frame group of an SVG flamegraph: data-f, data-w, title and rect width.
struct SvgFrame {
    QString function;
    QString classes;
    qint64 weight = 0;
    QString title;
    double width = 0;
};

QList<SvgFrame> svgFrames(const std::string &svg, QString *error = nullptr)
{
    QList<SvgFrame> frames;
    QXmlStreamReader xml(QByteArray::fromStdString(svg));
    bool script = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto a = xml.attributes();
        if (xml.name() == u"g" && a.value(QLatin1String("class")).toString().split(u' ').contains(u"f")) {
            SvgFrame f;
            f.function = a.value(QLatin1String("data-f")).toString();
            f.classes = a.value(QLatin1String("class")).toString();
            f.weight = a.value(QLatin1String("data-w")).toLongLong();
            frames.push_back(f);
        } else if (xml.name() == u"title" && !frames.isEmpty()) {
            frames.back().title = xml.readElementText();
        } else if (xml.name() == u"rect" && !frames.isEmpty()) {
            frames.back().width = a.value(QLatin1String("width")).toDouble();
        } else if (xml.name() == u"script") {
            script = xml.readElementText().contains(u"function zoom(");
        }
    }
    if (error != nullptr) {
        *error = xml.hasError() ? xml.errorString() : QString();
        if (!script && error->isEmpty())
            *error = QStringLiteral("no flamegraph script");
    }
    return frames;
}

const SvgFrame *find(const QList<SvgFrame> &frames, const QString &function)
{
    for (const auto &f : frames) {
        if (f.function == function)
            return &f;
    }
    return nullptr;
}

} // namespace

class TestExporters : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    model::Profile imported_; // the 70/30 profile read from a folded file by the folded importer

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(tmp_.isValid());
        const QString folded = tmp_.filePath(QStringLiteral("cpusplit.folded"));
        QFile f(folded);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("cpusplit`_start;cpusplit`main;cpusplit`hot_70 700\n"
                "cpusplit`_start;cpusplit`main;cpusplit`warm_30 300\n");
        f.close();
        const auto *importer = formats::FormatRegistry::importer("folded");
        QVERIFY2(importer != nullptr, "no folded importer registered");
        const auto st = importer->importFile(folded.toStdString(), imported_);
        QVERIFY2(st.isOk(), st.message().c_str());
    }

    void registry()
    {
        for (const auto &[format, ext, what] :
             {std::tuple{"folded", "txt", "folded"}, std::tuple{"speedscope", "speedscope.json", "profile"},
              std::tuple{"svg", "svg", "flamegraph"}}) {
            const auto *e = formats::FormatRegistry::exporter(format);
            QVERIFY2(e != nullptr, format);
            QCOMPARE(QString::fromUtf8(e->extension().data(), e->extension().size()), QLatin1String(ext));
            QCOMPARE(QString::fromUtf8(e->what().data(), e->what().size()), QLatin1String(what));
        }
    }

    void folded_data()
    {
        QTest::addColumn<int>("filterKind"); // 0 none, 1 thread T0, 2 thread T1, 3 time [2000, 4000)
        QTest::addColumn<QString>("expected");
        const QString hot = QStringLiteral("cpusplit`_start;cpusplit`main;cpusplit`hot_70 ");
        const QString warm = QStringLiteral("cpusplit`_start;cpusplit`main;cpusplit`warm_30 ");
        QTest::newRow("all") << 0 << hot + "70\n" + warm + "30\n";
        QTest::newRow("thread T0") << 1 << hot + "50\n" + warm + "10\n";
        QTest::newRow("thread T1") << 2 << hot + "20\n" + warm + "20\n";
        QTest::newRow("time 2000..4000") << 3 << hot + "20\n" + warm + "10\n";
    }
    void folded()
    {
        QFETCH(int, filterKind);
        QFETCH(QString, expected);
        const auto p = makeSplit();
        formats::ExportOptions o;
        if (filterKind == 1 || filterKind == 2)
            o.filter = threadFilter(p, filterKind == 1 ? 0 : 1);
        else if (filterKind == 3)
            o.filter = timeFilter(2000, 4000);
        QCOMPARE(q(exportWith(formats::FoldedExporter(), p, o)), expected);
    }

    void foldedEscapesAndAnnotations()
    {
        model::Profile p;
        const std::vector<model::FrameId> stack{
            p.internFrame("a;b", "lib`x.so"),
            p.internFrame("line\nbreak\r\x01"),
            p.internFrame("tick`tock"),
            p.internFrame("", "libc.so.6"),
            p.internFrame("do_syscall_64", "[kernel.kallsyms]", {}, 0, model::FrameKind::Kernel),
            p.internFrame("irq", {}, {}, 0, model::FrameKind::Kernel),
            p.internFrame("Interpreter::run", "perf-1.map", {}, 0, model::FrameKind::Jit),
            p.internFrame("std::vector<int>::size", "app", "v.h", 3, model::FrameKind::Native, true),
        };
        p.addSample(0, p.internThread(1, 1), p.stacks.internPath(stack), 5);
        p.addSample(1, p.internThread(1, 1), model::kEmptyStack, 7); // no line for an empty stack
        QCOMPARE(q(exportWith(formats::FoldedExporter(), p)),
                 QStringLiteral("lib'x.so`a:b;line break  ;tick'tock;libc.so.6`[unknown];"
                                "[kernel.kallsyms]`do_syscall_64;irq_[k];perf-1.map`Interpreter::run_[j];"
                                "app`std::vector<int>::size_[i] 5\n"));
    }

    void foldedIsDeterministicAndMergesEqualText()
    {
        // The same stacks added in another order, and a second frame that prints the same
        // (it differs only in its line), give the same bytes.
        auto a = makeSplit();
        model::Profile b;
        const auto warm = b.internFrame("warm_30", "cpusplit", "cpusplit.c", 20);
        const auto warmOtherLine = b.internFrame("warm_30", "cpusplit", "cpusplit.c", 21);
        const auto start = b.internFrame("_start", "cpusplit");
        const auto main = b.internFrame("main", "cpusplit");
        const auto hot = b.internFrame("hot_70", "cpusplit", "cpusplit.c", 12);
        const auto t = b.internThread(7, 7);
        const std::vector<model::FrameId> w1{start, main, warm}, w2{start, main, warmOtherLine}, h{start, main, hot};
        b.addSample(5, t, b.stacks.internPath(w1), 25);
        b.addSample(6, t, b.stacks.internPath(h), 70);
        b.addSample(7, t, b.stacks.internPath(w2), 5);
        QCOMPARE(q(exportWith(formats::FoldedExporter(), b)), q(exportWith(formats::FoldedExporter(), a)));
    }

    void foldedRoundTrip()
    {
        // Export → import → export keeps every stack, count and frame kind.
        const auto first = exportWith(formats::FoldedExporter(), imported_);
        QCOMPARE(q(first), QStringLiteral("cpusplit`_start;cpusplit`main;cpusplit`hot_70 700\n"
                                          "cpusplit`_start;cpusplit`main;cpusplit`warm_30 300\n"));
        model::Profile p;
        const std::vector<model::FrameId> stack{p.internFrame("irq", {}, {}, 0, model::FrameKind::Kernel),
                                                p.internFrame("jitted", "perf-9.map", {}, 0, model::FrameKind::Jit),
                                                p.internFrame("inl", "app", {}, 0, model::FrameKind::Native, true)};
        p.addSample(0, p.internThread(1, 1), p.stacks.internPath(stack), 3);
        const auto text = exportWith(formats::FoldedExporter(), p);
        model::Profile back;
        const auto *importer = dynamic_cast<const formats::TextImporter *>(formats::FormatRegistry::importer("folded"));
        QVERIFY(importer != nullptr);
        QVERIFY(importer->parse(text, back).isOk());
        QCOMPARE(q(exportWith(formats::FoldedExporter(), back)), q(text));
        const auto frames = back.stacks.framesLeafFirst(back.samples.stack(0));
        QCOMPARE(frames.size(), std::size_t{3});
        QVERIFY(back.frames.at(frames[0]).inlined);
        QCOMPARE(back.frames.at(frames[1]).kind, model::FrameKind::Jit);
        QCOMPARE(back.frames.at(frames[2]).kind, model::FrameKind::Kernel);
    }

    void speedscope_data()
    {
        QTest::addColumn<QString>("unit");
        QTest::addColumn<int>("filterKind"); // as in folded()
        QTest::addColumn<QString>("expectedUnit");
        // Per exported profile: "name|start|end|samples|weights".
        QTest::addColumn<QStringList>("expectedProfiles");
        QTest::addColumn<int>("frameCount");
        const QString t0 = QStringLiteral("cpusplit (tid 100)");
        const QString t1 = QStringLiteral("worker (tid 101)");
        QTest::newRow("samples") << "samples" << 0 << "none"
                                 << QStringList{t0 + "|0|60|[[0,1,2],[0,1,3],[0,1,2]]|[30,10,20]",
                                                t1 + "|0|40|[[0,1,2],[0,1,3]]|[20,20]"}
                                 << 4;
        QTest::newRow("nanoseconds") << "nanoseconds" << 0 << "nanoseconds"
                                     << QStringList{t0 + "|1000|3020|[[0,1,2],[0,1,3],[0,1,2]]|[30,10,20]",
                                                    t1 + "|4000|5020|[[0,1,2],[0,1,3]]|[20,20]"}
                                     << 4;
        QTest::newRow("bytes, thread T1")
            << "bytes" << 2 << "bytes" << QStringList{t1 + "|0|40|[[0,1,2],[0,1,3]]|[20,20]"} << 4;
        QTest::newRow("time 2000..4000") << "samples" << 3 << "none"
                                         << QStringList{t0 + "|0|30|[[0,1,2],[0,1,3]]|[10,20]"} << 4;
    }
    void speedscope()
    {
        QFETCH(QString, unit);
        QFETCH(int, filterKind);
        QFETCH(QString, expectedUnit);
        QFETCH(QStringList, expectedProfiles);
        QFETCH(int, frameCount);
        const auto p = makeSplit(unit.toStdString());
        formats::ExportOptions o;
        if (filterKind == 2)
            o.filter = threadFilter(p, 1);
        else if (filterKind == 3)
            o.filter = timeFilter(2000, 4000);
        const auto text = exportWith(formats::SpeedscopeExporter(), p, o);
        QJsonParseError err;
        const auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(text), &err);
        QVERIFY2(err.error == QJsonParseError::NoError, qPrintable(err.errorString()));
        const auto root = doc.object();
        QCOMPARE(root[u"$schema"].toString(), QStringLiteral("https://www.speedscope.app/file-format-schema.json"));
        QVERIFY2(QRegularExpression(QStringLiteral("^perfwb \\d+\\.\\d+\\.\\d+$"))
                     .match(root[u"exporter"].toString())
                     .hasMatch(),
                 qPrintable(root[u"exporter"].toString()));
        QCOMPARE(root[u"name"].toString(), QStringLiteral("nightly"));
        QCOMPARE(root[u"activeProfileIndex"].toInt(-1), 0);

        const auto frameArray = root[u"shared"].toObject()[u"frames"].toArray();
        QList<QJsonObject> frames;
        for (const auto &v : frameArray)
            frames << v.toObject();
        QCOMPARE(frames.size(), frameCount);
        // Frames are numbered by first use: the time filter starts with warm_30.
        const bool warmFirst = filterKind == 3;
        QCOMPARE(frames[0][u"name"].toString(), QStringLiteral("_start"));
        QCOMPARE(frames[0][u"file"].toString(), QStringLiteral("cpusplit")); // module stands in for the file
        QVERIFY(!frames[0].contains(u"line"));
        QCOMPARE(frames[warmFirst ? 3 : 2][u"name"].toString(), QStringLiteral("hot_70"));
        QCOMPARE(frames[warmFirst ? 3 : 2][u"file"].toString(), QStringLiteral("cpusplit.c"));
        QCOMPARE(frames[warmFirst ? 3 : 2][u"line"].toInt(), 12);
        QCOMPARE(frames[warmFirst ? 2 : 3][u"name"].toString(), QStringLiteral("warm_30"));

        const auto profiles = root[u"profiles"].toArray();
        QCOMPARE(profiles.size(), expectedProfiles.size());
        for (qsizetype i = 0; i < profiles.size(); ++i) {
            const auto pr = profiles[i].toObject();
            QCOMPARE(pr[u"type"].toString(), QStringLiteral("sampled"));
            QCOMPARE(pr[u"unit"].toString(), expectedUnit);
            const auto compact = [](const QJsonValue &v) {
                return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
            };
            const QString got = QStringList{pr[u"name"].toString(), QString::number(pr[u"startValue"].toInteger()),
                                            QString::number(pr[u"endValue"].toInteger()), compact(pr[u"samples"]),
                                            compact(pr[u"weights"])}
                                    .join(u'|');
            QCOMPARE(got, expectedProfiles[i]);
        }
    }

    void speedscopeMergesNeighboursInTimeOrder()
    {
        // Samples added out of time order come out sorted; neighbours with one stack merge.
        model::Profile p;
        const std::vector<model::FrameId> a{p.internFrame("main"), p.internFrame("a")};
        const std::vector<model::FrameId> b{p.internFrame("main"), p.internFrame("b")};
        const auto t = p.internThread(1, 1, "solo");
        const auto sa = p.stacks.internPath(a);
        const auto sb = p.stacks.internPath(b);
        const std::initializer_list<std::pair<int, model::StackId>> order{
            {40, sa}, {10, sa}, {30, sb}, {20, sa}, {50, sa}};
        for (const auto &[time, stack] : order)
            p.addSample(time, t, stack, 1);
        const auto doc =
            QJsonDocument::fromJson(QByteArray::fromStdString(exportWith(formats::SpeedscopeExporter(), p)));
        const auto pr = doc[u"profiles"][0].toObject();
        QCOMPARE(pr[u"name"].toString(), QStringLiteral("solo (tid 1)"));
        QCOMPARE(QJsonDocument(pr[u"samples"].toArray()).toJson(QJsonDocument::Compact),
                 QByteArray("[[0,1],[0,2],[0,1]]"));
        QCOMPARE(QJsonDocument(pr[u"weights"].toArray()).toJson(QJsonDocument::Compact), QByteArray("[2,1,2]"));
        QCOMPARE(doc[u"shared"][u"frames"][0][u"file"].toString(), QString()); // no module, no file: no key
        QVERIFY(!doc[u"shared"][u"frames"][0].toObject().contains(u"file"));
    }

    void svgStructure()
    {
        const auto svg = exportWith(formats::SvgExporter(), makeSplit());
        QString error;
        const auto frames = svgFrames(svg, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(frames.size(), 5); // all, _start, main, hot_70, warm_30
        QCOMPARE(frames[0].title, QStringLiteral("all: 100 samples (100.00%)"));
        const auto *main = find(frames, QStringLiteral("main"));
        const auto *hot = find(frames, QStringLiteral("hot_70"));
        const auto *warm = find(frames, QStringLiteral("warm_30"));
        QVERIFY(main && hot && warm);
        QCOMPARE(hot->title, QStringLiteral("hot_70 [cpusplit]: 70 samples (70.00%)"));
        QCOMPARE(warm->title, QStringLiteral("warm_30 [cpusplit]: 30 samples (30.00%)"));
        QCOMPARE(main->width, formats::SvgExporter::kChartWidth);
        QCOMPARE(hot->width / warm->width, 70.0 / 30.0);
        QCOMPARE(hot->weight + warm->weight, main->weight);
        QVERIFY(svg.find("<title>") != std::string::npos);
        QVERIFY(svg.find(">nightly</text>") != std::string::npos);      // title line: run label
        QVERIFY(svg.find("./cpusplit 2000") != std::string::npos);      // and the command
        QVERIFY(svg.find("g.match rect") != std::string::npos);         // the CSS is inlined too
        QCOMPARE(exportWith(formats::SvgExporter(), makeSplit()), svg); // reproducible
    }

    void svgUnitsAndFilter_data()
    {
        QTest::addColumn<QString>("unit");
        QTest::addColumn<int>("filterKind");
        QTest::addColumn<QString>("hotTitle");
        QTest::newRow("ns") << "nanoseconds" << 0 << "hot_70 [cpusplit]: 70 ns (70.00%)";
        QTest::newRow("bytes") << "bytes" << 0 << "hot_70 [cpusplit]: 70 bytes (70.00%)";
        QTest::newRow("thread T1") << "samples" << 2 << "hot_70 [cpusplit]: 20 samples (50.00%)";
        QTest::newRow("time 2000..4000") << "samples" << 3 << "hot_70 [cpusplit]: 20 samples (66.67%)";
    }
    void svgUnitsAndFilter()
    {
        QFETCH(QString, unit);
        QFETCH(int, filterKind);
        QFETCH(QString, hotTitle);
        const auto p = makeSplit(unit.toStdString());
        formats::ExportOptions o;
        if (filterKind == 2)
            o.filter = threadFilter(p, 1);
        else if (filterKind == 3)
            o.filter = timeFilter(2000, 4000);
        const auto frames = svgFrames(exportWith(formats::SvgExporter(), p, o));
        QVERIFY(find(frames, QStringLiteral("hot_70")));
        QCOMPARE(find(frames, QStringLiteral("hot_70"))->title, hotTitle);
    }

    void svgEscapesHostileNames()
    {
        model::Profile p;
        const QStringList names{QStringLiteral("operator<<"), QStringLiteral("std::vector<int>::push_back(int const&)"),
                                QStringLiteral("say \"hi\" & 'bye' ]]>"), QStringLiteral("tab\there")};
        std::vector<model::FrameId> stack;
        for (const auto &n : names)
            stack.push_back(p.internFrame(n.toStdString(), "lib<x>.so"));
        stack.push_back(p.internFrame("bad\xff\x01", {}, {}, 0, model::FrameKind::Kernel));
        p.addSample(0, p.internThread(1, 1), p.stacks.internPath(stack), 3);
        formats::ExportOptions o;
        o.title = "<script>alert(1)</script>";
        const auto svg = exportWith(formats::SvgExporter(), p, o);
        QString error;
        const auto frames = svgFrames(svg, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(frames.size(), names.size() + 2);
        for (const auto &n : names) {
            QVERIFY2(find(frames, n), qPrintable(n));
            QCOMPARE(find(frames, n)->title, n + QStringLiteral(" [lib<x>.so]: 3 samples (100.00%)"));
        }
        QCOMPARE(frames.back().function, QStringLiteral("bad\uFFFD\uFFFD"));
        QCOMPARE(frames.back().title, QStringLiteral("bad\uFFFD\uFFFD (kernel): 3 samples (100.00%)"));
        QVERIFY(svg.find("<script>alert") == std::string::npos);
    }

    void svgColours()
    {
        using formats::SvgExporter;
        QCOMPARE(SvgExporter::colour("main", model::FrameKind::Native, false),
                 SvgExporter::colour("main", model::FrameKind::Native, false));
        QVERIFY(SvgExporter::colour("main", model::FrameKind::Native, false) !=
                SvgExporter::colour("parse", model::FrameKind::Native, false));
        const auto rgb = [](const std::string &c) {
            return std::array<int, 3>{std::stoi(c.substr(1, 2), nullptr, 16), std::stoi(c.substr(3, 2), nullptr, 16),
                                      std::stoi(c.substr(5, 2), nullptr, 16)};
        };
        for (const char *name : {"main", "parse", "hot_70", "warm_30", "x"}) {
            const auto warm = rgb(SvgExporter::colour(name, model::FrameKind::Native, false));
            QVERIFY2(warm[0] >= 205 && warm[2] <= 55, name); // red-orange-yellow
            const auto kernel = rgb(SvgExporter::colour(name, model::FrameKind::Kernel, false));
            QVERIFY2(kernel[2] > kernel[0] + 50, name); // blue-green
            const auto inl = rgb(SvgExporter::colour(name, model::FrameKind::Native, true));
            QVERIFY2(inl[1] > warm[1] && inl[2] > warm[2], name); // lighter
        }
        model::Profile p;
        const std::vector<model::FrameId> s{p.internFrame("main"),
                                            p.internFrame("inl", {}, {}, 0, model::FrameKind::Native, true)};
        p.addSample(0, p.internThread(1, 1), p.stacks.internPath(s), 1);
        QCOMPARE(find(svgFrames(exportWith(SvgExporter(), p)), QStringLiteral("inl"))->classes, QStringLiteral("f i"));
    }

    void svgFitText_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<double>("width");
        QTest::addColumn<QString>("expected");
        QTest::newRow("fits") << "main" << 40.0 << "main";          // 4 chars need 28.8 + 6
        QTest::newRow("cut") << "hot_function" << 50.0 << "hot_.."; // 6 chars fit: 4 + ".."
        QTest::newRow("too narrow") << "main" << 27.0 << "";        // fewer than 3 chars fit
        QTest::newRow("utf-8 cut") << QStringLiteral("äöüäöüäöü") << 50.0 << QStringLiteral("äöüä..");
    }
    void svgFitText()
    {
        QFETCH(QString, name);
        QFETCH(double, width);
        QFETCH(QString, expected);
        QCOMPARE(q(formats::SvgExporter::fitText(name.toStdString(), width)), expected);
    }

    void svgSizeDependsOnTreeNotSamples()
    {
        // A million samples on three stacks, plus one stack too thin to draw (< 0.1 px).
        const auto build = [](int repeat) {
            model::Profile p;
            const auto t = p.internThread(1, 1);
            const auto main = p.internFrame("main");
            const std::vector<model::FrameId> a{main, p.internFrame("a")}, b{main, p.internFrame("b")},
                c{main, p.internFrame("c")}, thin{main, p.internFrame("thin")};
            const model::StackId stacks[] = {p.stacks.internPath(a), p.stacks.internPath(b), p.stacks.internPath(c)};
            for (int i = 0; i < repeat; ++i)
                p.addSample(i, t, stacks[i % 3], 1);
            p.addSample(repeat, t, p.stacks.internPath(thin), 1);
            return p;
        };
        const auto big = exportWith(formats::SvgExporter(), build(999999));
        const auto small = exportWith(formats::SvgExporter(), build(3));
        const auto bigFrames = svgFrames(big);
        QCOMPARE(bigFrames.size(), 5); // all, main, a, b, c: "thin" is 1 of 1,000,000
        QVERIFY(!find(bigFrames, QStringLiteral("thin")));
        QCOMPARE(find(bigFrames, QStringLiteral("main"))->weight, 1000000); // but it stays in the total
        QCOMPARE(svgFrames(small).size(), 6);                               // 1 of 4 is drawn
        QVERIFY2(big.size() < small.size() + 1024, qPrintable(QString::number(big.size())));
        QVERIFY(big.size() < 32 * 1024);
    }

    void svgEmpty()
    {
        const auto svg = exportWith(formats::SvgExporter(), model::Profile());
        QString error;
        QVERIFY(svgFrames(svg, &error).isEmpty());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(svg.find("No samples") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestExporters)
#include "tst_exporters.moc"
