// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace perfwb::model {

// The name of a frame no symbol covers. By default one frame per module ("[libfoo.so]",
// "[jit]", "[unknown]", "[kernel]"), as perf report shows "[unknown]" per DSO: a name per
// address (36 frames "[jit]+0x..." where perf showed one) shreds a flame graph into
// slivers. With addresses kept ("perfwb --addresses ..."): "libfoo.so+0x1f3a", where the
// offset is into the module's file, or the address where there is no module.
std::string unresolvedName(std::string_view module, std::uint64_t offset);

// Process-wide, set once from the command line before anything is read or recorded.
void setKeepUnresolvedAddresses(bool keep);
bool keepUnresolvedAddresses();

} // namespace perfwb::model
