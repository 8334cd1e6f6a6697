// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "stringtable.h"

#include <cstdint>

namespace perfwb::model {

constexpr std::int64_t kUnknownTime = -1;

struct ThreadInfo {
    std::int32_t pid = 0;
    std::int32_t tid = 0;
    StringId name = 0;
    std::int64_t startNs = kUnknownTime;
    std::int64_t endNs = kUnknownTime;
};

struct ProcessInfo {
    std::int32_t pid = 0;
    std::int32_t parentPid = 0;
    StringId name = 0;
    std::int64_t startNs = kUnknownTime;
    std::int64_t endNs = kUnknownTime;
};

} // namespace perfwb::model
