// SPDX-License-Identifier: GPL-3.0-or-later
#include "sampletable.h"

#include <algorithm>

namespace perfwb::model {

void SampleTable::reserve(std::size_t n)
{
    times_.reserve(n);
    threads_.reserve(n);
    stacks_.reserve(n);
    if (weighted_)
        weights_.reserve(n);
    if (multiEvent_)
        events_.reserve(n);
}

void SampleTable::clear()
{
    times_.clear();
    threads_.clear();
    stacks_.clear();
    weights_.clear();
    events_.clear();
    weighted_ = false;
    multiEvent_ = false;
}

void SampleTable::materializeWeights()
{
    weights_.reserve(std::max(times_.capacity(), times_.size() + 1));
    weights_.assign(times_.size(), 1);
    weighted_ = true;
}

void SampleTable::materializeEvents()
{
    events_.reserve(std::max(times_.capacity(), times_.size() + 1));
    events_.assign(times_.size(), 0);
    multiEvent_ = true;
}

void SampleTable::remapEvents(const std::vector<std::uint16_t> &map)
{
    if (std::all_of(map.begin(), map.end(), [](std::uint16_t e) { return e == 0; })) {
        events_ = {};
        multiEvent_ = false;
        return;
    }
    if (!multiEvent_ && !times_.empty())
        materializeEvents();
    for (auto &e : events_)
        e = e < map.size() ? map[e] : e;
}

void SampleTable::shrinkToFit()
{
    times_.shrink_to_fit();
    threads_.shrink_to_fit();
    stacks_.shrink_to_fit();
    weights_.shrink_to_fit();
    events_.shrink_to_fit();
}

std::size_t SampleTable::bytesUsed() const
{
    return times_.capacity() * sizeof(std::int64_t) + threads_.capacity() * sizeof(ThreadIndex) +
           stacks_.capacity() * sizeof(StackId) + weights_.capacity() * sizeof(std::uint64_t) +
           events_.capacity() * sizeof(std::uint16_t);
}

} // namespace perfwb::model
