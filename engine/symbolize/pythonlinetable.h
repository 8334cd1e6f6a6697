// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <cstdint>
#include <span>

namespace perfwb::symbolize {

// The source line of code unit `index` in a CPython 3.11/3.12 location table
// (co_linetable, Objects/locations.md): entries of (length, line delta[, columns]).
// `index` < 0 (a frame that has not run an instruction yet) gives `firstLine`; an index
// past the table or in an entry without a location gives 0.
std::uint32_t pythonLine(std::span<const std::uint8_t> table, std::int32_t firstLine, std::int64_t index);

} // namespace perfwb::symbolize
