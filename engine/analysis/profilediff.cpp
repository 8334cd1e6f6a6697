// SPDX-License-Identifier: GPL-3.0-or-later
#include "profilediff.h"

#include "calltree.h"
#include "functionstats.h"
#include "functiontable.h"
#include "stackweights.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
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

const char *diffModeName(DiffMode m)
{
    return m == DiffMode::Absolute ? "absolute" : "share";
}

std::optional<DiffMode> parseDiffMode(std::string_view name)
{
    if (name == "absolute")
        return DiffMode::Absolute;
    if (name == "share")
        return DiffMode::Share;
    return std::nullopt;
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

// How one run's weights turn into absolute values.
struct RunScale {
    bool time = false;    // values are nanoseconds
    bool exact = false;   // weights are measured (ns, bytes), not sample counts
    double perWeight = 1; // absolute units per weight unit
    std::string rate;     // "999 Hz", "a period of 250000 ns"; empty when unknown
};

RunScale scaleOf(const model::Profile &p)
{
    const auto &m = p.meta;
    if (m.weightUnit == model::WeightKind::Nanoseconds)
        return {true, true, 1, "time"};
    if (m.weightUnit != model::WeightKind::Samples)
        return {false, true, 1, std::string(m.weightUnit.name())};
    if (m.sampler.frequencyHz > 0) // a cpu-clock sample stands for 1/frequency of CPU time
        return {true, false, 1e9 / m.sampler.frequencyHz, std::to_string(m.sampler.frequencyHz) + " Hz"};
    const auto period = m.extra.find("perf.sample_period");
    if (period == m.extra.end())
        return {};
    // perf record -c N: a clock event's period is in nanoseconds, other events count cycles etc.
    const bool clock = m.sampler.event.starts_with("cpu-clock") || m.sampler.event.starts_with("task-clock");
    const double n = std::strtod(period->second.c_str(), nullptr);
    return {clock && n > 0, false, clock && n > 0 ? n : 1,
            "a period of " + period->second + (clock ? " ns" : " " + m.sampler.event)};
}

// What the builder needs to turn weights into the mode's values.
struct Valuer {
    DiffMode mode = DiffMode::Share;
    bool counted = false; // both runs' weights are sample counts (binomial/Poisson noise)
    double kBefore = 1, kAfter = 1;
    std::uint64_t totalBefore = 0, totalAfter = 0;

    double before(std::uint64_t w) const
    {
        return mode == DiffMode::Share ? share(w, totalBefore) : static_cast<double>(w) * kBefore;
    }
    double after(std::uint64_t w) const
    {
        return mode == DiffMode::Share ? share(w, totalAfter) : static_cast<double>(w) * kAfter;
    }
    // Node::change: of the total in share mode, of the base run's absolute total otherwise.
    double change(std::uint64_t b, std::uint64_t a) const
    {
        if (mode == DiffMode::Share)
            return after(a) - before(b);
        const double ref = totalBefore > 0 ? before(totalBefore) : after(totalAfter);
        return ref > 0 ? (after(a) - before(b)) / ref : 0.0;
    }
    // Whether weights b -> a differ by more than kNoiseZ standard errors of sampling noise.
    bool beyondNoise(std::uint64_t b, std::uint64_t a) const
    {
        if (!counted || totalBefore == 0 || totalAfter == 0)
            return true;
        const double cb = static_cast<double>(b);
        const double ca = static_cast<double>(a);
        double se = 0;
        if (mode == DiffMode::Share) { // two-proportion z-test (counts are binomial)
            const double n1 = static_cast<double>(totalBefore);
            const double n2 = static_cast<double>(totalAfter);
            const double p = (cb + ca) / (n1 + n2);
            se = std::sqrt(p * (1 - p) * (1 / n1 + 1 / n2));
        } else { // counts at a fixed rate are Poisson: variance = count, scaled per run
            se = std::sqrt(cb * kBefore * kBefore + ca * kAfter * kAfter);
        }
        return se > 0 && std::abs(after(a) - before(b)) > kNoiseZ * se;
    }
    // Nobody can act on a change this small, and a faint tint on white claimed a change.
    bool unchanged(std::uint64_t b, std::uint64_t a) const
    {
        return std::abs(change(b, a)) < ProfileDiff::kNeutralChange ||
               std::abs(ProfileDiff::relativePct(before(b), after(a))) < ProfileDiff::kNeutralRelPct ||
               !beyondNoise(b, a);
    }
};

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
        v = static_cast<double>(p.durationOrSampleSpanNs());
        known = v > 0;
    };
    get(a, m.before, m.knownBefore);
    get(b, m.after, m.knownAfter);
    return m;
}

