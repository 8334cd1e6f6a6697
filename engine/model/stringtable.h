// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>

namespace perfwb::model {

using StringId = std::uint32_t;

// Interns every name once; frames and threads refer to strings by id.
// Id 0 is always the empty string.
class StringTable {
public:
    StringTable();
    StringId intern(std::string_view text);
    std::string_view view(StringId id) const { return strings_[id]; }
    std::string str(StringId id) const { return strings_[id]; }
    std::size_t size() const { return strings_.size(); }
    std::size_t bytesUsed() const;

private:
    // A deque never moves its elements, so the views used as keys stay valid.
    std::deque<std::string> strings_;
    std::unordered_map<std::string_view, StringId> index_;
};

} // namespace perfwb::model
