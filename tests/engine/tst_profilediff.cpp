// SPDX-License-Identifier: GPL-3.0-or-later
// ProfileDiff semantics on small profiles built in code, where every expected number can
// be worked out by hand: matching by name + module (never by frame id), shares of each
// run's total, the noise guard, the verdict rules of docs/compare.md, and both shapes of
// the differential tree (frames that vanished stay visible in the reverse tree), and the
// allocation metrics (known only for runs with an allocation table) in every rendering.
#include "analysis/profilediff.h"
#include "formats/diffhtmlwriter.h"
#include "formats/diffsvgwriter.h"
#include "formats/difftext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

using namespace perfwb;
using analysis::DiffMode;
using analysis::DiffVerdict;
using analysis::ProfileDiff;

namespace {

struct Spec {
    std::vector<std::string> stack; // root first, "name@module"
    int count;
};

model::Profile make(const std::vector<Spec> &specs, int frequencyHz = 1000, bool reverseInterning = false)
{
    model::Profile p;
    p.meta.sampler.frequencyHz = frequencyHz;
    const auto t = p.internThread(1, 1, "main");
    if (reverseInterning) // different frame ids for the same functions: ids must not matter
        p.internFrame("padding", "other");
    std::int64_t time = 0;
    for (const auto &s : specs) {
        std::vector<model::FrameId> frames;
        for (const auto &f : s.stack) {
            const auto at = f.find('@');
            frames.push_back(p.internFrame(f.substr(0, at), f.substr(at + 1)));
        }
        const auto stack = p.stacks.internPath(frames);
        for (int i = 0; i < s.count; ++i)
            p.addSample(time += 1000000, t, stack);
    }
    return p;
}

// Allocation totals as the tracker's reader leaves them (one row, so the table is not empty).
void addAllocations(model::Profile &p, std::uint64_t calls, std::uint64_t bytes, std::uint64_t leaked)
{
    auto &row = p.allocations.row(p.stacks.intern(0, p.internFrame("alloc", "app")));
    row.calls = calls;
    row.bytes = bytes;
    row.leakedBytes = leaked;
    p.allocations.totals = row;
}

// The JSON object of `name` in a metrics array (DiffText::json or the HTML page's data).
QJsonObject metricJson(const QJsonArray &metrics, const QString &name)
{
    for (const auto &v : metrics) {
        if (v.toObject().value(QStringLiteral("name")).toString() == name)
            return v.toObject();
    }
    return {};
}

const ProfileDiff::Function *find(const ProfileDiff &d, const std::string &name, const std::string &module)
{
    for (const auto &f : d.functions()) {
        if (f.name == name && f.module == module)
            return &f;
    }
    return nullptr;
}

// The forward-tree node of main -> `name`.
const ProfileDiff::Node *nodeOf(const ProfileDiff &d, const std::string &name)
{
    for (const auto &n : d.forwardTree()) {
        if (n.function < d.functions().size() && d.functions()[n.function].name == name)
            return &n;
    }
    return nullptr;
}

// The page's JSON data of a DiffHtmlWriter page.
QJsonObject htmlData(const std::string &html)
{
    const std::string open = "id=\"perfwb-data\">";
    const auto from = html.find(open);
    if (from == std::string::npos)
        return {};
    const auto to = html.find("</script>", from);
    return QJsonDocument::fromJson(QByteArray::fromStdString(html.substr(from + open.size(), to - from - open.size())))
        .object();
}

} // namespace