ProfileDiff::Metric cpuTime(const model::Profile &a, std::uint64_t ta, const model::Profile &b, std::uint64_t tb)
{
    ProfileDiff::Metric m{"CPU time", "ns"};
    const auto get = [](const model::Profile &p, std::uint64_t total, double &v, bool &known) {
        const RunScale s = scaleOf(p); // the same conversion absolute mode uses
        if (s.time) {
            v = static_cast<double>(total) * s.perWeight;
            known = true;
        }
    };
    get(a, ta, m.before, m.knownBefore);
    get(b, tb, m.after, m.knownAfter);
    return m;
}

ProfileDiff::Metric peakTimeline(const char *label, std::string_view timeline, const model::Profile &a,
                                 const model::Profile &b)
{
    ProfileDiff::Metric m{label, std::string(model::timelines::kBytes)};
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
std::vector<ProfileDiff::Node> diffTree(const Side &shape, const Side &other, bool shapeIsNew, const Valuer &v)
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
        n.valueBefore = v.before(n.before);
        n.valueAfter = v.after(n.after);
        n.change = v.change(n.before, n.after);
        n.unchanged = v.unchanged(n.before, n.after);
    }
    return out;
}
} // namespace

class ProfileDiffBuilder {
public:
    static ProfileDiff build(const model::Profile &base, const model::Profile &next, const DiffThresholds &t,
                             std::optional<DiffMode> mode)
    {
        ProfileDiff d;
        d.thresholds_ = t;
        d.weightUnit = next.meta.weightUnit.name();
        Side a(base);
        Side b(next);
        d.totalBefore_ = a.weights.total;
        d.totalAfter_ = b.weights.total;
        Valuer v = chooseMode(d, base, next, mode);

        std::unordered_map<std::string, std::uint32_t> index; // name '\0' module
        keyFunctions(d, a, b, index);
        const double minShare = t.minSharePct / 100.0;
        for (auto &fn : d.functions_) {
            fn.selfShareBefore = share(fn.selfBefore, d.totalBefore_);
            fn.selfShareAfter = share(fn.selfAfter, d.totalAfter_);
            fn.totalShareBefore = share(fn.totalBefore, d.totalBefore_);
            fn.totalShareAfter = share(fn.totalAfter, d.totalAfter_);
            fn.selfValueBefore = v.before(fn.selfBefore);
            fn.selfValueAfter = v.after(fn.selfAfter);
            fn.totalValueBefore = v.before(fn.totalBefore);
            fn.totalValueAfter = v.after(fn.totalAfter);
            fn.considered = fn.selfShareBefore >= minShare || fn.selfShareAfter >= minShare;
            fn.significant = v.beyondNoise(fn.selfBefore, fn.selfAfter);
            if (fn.considered && fn.significant)
                fn.verdict = verdictFor(fn.selfRelativePct(), t);
        }
        sortFunctions(d, a, b, index);
        d.forward_ = diffTree(b, a, true, v);
        d.reverse_ = diffTree(a, b, false, v);
        addMetrics(d, base, next);

        d.totalVerdict_ = verdictFor(d.totalTime().relativePct(), t);
        d.verdict_ = d.totalVerdict_;
        for (const auto &fn : d.functions_)
            d.verdict_ = std::max(d.verdict_, fn.verdict);
        return d;
    }

private:
    // The default rule (docs/compare.md): absolute when both runs share a sampling rate, or
    // both weights are already measured in one unit (time, bytes); else share of total.
    static Valuer chooseMode(ProfileDiff &d, const model::Profile &base, const model::Profile &next,
                             std::optional<DiffMode> wanted)
    {
        const RunScale sa = scaleOf(base);
        const RunScale sb = scaleOf(next);
        const bool sameWeights = base.meta.weightUnit == next.meta.weightUnit;
        Valuer v;
        v.counted =
            base.meta.weightUnit == model::WeightKind::Samples && next.meta.weightUnit == model::WeightKind::Samples;
        v.totalBefore = d.totalBefore_;
        v.totalAfter = d.totalAfter_;
        d.absoluteAvailable_ = (sa.time && sb.time) || sameWeights;
        if (sa.time && sb.time) {
            v.kBefore = sa.perWeight;
            v.kAfter = sb.perWeight;
        }
        d.absoluteQuantity_ = sa.time && sb.time ? "CPU time" : std::string(base.meta.weightUnit.name());
        const bool sameRate = d.absoluteAvailable_ && !sa.rate.empty() && sa.rate == sb.rate && sa.exact == sb.exact;
        d.defaultMode_ = sameRate ? DiffMode::Absolute : DiffMode::Share;
        if (sameRate)
            d.defaultReason_ = sa.exact ? "both runs' weights are " + (sa.time ? std::string("time") : sa.rate)
                                        : "both runs sampled at " + sa.rate;
        else if (!d.absoluteAvailable_)
            d.defaultReason_ = "the runs' weights differ (" + std::string(base.meta.weightUnit.name()) + ", " +
                               std::string(next.meta.weightUnit.name()) + ")";
        else if (sa.rate.empty() || sb.rate.empty())
            d.defaultReason_ = std::string("the sampling rate of ") +
                               (sa.rate.empty() && sb.rate.empty() ? "either run"
                                : sa.rate.empty()                  ? "the base run"
                                                                   : "the new run") +
                               " is not known";
        else
            d.defaultReason_ = "the runs' sampling rates differ (base " + sa.rate + ", new " + sb.rate + ")";
        d.mode_ = wanted.value_or(d.defaultMode_);
        if (!d.absoluteAvailable_)
            d.mode_ = DiffMode::Share;
        v.mode = d.mode_;
        if (d.mode_ == DiffMode::Absolute) {
            d.quantity_ = d.absoluteQuantity_;
            d.valueUnit_ = sa.time && sb.time ? "ns" : std::string(base.meta.weightUnit.name());
        }
        return v;
    }

