// SPDX-License-Identifier: GPL-3.0-or-later
// PstatsImporter on files the real tools write: `python3 -m cProfile -o` and
// `python3 -m profile -o` on tests/workloads/pstats_shape.py, checked function by
// function against Python's own pstats (tests/engine/pstats_reference.py), plus
// marshal versions 1-4 written by Python's marshal and hand-made bad input.
#include "engine/importertesthelpers.h"
#include "formats/formatregistry.h"
#include "formats/pstatsimporter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <cmath>
#include <map>
#include <set>
#include <tuple>

using namespace perfwb;
using namespace perfwb::testing;

namespace {

const QString kPython = QStringLiteral("/usr/bin/python3");

QString sourcePath(const char *relative)
{
    return QStringLiteral(PERFWB_SOURCE_DIR "/") + QLatin1String(relative);
}

using FunctionKey = std::tuple<std::string, std::uint32_t, std::string>; // file, line, name

// The pstats key of a frame: built-ins have module "~" and no file; a name made unique
// as "name (file:line)" loses that suffix again.
FunctionKey keyOf(const model::Profile &p, model::FrameId f)
{
    const auto &frame = p.frames.at(f);
    std::string file(p.strings.view(frame.file));
    if (file.empty() && p.moduleName(f) == "~")
        file = "~";
    std::string name(p.functionName(f));
    const auto suffix = " (" + file + ":" + std::to_string(frame.line) + ")";
    if (name.size() > suffix.size() && name.ends_with(suffix))
        name.resize(name.size() - suffix.size());
    return {file, frame.line, name};
}

FunctionKey keyOf(const QJsonObject &o)
{
    return {o.value(QStringLiteral("file")).toString().toStdString(),
            static_cast<std::uint32_t>(o.value(QStringLiteral("line")).toInt()),
            o.value(QStringLiteral("name")).toString().toStdString()};
}

std::uint64_t ns(double seconds)
{
    const double v = std::round(seconds * 1e9);
    return v > 0 ? static_cast<std::uint64_t>(v) : 0;
}

struct StackFacts {
    std::map<model::FrameId, std::uint64_t> self;              // sample weight with the frame as leaf
    std::set<std::pair<model::FrameId, model::FrameId>> edges; // caller directly above callee
    std::map<std::pair<model::FrameId, model::FrameId>, std::uint64_t> selfUnder; // callee's self by parent
    std::uint64_t total = 0;
};

StackFacts stackFacts(const model::Profile &p)
{
    StackFacts s;
    for (std::size_t i = 0; i < p.samples.size(); ++i) {
        const auto w = p.samples.weight(i);
        if (w == 0)
            continue;
        const auto frames = p.stacks.framesLeafFirst(p.samples.stack(i));
        s.self[frames.front()] += w;
        s.total += w;
        if (frames.size() > 1)
            s.selfUnder[{frames[1], frames[0]}] += w;
        for (std::size_t k = 0; k + 1 < frames.size(); ++k)
            s.edges.insert({frames[k + 1], frames[k]});
    }
    return s;
}

double cost(const model::Profile &p, model::FrameId f, const char *column)
{
    const auto c = p.functionCosts.findColumn(column);
    if (!c)
        return std::nan("");
    return p.functionCosts.value(f, *c).value_or(std::nan(""));
}

} // namespace

