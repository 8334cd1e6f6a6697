// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <string>
#include <vector>

namespace perfwb::ci {

// Whether two sets of repeated measurements differ beyond their spread, so a noisy
// machine does not report a change that is only noise (docs/performance/ci-workflow.md).
//   both sides >= kMinRunsForTest runs: Mann-Whitney U, two-sided, p < kAlpha (exact
//     distribution up to 30 runs a side without ties, else the normal approximation
//     with the tie correction);
//   fewer runs: the ranges [min, max] must not overlap (with 3 runs a side the exact
//     test cannot reach p < 0.05 at all).
struct Significance {
    static constexpr std::size_t kMinRunsForTest = 5;
    static constexpr double kAlpha = 0.05;

    bool significant = false;
    std::string method; // "mann-whitney" or "ranges"
    double p = 1;       // the test's p-value; 0 or 1 for the ranges rule

    static Significance test(const std::vector<double> &before, const std::vector<double> &after);

    // Two-sided p-value of the Mann-Whitney U test (1 when a side is empty).
    static double mannWhitneyP(const std::vector<double> &a, const std::vector<double> &b);
};

} // namespace perfwb::ci
