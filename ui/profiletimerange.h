// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "model/profile.h"

#include <cstdint>

namespace perfwb::ui {

// The time span a profile covers on its own clock: samples, timeline points, marks
// and known thread lifetimes. The timeline and the memory plot both use `begin` as
// their zero, so "1.5 s" means the same instant in every view.
struct ProfileTimeRange {
    std::int64_t begin = 0;
    std::int64_t end = 0;
    bool valid() const { return end > begin; }

    static ProfileTimeRange of(const model::Profile &profile);
};

} // namespace perfwb::ui
