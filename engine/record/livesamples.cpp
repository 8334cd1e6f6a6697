// SPDX-License-Identifier: GPL-3.0-or-later
#include "livesamples.h"

#include <algorithm>
#include <tuple>

namespace perfwb::record {

namespace {

// Floor division: a sample a little older than the first one (rings are read per CPU,
// so batches are not strictly in time order) lands in bin -1, not bin 0.
std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    const std::int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

} // namespace

LiveSamples::LiveSamples(std::size_t maxBins, std::int64_t firstBinNs)
    : maxBins_(std::max<std::size_t>(maxBins, 2))
    , binNs_(std::max<std::int64_t>(firstBinNs, 1))
{}

bool LiveSamples::keyLess(const Entry &a, const Entry &b)
{
    return std::tie(a.bin, a.thread, a.stack) < std::tie(b.bin, b.thread, b.stack);
}

bool LiveSamples::sameKey(const Entry &a, const Entry &b)
{
    return a.bin == b.bin && a.thread == b.thread && a.stack == b.stack;
}

void LiveSamples::mergeEqualFrom(std::size_t from)
{
    if (entries_.size() - from < 2)
        return;
    std::size_t out = from;
    for (std::size_t i = from + 1; i < entries_.size(); ++i) {
        if (sameKey(entries_[out], entries_[i]))
            entries_[out].weight += entries_[i].weight;
        else
            entries_[++out] = entries_[i];
    }
    entries_.resize(out + 1);
}

void LiveSamples::add(const model::SampleTable &batch)
{
    if (batch.empty())
        return;
    if (!haveOrigin_) {
        originNs_ = batch.time(0);
        for (std::size_t i = 1; i < batch.size(); ++i)
            originNs_ = std::min(originNs_, batch.time(i));
        haveOrigin_ = true;
    }
    const std::size_t old = entries_.size();
    for (std::size_t i = 0; i < batch.size(); ++i) {
        const std::uint64_t w = batch.weight(i);
        totalWeight_ += w;
        entries_.push_back({floorDiv(batch.time(i) - originNs_, binNs_), batch.thread(i), batch.stack(i), w});
    }
    std::sort(entries_.begin() + static_cast<std::ptrdiff_t>(old), entries_.end(), keyLess);
    mergeEqualFrom(old);
    // Batches come in time order but overlap at their edges: merge only from the first
    // entry the new ones can meet, which keeps a flush O(batch), not O(recording).
    const auto firstNew = entries_.begin() + static_cast<std::ptrdiff_t>(old);
    const auto meet = std::lower_bound(entries_.begin(), firstNew, *firstNew, keyLess);
    std::inplace_merge(meet, firstNew, entries_.end(), keyLess);
    mergeEqualFrom(static_cast<std::size_t>(meet - entries_.begin()));
    while (entries_.back().bin - entries_.front().bin >= static_cast<std::int64_t>(maxBins_))
        widenBins();
}

void LiveSamples::widenBins()
{
    binNs_ *= 2;
    for (Entry &e : entries_)
        e.bin = floorDiv(e.bin, 2);
    // Halving keeps (bin, thread, stack) order except between the two old bins that now
    // share a bin, so one stable sort of nearly sorted data and one merge pass do.
    std::stable_sort(entries_.begin(), entries_.end(), keyLess);
    mergeEqualFrom(0);
    entries_.shrink_to_fit();
}

void LiveSamples::appendTo(model::SampleTable &out) const
{
    out.reserve(out.size() + entries_.size());
    for (const Entry &e : entries_)
        out.add({originNs_ + e.bin * binNs_, e.thread, e.stack, e.weight});
}

} // namespace perfwb::record
