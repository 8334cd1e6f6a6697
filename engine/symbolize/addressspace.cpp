// SPDX-License-Identifier: GPL-3.0-or-later
#include "addressspace.h"

#include <algorithm>

namespace perfwb::symbolize {

Mapping::Kind Mapping::kindOf(std::string_view path)
{
    if (path.empty() || path == "//anon" || path.starts_with("[anon:") || path.starts_with("/memfd:") ||
        path.starts_with("/dev/zero"))
        return Kind::Anonymous;
    if (path == "[vdso]")
        return Kind::Vdso;
    if (path.starts_with('['))
        return Kind::Special;
    return Kind::File;
}

void AddressSpace::add(std::uint64_t start, std::uint64_t length, std::uint64_t pgoff, std::string_view path)
{
    if (length == 0)
        return;
    const std::uint64_t end = start + length < start ? ~std::uint64_t(0) : start + length;
    Mapping added;
    added.start = start;
    added.end = end;
    added.pgoff = pgoff;
    added.path = std::string(path);
    added.kind = Mapping::kindOf(path);
    last_ = 0;

    // Common case (loading /proc/PID/maps, new libraries): no overlap, one insert.
    auto pos = std::upper_bound(mappings_.begin(), mappings_.end(), start,
                                [](std::uint64_t a, const Mapping &m) { return a < m.end; });
    if (pos == mappings_.end() || pos->start >= end) {
        mappings_.insert(pos, std::move(added));
        return;
    }

    std::vector<Mapping> kept;
    kept.reserve(mappings_.size() + 2);
    for (auto &m : mappings_) {
        if (m.end <= start || m.start >= end) {
            kept.push_back(std::move(m));
            continue;
        }
        // Keep the parts of an overlapped mapping that stick out on either side.
        if (m.start < start) {
            Mapping left = m;
            left.end = start;
            kept.push_back(std::move(left));
        }
        if (m.end > end) {
            Mapping right = m;
            right.pgoff += end - m.start;
            right.start = end;
            kept.push_back(std::move(right));
        }
    }
    kept.push_back(std::move(added));
    std::sort(kept.begin(), kept.end(), [](const Mapping &a, const Mapping &b) { return a.start < b.start; });
    mappings_ = std::move(kept);
}

Mapping *AddressSpace::findSlow(std::uint64_t address)
{
    auto it = std::upper_bound(mappings_.begin(), mappings_.end(), address,
                               [](std::uint64_t a, const Mapping &m) { return a < m.start; });
    if (it == mappings_.begin())
        return nullptr;
    --it;
    if (address >= it->end)
        return nullptr;
    last_ = static_cast<std::size_t>(it - mappings_.begin());
    return &*it;
}

void AddressSpace::clear()
{
    mappings_.clear();
    last_ = 0;
}

} // namespace perfwb::symbolize
