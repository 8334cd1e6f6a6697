// SPDX-License-Identifier: GPL-3.0-or-later
// CallgrindImporter on profiles real valgrind writes (busywork: fixed work, known
// shape; deeprecurse: recursion; one run with every option that changes the file:
// --dump-instr, --collect-jumps, cache and branch simulation), checked function by
// function against callgrind_annotate, plus small hand-written files for each format
// feature and bad input.
#include "engine/importertesthelpers.h"
#include "formats/callgrindimporter.h"
#include "formats/callgrindparser.h"
#include "formats/formatregistry.h"

#include <QDir>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cmath>
#include <map>
#include <set>

using namespace perfwb;
using namespace perfwb::testing;

namespace {

// What callgrind_annotate printed: the program totals and, per function name (summed
// over the "file:function" entries it splits a function into), the costs per event.
struct Annotated {
    std::vector<std::uint64_t> totals;
    std::map<std::string, std::vector<std::uint64_t>> costs;
    std::map<std::string, int> entries; // "file:function" entries per function name
};

std::vector<std::uint64_t> parseCosts(const QString &line, QString &rest)
{
    // "36,126,326 (100.0%) 27,646 ( 3.30%) . 0  file:function [object]"
    std::vector<std::uint64_t> values;
    static const QRegularExpression cost(QStringLiteral("^\\s*([\\d,]+|\\.)(\\s*\\(\\s*[\\d.]+%\\))?(?=\\s)"));
    QString s = line;
    for (;;) {
        const auto m = cost.match(s);
        if (!m.hasMatch())
            break;
        const auto v = m.captured(1);
        values.push_back(v == QLatin1String(".") ? 0 : QString(v).remove(QLatin1Char(',')).toULongLong());
        s = s.mid(m.capturedLength());
    }
    rest = s.trimmed();
    return values;
}

Annotated annotate(const QString &profile, bool inclusive, const QString &out)
{
    QStringList args{QStringLiteral("--threshold=100"), QStringLiteral("--auto=no")};
    if (inclusive)
        args << QStringLiteral("--inclusive=yes");
    args << profile;
    run(QStringLiteral("callgrind_annotate"), args, out);
    Annotated a;
    QFile f(out);
    if (!f.open(QIODevice::ReadOnly))
        return a;
    static const QRegularExpression object(QStringLiteral("^(.*) \\[(/[^\\]]*|\\?\\?\\?)\\]$"));
    bool inFunctions = false;
    while (!f.atEnd()) {
        const auto line = QString::fromUtf8(f.readLine()).trimmed();
        if (line.endsWith(QLatin1String("file:function"))) {
            inFunctions = true;
            continue;
        }
        if (line.isEmpty() || line.startsWith(QLatin1String("---")))
            continue;
        QString rest;
        const auto values = parseCosts(line, rest);
        if (values.empty())
            continue;
        if (rest == QLatin1String("PROGRAM TOTALS")) {
            a.totals = values;
            continue;
        }
        if (!inFunctions)
            continue;
        if (const auto m = object.match(rest); m.hasMatch())
            rest = m.captured(1);
        const auto colon = rest.indexOf(QLatin1Char(':'));
        const auto name = rest.mid(colon + 1).toStdString();
        auto &sum = a.costs[name];
        sum.resize(values.size(), 0);
        for (std::size_t i = 0; i < values.size(); ++i)
            sum[i] += values[i];
        ++a.entries[name];
    }
    return a;
}

double cost(const model::Profile &p, model::FrameId f, const std::string &column)
{
    const auto c = p.functionCosts.findColumn(column);
    if (!c)
        return std::nan("");
    return p.functionCosts.value(f, *c).value_or(std::nan(""));
}

std::vector<std::string> events(const model::Profile &p)
{
    std::vector<std::string> out;
    QString names = QString::fromStdString(p.meta.extra.at("callgrind.events"));
    for (const auto &e : names.split(QLatin1Char(' ')))
        out.push_back(e.toStdString());
    return out;
}

model::Profile load(const std::string &text)
{
    model::Profile p;
    const auto st = formats::CallgrindImporter().parse(text, p);
    if (!st)
        qWarning("%s", st.message().c_str());
    return p;
}

// The frame of a function as CallgrindParser read it: name, object's base name, file.
model::FrameId frameFor(const model::Profile &p, const formats::CallgrindData::Function &fn)
{
    const auto slash = fn.object.rfind('/');
    const auto module = slash == std::string_view::npos ? fn.object : fn.object.substr(slash + 1);
    const auto file = fn.file == "???" ? std::string_view() : fn.file;
    for (model::FrameId f = 0; f < p.frames.size(); ++f) {
        if (p.functionName(f) == fn.name && p.moduleName(f) == module && p.strings.view(p.frames.at(f).file) == file)
            return f;
    }
    return std::numeric_limits<model::FrameId>::max();
}

model::FrameId frameNamed(const model::Profile &p, std::string_view name)
{
    for (model::FrameId f = 0; f < p.frames.size(); ++f) {
        if (p.functionName(f) == name)
            return f;
    }
    return std::numeric_limits<model::FrameId>::max();
}

} // namespace

