// ProfileDiff semantics on small profiles built in code, where every expected number can
// be worked out by hand: matching by name + module (never by frame id), shares of each
// run's total, the noise guard, the verdict rules of docs/compare.md, and both shapes of
// the differential tree (frames that vanished stay visible in the reverse tree).
#include "analysis/profilediff.h"

#include <QTest>

#include <cmath>
#include <map>

using namespace perfwb;
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

const ProfileDiff::Function *find(const ProfileDiff &d, const std::string &name, const std::string &module)
{
    for (const auto &f : d.functions()) {
        if (f.name == name && f.module == module)
            return &f;
    }
    return nullptr;
}

} // namespace

class TestProfileDiff : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sharesAndMatching()
    {
        const auto base = make({{{"main@app", "hot@app"}, 500}, {{"main@app", "steady@app"}, 500}});
        const auto next = make({{{"main@app", "steady@app"}, 500}, {{"main@app", "hot@app"}, 1000}}, 1000, true);
        const auto d = ProfileDiff::compute(base, next);
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
};

QTEST_GUILESS_MAIN(TestProfileDiff)
#include "tst_profilediff.moc"