    static void keyFunctions(ProfileDiff &d, Side &a, Side &b, std::unordered_map<std::string, std::uint32_t> &index)
    {
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
    }

    static void sortFunctions(ProfileDiff &d, Side &a, Side &b,
                              const std::unordered_map<std::string, std::uint32_t> &index)
    {
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
            const double dx = std::abs(x.selfDelta());
            const double dy = std::abs(y.selfDelta());
            if (dx != dy)
                return dx > dy;
            if (x.totalDelta() != y.totalDelta())
                return std::abs(x.totalDelta()) > std::abs(y.totalDelta());
            return x.name < y.name;
        });
        // Sorting moved the functions: renumber the keys the trees use.
        std::vector<std::uint32_t> newIndex(d.functions_.size());
        std::unordered_map<std::string, std::uint32_t> pos;
        for (std::uint32_t i = 0; i < d.functions_.size(); ++i)
            pos.emplace(d.functions_[i].name + '\0' + d.functions_[i].module, i);
        for (const auto &[key, old] : index)
            newIndex[old] = pos.at(key);
        for (Side *s : {&a, &b}) {
            for (auto &k : s->keyOf)
                k = newIndex[k];
        }
    }

    static void addMetrics(ProfileDiff &d, const model::Profile &base, const model::Profile &next)
    {
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
        d.metrics_.push_back(peakTimeline("peak RSS", model::timelines::kRss, base, next));
        d.metrics_.push_back(peakTimeline("peak heap", model::timelines::kHeap, base, next));
        // Shown, never part of the verdict (docs/compare.md).
        d.metrics_.push_back(allocationTotal("allocations", "count", &model::AllocationStats::calls, base, next));
        d.metrics_.push_back(allocationTotal("allocated bytes", "bytes", &model::AllocationStats::bytes, base, next));
        d.metrics_.push_back(
            allocationTotal("leaked bytes", "bytes", &model::AllocationStats::leakedBytes, base, next));
        // Total time: CPU time when both runs know it (work done, not inflated by waiting
        // on a loaded CI machine), else wall time, else the sample count.
        d.totalMetric_ = d.metrics_[1].known() ? 1 : (d.metrics_[0].known() ? 0 : 2);
    }
};

ProfileDiff ProfileDiff::compute(const model::Profile &base, const model::Profile &next,
                                 const DiffThresholds &thresholds, std::optional<DiffMode> mode)
{
    return ProfileDiffBuilder::build(base, next, thresholds, mode);
}

} // namespace perfwb::analysis
