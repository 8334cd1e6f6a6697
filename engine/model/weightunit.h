// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <string>
#include <string_view>

namespace perfwb::model {

// What a sample's weight counts. perfwb computes with three kinds: samples (a recording,
// perf, folded stacks), nanoseconds (time-weighted profiles: speedscope, cProfile, Chrome,
// Scalene) and bytes (allocations); other tools' events are kept by name (callgrind's "Ir").
enum class WeightKind { Samples, Nanoseconds, Bytes, Other };

class WeightUnit {
public:
    WeightUnit() = default;
    // One of the three kinds; a unit of kind Other comes from fromName().
    WeightUnit(WeightKind kind) // NOLINT(google-explicit-constructor): a kind is a unit
        : kind_(kind)
    {}
    // "samples", "nanoseconds", "bytes", or the name of another event.
    static WeightUnit fromName(std::string_view name);

    WeightKind kind() const { return kind_; }
    std::string_view name() const;
    friend bool operator==(const WeightUnit &a, const WeightUnit &b) = default;

private:
    WeightKind kind_ = WeightKind::Samples;
    std::string other_; // the event's name for WeightKind::Other
};

} // namespace perfwb::model
