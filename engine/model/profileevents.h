// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "profile.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace perfwb::model {

// A profile's events as the views, `info`, `diff` and the exporters see them: each event is
// its own cost, and a view shows one event at a time (the first unless chosen), so unlike
// things (cycles and instructions) are never added up.
class ProfileEvents {
public:
    // One entry per event, in the profile's order. A profile with one event has one entry,
    // named by meta.sampler.event (empty when its source names none) in meta.weightUnit.
    static std::vector<EventType> list(const Profile &profile);
    // Samples and total weight of each event, indexed like list().
    static std::vector<std::uint64_t> sampleCounts(const Profile &profile);
    static std::vector<std::uint64_t> weights(const Profile &profile);
    // The event called `name` (perf's modifiers ignored: "cycles:u" finds "cycles").
    static std::optional<std::size_t> find(const Profile &profile, std::string_view name);
    // "cycles, instructions": what a "no such event" error offers instead.
    static std::string names(const Profile &profile);
    // Keeps only the samples of event `index` and makes `profile` a profile of that one
    // event: meta.sampler.event names it, meta.weightUnit is its unit, and
    // meta.extra["events"] keeps the list it was chosen from. Does nothing for a profile
    // with one event.
    static void keepOnly(Profile &profile, std::size_t index);
};

} // namespace perfwb::model
