// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "model/frame.h"

#include <cstdint>
#include <string>

namespace perfwb::symbolize {

// One source-level frame for an address (an address inside inlined code gives
// several: the inlined ones first, marked inlined, then the real function).
struct ResolvedFrame {
    std::string function; // demangled; "module+0xoffset" when unknown, never empty
    std::string module;   // file name of the ELF object ("libc.so.6", "[kernel]", "[jit]")
    std::string file;     // source file, empty when unknown
    std::uint32_t line = 0;
    bool inlined = false;
    model::FrameKind kind = model::FrameKind::Native;
};

} // namespace perfwb::symbolize
