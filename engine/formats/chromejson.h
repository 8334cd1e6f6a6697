// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the Chrome trace and .cpuprofile importers share beyond the common JSON helpers
// (jsonimportsupport.h, re-exported here): microsecond times.
#include "jsonimportsupport.h"

#include <QJsonValue>

#include <cstdint>
#include <optional>

namespace perfwb::formats::chromejson {

using jsonimport::describe;
using jsonimport::fail;
using jsonimport::firstCharacter;
using jsonimport::integer;
using jsonimport::numberText;
using jsonimport::parse;
using jsonimport::shown;

// Microseconds (as a JSON number) to nanoseconds; nothing when not a finite number or
// so large that nanoseconds would not fit comfortably in 64 bits.
std::optional<std::int64_t> microsToNanos(const QJsonValue &v);

} // namespace perfwb::formats::chromejson
