// SPDX-License-Identifier: GPL-3.0-or-later
// The perf CI model without processes: the noise test, scenario files (and their bad
// forms), results JSON, verdicts and the before/after table.
#include "ci/beforeafter.h"
#include "ci/cicomparison.h"
#include "ci/ciresults.h"
#include "ci/scenariofile.h"
#include "ci/significance.h"

#include <QTest>

#include <cmath>

using namespace perfwb::ci;

Q_DECLARE_METATYPE(std::vector<double>)

namespace {

// A scenario result whose runs measured `wall` (ns) and the same for CPU time.
ScenarioResult resultWith(const std::string &name, const std::vector<double> &wall)
{
    ScenarioResult s;
    s.name = name;
    s.command = {"work"};
    for (double w : wall) {
        RunMetrics r;
        r.values["wall_time"] = w;
        r.values["cpu_time"] = w;
        r.values["samples"] = w / 1e6;
        r.report = "/nowhere/" + name + ".perfwb";
        s.runs.push_back(r);
    }
    s.chooseMedianRun();
    s.topFunctions = {{"steady", "app", 0.5, 0.5}, {"hot", "app", 0.5, 0.5}};
    return s;
}

CiResults resultsWith(const std::string &label, std::vector<ScenarioResult> scenarios)
{
    CiResults r;
    r.label = label;
    r.created = "2026-12-06T10:00:00Z";
    r.runs = static_cast<int>(scenarios.empty() ? 0 : scenarios.front().runs.size());
    r.scenarios = std::move(scenarios);
    return r;
}

ScenarioFile fileFor(const std::vector<std::string> &names)
{
    ScenarioFile f;
    for (const auto &n : names) {
        Scenario s;
        s.name = n;
        s.command = {"work"};
        f.scenarios.push_back(s);
    }
    return f;
}

} // namespace

class TestCiModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void significance_data()
    {
        QTest::addColumn<std::vector<double>>("before");
        QTest::addColumn<std::vector<double>>("after");
        QTest::addColumn<QString>("method");
        QTest::addColumn<bool>("significant");
        QTest::addColumn<double>("p"); // expected p, or -1 to skip
        // Exact distribution: all of `after` above all of `before`, 5 a side: 2/252.
        QTest::newRow("5v5 apart") << std::vector<double>{1, 2, 3, 4, 5} << std::vector<double>{6, 7, 8, 9, 10}
                                   << "mann-whitney" << true << 2.0 / 252;
        QTest::newRow("5v5 one swap") << std::vector<double>{1, 2, 3, 4, 6} << std::vector<double>{5, 7, 8, 9, 10}
                                      << "mann-whitney" << true << 4.0 / 252;
        QTest::newRow("5v5 interleaved") << std::vector<double>{1, 3, 5, 7, 9} << std::vector<double>{2, 4, 6, 8, 10}
                                         << "mann-whitney" << false << -1.0;
        QTest::newRow("all equal") << std::vector<double>(6, 3.0) << std::vector<double>(6, 3.0) << "mann-whitney"
                                   << false << 1.0;
        QTest::newRow("3v3 apart") << std::vector<double>{1, 2, 3} << std::vector<double>{4, 5, 6} << "ranges" << true
                                   << 0.0;
        QTest::newRow("3v3 touching") << std::vector<double>{1, 2, 4} << std::vector<double>{4, 5, 6} << "ranges"
                                      << false << 1.0;
        QTest::newRow("3v5 apart") << std::vector<double>{1, 2, 3} << std::vector<double>{6, 7, 8, 9, 10} << "ranges"
                                   << true << 0.0;
        std::vector<double> low, high;
        for (int i = 0; i < 40; ++i) {
            low.push_back(i);
            high.push_back(100 + i);
        }
        QTest::newRow("40v40 normal approximation") << low << high << "mann-whitney" << true << -1.0;
        QTest::newRow("ties normal approximation")
            << std::vector<double>{1, 1, 2, 2, 3} << std::vector<double>{2, 3, 3, 4, 4} << "mann-whitney" << false
            << -1.0;
    }

    void significance()
    {
        QFETCH(std::vector<double>, before);
        QFETCH(std::vector<double>, after);
        QFETCH(QString, method);
        QFETCH(bool, significant);
        QFETCH(double, p);
        const Significance s = Significance::test(before, after);
        QCOMPARE(QString::fromStdString(s.method), method);
        QCOMPARE(s.significant, significant);
        if (p >= 0)
            QVERIFY2(std::abs(s.p - p) < 1e-9, qPrintable(QString::number(s.p)));
        // Two-sided: the order of the sides does not matter.
        QCOMPARE(Significance::test(after, before).p, s.p);
    }

    void scenarioFile()
    {
        const auto f =
            ScenarioFile::parse(R"({"runs": 3, "thresholds": {"warn_above": 5, "peak_rss": {"fail_above": 50}},
            "scenarios": [{"name": "a", "command": ["prog", "x"], "env": {"K": "V"}, "cwd": "/tmp",
                           "preset": "ci", "record": ["--call-graph", "fp"],
                           "thresholds": {"wall_time": {"warn_above": 2, "fail_above": 4}}},
                          {"name": "b.c-d_e", "command": ["other"]}]})",
                                "s.json");
        QVERIFY2(f, f ? "" : f.message().c_str());
        QCOMPARE(f->runs, 3);
        QCOMPARE(f->scenarios.size(), std::size_t(2));
        const Scenario &a = f->scenarios[0];
        QCOMPARE(a.command, (std::vector<std::string>{"prog", "x"}));
        QCOMPARE(a.env.at(0).second, std::string("V"));
        QCOMPARE(a.workingDir, std::string("/tmp"));
        QCOMPARE(a.preset, std::string("ci"));
        QCOMPARE(a.recordOptions.size(), std::size_t(2));
        const MetricThresholds defaults{10, 20};
        // Most specific first: the scenario's metric, the file's metric, the file's own.
        QCOMPARE(f->thresholdsFor(a, "wall_time", defaults).warnAbovePct, 2.0);
        QCOMPARE(f->thresholdsFor(a, "wall_time", defaults).failAbovePct, 4.0);
        QCOMPARE(f->thresholdsFor(a, "cpu_time", defaults).warnAbovePct, 5.0);
        QCOMPARE(f->thresholdsFor(a, "cpu_time", defaults).failAbovePct, 20.0);
        QCOMPARE(f->thresholdsFor(f->scenarios[1], "peak_rss", defaults).failAbovePct, 50.0);
    }

    void badScenarioFile_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("says");
        QTest::newRow("not json") << "{\"scenarios\": ["
                                  << "not valid JSON";
        QTest::newRow("array") << "[]"
                               << "a JSON object";
        QTest::newRow("no scenarios") << "{}"
                                      << "non-empty array";
        QTest::newRow("empty scenarios") << "{\"scenarios\": []}"
                                         << "non-empty array";
        QTest::newRow("unknown top key") << "{\"scenarios\": [], \"run\": 3}"
                                         << "unknown key 'run'";
        QTest::newRow("runs zero") << "{\"runs\": 0, \"scenarios\": [{\"name\":\"a\",\"command\":[\"x\"]}]}"
                                   << "runs must be";
        QTest::newRow("runs fraction") << "{\"runs\": 2.5, \"scenarios\": [{\"name\":\"a\",\"command\":[\"x\"]}]}"
                                       << "runs must be";
        QTest::newRow("no name") << "{\"scenarios\": [{\"command\":[\"x\"]}]}"
                                 << "name must be";
        QTest::newRow("slash in name") << "{\"scenarios\": [{\"name\":\"a/b\",\"command\":[\"x\"]}]}"
                                       << "name must be";
        QTest::newRow("dot dot name") << "{\"scenarios\": [{\"name\":\"..\",\"command\":[\"x\"]}]}"
                                      << "name must be";
        QTest::newRow("no command") << "{\"scenarios\": [{\"name\":\"a\"}]}"
                                    << "command must be";
        QTest::newRow("command string") << "{\"scenarios\": [{\"name\":\"a\",\"command\":\"x y\"}]}"
                                        << "command must be";
        QTest::newRow("empty program") << "{\"scenarios\": [{\"name\":\"a\",\"command\":[\"\"]}]}"
                                       << "must name a program";
        QTest::newRow("duplicate") << "{\"scenarios\": [{\"name\":\"a\",\"command\":[\"x\"]},"
                                      "{\"name\":\"a\",\"command\":[\"y\"]}]}"
                                   << "two scenarios are named 'a'";
        QTest::newRow("env number") << "{\"scenarios\": [{\"name\":\"a\",\"command\":[\"x\"],\"env\":{\"K\":1}}]}"
                                    << "env.K must be a string";
        QTest::newRow("output option") << "{\"scenarios\": [{\"name\":\"a\",\"command\":[\"x\"],\"record\":[\"-o\"]}]}"
                                       << "is set by perfwb ci itself";
        QTest::newRow("negative threshold")
            << "{\"thresholds\": {\"warn_above\": -1}, \"scenarios\": [{\"name\":\"a\",\"command\":[\"x\"]}]}"
            << "percentage >= 0";
        QTest::newRow("fail below warn") << "{\"thresholds\": {\"warn_above\": 30, \"fail_above\": 20}, "
                                            "\"scenarios\": [{\"name\":\"a\",\"command\":[\"x\"]}]}"
                                         << "fail_above must not be below warn_above";
        QTest::newRow("informational metric threshold") << "{\"thresholds\": {\"samples\": {\"warn_above\": 1}}, "
                                                           "\"scenarios\": [{\"name\":\"a\",\"command\":[\"x\"]}]}"
                                                        << "unknown key 'samples'";
        QTest::newRow("unknown scenario key") << "{\"scenarios\": [{\"name\":\"a\",\"command\":[\"x\"],\"runs\":2}]}"
                                              << "unknown key 'runs'";
        // Found by fuzz_cifiles: a key with a newline broke the one-line error.
        QTest::newRow("newline in key") << "{\"scenarios\": [{\"name\":\"a\",\"com\\nmand\":[\"x\"]}]}"
                                        << "unknown key 'com\\nmand'";
        QTest::newRow("escape in key") << "{\"scenarios\": [], \"\\u001b[2J\": 1}"
                                       << "unknown key '\\x1b[2J'";
    }

    void badScenarioFile()
    {
        QFETCH(QString, json);
        QFETCH(QString, says);
        const auto f = ScenarioFile::parse(json.toStdString(), "s.json");
        QVERIFY(!f);
        const QString message = QString::fromStdString(f.message());
        QVERIFY2(message.startsWith(u"s.json"_qs) && message.contains(says), qPrintable(message));
        QVERIFY(!message.contains(u'\n'));
    }

    void resultsRoundTrip()
    {
        auto s = resultWith("a", {3e8, 1e8, 2e8});
        s.runs[1].values["peak_rss"] = 4096;
        s.exports = {"/x/a.svg"};
        s.notes = {"a note"};
        auto failed = resultWith("b", {});
        failed.error = "run 1: cannot run 'b'";
        const CiResults r = resultsWith("lbl", {s, failed});
        const auto back = CiResults::fromJson(r.toJson(), "latest.json");
        QVERIFY2(back, back ? "" : back.message().c_str());
        QCOMPARE(back->label, std::string("lbl"));
        QCOMPARE(back->scenarios.size(), std::size_t(2));
        const ScenarioResult &a = back->scenarios[0];
        QCOMPARE(a.runs.size(), std::size_t(3));
        QCOMPARE(a.medianRun, std::size_t(2)); // 2e8 is the median wall time
        QCOMPARE(a.summary("wall_time")->median, 2e8);
        QCOMPARE(a.summary("wall_time")->min, 1e8);
        QCOMPARE(a.summary("wall_time")->values, (std::vector<double>{3e8, 1e8, 2e8}));
        QCOMPARE(a.summary("peak_rss")->values.size(), std::size_t(1));
        QVERIFY(!a.summary("lost_samples"));
        QCOMPARE(a.topFunctions.size(), std::size_t(2));
        QCOMPARE(a.exports, s.exports);
        QCOMPARE(a.notes, s.notes);
        QVERIFY(back->scenarios[1].failed());
        QCOMPARE(back->scenarios[1].error, failed.error);
        QVERIFY(!CiResults::fromJson("{\"schema\": \"other\"}", "x.json"));
        QVERIFY(!CiResults::fromJson("{", "x.json"));
    }

    void verdicts_data()
    {
        QTest::addColumn<std::vector<double>>("before");
        QTest::addColumn<std::vector<double>>("after");
        QTest::addColumn<QString>("verdict");
        const std::vector<double> base{100, 101, 99, 100, 102};
        QTest::newRow("same") << base << std::vector<double>{100, 99, 101, 100, 101} << "pass";
        QTest::newRow("+15 % beyond noise") << base << std::vector<double>{115, 116, 114, 115, 117} << "warn";
        QTest::newRow("+50 % beyond noise") << base << std::vector<double>{150, 151, 149, 150, 152} << "fail";
        QTest::newRow("-30 % beyond noise") << base << std::vector<double>{70, 71, 69, 70, 72} << "improved";
        // The median moved 50 % but the runs overlap: a noisy machine, no verdict.
        QTest::newRow("+50 % within noise")
            << std::vector<double>{100, 60, 200, 100, 150} << std::vector<double>{150, 90, 100, 210, 160} << "pass";
        QTest::newRow("+5 % beyond noise") << base << std::vector<double>{105, 106, 104, 105, 107} << "pass";
        QTest::newRow("3 runs apart") << std::vector<double>{100, 101, 102} << std::vector<double>{150, 151, 152}
                                      << "fail";
    }

    void verdicts()
    {
        QFETCH(std::vector<double>, before);
        QFETCH(std::vector<double>, after);
        QFETCH(QString, verdict);
        const CiResults b = resultsWith("base", {resultWith("a", before)});
        const CiResults a = resultsWith("new", {resultWith("a", after)});
        const auto list = CiComparison::compare(&b, a, fileFor({"a"}), {});
        QCOMPARE(list.size(), std::size_t(1));
        QCOMPARE(QString::fromLatin1(ciVerdictName(list[0].verdict)), verdict);
    }

    void errorsAndNewScenarios()
    {
        auto broken = resultWith("broken", {});
        broken.error = "run 1: cannot run 'x'";
        const CiResults b = resultsWith("base", {resultWith("a", {1, 2, 3})});
        const CiResults a = resultsWith("new", {resultWith("a", {1, 2, 3}), resultWith("added", {1, 2}), broken});
        const auto list = CiComparison::compare(&b, a, fileFor({"a", "added", "broken"}), {});
        QCOMPARE(QString::fromLatin1(ciVerdictName(list[0].verdict)), u"pass"_qs);
        QCOMPARE(QString::fromLatin1(ciVerdictName(list[1].verdict)), u"new"_qs);
        QCOMPARE(QString::fromLatin1(ciVerdictName(list[2].verdict)), u"error"_qs);
        QCOMPARE(CiComparison::overall(list), CiVerdict::Error);
        // No baseline at all: every scenario is new.
        const auto alone = CiComparison::compare(nullptr, a, fileFor({"a", "added", "broken"}), {});
        QCOMPARE(alone[0].verdict, CiVerdict::New);
    }

    void shareChangesNameTheRegression()
    {
        auto before = resultWith("a", {1, 2, 3});
        auto after = resultWith("a", {1, 2, 3});
        after.topFunctions = {{"hot", "app", 0.67, 0.67}, {"steady", "app", 0.33, 0.33}};
        const auto changes = CiComparison::shareChanges(before, after, {}, 5);
        QCOMPARE(changes.size(), std::size_t(2));
        QCOMPARE(changes[0].name, std::string("hot"));
        QVERIFY(changes[0].regression);
        QVERIFY(!changes[1].regression);
    }

    void beforeAfterMarkdown()
    {
        const std::vector<double> base{100e6, 101e6, 99e6, 98e6, 102e6}; // no ties: the exact test
        const std::vector<double> slow{150e6, 151e6, 149e6, 148e6, 152e6};
        const CiResults b = resultsWith("base", {resultWith("render", base)});
        auto slowResult = resultWith("render", slow);
        slowResult.topFunctions = {{"hot|fn", "app", 0.67, 0.67}, {"steady", "app", 0.33, 0.33}};
        const CiResults a = resultsWith("new", {slowResult});
        auto list = CiComparison::compare(&b, a, fileFor({"render"}), {});
        const QString md = QString::fromStdString(
            BeforeAfter::markdown(&b, a, list, {"/out/perf/new", "/r", "https://github.com/o/r/actions/runs/7"}));
        QVERIFY2(md.contains(u"**Verdict: fail**"_qs), qPrintable(md));
        QVERIFY2(md.contains(u"| wall time | 100.0 ms (98.0 ms–102.0 ms) | 150.0 ms (148.0 ms–152.0 ms) | +50.0 % | "
                             "U test p = 0.008 | **fail** |"_qs),
                 qPrintable(md));
        // The regressed function is named, its pipe escaped for the table.
        QVERIFY2(md.contains(u"**hot\\|fn <sub>app</sub>**"_qs), qPrintable(md));
        QVERIFY2(md.contains(u"wall time +50.0 %"_qs) && md.contains(u"; hot"_qs), qPrintable(md));
        QVERIFY2(md.contains(u"[this run's page](https://github.com/o/r/actions/runs/7)"_qs), qPrintable(md));
        // Without a baseline: this run's figures and how to make one.
        const auto alone = CiComparison::compare(nullptr, a, fileFor({"render"}), {});
        const QString md2 = QString::fromStdString(BeforeAfter::markdown(nullptr, a, alone, {"/o", "/r", ""}));
        QVERIFY2(md2.contains(u"perfwb ci baseline update"_qs) && md2.contains(u"| wall time | 150.0 ms |"_qs),
                 qPrintable(md2));
        QVERIFY(!md2.contains(u"this run's page"_qs));
    }
};

QTEST_GUILESS_MAIN(TestCiModel)
#include "tst_cimodel.moc"
