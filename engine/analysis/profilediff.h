// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "model/profile.h"

#include <cstdint>
#include <optional>
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

// What a comparison compares: each function's absolute cost (CPU time: samples x the
// sampling period, or the weight itself when it is already time; else the weight unit),
// or its share of its own run's total. Shares are normalised: when one function gets
// slower, every other one's share falls although its time did not change.
enum class DiffMode { Absolute, Share };
const char *diffModeName(DiffMode m); // "absolute", "share"
std::optional<DiffMode> parseDiffMode(std::string_view name);

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
        // What the diff's mode compares: the shares above, or absolute values (valueUnit()).
        double selfValueBefore = 0, selfValueAfter = 0, totalValueBefore = 0, totalValueAfter = 0;
        bool considered = false;  // above min-share in either run
        bool significant = false; // the self change (in the mode) is beyond sampling noise
        DiffVerdict verdict = DiffVerdict::Pass;

        double selfDeltaPoints() const { return 100.0 * (selfShareAfter - selfShareBefore); }
        double totalDeltaPoints() const { return 100.0 * (totalShareAfter - totalShareBefore); }
        // Change of the mode's value (points/100 in share mode, valueUnit() in absolute mode).
        double selfDelta() const { return selfValueAfter - selfValueBefore; }
        double totalDelta() const { return totalValueAfter - totalValueBefore; }
        // Relative change of the mode's self value in percent; +inf for a function new in the run.
        double selfRelativePct() const { return relativePct(selfValueBefore, selfValueAfter); }
        double totalRelativePct() const { return relativePct(totalValueBefore, totalValueAfter); }
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
        double valueBefore = 0, valueAfter = 0; // what the mode compares (as Function's)
        // The change for colouring: points/100 of the total in share mode, of the base run's
        // absolute total in absolute mode (same scale: full colour at 0.10).
        double change = 0;
        // Within the neutral band: a tiny or noise-sized change, drawn in the neutral colour.
        bool unchanged = true;
        std::vector<std::uint32_t> children; // heaviest (in the tree's own run) first
        double relativePct() const { return ProfileDiff::relativePct(valueBefore, valueAfter); }
    };

    // `mode` unset: defaultMode(). Absolute when unavailable falls back to share.
    static ProfileDiff compute(const model::Profile &base, const model::Profile &next,
                               const DiffThresholds &thresholds = {}, std::optional<DiffMode> mode = {});

    DiffMode mode() const { return mode_; }
    // Absolute when both runs share a sampling rate (or both weights are time, bytes...),
    // else share; defaultReason() says why, for the UI ("both runs sampled at 999 Hz").
    DiffMode defaultMode() const { return defaultMode_; }
    const std::string &defaultReason() const { return defaultReason_; }
    bool absoluteAvailable() const { return absoluteAvailable_; }
    // "CPU time", "samples", "bytes" (absolute), or "share of total".
    const std::string &quantity() const { return quantity_; }
    // What absolute mode compares ("CPU time", "samples"...), whichever mode is shown.
    const std::string &absoluteQuantity() const { return absoluteQuantity_; }
    // The unit of Function/Node values: "ns", "samples", "bytes"..., or "share" (fractions).
    const std::string &valueUnit() const { return valueUnit_; }
    // "change in CPU time" / "change in share of total": what the colours and verdicts show.
    std::string modeLabel() const { return "change in " + quantity_; }

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
    // The neutral band: changes below this part of the total (Node::change), or below this
    // relative change, or within sampling noise, count as unchanged.
    static constexpr double kNeutralChange = 0.001;
    static constexpr double kNeutralRelPct = 3.0;

private:
    std::vector<Function> functions_;
    std::vector<Metric> metrics_;
    std::size_t totalMetric_ = 0;
    DiffVerdict totalVerdict_ = DiffVerdict::Pass;
    DiffVerdict verdict_ = DiffVerdict::Pass;
    DiffThresholds thresholds_;
    DiffMode mode_ = DiffMode::Share;
    DiffMode defaultMode_ = DiffMode::Share;
    bool absoluteAvailable_ = false;
    std::string defaultReason_;
    std::string quantity_ = "share of total";
    std::string absoluteQuantity_;
    std::string valueUnit_ = "share";
    std::vector<Node> forward_;
    std::vector<Node> reverse_;
    std::uint64_t totalBefore_ = 0;
    std::uint64_t totalAfter_ = 0;
    friend class ProfileDiffBuilder;
};

} // namespace perfwb::analysis