class TestProfileDiff : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sharesAndMatching()
    {
        const auto base = make({{{"main@app", "hot@app"}, 500}, {{"main@app", "steady@app"}, 500}});
        const auto next = make({{{"main@app", "steady@app"}, 500}, {{"main@app", "hot@app"}, 1000}}, 1000, true);
        // Share semantics (absolute mode is the default at equal rates: modes_ below).
        const auto d = ProfileDiff::compute(base, next, {}, DiffMode::Share);
        QCOMPARE(d.totalBefore(), 1000U);
        QCOMPARE(d.totalAfter(), 1500U);
        const auto *hot = find(d, "hot", "app");
        QVERIFY(hot != nullptr);
        QCOMPARE(hot->selfBefore, 500U);
        QCOMPARE(hot->selfAfter, 1000U);
        QCOMPARE(hot->selfShareBefore, 0.5);
        QVERIFY(std::abs(hot->selfShareAfter - 2.0 / 3) < 1e-12);
        QVERIFY(std::abs(hot->selfDeltaPoints() - 100.0 / 6) < 1e-9);
        QVERIFY(std::abs(hot->selfRelativePct() - 100.0 / 3) < 1e-9);
        QVERIFY(hot->significant);
        QCOMPARE(hot->verdict, DiffVerdict::Fail);
        QCOMPARE(&d.functions().front(), hot);                          // regressions first
        QCOMPARE(find(d, "steady", "app")->verdict, DiffVerdict::Pass); // got faster
        QCOMPARE(find(d, "main", "app")->totalShareAfter, 1.0);
        // CPU time: 1000 vs 1500 samples at 1 kHz.
        QCOMPARE(d.totalTime().name, std::string("CPU time"));
        QCOMPARE(d.totalTime().before, 1e9);
        QCOMPARE(d.totalTime().after, 1.5e9);
        QCOMPARE(d.totalVerdict(), DiffVerdict::Fail);
        QCOMPARE(d.verdict(), DiffVerdict::Fail);
    }

    void sameNameOtherModuleIsAnotherFunction()
    {
        const auto base = make({{{"main@app", "f@liba"}, 100}});
        const auto next = make({{{"main@app", "f@libb"}, 100}});
        const auto d = ProfileDiff::compute(base, next);
        QCOMPARE(find(d, "f", "liba")->selfShareAfter, 0.0);
        QCOMPARE(find(d, "f", "libb")->selfShareBefore, 0.0);
        QVERIFY(std::isinf(find(d, "f", "libb")->selfRelativePct()));
        QCOMPARE(find(d, "f", "libb")->verdict, DiffVerdict::Fail); // new and above min-share
    }

    void verdictThresholds_data()
    {
        QTest::addColumn<int>("hotAfter"); // of 10000 samples, base 1000 (10 %)
        QTest::addColumn<int>("verdict");
        QTest::newRow("+5 %") << 1050 << int(DiffVerdict::Pass);
        QTest::newRow("+15 %") << 1150 << int(DiffVerdict::Warn);
        QTest::newRow("+25 %") << 1250 << int(DiffVerdict::Fail);
        QTest::newRow("-30 %") << 700 << int(DiffVerdict::Pass);
    }
    void verdictThresholds()
    {
        QFETCH(int, hotAfter);
        QFETCH(int, verdict);
        const auto base = make({{{"main@app", "hot@app"}, 1000}, {{"main@app", "rest@app"}, 9000}});
        const auto next = make({{{"main@app", "hot@app"}, hotAfter}, {{"main@app", "rest@app"}, 10000 - hotAfter}});
        const auto d = ProfileDiff::compute(base, next);
        QCOMPARE(int(find(d, "hot", "app")->verdict), verdict);
        QCOMPARE(d.totalVerdict(), DiffVerdict::Pass); // same total time
        QCOMPARE(int(d.verdict()), verdict);
    }

    void minShareAndNoise()
    {
        // tiny: 0.5 % -> 0.9 % (+80 %) but below min-share 1 % in both runs: never counts.
        // noisy: 2.0 % -> 2.3 % of 1000 samples (+15 %) is within sampling noise.
        const auto base =
            make({{{"main@app", "tiny@app"}, 5}, {{"main@app", "noisy@app"}, 20}, {{"main@app", "rest@app"}, 975}});
        const auto next =
            make({{{"main@app", "tiny@app"}, 9}, {{"main@app", "noisy@app"}, 23}, {{"main@app", "rest@app"}, 968}});
        const auto d = ProfileDiff::compute(base, next);
        QVERIFY(!find(d, "tiny", "app")->considered);
        QCOMPARE(find(d, "tiny", "app")->verdict, DiffVerdict::Pass);
        QVERIFY(find(d, "noisy", "app")->considered);
        QVERIFY(!find(d, "noisy", "app")->significant);
        QCOMPARE(d.verdict(), DiffVerdict::Pass);
        // With a lower min-share, tiny is considered (and still noise at 5 vs 9 samples).
        analysis::DiffThresholds t;
        t.minSharePct = 0.1;
        QVERIFY(find(ProfileDiff::compute(base, next, t), "tiny", "app")->considered);
    }

    void treesBothShapes()
    {
        const auto base = make({{{"main@app", "old@app", "leaf@app"}, 300}, {{"main@app", "keep@app"}, 700}});
        const auto next = make({{{"main@app", "keep@app"}, 500}, {{"main@app", "added@app"}, 500}});
        const auto d = ProfileDiff::compute(base, next);
        const auto names = [&](const std::vector<ProfileDiff::Node> &tree) {
            std::map<std::string, const ProfileDiff::Node *> m;
            for (std::size_t i = 1; i < tree.size(); ++i) {
                std::string path;
                for (auto n = static_cast<std::uint32_t>(i); n != 0; n = tree[n].parent)
                    path = d.functions()[tree[n].function].name + (path.empty() ? "" : "/" + path);
                m[path] = &tree[i];
            }
            return m;
        };
        const auto fwd = names(d.forwardTree());
        QVERIFY(fwd.count("main/old") == 0); // vanished: not in the new run's shape...
        QCOMPARE(fwd.at("main/added")->shareBefore, 0.0);
        QCOMPARE(fwd.at("main/added")->shareAfter, 0.5);
        QCOMPARE(fwd.at("main/keep")->shareBefore, 0.7);
        QCOMPARE(fwd.at("main/keep")->shareAfter, 0.5);
        QCOMPARE(fwd.at("main")->depth, 1U);
        const auto rev = names(d.reverseTree());
        QVERIFY(rev.count("main/added") == 0);
        QCOMPARE(rev.at("main/old/leaf")->shareBefore, 0.3); // ...but in the base run's
        QCOMPARE(rev.at("main/old/leaf")->shareAfter, 0.0);
        QCOMPARE(rev.at("main/old/leaf")->before, 300U);
        QCOMPARE(rev.at("main/keep")->after, 500U);
    }

    void pathMatchingNotJustName()
    {
        // leaf under a in the base, under b in the new run: different nodes.
        const auto base = make({{{"main@app", "a@app", "leaf@app"}, 100}});
        const auto next = make({{{"main@app", "b@app", "leaf@app"}, 100}});
        const auto d = ProfileDiff::compute(base, next);
        for (std::size_t i = 1; i < d.forwardTree().size(); ++i) {
            const auto &n = d.forwardTree()[i];
            if (d.functions()[n.function].name == "leaf")
                QCOMPARE(n.shareBefore, 0.0);
        }
        QCOMPARE(find(d, "leaf", "app")->selfShareBefore, 1.0); // the flat table still matches it
        QCOMPARE(find(d, "leaf", "app")->verdict, DiffVerdict::Pass);
    }

    void allocationMetrics_data()
    {
        QTest::addColumn<bool>("baseAlloc");
        QTest::addColumn<bool>("newAlloc");
        QTest::newRow("both alloc") << true << true;
        QTest::newRow("only base") << true << false;
        QTest::newRow("only new") << false << true;
        QTest::newRow("neither") << false << false;
    }
    // Base: 1000 allocations, 64000 bytes, 100 leaked; new: 3000, 256000, 0. Allocations
    // never move the verdict: same samples in both runs, so it passes even at 3x.
    void allocationMetrics()
    {
        QFETCH(bool, baseAlloc);
        QFETCH(bool, newAlloc);
        auto base = make({{{"main@app", "work@app"}, 1000}});
        auto next = make({{{"main@app", "work@app"}, 1000}});
        if (baseAlloc)
            addAllocations(base, 1000, 64000, 100);
        if (newAlloc)
            addAllocations(next, 3000, 256000, 0);
        const auto d = ProfileDiff::compute(base, next);
        QCOMPARE(d.verdict(), DiffVerdict::Pass);
        QCOMPARE(d.totalTime().name, std::string("CPU time"));

        struct Expect {
            const char *name;
            const char *unit;
            double before, after;
        };
        for (const Expect &e :
             {Expect{"allocations", "count", 1000, 3000}, Expect{"allocated bytes", "bytes", 64000, 256000},
              Expect{"leaked bytes", "bytes", 100, 0}}) {
            const auto *m = d.metric(e.name);
            QVERIFY2(m != nullptr, e.name);
            QCOMPARE(m->unit, std::string(e.unit));
            QCOMPARE(m->knownBefore, baseAlloc);
            QCOMPARE(m->knownAfter, newAlloc);
            QCOMPARE(m->known(), baseAlloc && newAlloc);
            // An unknown side stays 0 internally, but is never rendered (checked below).
            QCOMPARE(m->before, baseAlloc ? e.before : 0.0);
            QCOMPARE(m->after, newAlloc ? e.after : 0.0);
        }
        if (baseAlloc && newAlloc) {
            QCOMPARE(d.metric("allocations")->relativePct(), 200.0);
            QCOMPARE(d.metric("leaked bytes")->relativePct(), -100.0);
        }

        // The allocation stack's frame has no samples: listed last, and it does not cut
        // the rendered tables short.
        QCOMPARE(d.functions().back().name, std::string(baseAlloc || newAlloc ? "alloc" : "work"));

        // Terminal text: shown when either run has them, "n/a" on the missing side.
        const formats::DiffText::Labels labels{"a", "b"};
        const std::string plain = formats::DiffText::plain(d, labels, 10);
        const std::string md = formats::DiffText::markdown(d, labels, 10);
        const bool shown = baseAlloc || newAlloc;
        QCOMPARE(plain.find("  allocations: ") != std::string::npos, shown);
        QCOMPARE(md.find("| allocations |") != std::string::npos, shown);
        // Both runs at 1 kHz: absolute mode, 1000 samples are 1 s of CPU time in each.
        QVERIFY2(md.find("| `work [app]` | 1.000 s | 1.000 s | +0.0 ms | ±0.0 % |") != std::string::npos, md.c_str());
        QVERIFY2(plain.find("1.000 s -> 1.000 s  +0.0 ms  ±0.0 %  work [app]\n") != std::string::npos, plain.c_str());
        if (baseAlloc && newAlloc) {
            QVERIFY2(plain.find("  allocations: 1000 -> 3000  (+200.0 %)\n") != std::string::npos, plain.c_str());
            QVERIFY2(md.find("| allocations | 1000 | 3000 | +200.0 % |") != std::string::npos, md.c_str());
            QVERIFY2(md.find("| leaked bytes | 100 B | 0 B | -100.0 % |") != std::string::npos, md.c_str());
        } else if (baseAlloc) {
            QVERIFY2(plain.find("  allocations: 1000 -> n/a\n") != std::string::npos, plain.c_str());
            QVERIFY2(md.find("| allocations | 1000 | n/a | n/a |") != std::string::npos, md.c_str());
        } else if (newAlloc) {
            QVERIFY2(plain.find("  allocated bytes: n/a -> 250.0 KiB\n") != std::string::npos, plain.c_str());
            QVERIFY2(md.find("| allocations | n/a | 3000 | n/a |") != std::string::npos, md.c_str());
        }

        // JSON (--json) and the HTML page's data: every metric, null where unknown.
        const auto checkJson = [&](const QJsonArray &metrics, const char *where) {
            const QJsonObject a = metricJson(metrics, QStringLiteral("allocations"));
            QVERIFY2(!a.isEmpty(), where);
            QCOMPARE(a.value(QStringLiteral("unit")).toString(), QStringLiteral("count"));
            QCOMPARE(a.value(QStringLiteral("before")).isNull(), !baseAlloc);
            QCOMPARE(a.value(QStringLiteral("after")).isNull(), !newAlloc);
            if (baseAlloc)
                QCOMPARE(a.value(QStringLiteral("before")).toDouble(), 1000.0);
            if (newAlloc)
                QCOMPARE(a.value(QStringLiteral("after")).toDouble(), 3000.0);
            const QJsonObject l = metricJson(metrics, QStringLiteral("leaked bytes"));
            QCOMPARE(l.value(QStringLiteral("unit")).toString(), QStringLiteral("bytes"));
            QCOMPARE(l.value(QStringLiteral("before")).isNull(), !baseAlloc);
            if (baseAlloc)
                QCOMPARE(l.value(QStringLiteral("before")).toDouble(), 100.0);
        };
        QJsonParseError err{};
        const auto json =
            QJsonDocument::fromJson(QByteArray::fromStdString(formats::DiffText::json(d, labels, 10)), &err);
        QCOMPARE(err.error, QJsonParseError::NoError);
        checkJson(json.object().value(QStringLiteral("metrics")).toArray(), "json");
        const QJsonObject a =
            metricJson(json.object().value(QStringLiteral("metrics")).toArray(), QStringLiteral("allocations"));
        QCOMPARE(a.value(QStringLiteral("relativePct")).isNull(), !(baseAlloc && newAlloc));

        std::string html;
        QVERIFY(formats::DiffHtmlWriter::write(d, base, next, {"a", "b"}, html));
        const std::string open = "id=\"perfwb-data\">";
        const auto from = html.find(open);
        QVERIFY(from != std::string::npos);
        const auto to = html.find("</script>", from);
        const auto page = QJsonDocument::fromJson(
            QByteArray::fromStdString(html.substr(from + open.size(), to - from - open.size())), &err);
        QCOMPARE(err.error, QJsonParseError::NoError);
        checkJson(page.object().value(QStringLiteral("metrics")).toArray(), "html");
    }
    // A keeps its CPU time, B doubles it. Absolute mode: A unchanged (neutral colour, no
    // verdict), B slower. Share mode: A's share falls from 1/2 to 1/3 (what share mode
    // says, and the legend says it is share). Default: absolute only at equal rates.
    void modes_data()
    {
        QTest::addColumn<int>("baseHz");
        QTest::addColumn<int>("newHz");
        QTest::addColumn<int>("requested"); // -1: the default
        QTest::addColumn<int>("expectMode");
        QTest::addColumn<int>("expectDefault");
        QTest::addColumn<QString>("reason");
        const int abs = int(DiffMode::Absolute);
        const int shr = int(DiffMode::Share);
        QTest::newRow("same rate, default") << 1000 << 1000 << -1 << abs << abs << "both runs sampled at 1000 Hz";
        QTest::newRow("same rate, share chosen") << 1000 << 1000 << shr << shr << abs << "sampled at 1000 Hz";
        QTest::newRow("rates differ, default") << 1000 << 2000 << -1 << shr << shr << "sampling rates differ";
        QTest::newRow("rates differ, absolute chosen") << 1000 << 2000 << abs << abs << shr << "differ";
        QTest::newRow("rate unknown, default") << 0 << 0 << -1 << shr << shr << "rate of either run is not known";
    }
    void modes()
    {
        QFETCH(int, baseHz);
        QFETCH(int, newHz);
        QFETCH(int, requested);
        QFETCH(int, expectMode);
        QFETCH(int, expectDefault);
        QFETCH(QString, reason);
        // The same CPU time is rate/1000 times the samples: A 1 s -> 1 s, B 1 s -> 2 s.
        const int k = std::max(newHz, 1000) / 1000;
        const auto base = make({{{"main@app", "A@app"}, 1000}, {{"main@app", "B@app"}, 1000}}, baseHz);
        const auto next = make({{{"main@app", "A@app"}, 1000 * k}, {{"main@app", "B@app"}, 2000 * k}}, newHz);
        const auto d = requested < 0 ? ProfileDiff::compute(base, next)
                                     : ProfileDiff::compute(base, next, {}, static_cast<DiffMode>(requested));
        QCOMPARE(int(d.mode()), expectMode);
        QCOMPARE(int(d.defaultMode()), expectDefault);
        QVERIFY2(d.defaultReason().find(reason.toStdString()) != std::string::npos, d.defaultReason().c_str());
        const auto *a = find(d, "A", "app");
        const auto *b = find(d, "B", "app");
        const auto *na = nodeOf(d, "A");
        const auto *nb = nodeOf(d, "B");
        QVERIFY(a && b && na && nb);
        QCOMPARE(b->verdict, DiffVerdict::Fail);
        QVERIFY(!nb->unchanged && nb->change > 0);
        QVERIFY(formats::DiffSvgWriter::colour(*nb).starts_with("#ff"));
        const std::string legend = formats::DiffSvgWriter::legend(d);
        if (d.mode() == DiffMode::Absolute) {
            QCOMPARE(d.modeLabel(), std::string(baseHz > 0 ? "change in CPU time" : "change in samples"));
            QCOMPARE(a->selfRelativePct(), 0.0);
            QCOMPARE(a->selfValueBefore, 1e9); // 1000 samples at 1 kHz
            QCOMPARE(a->selfValueAfter, 1e9);
            QCOMPARE(b->selfRelativePct(), 100.0);
            QVERIFY(na->unchanged);
            QCOMPARE(formats::DiffSvgWriter::colour(*na), std::string(formats::DiffSvgWriter::kNeutralFill));
            QCOMPARE(a->verdict, DiffVerdict::Pass);
        } else {
            QCOMPARE(d.modeLabel(), std::string("change in share of total"));
            QVERIFY(std::abs(a->selfRelativePct() + 100.0 / 3) < 1e-9); // 1/2 -> 1/3
            QVERIFY(std::abs(b->selfRelativePct() - 100.0 / 3) < 1e-9); // 1/2 -> 2/3
            QVERIFY(!na->unchanged && na->change < 0);
            QVERIFY(formats::DiffSvgWriter::colour(*na).ends_with("ff")); // blue: "faster" by share
        }
        QVERIFY2(legend.starts_with("colour: " + d.modeLabel()), legend.c_str());
        QVERIFY(std::string(formats::DiffSvgWriter::kNeutralFill) != "#ffffff");
    }

    void defaultRuleForOtherWeights_data()
    {
        QTest::addColumn<QString>("baseUnit");
        QTest::addColumn<QString>("newUnit");
        QTest::addColumn<QString>("basePeriod"); // perf record -c (cpu-clock: ns)
        QTest::addColumn<QString>("newPeriod");
        QTest::addColumn<int>("expectDefault");
        QTest::addColumn<bool>("absoluteAvailable");
        const int abs = int(DiffMode::Absolute);
        const int shr = int(DiffMode::Share);
        QTest::newRow("ns weights") << "nanoseconds"
                                    << "nanoseconds"
                                    << ""
                                    << "" << abs << true;
        QTest::newRow("same period") << "samples"
                                     << "samples"
                                     << "250000"
                                     << "250000" << abs << true;
        QTest::newRow("other period") << "samples"
                                      << "samples"
                                      << "250000"
                                      << "500000" << shr << true;
        QTest::newRow("ns vs bytes") << "nanoseconds"
                                     << "bytes"
                                     << ""
                                     << "" << shr << false;
    }
    void defaultRuleForOtherWeights()
    {
        QFETCH(QString, baseUnit);
        QFETCH(QString, newUnit);
        QFETCH(QString, basePeriod);
        QFETCH(QString, newPeriod);
        QFETCH(int, expectDefault);
        QFETCH(bool, absoluteAvailable);
        auto base = make({{{"main@app", "A@app"}, 100}}, 0);
        auto next = make({{{"main@app", "A@app"}, 100}}, 0);
        for (auto &[p, unit, period] :
             {std::tuple{&base, baseUnit, basePeriod}, std::tuple{&next, newUnit, newPeriod}}) {
            p->meta.weightUnit = model::WeightUnit::fromName(unit.toStdString());
            p->meta.sampler.event = "cpu-clock";
            if (!period.isEmpty())
                p->meta.extra["perf.sample_period"] = period.toStdString();
        }
        const auto d = ProfileDiff::compute(base, next);
        QCOMPARE(int(d.defaultMode()), expectDefault);
        QCOMPARE(d.absoluteAvailable(), absoluteAvailable);
        // Absolute asked for where it cannot be: share, and the reason says why.
        QCOMPARE(ProfileDiff::compute(base, next, {}, DiffMode::Absolute).mode(),
                 absoluteAvailable ? DiffMode::Absolute : DiffMode::Share);
        if (basePeriod == newPeriod && !basePeriod.isEmpty()) // 100 samples x 250 us
            QCOMPARE(find(d, "A", "app")->selfValueBefore, 100 * 250000.0);
    }

    // Every rendering names the mode it shows and uses its values.
    void modeIsNamedInEveryOutput_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("plainLine"); // B's line in "top changes"
        QTest::newRow("absolute") << int(DiffMode::Absolute) << "change in CPU time"
                                  << "1.000 s -> 2.000 s  +1.000 s  +100.0 %  B [app]";
        QTest::newRow("share") << int(DiffMode::Share) << "change in share of total"
                               << "50.00 % -> 66.67 %  +16.67 pp  +33.3 %  B [app]";
    }
    void modeIsNamedInEveryOutput()
    {
        QFETCH(int, mode);
        QFETCH(QString, label);
        QFETCH(QString, plainLine);
        const auto base = make({{{"main@app", "A@app"}, 1000}, {{"main@app", "B@app"}, 1000}});
        const auto next = make({{{"main@app", "A@app"}, 1000}, {{"main@app", "B@app"}, 2000}});
        const auto d = ProfileDiff::compute(base, next, {}, static_cast<DiffMode>(mode));
        const std::string want = label.toStdString();
        const formats::DiffText::Labels labels{"a", "b"};
        const std::string plain = formats::DiffText::plain(d, labels, 10);
        QVERIFY2(plain.find("mode: " + std::string(analysis::diffModeName(d.mode())) + ", " + want) !=
                     std::string::npos,
                 plain.c_str());
        QVERIFY2(plain.find(plainLine.toStdString()) != std::string::npos, plain.c_str());
        const std::string md = formats::DiffText::markdown(d, labels, 10);
        QVERIFY2(md.find("**" + want + "**") != std::string::npos, md.c_str());
        const auto json = QJsonDocument::fromJson(QByteArray::fromStdString(formats::DiffText::json(d, labels, 10)));
        QCOMPARE(json.object().value(QStringLiteral("mode")).toString(), QString::fromUtf8(diffModeName(d.mode())));
        QCOMPARE(json.object().value(QStringLiteral("legend")).toString(), QStringLiteral("colour: ") + label);

        std::string html;
        QVERIFY(formats::DiffHtmlWriter::write(d, base, next, {"a", "b"}, html));
        const QJsonObject page = htmlData(html);
        QVERIFY(page.value(QStringLiteral("legend")).toString().startsWith(QStringLiteral("colour: ") + label));
        QCOMPARE(page.value(QStringLiteral("mode")).toString(), QString::fromUtf8(diffModeName(d.mode())));
        // A's frame: neutral in absolute mode (same CPU time), blue in share mode.
        const QJsonObject fwd =
            page.value(QStringLiteral("trees")).toObject().value(QStringLiteral("forward")).toObject();
        const QJsonArray fns = page.value(QStringLiteral("functions")).toArray();
        QString colourOfA;
        for (qsizetype i = 0; i < fwd.value(QStringLiteral("f")).toArray().size(); ++i) {
            const int f = fwd.value(QStringLiteral("f")).toArray().at(i).toInt();
            if (fns.at(f).toArray().at(0).toString() == QLatin1String("A"))
                colourOfA = fwd.value(QStringLiteral("c")).toArray().at(i).toString();
        }
        const bool anyNeutral = colourOfA == QLatin1String(formats::DiffSvgWriter::kNeutralFill);
        QCOMPARE(anyNeutral, d.mode() == DiffMode::Absolute);

        std::string svg;
        QVERIFY(formats::DiffSvgWriter::write(d, formats::DiffSvgWriter::Shape::New, "t", svg));
        QVERIFY2(svg.find("colour: " + want) != std::string::npos, svg.substr(0, 3000).c_str());
        const auto rectOfA = svg.find("<rect", svg.find("data-f=\"A\""));
        const std::string neutralRect = std::string("fill=\"") + formats::DiffSvgWriter::kNeutralFill +
                                        "\" style=\"stroke:" + formats::DiffSvgWriter::kNeutralStroke;
        QCOMPARE(svg.substr(rectOfA, svg.find("/>", rectOfA) - rectOfA).find(neutralRect) != std::string::npos,
                 d.mode() == DiffMode::Absolute);
    }
};

QTEST_GUILESS_MAIN(TestProfileDiff)
#include "tst_profilediff.moc"
