// SPDX-License-Identifier: GPL-3.0-or-later
#include "stringtable.h"

namespace perfwb::model {

StringTable::StringTable()
{
    intern({});
}

StringId StringTable::intern(std::string_view text)
{
    if (auto it = index_.find(text); it != index_.end())
        return it->second;
    const auto id = static_cast<StringId>(strings_.size());
    const std::string &stored = strings_.emplace_back(text);
    index_.emplace(std::string_view(stored), id);
    return id;
}

std::size_t StringTable::bytesUsed() const
{
    std::size_t bytes = 0;
    for (const auto &s : strings_)
        bytes += sizeof(std::string) + (s.capacity() > 15 ? s.capacity() : 0);
    return bytes + index_.size() * (sizeof(std::string_view) + sizeof(StringId) + 2 * sizeof(void *));
}

} // namespace perfwb::model
