// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// CPython's compact str objects (PyASCIIObject, PyCompactUnicodeObject) as bytes read
// from a process or sent by the allocation tracker: the state word says how the code
// units after the header are stored.
#include <cstdint>
#include <span>
#include <string>

namespace perfwb::symbolize {

struct PythonTextShape {
    unsigned kind = 0;    // bytes per code unit: 1, 2 or 4
    bool compact = false; // the text follows the header (every str perfwb reads)
    bool ascii = false;   // the shorter PyASCIIObject header
    bool readable() const { return compact && (kind == 1 || kind == 2 || kind == 4); }
};

// The bit-field word `state` of 3.11 and 3.12 (interned:2, kind:3, compact:1, ascii:1).
PythonTextShape pythonTextShape(std::uint32_t state);

// Code units of `kind` bytes as UTF-8 into `out` (replaced); lone surrogates
// (surrogateescape'd file names) become U+FFFD.
void pythonTextToUtf8(unsigned kind, std::span<const std::uint8_t> units, std::string &out);

} // namespace perfwb::symbolize
