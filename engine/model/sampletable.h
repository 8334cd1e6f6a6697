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
    std::uint16_t event = 0; // index into Profile::events; 0 in a profile with one event
};

// Column-wise storage, so analysis passes touch only the columns they need.
// A recording weighs every sample 1: the weight column is only materialised once
// a weight other than 1 arrives, so samples cost 16 bytes (8 + 4 + 4) in a
// recording and 24 (+ 8) in weighted imports, with no padding either way. The event
// column is materialised the same way, only in a profile sampled with several events.
class SampleTable {
public:
    void add(const Sample &s)
    {
        if (s.weight != 1 && !weighted_)
            materializeWeights();
        if (s.event != 0 && !multiEvent_)
            materializeEvents();
        times_.push_back(s.timeNs);
        threads_.push_back(s.thread);
        stacks_.push_back(s.stack);
        if (weighted_)
            weights_.push_back(s.weight);
        if (multiEvent_)
            events_.push_back(s.event);
    }
    std::size_t size() const { return times_.size(); }
    bool empty() const { return times_.empty(); }
    Sample at(std::size_t i) const { return {times_[i], threads_[i], stacks_[i], weight(i), event(i)}; }
    std::int64_t time(std::size_t i) const { return times_[i]; }
    ThreadIndex thread(std::size_t i) const { return threads_[i]; }
    StackId stack(std::size_t i) const { return stacks_[i]; }
    std::uint64_t weight(std::size_t i) const { return weighted_ ? weights_[i] : 1; }
    bool hasUniformWeights() const { return !weighted_; }
    std::uint16_t event(std::size_t i) const { return multiEvent_ ? events_[i] : 0; }
    // Renumbers the samples' events: sample i's event e becomes map[e] (an importer that
    // learns the events' order only at the end of the file).
    void remapEvents(const std::vector<std::uint16_t> &map);
    void setEvent(std::size_t i, std::uint16_t event)
    {
        if (event != 0 && !multiEvent_)
            materializeEvents();
        if (multiEvent_)
            events_[i] = event;
    }
    void reserve(std::size_t n);
    // Empties the table but keeps its capacity (a recorder reuses it batch after batch).
    void clear();
    void shrinkToFit();
    std::size_t bytesUsed() const;

private:
    void materializeWeights();
    void materializeEvents();

    std::vector<std::int64_t> times_;
    std::vector<ThreadIndex> threads_;
    std::vector<StackId> stacks_;
    std::vector<std::uint64_t> weights_; // only when weighted_
    std::vector<std::uint16_t> events_;  // only when multiEvent_
    bool weighted_ = false;
    bool multiEvent_ = false;
};

} // namespace perfwb::model