class TestCallgrindImporter : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QString path(const QString &name) const { return dir_.filePath(name); }

    void record(const QString &name, const QStringList &options, const QStringList &command)
    {
        QStringList args{QStringLiteral("--tool=callgrind"), QStringLiteral("--callgrind-out-file=") + path(name)};
        run(QStringLiteral("valgrind"), args + options + command);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        // callgrind_annotate strips the working directory from fl= names but not from
        // cfi= names, which splits a function in two: run where no profiled path starts.
        QVERIFY(QDir::setCurrent(dir_.path()));
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("valgrind")).isEmpty(),
                 "valgrind is not installed (packaging/setup.sh installs it)");
        const QString workloads = QStringLiteral(PERFWB_WORKLOAD_DIR);
        record(QStringLiteral("busywork.out"), {}, {workloads + QStringLiteral("/busywork"), QStringLiteral("1")});
        record(QStringLiteral("deeprecurse.out"), {},
               {workloads + QStringLiteral("/deeprecurse"), QStringLiteral("20")});
        record(QStringLiteral("full.out"),
               {QStringLiteral("--dump-instr=yes"), QStringLiteral("--collect-jumps=yes"),
                QStringLiteral("--cache-sim=yes"), QStringLiteral("--branch-sim=yes")},
               {workloads + QStringLiteral("/busywork"), QStringLiteral("1")});
    }

    void matchesAnnotate_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("busywork") << "busywork.out";
        QTest::newRow("deeprecurse (recursion)") << "deeprecurse.out";
        QTest::newRow("instr, jumps, cache and branch events") << "full.out";
    }

    // Totals, and every function's self and inclusive cost of every event, as
    // callgrind_annotate (--inclusive=yes) prints them.
    void matchesAnnotate()
    {
        QFETCH(QString, file);
        model::Profile p;
        const auto st = formats::CallgrindImporter().importFile(path(file).toStdString(), p);
        QVERIFY2(st.isOk(), st.message().c_str());
        const auto self = annotate(path(file), false, path(file + QStringLiteral(".self.txt")));
        const auto incl = annotate(path(file), true, path(file + QStringLiteral(".incl.txt")));
        const auto names = events(p);
        QVERIFY(self.costs.size() > 20);
        QCOMPARE(self.totals.size(), names.size());

        // The summary is annotate's program totals; the self costs add up to the sum of
        // annotate's functions (callgrind's summary may count a few more: costs it could
        // not give to a function).
        std::vector<std::uint64_t> sums(names.size(), 0);
        std::vector<std::uint64_t> annotated(names.size(), 0);
        for (const auto &[name, costs] : self.costs) {
            for (std::size_t e = 0; e < costs.size(); ++e)
                annotated[e] += costs[e];
        }
        std::map<std::string, std::vector<model::FrameId>> byName;
        for (const auto f : p.functionCosts.frames()) {
            byName[std::string(p.functionName(f))].push_back(f);
            for (std::size_t e = 0; e < names.size(); ++e)
                sums[e] += static_cast<std::uint64_t>(cost(p, f, "self " + names[e]));
        }
        QCOMPARE(sums, annotated);
        QVERIFY(std::abs(static_cast<double>(sums[0]) - static_cast<double>(self.totals[0])) <
                1e-4 * static_cast<double>(self.totals[0]));
        QString summary;
        for (const auto v : self.totals)
            summary += (summary.isEmpty() ? "" : " ") + QString::number(v);
        QCOMPARE(QString::fromStdString(p.meta.extra.at("callgrind.summary")), summary);

        std::set<std::string> inclusiveCompared;
        for (const auto &[name, costs] : self.costs) {
            QVERIFY2(byName.count(name), name.c_str());
            for (std::size_t e = 0; e < names.size(); ++e) {
                double mine = 0;
                for (const auto f : byName.at(name))
                    mine += cost(p, f, "self " + names[e]);
                QVERIFY2(mine == static_cast<double>(costs[e]),
                         qPrintable(QStringLiteral("self %1 of %2: %3, annotate %4")
                                        .arg(QString::fromStdString(names[e]), QString::fromStdString(name))
                                        .arg(mine)
                                        .arg(costs[e])));
            }
            // Inclusive where neither side splits the function (annotate splits by the
            // file of inlined code, perfwb keeps functions of equal names in two objects).
            if (incl.entries.count(name) && incl.entries.at(name) == 1 && self.entries.at(name) == 1 &&
                byName.at(name).size() == 1) {
                for (std::size_t e = 0; e < names.size(); ++e) {
                    const double mine = cost(p, byName.at(name).front(), "inclusive " + names[e]);
                    QVERIFY2(mine == static_cast<double>(incl.costs.at(name)[e]),
                             qPrintable(QStringLiteral("inclusive %1 of %2: %3, annotate %4")
                                            .arg(QString::fromStdString(names[e]), QString::fromStdString(name))
                                            .arg(mine)
                                            .arg(incl.costs.at(name)[e])));
                }
                inclusiveCompared.insert(name);
            }
        }
        // ld.so and libc inline much from headers: about two thirds of the functions are
        // compared, and always the workload's own.
        QVERIFY2(inclusiveCompared.size() * 2 > self.costs.size(),
                 qPrintable(QStringLiteral("%1 of %2").arg(inclusiveCompared.size()).arg(self.costs.size())));
        for (const char *name : {"main", "run_rounds", "crunch_a", "crunch_b", "descend", "busy_leaf"}) {
            if (byName.count(name))
                QVERIFY2(inclusiveCompared.count(name), name);
        }
        // Nothing with a cost is missing from annotate's list.
        for (const auto f : p.functionCosts.frames()) {
            if (cost(p, f, "self " + names[0]) > 0)
                QVERIFY2(self.costs.count(std::string(p.functionName(f))), std::string(p.functionName(f)).c_str());
        }
    }

    // The synthesized stacks: self cost of the first event exact per function, every call
    // with a cost visible as caller directly above callee, no function directly above itself.
    void stacks_data() { matchesAnnotate_data(); }
    void stacks()
    {
        QFETCH(QString, file);
        QFile f(path(file));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const auto text = f.readAll().toStdString();
        model::Profile p;
        QVERIFY(formats::CallgrindImporter().parse(text, p).isOk());
        QCOMPARE(std::string(p.meta.weightUnit.name()), std::string("Ir"));
        QCOMPARE(p.meta.sourceFormat, std::string("callgrind"));
        std::map<model::FrameId, std::uint64_t> self;
        std::set<std::pair<model::FrameId, model::FrameId>> shown;
        for (std::size_t i = 0; i < p.samples.size(); ++i) {
            const auto frames = p.stacks.framesLeafFirst(p.samples.stack(i));
            self[frames.front()] += p.samples.weight(i);
            for (std::size_t k = 0; k + 1 < frames.size(); ++k) {
                QVERIFY2(frames[k + 1] != frames[k], "recursion is not cut");
                shown.insert({frames[k + 1], frames[k]});
            }
        }
        std::uint64_t total = 0;
        for (const auto fr : p.functionCosts.frames()) {
            const auto ir = static_cast<std::uint64_t>(cost(p, fr, "self Ir"));
            QCOMPARE(self.count(fr) ? self.at(fr) : 0, ir);
            total += ir;
        }
        QCOMPARE(p.totalWeight(), total);
        auto parsed = formats::CallgrindParser().parse(text);
        QVERIFY(parsed.isOk());
        std::size_t edges = 0;
        for (const auto &e : parsed->edges) {
            if (e.caller == e.callee || e.cost == 0)
                continue;
            const auto caller = frameFor(p, parsed->functions[e.caller]);
            const auto callee = frameFor(p, parsed->functions[e.callee]);
            QVERIFY(caller < p.frames.size() && callee < p.frames.size());
            if (caller == callee)
                continue; // two objects of one base name can make one frame
            QVERIFY2(shown.count({caller, callee}),
                     qPrintable(QStringLiteral("%1 -> %2 in no stack")
                                    .arg(QString::fromUtf8(parsed->functions[e.caller].name))
                                    .arg(QString::fromUtf8(parsed->functions[e.callee].name))));
            ++edges;
        }
        QVERIFY(edges > 20);
    }

    // busywork's known shape: crunch_a and crunch_b below main -> run_rounds, called
    // once each, crunch_a the hotter.
    void shape()
    {
        model::Profile p;
        QVERIFY(formats::CallgrindImporter().importFile(path(QStringLiteral("busywork.out")).toStdString(), p).isOk());
        const auto a = frameNamed(p, "crunch_a");
        const auto b = frameNamed(p, "crunch_b");
        const auto rounds = frameNamed(p, "run_rounds");
        QVERIFY(a < p.frames.size() && b < p.frames.size() && rounds < p.frames.size());
        QCOMPARE(p.moduleName(a), std::string_view("busywork"));
        QVERIFY(p.strings.view(p.frames.at(a).file).ends_with("tests/workloads/busywork.c"));
        QVERIFY(p.frames.at(a).line > 0);
        QCOMPARE(cost(p, a, "calls"), 1.0);
        QCOMPARE(cost(p, b, "calls"), 1.0);
        QVERIFY(cost(p, a, "self Ir") > cost(p, b, "self Ir"));
        QVERIFY(cost(p, a, "self Ir") + cost(p, b, "self Ir") > 0.95 * static_cast<double>(p.totalWeight()));
        QCOMPARE(cost(p, rounds, "inclusive Ir"),
                 cost(p, rounds, "self Ir") + cost(p, a, "inclusive Ir") + cost(p, b, "inclusive Ir"));
        // all of crunch_a's samples sit in main -> run_rounds -> crunch_a
        const auto mainFrame = frameNamed(p, "main");
        for (std::size_t i = 0; i < p.samples.size(); ++i) {
            const auto frames = p.stacks.framesLeafFirst(p.samples.stack(i));
            if (frames.front() == a) {
                QVERIFY(frames.size() >= 3);
                QCOMPARE(frames[1], rounds);
                QCOMPARE(frames[2], mainFrame);
            }
        }
        QCOMPARE(p.threads().size(), std::size_t(1));
        QCOMPARE(p.strings.view(p.thread(0).name), std::string_view("busywork"));
        QVERIFY(p.meta.commandLine.size() == 2 && p.meta.commandLine[1] == "1");
        const auto found = formats::FormatRegistry::sniff(path(QStringLiteral("busywork.out")).toStdString());
        QVERIFY(found.isOk());
        QCOMPARE(found.value()->format(), std::string_view("callgrind"));
    }

    void handWritten_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("stacks");
        // "function:self Ir/inclusive Ir/calls" for the functions to check, space separated.
        QTest::addColumn<QString>("costs");
        QTest::newRow("name compression, two events, zero-compressed lines")
            << QByteArray("# callgrind format\nversion: 1\ncreator: hand\npid: 42\ncmd: ./app --input x\n"
                          "positions: line\nevents: Ir Dr\nsummary: 1000 30\n\n"
                          "ob=(1) /usr/bin/app\nfl=(1) app.c\nfn=(1) main\n10 100 10\n"
                          "cfn=(2) work\ncalls=2 20\n11 800 20\n"
                          "fn=(2)\n20 500\n21 300\n")
            << "app`main=100 app`main;app`work=800"
            << "main:100/900/0 work:800/800/2";
        QTest::newRow("instr and line positions, relative and hex")
            << QByteArray("events: Ir\npositions: instr line\nfl=f.c\nfn=f\n0x10 20 1\n+2 +1 2\n+1 -3 4\n* * 8\n"
                          "-3 +100 16\n")
            << "f=31"
            << "f:31/31/0";
        QTest::newRow("cob, cfi and inlined code (fi, fe)")
            << QByteArray("events: Ir\nob=(1) /bin/app\nfl=(1) main.c\nfn=(1) main\n1 1\n"
                          "fi=(2) inline.h\n5 2\ncfn=(2) helper\ncalls=3 7\n6 30\nfe=(1)\n2 4\n"
                          "cob=(2) /lib/libc.so.6\ncfi=(3) ???\ncfn=(3) memcpy\ncalls=1 0\n3 50\n"
                          "fl=(2)\nfn=(2)\n7 30\n"
                          "ob=(2)\nfl=(3)\nfn=(3)\n0 50\n")
            << "app`main=7 app`main;app`helper=30 app`main;libc.so.6`memcpy=50"
            << "main:7/87/0 helper:30/30/3 memcpy:50/50/1";
        QTest::newRow("recursion is cut, counted per level like annotate")
            << QByteArray("events: Ir\nfl=r.c\nfn=main\n1 1\ncfn=f\ncalls=1 5\n2 100\n"
                          "fn=f\n5 40\ncfn=f\ncalls=1 5\n6 60\ncfn=g\ncalls=2 9\n7 20\nfn=g\n9 20\n")
            << "main=1 main;f=40 main;f;g=20"
            << "main:1/101/0 f:40/160/2 g:20/20/2";
        QTest::newRow("jump lines change nothing")
            << QByteArray("events: Ir\npositions: instr\nfn=j\n0x100 3\njump=2 +4\n+2\njcnd=1/2 +8\n*\n+1 2\n") << "j=5"
            << "j:5/5/0";
        QTest::newRow("cachegrind file: no calls, no objects")
            << QByteArray("desc: I1 cache: 32768 B\ncmd: ./x\nevents: Ir I1mr\nfl=x.c\nfn=x\n1 5 1\n2 5\n"
                          "fn=y\n3 1\nsummary: 11 1\n")
            << "x=10 y=1"
            << "x:10/10/0 y:1/1/0";
        QTest::newRow("comments, blank lines, CRLF, unknown keys")
            << QByteArray("# a comment\r\nevents: Ir\r\nthread: 2\r\nnewheader: x\r\n\r\nfn=a\r\n# more\r\n1 3\r\n"
                          "ln=4\r\nbb=0x10\r\n")
            << "a=3"
            << "a:3/3/0";
    }

    void handWritten()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, stacks);
        QFETCH(QString, costs);
        model::Profile p;
        const auto st = formats::CallgrindImporter().parse(input.toStdString(), p);
        QVERIFY2(st.isOk(), st.message().c_str());
        QCOMPARE(stacksText(p), stacks);
        for (const auto &item : costs.split(QLatin1Char(' '))) {
            const auto colon = item.lastIndexOf(QLatin1Char(':'));
            const auto name = item.left(colon).toStdString();
            const auto v = item.mid(colon + 1).split(QLatin1Char('/'));
            const auto f = frameNamed(p, name);
            QVERIFY2(f < p.frames.size(), name.c_str());
            QCOMPARE(cost(p, f, "self Ir"), v[0].toDouble());
            QCOMPARE(cost(p, f, "inclusive Ir"), v[1].toDouble());
            QCOMPARE(cost(p, f, "calls"), v[2].toDouble());
        }
    }

    void handWrittenDetails()
    {
        const auto p = load("# callgrind format\npid: 42\ncmd: ./app --token=hunter2 x\npositions: line\n"
                            "events: Ir Dr\nsummary: 1000 30\nob=(1) /usr/bin/app\nfl=(1) src/app.c\n"
                            "fn=(1) main\n12 100 10\n10 1\n");
        const auto main = frameNamed(p, "main");
        QVERIFY(main < p.frames.size());
        QCOMPARE(p.strings.view(p.frames.at(main).file), std::string_view("src/app.c"));
        QCOMPARE(p.frames.at(main).line, 10u);
        QCOMPARE(cost(p, main, "self Dr"), 10.0);
        QCOMPARE(cost(p, main, "inclusive Dr"), 10.0);
        QCOMPARE(p.meta.sampler.event, std::string("Ir"));
        QCOMPARE(p.meta.extra.at("callgrind.summary"), std::string("1000 30"));
        QCOMPARE(p.meta.extra.at("callgrind.events"), std::string("Ir Dr"));
        QCOMPARE(p.thread(0).pid, 42);
        QCOMPARE(p.strings.view(p.thread(0).name), std::string_view("app"));
        QCOMPARE(p.meta.commandLine.size(), std::size_t(3));
        QCOMPARE(p.meta.commandLine[1], std::string("--token=<redacted>"));
        // columns: self and inclusive per event, then calls
        QStringList columns;
        for (const auto &c : p.functionCosts.columns())
            columns << QString::fromStdString(c.name + "|" + c.unit);
        QCOMPARE(columns.join(QLatin1Char(' ')),
                 QStringLiteral("self Ir|count inclusive Ir|count self Dr|count inclusive Dr|count calls|count"));
        // No summary line: the sum of the self costs.
        const auto q = load("events: Ir\nfn=a\n1 3\nfn=b\n1 4\n");
        QCOMPARE(q.meta.extra.at("callgrind.summary"), std::string("7"));
    }

    void sniff_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<int>("score");
        QTest::newRow("callgrind magic") << QByteArray("# callgrind format\nversion: 1\n") << 100;
        QTest::newRow("events and fn") << QByteArray("version: 1\nevents: Ir\nfn=main\n1 2\n") << 90;
        QTest::newRow("cachegrind header only") << QByteArray("desc: x\ncmd: y\nevents: Ir\n") << 50;
        QTest::newRow("folded stacks") << QByteArray("main;a 1\n") << 0;
        QTest::newRow("events: inside a line") << QByteArray("x events: Ir\nfn=a\n") << 0;
        QTest::newRow("binary") << QByteArray("events: Ir\n\0\0", 13) << 0;
    }

    void sniff()
    {
        QFETCH(QByteArray, head);
        QFETCH(int, score);
        QCOMPARE(formats::CallgrindImporter().sniff(std::string_view(head.constData(), head.size())), score);
    }

    void bad_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("error");
        QTest::newRow("empty") << QByteArray() << "no 'events:' line (not a callgrind profile)";
        QTest::newRow("no functions") << QByteArray("events: Ir\n") << "no functions";
        QTest::newRow("cost before fn") << QByteArray("events: Ir\n1 2\n") << "line 2: cost line before any fn=";
        QTest::newRow("calls without cfn")
            << QByteArray("events: Ir\nfn=a\ncalls=1 2\n3 4\n") << "line 3: calls= without a cfn= before it";
        QTest::newRow("calls at the end")
            << QByteArray("events: Ir\nfn=a\ncfn=b\ncalls=1 2\n") << "line 4: the file ends after calls=";
        QTest::newRow("calls without cost line") << QByteArray("events: Ir\nfn=a\ncfn=b\ncalls=1 2\nfn=c\n")
                                                 << "line 5: calls= is not followed by the call's cost line";
        QTest::newRow("calls count not a number")
            << QByteArray("events: Ir\nfn=a\ncfn=b\ncalls=x 2\n") << "line 4: calls= count 'x 2' is not a number";
        QTest::newRow("too many costs") << QByteArray("events: Ir\nfn=a\n1 2 3\n")
                                        << "line 3: cost line has more values than the 1 events";
        QTest::newRow("cost not a number")
            << QByteArray("events: Ir\nfn=a\n1 x\n") << "line 3: cost line value 'x' is not a number";
        QTest::newRow("cost too large")
            << QByteArray("events: Ir\nfn=a\n1 18446744073709551616\n")
            << "line 3: cost line value '18446744073709551616' is not a number (or too large)";
        QTest::newRow("costs add up too much") << QByteArray("events: Ir\nfn=a\n1 18446744073709551615\n2 1\n")
                                               << "line 4: costs add up to more than 2^64";
        QTest::newRow("undefined name id")
            << QByteArray("events: Ir\nfn=(5)\n") << "line 2: name id (5) was never defined";
        QTest::newRow("version 2") << QByteArray("version: 2\nevents: Ir\n")
                                   << "line 1: format version '2' is not supported (only 1)";
        QTest::newRow("body before events")
            << QByteArray("fn=a\nevents: Ir\n") << "line 1: fn= before the events: line";
        QTest::newRow("garbage line") << QByteArray("events: Ir\nhello world\n")
                                      << "line 2: not a callgrind line: 'hello world'";
        QTest::newRow("binary") << QByteArray("\x7f"
                                              "ELF\x02\x01\x01\0\0\0",
                                              10)
                                << "line 1: binary data";
        QTest::newRow("bad position") << QByteArray("events: Ir\nfn=a\n+x 1\n") << "line 3: bad position '+x'";
        QTest::newRow("missing positions") << QByteArray("events: Ir\npositions: instr line\nfn=a\n0x10\n")
                                           << "line 4: cost line '0x10' has fewer than 2 positions";
        QTest::newRow("unknown position kind")
            << QByteArray("positions: column\n") << "line 1: unknown position 'column' (expected instr and/or line)";
        QTest::newRow("too many events") << (QByteArray("events:") + QByteArray(" E").repeated(65) + "\n")
                                         << "line 1: events: names 65 events (at most 64)";
        QTest::newRow("events change") << QByteArray("events: Ir\nfn=a\n1 1\nevents: Dr\n")
                                       << "line 4: events: changes after the first cost lines (not supported)";
        QTest::newRow("bad pid") << QByteArray("pid: -1\n") << "line 1: pid '-1' is not a process id";
    }

    void bad()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, error);
        model::Profile p;
        const auto st = formats::CallgrindImporter().parse(std::string_view(input.constData(), input.size()), p);
        QVERIFY(!st.isOk());
        QVERIFY2(QString::fromStdString(st.message()).contains(error), st.message().c_str());
        QVERIFY(st.message().find('\n') == std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestCallgrindImporter)
#include "tst_callgrindimporter.moc"
