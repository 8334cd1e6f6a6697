#pragma once
#include "model/profile.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace perfwb::analysis {

// Thresholds of a comparison, in percent (10 = 10 %). See docs/compare.md.
struct DiffThresholds {
    double warnAbovePct = 10;
    double failAbovePct = 20;
    double minSharePct = 1; // functions below this self share (in both runs) never move the verdict
};

enum class DiffVerdict { Pass = 0, Warn = 1, Fail = 2 };
const char *diffVerdictName(DiffVerdict v); // "pass", "warn", "fail"

// Compares a base run with a new run. Functions are matched by name + module, never by
// address (ASLR, rebuilt binaries). Shares are fractions (0..1) of each run's own total
// weight, so runs of different length compare; raw weights are kept alongside.
class ProfileDiff {
public:
    struct Function {
        std::string name;
        std::string module;
        std::uint64_t selfBefore = 0, selfAfter = 0, totalBefore = 0, totalAfter = 0;
        double selfShareBefore = 0, selfShareAfter = 0, totalShareBefore = 0, totalShareAfter = 0;
        bool considered = false;  // above min-share in either run
        bool significant = false; // the self-share change is beyond sampling noise
        DiffVerdict verdict = DiffVerdict::Pass;

        double selfDeltaPoints() const { return 100.0 * (selfShareAfter - selfShareBefore); }
        double totalDeltaPoints() const { return 100.0 * (totalShareAfter - totalShareBefore); }
        // Relative change of the self share in percent; +inf for a function new in the run.
        double selfRelativePct() const { return relativePct(selfShareBefore, selfShareAfter); }
        double totalRelativePct() const { return relativePct(totalShareBefore, totalShareAfter); }
    };

    // One summary figure; `known` is false when a run does not carry it.
    struct Metric {
        // "wall time", "CPU time", "samples", "lost samples", "peak RSS", "peak heap",
        // "allocations", "allocated bytes", "leaked bytes" (in this order)
        std::string name;
        std::string unit; // "ns", "samples", "bytes", "count"
        double before = 0, after = 0;
        bool knownBefore = false, knownAfter = false;
        bool known() const { return knownBefore && knownAfter; }
        double relativePct() const { return ProfileDiff::relativePct(before, after); }
    };

    // A node of the differential flamegraph. Shares are each run's node total divided by
    // that run's total weight; `function` indexes functions().
    struct Node {
        std::uint32_t function = ~std::uint32_t{0}; // root: none
        std::uint32_t parent = 0;
        std::uint32_t depth = 0;
        std::uint64_t before = 0, after = 0; // node total weight in each run
        double shareBefore = 0, shareAfter = 0;
        std::vector<std::uint32_t> children; // heaviest (in the tree's own run) first
    };

    static ProfileDiff compute(const model::Profile &base, const model::Profile &next,
                               const DiffThresholds &thresholds = {});

    // Every function seen in either run: regressions by verdict, then by the size of the
    // self-share change (largest first); functions with no weight in either run (frames
    // only allocation stacks use) last.
    const std::vector<Function> &functions() const { return functions_; }
    const std::vector<Metric> &metrics() const { return metrics_; }
    // The metric called `name` (Metric::name), or nullptr.
    const Metric *metric(std::string_view name) const;
    // The metric the total-time verdict uses (see docs/compare.md).
    const Metric &totalTime() const { return metrics_[totalMetric_]; }
    DiffVerdict totalVerdict() const { return totalVerdict_; }
    DiffVerdict verdict() const { return verdict_; }
    const DiffThresholds &thresholds() const { return thresholds_; }
    // Shape from the new run (node matched in the base by the path of function keys)...
    const std::vector<Node> &forwardTree() const { return forward_; }
    // ...and from the base run, so frames that vanished stay visible.
    const std::vector<Node> &reverseTree() const { return reverse_; }
    std::uint64_t totalBefore() const { return totalBefore_; }
    std::uint64_t totalAfter() const { return totalAfter_; }
    std::string weightUnit; // of the new run

    static double relativePct(double before, double after);

private:
    std::vector<Function> functions_;
    std::vector<Metric> metrics_;
    std::size_t totalMetric_ = 0;
    DiffVerdict totalVerdict_ = DiffVerdict::Pass;
    DiffVerdict verdict_ = DiffVerdict::Pass;
    DiffThresholds thresholds_;
    std::vector<Node> forward_;
    std::vector<Node> reverse_;
    std::uint64_t totalBefore_ = 0;
    std::uint64_t totalAfter_ = 0;
    friend class ProfileDiffBuilder;
};

} // namespace perfwb::analysis
