// SPDX-License-Identifier: GPL-3.0-or-later
#include "pythonlinetable.h"

namespace perfwb::symbolize {

namespace {

// Entry codes (the first byte's bits 3-6).
constexpr int kNoColumns = 13;
constexpr int kLong = 14;
constexpr int kNone = 15;
constexpr int kOneLine0 = 10;
constexpr int kOneLine2 = 12;

// A varint of 6-bit chunks, bit 6 set on every chunk but the last; 0 when cut short.
std::uint32_t readVarint(std::span<const std::uint8_t> table, std::size_t pos)
{
    std::uint32_t value = 0;
    for (unsigned shift = 0; pos < table.size() && shift < 32; shift += 6) {
        const std::uint8_t b = table[pos++];
        value |= static_cast<std::uint32_t>(b & 63) << shift;
        if ((b & 64) == 0)
            break;
    }
    return value;
}

std::int32_t lineDelta(std::span<const std::uint8_t> table, std::size_t pos)
{
    const int code = (table[pos] >> 3) & 15;
    if (code == kNoColumns || code == kLong) {
        const std::uint32_t v = readVarint(table, pos + 1);
        return (v & 1) != 0 ? -static_cast<std::int32_t>(v >> 1) : static_cast<std::int32_t>(v >> 1);
    }
    if (code >= kOneLine0 && code <= kOneLine2)
        return code - kOneLine0;
    return 0;
}

} // namespace

std::uint32_t pythonLine(std::span<const std::uint8_t> table, std::int32_t firstLine, std::int64_t index)
{
    if (index < 0)
        return firstLine > 0 ? static_cast<std::uint32_t>(firstLine) : 0;
    std::int64_t line = firstLine;
    std::int64_t start = 0;
    std::size_t pos = 0;
    while (pos < table.size()) {
        // An entry starts at a byte with bit 7 set; anything else is a damaged table.
        if ((table[pos] & 0x80) == 0)
            return 0;
        const int code = (table[pos] >> 3) & 15;
        const std::int64_t length = (table[pos] & 7) + 1;
        line += lineDelta(table, pos);
        if (index < start + length)
            return code == kNone || line <= 0 ? 0 : static_cast<std::uint32_t>(line);
        start += length;
        ++pos;
        while (pos < table.size() && (table[pos] & 0x80) == 0)
            ++pos;
    }
    return 0;
}

} // namespace perfwb::symbolize
