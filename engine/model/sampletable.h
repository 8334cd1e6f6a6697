// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "stacktrie.h"

#include <cstdint>
#include <vector>

namespace perfwb::model {

using ThreadIndex = std::uint32_t;

struct Sample {
    std::int64_t timeNs = 0;
    ThreadIndex thread = 0;
    StackId stack = kEmptyStack;
    std::uint64_t weight = 1;
};

// Column-wise storage, so analysis passes touch only the columns they need.
// A recording weighs every sample 1: the weight column is only materialised once
// a weight other than 1 arrives, so samples cost 16 bytes (8 + 4 + 4) in a
// recording and 24 (+ 8) in weighted imports, with no padding either way.
class SampleTable {
public:
    void add(const Sample &s)
    {
        if (s.weight != 1 && !weighted_)
            materializeWeights();
        times_.push_back(s.timeNs);
        threads_.push_back(s.thread);
        stacks_.push_back(s.stack);
        if (weighted_)
            weights_.push_back(s.weight);
    }
    std::size_t size() const { return times_.size(); }
    bool empty() const { return times_.empty(); }
    Sample at(std::size_t i) const { return {times_[i], threads_[i], stacks_[i], weight(i)}; }
    std::int64_t time(std::size_t i) const { return times_[i]; }
    ThreadIndex thread(std::size_t i) const { return threads_[i]; }
    StackId stack(std::size_t i) const { return stacks_[i]; }
    std::uint64_t weight(std::size_t i) const { return weighted_ ? weights_[i] : 1; }
    bool hasUniformWeights() const { return !weighted_; }
    void reserve(std::size_t n);
    // Empties the table but keeps its capacity (a recorder reuses it batch after batch).
    void clear();
    void shrinkToFit();
    std::size_t bytesUsed() const;

private:
    void materializeWeights();

    std::vector<std::int64_t> times_;
    std::vector<ThreadIndex> threads_;
    std::vector<StackId> stacks_;
    std::vector<std::uint64_t> weights_; // only when weighted_
    bool weighted_ = false;
};

} // namespace perfwb::model
