// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "model/sampletable.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace perfwb::store {

// The bytes of one row of `sample_blocks` (schema 3, docs/formats.md): up to kMaxSamples
// consecutive samples, each four varints, time as a zigzag delta from the previous sample
// of the block (the first from 0), then thread, stack and weight. One row and one blob
// per block instead of one row per sample: SQLite's per-row cost was most of writing and
// reading a report.
class SampleBlock {
public:
    static constexpr std::size_t kMaxSamples = 8192;

    // Appends samples [from, to) of `samples` (times, threads, stacks, weights) to `out`.
    static void encode(const model::SampleTable &samples, std::size_t from, std::size_t to, std::string &out);
    // Appends the `count` samples in `data` to `out` (event 0). False, with `out` then
    // holding part of them, unless `data` is exactly `count` well-formed samples.
    static bool decode(std::string_view data, std::size_t count, std::vector<model::Sample> &out);
};

} // namespace perfwb::store
