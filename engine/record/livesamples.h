// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "model/sampletable.h"

#include <cstdint>
#include <vector>

namespace perfwb::record {

// The samples a long recording has already written to its report, kept for the live
// view as weights per (time bin, thread, stack) instead of one row per sample. The
// flame graph, call tree and top functions stay exact; the timeline keeps the bins'
// resolution. Bins start at 10 ms and double whenever there are more than maxBins, so
// memory follows the number of distinct stacks, not the recording's length: an hour
// at 10,000 samples/s is 36 M rows, but a few hundred thousand entries here.
class LiveSamples {
public:
    explicit LiveSamples(std::size_t maxBins = 2048, std::int64_t firstBinNs = 10'000'000);

    // Merges a batch of samples (any order) into the bins.
    void add(const model::SampleTable &batch);
    // The bins as weighted samples, each at the start of its bin, in time order.
    void appendTo(model::SampleTable &out) const;

    std::size_t entries() const { return entries_.size(); }
    std::uint64_t totalWeight() const { return totalWeight_; }
    std::int64_t binNs() const { return binNs_; }
    std::size_t bytesUsed() const { return entries_.capacity() * sizeof(Entry); }

private:
    struct Entry {
        std::int64_t bin;
        model::ThreadIndex thread;
        model::StackId stack;
        std::uint64_t weight;
    };
    static bool keyLess(const Entry &a, const Entry &b);
    static bool sameKey(const Entry &a, const Entry &b);
    // Sums the weights of equal neighbours in [from, end), which must be sorted.
    void mergeEqualFrom(std::size_t from);
    void widenBins();

    std::size_t maxBins_;
    std::int64_t binNs_;
    std::int64_t originNs_ = 0; // the first sample's time: bin 0 starts there
    bool haveOrigin_ = false;
    std::uint64_t totalWeight_ = 0;
    std::vector<Entry> entries_; // sorted by (bin, thread, stack), keys unique
};

} // namespace perfwb::record
