// SPDX-License-Identifier: GPL-3.0-or-later
#include "pythontext.h"

#include "core/utf8.h"

#include <cstring>

namespace perfwb::symbolize {

PythonTextShape pythonTextShape(std::uint32_t state)
{
    PythonTextShape s;
    s.kind = (state >> 2) & 7;
    s.compact = ((state >> 5) & 1) != 0;
    s.ascii = ((state >> 6) & 1) != 0;
    return s;
}

void pythonTextToUtf8(unsigned kind, std::span<const std::uint8_t> units, std::string &out)
{
    out.clear();
    if (kind != 1 && kind != 2 && kind != 4)
        return;
    for (std::size_t i = 0; i + kind <= units.size(); i += kind) {
        std::uint32_t c = units[i];
        if (kind == 2) {
            std::uint16_t u = 0;
            std::memcpy(&u, units.data() + i, sizeof u);
            c = u;
        } else if (kind == 4) {
            std::memcpy(&c, units.data() + i, sizeof c);
        }
        if ((c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF)
            c = 0xFFFD;
        appendUtf8(static_cast<char32_t>(c), out);
    }
}

} // namespace perfwb::symbolize
