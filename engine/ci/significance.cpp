// SPDX-License-Identifier: GPL-3.0-or-later
#include "significance.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <utility>

namespace perfwb::ci {

namespace {

// The largest side for which the exact distribution is counted (a table of n1*n2 cells).
constexpr std::size_t kExactLimit = 30;

// P(U <= u) under the null hypothesis, without ties: the share of the C(n1+n2, n1)
// orderings of the two samples whose U is at most u. f[j][k] counts the orderings of
// i values of `a` and j of `b` with U = k, built one value of `a` at a time.
double exactCdf(std::size_t n1, std::size_t n2, std::size_t u)
{
    const std::size_t maxU = n1 * n2;
    // counts[i][j][k] would be n1*n2*maxU; iterate i and keep one layer per i.
    std::vector<std::vector<double>> prev(n2 + 1, std::vector<double>(maxU + 1, 0));
    for (std::size_t j = 0; j <= n2; ++j)
        prev[j][0] = 1; // no value of a: one ordering, U = 0
    for (std::size_t i = 1; i <= n1; ++i) {
        std::vector<std::vector<double>> cur(n2 + 1, std::vector<double>(maxU + 1, 0));
        cur[0][0] = 1;
        for (std::size_t j = 1; j <= n2; ++j) {
            for (std::size_t k = 0; k <= maxU; ++k) {
                // The largest value is a's (it is above all j of b's: +j) or b's (+0).
                const double withA = k >= j ? prev[j][k - j] : 0;
                cur[j][k] = withA + cur[j - 1][k];
            }
        }
        prev = std::move(cur);
    }
    double below = 0;
    double all = 0;
    for (std::size_t k = 0; k <= maxU; ++k) {
        all += prev[n2][k];
        if (k <= u)
            below += prev[n2][k];
    }
    return all > 0 ? below / all : 1;
}

} // namespace

double Significance::mannWhitneyP(const std::vector<double> &a, const std::vector<double> &b)
{
    const std::size_t n1 = a.size();
    const std::size_t n2 = b.size();
    if (n1 == 0 || n2 == 0)
        return 1;
    std::vector<std::pair<double, bool>> all; // value, from a
    all.reserve(n1 + n2);
    for (double v : a)
        all.emplace_back(v, true);
    for (double v : b)
        all.emplace_back(v, false);
    std::sort(all.begin(), all.end(), [](const auto &x, const auto &y) { return x.first < y.first; });

    // Average ranks for ties; the tie term sum(t^3 - t) corrects the variance.
    double rankSumA = 0;
    double tieTerm = 0;
    for (std::size_t i = 0; i < all.size();) {
        std::size_t j = i;
        while (j < all.size() && all[j].first == all[i].first)
            ++j;
        const double rank = (static_cast<double>(i + 1) + static_cast<double>(j)) / 2.0;
        for (std::size_t k = i; k < j; ++k) {
            if (all[k].second)
                rankSumA += rank;
        }
        const double t = static_cast<double>(j - i);
        tieTerm += t * t * t - t;
        i = j;
    }
    const double dn1 = static_cast<double>(n1);
    const double dn2 = static_cast<double>(n2);
    const double u1 = rankSumA - dn1 * (dn1 + 1) / 2;
    const double uMin = std::min(u1, dn1 * dn2 - u1);

    if (tieTerm == 0 && n1 <= kExactLimit && n2 <= kExactLimit)
        return std::min(1.0, 2 * exactCdf(n1, n2, static_cast<std::size_t>(std::llround(uMin))));

    const double n = dn1 + dn2;
    const double variance = dn1 * dn2 / 12.0 * ((n + 1) - tieTerm / (n * (n - 1)));
    if (variance <= 0)
        return 1; // every value the same
    const double mean = dn1 * dn2 / 2.0;
    const double z = std::max(0.0, std::abs(u1 - mean) - 0.5) / std::sqrt(variance);
    return std::min(1.0, std::erfc(z / std::sqrt(2.0)));
}

Significance Significance::test(const std::vector<double> &before, const std::vector<double> &after)
{
    Significance s;
    if (before.empty() || after.empty()) {
        s.method = "none";
        return s;
    }
    if (before.size() >= kMinRunsForTest && after.size() >= kMinRunsForTest) {
        s.method = "mann-whitney";
        s.p = mannWhitneyP(before, after);
        s.significant = s.p < kAlpha;
        return s;
    }
    s.method = "ranges";
    const auto [bMin, bMax] = std::minmax_element(before.begin(), before.end());
    const auto [aMin, aMax] = std::minmax_element(after.begin(), after.end());
    s.significant = *bMax < *aMin || *aMax < *bMin;
    s.p = s.significant ? 0 : 1;
    return s;
}

} // namespace perfwb::ci
