// SPDX-License-Identifier: GPL-3.0-or-later
#include "sampleblock.h"

#include <cstdint>
#include <limits>

namespace perfwb::store {

namespace {

void putVarint(std::string &out, std::uint64_t v)
{
    while (v >= 0x80) {
        out.push_back(static_cast<char>(v | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<char>(v));
}

// False at the end of the data or on a varint longer than 64 bits.
bool getVarint(const unsigned char *&p, const unsigned char *end, std::uint64_t &v)
{
    v = 0;
    for (unsigned shift = 0; p < end; shift += 7) {
        const unsigned byte = *p++;
        if (shift == 63 && byte > 1)
            return false;
        v |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
        if ((byte & 0x80) == 0)
            return true;
        if (shift == 63)
            return false;
    }
    return false;
}

} // namespace

void SampleBlock::encode(const model::SampleTable &samples, std::size_t from, std::size_t to, std::string &out)
{
    out.reserve(out.size() + (to - from) * 8);
    std::uint64_t previous = 0;
    for (std::size_t i = from; i < to; ++i) {
        // Unsigned arithmetic: wraps instead of overflowing, and the reader wraps back.
        const auto time = static_cast<std::uint64_t>(samples.time(i));
        const std::uint64_t delta = time - previous;
        putVarint(out, (delta << 1) ^ (0 - (delta >> 63))); // zigzag: small either way
        previous = time;
        putVarint(out, samples.thread(i));
        putVarint(out, samples.stack(i));
        putVarint(out, samples.weight(i));
    }
}

bool SampleBlock::decode(std::string_view data, std::size_t count, std::vector<model::Sample> &out)
{
    const auto *p = reinterpret_cast<const unsigned char *>(data.data());
    const auto *end = p + data.size();
    std::uint64_t previous = 0;
    for (std::size_t i = 0; i < count; ++i) {
        std::uint64_t zigzag = 0, thread = 0, stack = 0, weight = 0;
        if (!getVarint(p, end, zigzag) || !getVarint(p, end, thread) || !getVarint(p, end, stack) ||
            !getVarint(p, end, weight))
            return false;
        if (thread > std::numeric_limits<model::ThreadIndex>::max() ||
            stack > std::numeric_limits<model::StackId>::max())
            return false;
        previous += (zigzag >> 1) ^ (0 - (zigzag & 1));
        out.push_back({static_cast<std::int64_t>(previous), static_cast<model::ThreadIndex>(thread),
                       static_cast<model::StackId>(stack), weight, 0});
    }
    return p == end;
}

} // namespace perfwb::store
