// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "weightunit.h"

#include <string>

namespace perfwb::model {

// One of the events a profile's samples were taken of: perf's "cycles" or "cpu-clock"
// (its base name, without modifiers such as ":u"), callgrind's "Ir".
struct EventType {
    std::string name;
    WeightUnit unit; // what this event's samples weigh in
    friend bool operator==(const EventType &a, const EventType &b) = default;
};

} // namespace perfwb::model
