// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "core/result.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace perfwb::formats {

// One value of Python's marshal format, as far as data files use it (no code objects).
// Values live in MarshalReader's arena and refer to their items by index, so a
// back-reference ('r') is just the index of an earlier value and nothing is copied.
struct MarshalValue {
    enum class Type : std::uint8_t { None, Bool, Int, Float, String, Tuple, List, Dict, Set, Code, Other };
    Type type = Type::None;
    double number = 0;       // Bool, Int (exact up to 2^53), Float
    std::string_view text;   // String: a view into the input (UTF-8 or bytes, as written);
                             // Code: the code object's name (co_name), number its first line
    std::uint32_t first = 0; // Tuple, List, Set: items [first, first + count) of MarshalReader::item();
    std::uint32_t count = 0; // Dict: 2 * count items, key and value alternating
    std::size_t offset = 0;  // of the type byte, for error messages
};

// Reads marshal data of versions 0 to 4 (version 4 is what marshal.dump writes since
// Python 3.4), the way CPython's marshal.c does. Code objects (the profile module puts
// one in a key) are read for their name and first line; their layout differs between
// Python versions and the file does not say which wrote it, so it is told apart by
// content (3.0-3.7, 3.8-3.10, 3.11 and later). Untrusted input: lengths and counts are checked
// against the bytes left before anything is allocated, nesting is bounded, and a
// reference to a container that is still being read (a cycle) is an error, so the
// values always form a DAG. Errors name the offset: "offset 12: ...".
class MarshalReader {
public:
    static constexpr int kMaxDepth = 64;

    explicit MarshalReader(std::string_view data)
        : data_(data)
    {}

    // Reads the object at the current offset; returns its index in value().
    Result<std::uint32_t> readObject();

    const MarshalValue &value(std::uint32_t index) const { return values_[index]; }
    std::uint32_t item(std::uint32_t index) const { return items_[index]; }
    // Key and value of entry i of a Dict.
    const MarshalValue &dictKey(const MarshalValue &dict, std::uint32_t i) const
    {
        return values_[items_[dict.first + 2 * i]];
    }
    const MarshalValue &dictValue(const MarshalValue &dict, std::uint32_t i) const
    {
        return values_[items_[dict.first + 2 * i + 1]];
    }
    const MarshalValue &tupleItem(const MarshalValue &tuple, std::uint32_t i) const
    {
        return values_[items_[tuple.first + i]];
    }
    std::size_t offset() const { return pos_; }

    // "an int", "a tuple", "None": for messages like "callers of f is None, not a dict".
    static std::string_view describe(MarshalValue::Type type);

private:
    // Result of reading one item: a value index, or the '0' that ends a dict.
    static constexpr std::uint32_t kNull = 0xffffffffU;
    static constexpr std::uint32_t kPending = 0xfffffffeU;

    Result<std::uint32_t> read(int depth);
    Result<std::uint32_t> readScalar(char code, std::size_t start, bool flagged);
    Result<std::uint32_t> readRef(std::size_t start);
    Result<std::uint32_t> readSequence(char code, std::size_t start, bool flagged, int depth);
    Result<std::uint32_t> readDict(std::size_t start, bool flagged, int depth);
    Result<std::uint32_t> readString(char code, std::size_t start, bool flagged);
    Result<std::uint32_t> readLong(std::size_t start, bool flagged);
    Result<std::uint32_t> readFloatText(std::size_t start, bool flagged);
    Result<std::uint32_t> readCode(std::size_t start, bool flagged, int depth);

    bool need(std::size_t n) const { return data_.size() - pos_ >= n; }
    std::uint8_t byte() { return static_cast<std::uint8_t>(data_[pos_++]); }
    std::int32_t int32();
    std::uint64_t uint64();
    Error fail(std::size_t at, const std::string &what) const;
    Error truncated(std::size_t at, std::string_view what) const;

    std::uint32_t add(MarshalValue v, std::size_t refSlot, bool flagged);
    std::size_t reserveRef(bool flagged);

    std::string_view data_;
    std::size_t pos_ = 0;
    std::vector<MarshalValue> values_;
    std::vector<std::uint32_t> items_;
    std::vector<std::uint32_t> refs_; // value index per FLAG_REF object, kPending while it is read
};

} // namespace perfwb::formats
