#include "profilediff.h"

#include "calltree.h"
#include "functionstats.h"
#include "functiontable.h"
#include "stackweights.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>

namespace perfwb::analysis {

const char *diffVerdictName(DiffVerdict v)
{
    switch (v) {
    case DiffVerdict::Pass:
        return "pass";
    case DiffVerdict::Warn:
        return "warn";
    case DiffVerdict::Fail:
        return "fail";
    }
    return "pass";
}

double ProfileDiff::relativePct(double before, double after)
{
    if (before == 0)
        return after == 0 ? 0.0 : std::numeric_limits<double>::infinity();
    return 100.0 * (after - before) / before;
}

const ProfileDiff::Metric *ProfileDiff::metric(std::string_view name) const
{
    for (const auto &m : metrics_) {
        if (m.name == name)
            return &m;
    }
    return nullptr;
}

namespace {
constexpr std::uint32_t kNone = ~std::uint32_t{0};
// Changes within this many standard errors of the sampling noise are shown but do not
// move the verdict: two recordings of the same program never have identical counts.
constexpr double kNoiseZ = 3.0;

// One run, analysed once.
struct Side {
    explicit Side(const model::Profile &p)
        : profile(p)
        , functions(p)
        , weights(StackWeights::compute(p))
        , tree(CallTree::topDown(functions, weights))
        , stats(FunctionStats::compute(functions, weights))
    {
        tree.sortChildren(functions, CallTree::Order::ByWeight);
    }
    const model::Profile &profile;
    FunctionTable functions;
    StackWeights weights;
    CallTree tree;
    FunctionStats stats;
    std::vector<std::uint32_t> keyOf; // FunctionId -> index in ProfileDiff::functions()
};

double share(std::uint64_t w, std::uint64_t total)
{
    return total == 0 ? 0.0 : static_cast<double>(w) / static_cast<double>(total);
}

DiffVerdict verdictFor(double relativePct, const DiffThresholds &t)
{
    if (relativePct > t.failAbovePct)
        return DiffVerdict::Fail;
    if (relativePct > t.warnAbovePct)
        return DiffVerdict::Warn;
    return DiffVerdict::Pass;
}

ProfileDiff::Metric wallTime(const model::Profile &a, const model::Profile &b)
{
    ProfileDiff::Metric m{"wall time", "ns"};
    const auto get = [](const model::Profile &p, double &v, bool &known) {
        if (p.meta.durationNs > 0) {
            v = static_cast<double>(p.meta.durationNs);
            known = true;
        } else if (!p.samples.empty()) { // imports without a duration: the span of the samples
            v = static_cast<double>(p.lastSampleTime() - p.firstSampleTime());
            known = v > 0;
        }
    };
    get(a, m.before, m.knownBefore);
    get(b, m.after, m.knownAfter);
    return m;
}

ProfileDiff::Metric cpuTime(const model::Profile &a, std::uint64_t ta, const model::Profile &b, std::uint64_t tb)
{
    ProfileDiff::Metric m{"CPU time", "ns"};
    const auto get = [](const model::Profile &p, std::uint64_t total, double &v, bool &known) {
        if (p.meta.weightUnit == "nanoseconds") {
            v = static_cast<double>(total);
            known = true;
        } else if (p.meta.weightUnit == "samples" && p.meta.sampler.frequencyHz > 0) {
            // A cpu-clock sample stands for 1/frequency seconds of CPU time.
            v = static_cast<double>(total) * 1e9 / p.meta.sampler.frequencyHz;
            known = true;
        }
    };
    get(a, ta, m.before, m.knownBefore);
    get(b, tb, m.after, m.knownAfter);
    return m;
}

ProfileDiff::Metric peakTimeline(const char *label, const char *timeline, const model::Profile &a,
                                 const model::Profile &b)
{
    ProfileDiff::Metric m{label, "bytes"};
    const auto get = [&](const model::Profile &p, double &v, bool &known) {
        for (const auto &t : p.timelines) {
            if (t.name != timeline || t.points.empty())
                continue;
            m.unit = t.unit.empty() ? m.unit : t.unit;
            for (const auto &pt : t.points)
                v = std::max(v, pt.value);
            known = true;
        }
    };
    get(a, m.before, m.knownBefore);
    get(b, m.after, m.knownAfter);
    return m;
}

// A total of the allocation table; known only for a run recorded with allocation tracking
// (an empty table means "not tracked", not "no allocations").
ProfileDiff::Metric allocationTotal(const char *label, const char *unit, std::uint64_t model::AllocationStats::*field,
                                    const model::Profile &a, const model::Profile &b)
{
    ProfileDiff::Metric m{label, unit};
    const auto get = [&](const model::Profile &p, double &v, bool &known) {
        if (p.allocations.empty())
            return;
        v = static_cast<double>(p.allocations.totals.*field);
        known = true;
    };
    get(a, m.before, m.knownBefore);
    get(b, m.after, m.knownAfter);
    return m;
}

// The differential tree shaped like `shape`, each node matched in `other` by its path of
// function keys. `shapeIsNew` says which side the shape run is.
std::vector<ProfileDiff::Node> diffTree(const Side &shape, const Side &other, bool shapeIsNew)
{
    std::unordered_map<std::uint64_t, std::uint32_t> otherChild; // (parent, key) -> child
    const auto &on = other.tree.nodes();
    otherChild.reserve(on.size());
    for (std::uint32_t i = 1; i < on.size(); ++i)
        otherChild.emplace((std::uint64_t{on[i].parent} << 32U) | other.keyOf[on[i].function], i);

    const auto &sn = shape.tree.nodes();
    std::vector<ProfileDiff::Node> out(sn.size());
    std::vector<std::uint32_t> matched(sn.size(), kNone);
    matched[0] = 0;
    const std::uint64_t shapeTotal = shape.tree.total();
    const std::uint64_t otherTotal = other.tree.total();
    for (std::uint32_t i = 0; i < sn.size(); ++i) {
        auto &n = out[i];
        n.parent = sn[i].parent;
        n.depth = sn[i].depth;
        n.children = sn[i].children;
        std::uint64_t mine = sn[i].total;
        std::uint64_t theirs = 0;
        if (i > 0) {
            n.function = shape.keyOf[sn[i].function];
            const std::uint32_t p = matched[sn[i].parent];
            if (p != kNone) {
                auto it = otherChild.find((std::uint64_t{p} << 32U) | n.function);
                if (it != otherChild.end())
                    matched[i] = it->second;
            }
        }
        if (matched[i] != kNone)
            theirs = on[matched[i]].total;
        n.after = shapeIsNew ? mine : theirs;
        n.before = shapeIsNew ? theirs : mine;
        n.shareAfter = share(n.after, shapeIsNew ? shapeTotal : otherTotal);
        n.shareBefore = share(n.before, shapeIsNew ? otherTotal : shapeTotal);
    }
    return out;
}
} // namespace

class ProfileDiffBuilder {
public:
    static ProfileDiff build(const model::Profile &base, const model::Profile &next, const DiffThresholds &t)
    {
        ProfileDiff d;
        d.thresholds_ = t;
        d.weightUnit = next.meta.weightUnit;
        Side a(base);
        Side b(next);
        d.totalBefore_ = a.weights.total;
        d.totalAfter_ = b.weights.total;

        std::unordered_map<std::string, std::uint32_t> index; // name '\0' module
        const auto keyAll = [&](Side &s) {
            s.keyOf.resize(s.functions.size());
            for (FunctionId f = 0; f < s.functions.size(); ++f) {
                std::string key(s.functions.name(f));
                key += '\0';
                key += s.functions.module(f);
                auto [it, added] = index.emplace(std::move(key), static_cast<std::uint32_t>(d.functions_.size()));
                if (added) {
                    ProfileDiff::Function fn;
                    fn.name = s.functions.name(f);
                    fn.module = s.functions.module(f);
                    d.functions_.push_back(std::move(fn));
                }
                s.keyOf[f] = it->second;
            }
        };
        keyAll(a);
        keyAll(b);
        for (const auto &e : a.stats.entries) {
            auto &fn = d.functions_[a.keyOf[e.function]];
            fn.selfBefore += e.self;
            fn.totalBefore += e.total; // name+module merges are done by FunctionTable already
        }
        for (const auto &e : b.stats.entries) {
            auto &fn = d.functions_[b.keyOf[e.function]];
            fn.selfAfter += e.self;
            fn.totalAfter += e.total;
        }
        const bool counted = base.meta.weightUnit == "samples" && next.meta.weightUnit == "samples";
        const double minShare = t.minSharePct / 100.0;
        for (auto &fn : d.functions_) {
            fn.selfShareBefore = share(fn.selfBefore, d.totalBefore_);
            fn.selfShareAfter = share(fn.selfAfter, d.totalAfter_);
            fn.totalShareBefore = share(fn.totalBefore, d.totalBefore_);
            fn.totalShareAfter = share(fn.totalAfter, d.totalAfter_);
            fn.considered = fn.selfShareBefore >= minShare || fn.selfShareAfter >= minShare;
            fn.significant = true;
            if (counted && d.totalBefore_ > 0 && d.totalAfter_ > 0) {
                // Two-proportion z-test on the self share (sample counts are binomial).
                const double n1 = static_cast<double>(d.totalBefore_);
                const double n2 = static_cast<double>(d.totalAfter_);
                const double p = (static_cast<double>(fn.selfBefore) + static_cast<double>(fn.selfAfter)) / (n1 + n2);
                const double se = std::sqrt(p * (1 - p) * (1 / n1 + 1 / n2));
                fn.significant = se > 0 && std::abs(fn.selfShareAfter - fn.selfShareBefore) > kNoiseZ * se;
            }
            if (fn.considered && fn.significant)
                fn.verdict = verdictFor(fn.selfRelativePct(), t);
        }
        // Frames only allocation stacks use have no sample weight in either run: they go
        // last, so "the first N with weight" is a prefix (DiffText lists such a prefix).
        const auto weighed = [](const ProfileDiff::Function &f) {
            return f.selfBefore + f.selfAfter + f.totalBefore + f.totalAfter > 0;
        };
        std::stable_sort(d.functions_.begin(), d.functions_.end(), [&](const auto &x, const auto &y) {
            if (weighed(x) != weighed(y))
                return weighed(x);
            if (x.verdict != y.verdict)
                return x.verdict > y.verdict;
            const double dx = std::abs(x.selfDeltaPoints());
            const double dy = std::abs(y.selfDeltaPoints());
            if (dx != dy)
                return dx > dy;
            if (x.totalDeltaPoints() != y.totalDeltaPoints())
                return std::abs(x.totalDeltaPoints()) > std::abs(y.totalDeltaPoints());
            return x.name < y.name;
        });
        // Sorting moved the functions: renumber the keys the trees use.
        std::vector<std::uint32_t> newIndex(d.functions_.size());
        {
            std::unordered_map<std::string, std::uint32_t> pos;
            for (std::uint32_t i = 0; i < d.functions_.size(); ++i)
                pos.emplace(d.functions_[i].name + '\0' + d.functions_[i].module, i);
            for (const auto &[key, old] : index)
                newIndex[old] = pos.at(key);
        }
        for (Side *s : {&a, &b}) {
            for (auto &k : s->keyOf)
                k = newIndex[k];
        }
        d.forward_ = diffTree(b, a, true);
        d.reverse_ = diffTree(a, b, false);

        d.metrics_.push_back(wallTime(base, next));
        d.metrics_.push_back(cpuTime(base, d.totalBefore_, next, d.totalAfter_));
        ProfileDiff::Metric samples{"samples", "samples"};
        samples.before = static_cast<double>(base.samples.size());
        samples.after = static_cast<double>(next.samples.size());
        samples.knownBefore = samples.knownAfter = true;
        d.metrics_.push_back(samples);
        ProfileDiff::Metric lost{"lost samples", "samples"};
        lost.before = static_cast<double>(base.meta.lostSamples);
        lost.after = static_cast<double>(next.meta.lostSamples);
        lost.knownBefore = lost.knownAfter = true;
        d.metrics_.push_back(lost);
        d.metrics_.push_back(peakTimeline("peak RSS", "rss", base, next));
        d.metrics_.push_back(peakTimeline("peak heap", "heap", base, next));
        // Shown, never part of the verdict (docs/compare.md).
        d.metrics_.push_back(allocationTotal("allocations", "count", &model::AllocationStats::calls, base, next));
        d.metrics_.push_back(allocationTotal("allocated bytes", "bytes", &model::AllocationStats::bytes, base, next));
        d.metrics_.push_back(
            allocationTotal("leaked bytes", "bytes", &model::AllocationStats::leakedBytes, base, next));
        // Total time: CPU time when both runs know it (work done, not inflated by waiting
        // on a loaded CI machine), else wall time, else the sample count.
        d.totalMetric_ = d.metrics_[1].known() ? 1 : (d.metrics_[0].known() ? 0 : 2);

        d.totalVerdict_ = verdictFor(d.totalTime().relativePct(), t);
        d.verdict_ = d.totalVerdict_;
        for (const auto &fn : d.functions_)
            d.verdict_ = std::max(d.verdict_, fn.verdict);
        return d;
    }
};

ProfileDiff ProfileDiff::compute(const model::Profile &base, const model::Profile &next,
                                 const DiffThresholds &thresholds)
{
    return ProfileDiffBuilder::build(base, next, thresholds);
}

} // namespace perfwb::analysis