class TestPstatsImporter : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QString path(const QString &name) const { return dir_.filePath(name); }

    static QJsonArray reference(const QString &stats, const QString &json)
    {
        run(kPython, {sourcePath("tests/engine/pstats_reference.py"), QStringLiteral("dump"), stats}, json);
        QFile f(json);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QJsonDocument::fromJson(f.readAll()).array();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        const QString workload = sourcePath("tests/workloads/pstats_shape.py");
        run(kPython, {QStringLiteral("-m"), QStringLiteral("cProfile"), QStringLiteral("-o"),
                      path(QStringLiteral("cprofile.pstats")), workload});
        run(kPython, {QStringLiteral("-m"), QStringLiteral("profile"), QStringLiteral("-o"),
                      path(QStringLiteral("profile.pstats")), workload});
    }

    void matchesPstats_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("cProfile") << "cprofile";
        QTest::newRow("profile (callers are call counts)") << "profile";
    }

    // Every function's nc, cc, tt, ct as pstats reads them; self time from the stacks
    // exact per function; every caller edge with a cost shown, and no edge invented.
    void matchesPstats()
    {
        QFETCH(QString, file);
        const auto stats = path(file + QStringLiteral(".pstats"));
        const auto ref = reference(stats, path(file + QStringLiteral(".json")));
        QVERIFY(ref.size() > 10);
        model::Profile p;
        const auto st = formats::PstatsImporter().importFile(stats.toStdString(), p);
        QVERIFY2(st.isOk(), st.message().c_str());
        QCOMPARE(p.meta.sourceFormat, std::string("pstats"));
        QCOMPARE(std::string(p.meta.weightUnit.name()), std::string("nanoseconds"));
        QCOMPARE(p.functionCosts.frames().size(), std::size_t(ref.size()));

        std::map<FunctionKey, model::FrameId> frames;
        for (model::FrameId f = 0; f < p.frames.size(); ++f)
            QVERIFY2(frames.emplace(keyOf(p, f), f).second, "two frames for one pstats function");
        const auto facts = stackFacts(p);
        std::uint64_t totalSelf = 0;
        std::set<std::pair<model::FrameId, model::FrameId>> refEdges;
        for (const auto &v : ref) {
            const auto o = v.toObject();
            const auto key = keyOf(o);
            const auto what = QStringLiteral("%1:%2(%3)")
                                  .arg(QString::fromStdString(std::get<0>(key)), QString::number(std::get<1>(key)),
                                       QString::fromStdString(std::get<2>(key)));
            QVERIFY2(frames.count(key) == 1, qPrintable(what));
            const auto f = frames.at(key);
            QCOMPARE(p.frames.at(f).kind, model::FrameKind::Python);
            const double tt = o.value(QStringLiteral("tt")).toDouble();
            const double ct = o.value(QStringLiteral("ct")).toDouble();
            QCOMPARE(cost(p, f, "calls"), o.value(QStringLiteral("nc")).toDouble());
            QCOMPARE(cost(p, f, "primitive calls"), o.value(QStringLiteral("cc")).toDouble());
            QVERIFY2(std::abs(cost(p, f, "self time") - tt * 1e9) < 1e-3, qPrintable(what));
            QVERIFY2(std::abs(cost(p, f, "total time") - ct * 1e9) < 1e-3, qPrintable(what));
            const auto self = facts.self.count(f) ? facts.self.at(f) : 0;
            QVERIFY2(self == ns(tt),
                     qPrintable(what +
                                QStringLiteral(": self %1 ns from the stacks, %2 in the file").arg(self).arg(ns(tt))));
            totalSelf += ns(tt);
            for (const auto &c : o.value(QStringLiteral("callers")).toArray()) {
                const auto edge = c.toObject();
                const auto callerKey = keyOf(edge);
                QVERIFY(frames.count(callerKey) == 1);
                const auto caller = frames.at(callerKey);
                refEdges.insert({caller, f});
                const auto edgeCt = edge.value(QStringLiteral("ct"));
                const bool carries =
                    edgeCt.isNull() ? edge.value(QStringLiteral("nc")).toDouble() > 0 : edgeCt.toDouble() > 0;
                if (caller != f && carries)
                    QVERIFY2(facts.edges.count({caller, f}),
                             qPrintable(QStringLiteral("edge %1 -> %2 in no stack")
                                            .arg(QString::fromStdString(std::get<2>(callerKey)), what)));
            }
        }
        QCOMPARE(facts.total, totalSelf);
        QCOMPARE(p.totalWeight(), totalSelf);
        for (const auto &e : facts.edges)
            QVERIFY2(refEdges.count(e), "a stack shows a call the file does not have");
    }

    // The workload's known shape survives: hot() on top, fib()'s recursion counts, and
    // shared()'s self time split over its two callers like their caller edges.
    void shape_data() { matchesPstats_data(); }
    void shape()
    {
        QFETCH(QString, file);
        const auto ref = reference(path(file + QStringLiteral(".pstats")), path(file + QStringLiteral("-s.json")));
        model::Profile p;
        QVERIFY(formats::PstatsImporter().importFile(path(file + QStringLiteral(".pstats")).toStdString(), p).isOk());
        std::map<std::string, model::FrameId> byName;
        for (model::FrameId f = 0; f < p.frames.size(); ++f) {
            if (p.moduleName(f) == "pstats_shape.py")
                byName[std::string(p.functionName(f))] = f;
        }
        for (const char *name : {"hot", "fib", "shared", "alpha", "beta", "work", "main", "<module>"})
            QVERIFY2(byName.count(name), name);
        QCOMPARE(cost(p, byName["fib"], "calls"), 3193.0);
        QCOMPARE(cost(p, byName["fib"], "primitive calls"), 1.0);
        QCOMPARE(cost(p, byName["hot"], "calls"), 40.0);
        QCOMPARE(cost(p, byName["shared"], "calls"), 4.0);
        const auto facts = stackFacts(p);
        if (file == QLatin1String("cprofile")) // the profile module's own overhead swamps fib()
            QVERIFY(facts.self.at(byName["hot"]) * 2 > facts.total);
        // shared()'s self time under alpha vs beta follows their edges' times (or counts).
        double alphaCost = 0, betaCost = 0;
        for (const auto &v : ref) {
            const auto o = v.toObject();
            if (o.value(QStringLiteral("name")).toString() != QLatin1String("shared"))
                continue;
            for (const auto &c : o.value(QStringLiteral("callers")).toArray()) {
                const auto e = c.toObject();
                const double w = e.value(QStringLiteral("ct")).isNull() ? e.value(QStringLiteral("nc")).toDouble()
                                                                        : e.value(QStringLiteral("ct")).toDouble();
                (e.value(QStringLiteral("name")).toString() == QLatin1String("alpha") ? alphaCost : betaCost) += w;
            }
        }
        const double underAlpha = facts.selfUnder.at({byName["alpha"], byName["shared"]});
        const double underBeta = facts.selfUnder.at({byName["beta"], byName["shared"]});
        const double expected = alphaCost / (alphaCost + betaCost);
        QVERIFY2(std::abs(underAlpha / (underAlpha + underBeta) - expected) < 1e-6,
                 qPrintable(QStringLiteral("alpha share %1, edges say %2")
                                .arg(underAlpha / (underAlpha + underBeta))
                                .arg(expected)));
        // The recursion is cut: fib never sits above itself.
        QVERIFY(!facts.edges.count({byName["fib"], byName["fib"]}));
    }

    void sniff()
    {
        for (const char *name : {"cprofile.pstats", "profile.pstats"}) {
            const auto found = formats::FormatRegistry::sniff(path(QLatin1String(name)).toStdString());
            QVERIFY2(found.isOk(), found.isOk() ? "" : found.message().c_str());
            QCOMPARE(found.value()->format(), std::string_view("pstats"));
        }
        QCOMPARE(formats::PstatsImporter().sniff("main;a 1\n"), 0);
        QCOMPARE(formats::PstatsImporter().sniff("{\"shared\":{}}"), 0);
    }

    // marshal versions 1-4 written by Python itself: text and binary floats, tuples and
    // small tuples, str / short ascii / interned strings, back-references, a long.
    void marshalVersions_data()
    {
        QTest::addColumn<int>("version");
        QTest::addColumn<bool>("counts");
        for (int v = 1; v <= 4; ++v) {
            QTest::addRow("version %d", v) << v << false;
            QTest::addRow("version %d, callers as counts", v) << v << true;
        }
    }

    void marshalVersions()
    {
        QFETCH(int, version);
        QFETCH(bool, counts);
        const auto file = path(QStringLiteral("m%1%2.pstats").arg(version).arg(counts ? "c" : ""));
        QStringList args{sourcePath("tests/engine/pstats_reference.py"), QStringLiteral("write"), file,
                         QString::number(version)};
        if (counts)
            args << QStringLiteral("counts");
        run(kPython, args);
        const auto found = formats::FormatRegistry::sniff(file.toStdString());
        QVERIFY2(found.isOk(), found.isOk() ? "" : found.message().c_str());
        QCOMPARE(found.value()->format(), std::string_view("pstats"));
        model::Profile p;
        const auto st = formats::PstatsImporter().importFile(file.toStdString(), p);
        QVERIFY2(st.isOk(), st.message().c_str());
        QCOMPARE(stacksText(p), QStringLiteral("app.py`main=250000000 app.py`main;app.py`work=500000000 "
                                               "app.py`main;app.py`work;~`<built-in method builtins.len>=250000000"));
        for (model::FrameId f = 0; f < p.frames.size(); ++f) {
            if (p.moduleName(f) == "~") {
                QCOMPARE(cost(p, f, "calls"), 1099511627776.0); // 2^40: a marshal long
                QCOMPARE(p.strings.view(p.frames.at(f).file), std::string_view());
            } else {
                QCOMPARE(p.strings.view(p.frames.at(f).file), std::string_view("/srv/app.py"));
            }
        }
        QCOMPARE(p.meta.durationNs, std::int64_t(1000000000));
    }

    // Files other Python versions wrote from pstats_shape.py (tests/data/pstats/): the
    // profile module's key holds a code object, whose layout differs per version.
    void otherPythonVersions_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<qulonglong>("total"); // sum of tt in ns, from that version's pstats
        QTest::addColumn<int>("functions");
        QTest::newRow("profile, Python 3.7") << "pstats/profile-py37.pstats" << 33034702ULL << 17;
        QTest::newRow("profile, Python 3.10") << "pstats/profile-py310.pstats" << 36313099ULL << 17;
        QTest::newRow("cProfile, Python 3.13") << "pstats/cprofile-py313.pstats" << 18747670ULL << 15;
    }

    void otherPythonVersions()
    {
        QFETCH(QString, file);
        QFETCH(qulonglong, total);
        QFETCH(int, functions);
        model::Profile p;
        const auto st = formats::PstatsImporter().importFile(sdata(qPrintable(file)), p);
        QVERIFY2(st.isOk(), st.message().c_str());
        QCOMPARE(p.totalWeight(), std::uint64_t(total));
        QCOMPARE(p.functionCosts.frames().size(), std::size_t(functions));
        bool fib = false;
        for (model::FrameId f = 0; f < p.frames.size(); ++f) {
            if (p.functionName(f) == "fib") {
                QCOMPARE(cost(p, f, "calls"), 3193.0);
                fib = true;
            }
        }
        QVERIFY(fib);
    }

    void bad_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("error");
        const auto b = [](const char *s, int n) { return QByteArray(s, n); };
        QTest::newRow("empty") << QByteArray() << "offset 0: data ends inside a value";
        QTest::newRow("truncated string") << b("{)\x03u\x10\0\0\0/sr", 11) << "offset 3: string of 16 bytes but only 3";
        QTest::newRow("truncated dict") << b("{)\x03z\x01"
                                             "aiCOJKz\x01"
                                             "f(\x04\0\0\0i\0\0\0\0",
                                             24)
                                        << "offset 24: data ends inside a value";
        QTest::newRow("top is a list") << b("[\0\0\0\0", 5) << "offset 0: the top object is a list, not a dict";
        QTest::newRow("top is an int") << b("i\x01\0\0\0", 5) << "offset 0: the top object is an int, not a dict";
        QTest::newRow("no functions") << QByteArray("{0") << "offset 0: no functions in the stats";
        QTest::newRow("reference not read yet")
            << b("{)\x03r\x05\0\0\0", 8) << "offset 3: back-reference 5 to an object not read yet (0 so far)";
        QTest::newRow("reference into itself")
            << b("\xfb\x72\0\0\0\0", 6) << "offset 1: back-reference 0 to an object that contains it";
        QTest::newRow("huge string length")
            << b("{)\x03u\xff\xff\xff\x7f", 8) << "offset 3: string of 2147483647 bytes but only 0 left";
        QTest::newRow("huge tuple count")
            << b("{(\xff\xff\xff\x7f", 6) << "offset 1: sequence of 2147483647 items but only 0 bytes left";
        QTest::newRow("negative length") << b("{u\xff\xff\xff\xff", 6) << "offset 1: negative string length -1";
        QTest::newRow("huge long") << b("{l\xff\xff\xff\x7f\x01\0", 8) << "offset 1: int of 2147483647 digits";
        QTest::newRow("nested too deep") << QByteArray(")\x01").repeated(100)
                                         << "values nested more than 64 levels deep";
        QTest::newRow("truncated code object") << QByteArray("c") << "offset 0: data ends inside a code object";
        QTest::newRow("not a code object")
            << QByteArray("c").append(30, '\x01') << "offset 0: a code object of a layout no Python version writes";
        QTest::newRow("unknown type") << b("{\x01", 2) << "offset 1: unknown marshal type byte 0x01";
        QTest::newRow("key not a tuple") << b("{i\x01\0\0\0N0", 8)
                                         << "offset 1: function key is not a (file, line, name)";
        QTest::newRow("stats not a tuple") << b("{)\x03z\x01"
                                                "ai\x01\0\0\0z\x01"
                                                "fN0",
                                                16)
                                           << "offset 14: stats of f are not a (cc, nc, tt, ct, callers) tuple";
        QTest::newRow("negative call count") << b("{)\x03z\x01"
                                                  "ai\x01\0\0\0z\x01"
                                                  "f)\x05i\xff\xff\xff\xffi\0\0\0\0i\0\0\0\0i\0\0\0\0{00",
                                                  39)
                                             << "offset 16: primitive call count -1 out of range";
        QTest::newRow("time not a number") << b("{)\x03z\x01"
                                                "ai\x01\0\0\0z\x01"
                                                "f)\x05i\0\0\0\0i\0\0\0\0Ni\0\0\0\0{00",
                                                35)
                                           << "offset 26: self time is None, not a number";
        QTest::newRow("callers not a dict") << b("{)\x03z\x01"
                                                 "ai\x01\0\0\0z\x01"
                                                 "f)\x05i\0\0\0\0i\0\0\0\0i\0\0\0\0i\0\0\0\0N0",
                                                 38)
                                            << "offset 36: callers of f is None, not a dict";
        QTest::newRow("function twice") << b("\xfb\xa9\x03z\x01"
                                             "ai\x01\0\0\0z\x01"
                                             "f)\x04i\0\0\0\0i\0\0\0\0i\0\0\0\0i\0\0\0\0"
                                             "r\x01\0\0\0)\x04i\0\0\0\0i\0\0\0\0i\0\0\0\0i\0\0\0\0"
                                             "0",
                                             64)
                                        << "offset 41: function f (a:1) appears twice";
    }

    void bad()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, error);
        model::Profile p;
        const auto st = formats::PstatsImporter().parse(std::string_view(input.constData(), input.size()), p);
        QVERIFY(!st.isOk());
        QVERIFY2(QString::fromStdString(st.message()).contains(error), st.message().c_str());
        QVERIFY(st.message().find('\n') == std::string::npos);
    }

    // Cut anywhere, a real file is an error naming an offset, never a crash.
    void truncatedEverywhere()
    {
        QFile f(path(QStringLiteral("cprofile.pstats")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const auto bytes = f.readAll();
        for (qsizetype n = 0; n < bytes.size(); ++n) {
            model::Profile p;
            const auto st = formats::PstatsImporter().parse(std::string_view(bytes.constData(), n), p);
            QVERIFY2(!st.isOk() && st.message().starts_with("offset "), qPrintable(QString::number(n)));
        }
    }
};

QTEST_GUILESS_MAIN(TestPstatsImporter)
#include "tst_pstatsimporter.moc"
