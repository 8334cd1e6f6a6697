// SPDX-License-Identifier: GPL-3.0-or-later
#include "marshalreader.h"

#include <bit>
#include <charconv>
#include <cstdio>

namespace perfwb::formats {

namespace {

constexpr std::uint8_t kFlagRef = 0x80;
// Values past this many would not fit the 32-bit indices (and need a > 4 GiB file).
constexpr std::size_t kMaxValues = 0xfffffff0U;

std::string hexByte(std::uint8_t b)
{
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02x", b);
    return buf;
}

} // namespace

std::string_view MarshalReader::describe(MarshalValue::Type type)
{
    switch (type) {
    case MarshalValue::Type::None:
        return "None";
    case MarshalValue::Type::Bool:
        return "a bool";
    case MarshalValue::Type::Int:
        return "an int";
    case MarshalValue::Type::Float:
        return "a float";
    case MarshalValue::Type::String:
        return "a str";
    case MarshalValue::Type::Tuple:
        return "a tuple";
    case MarshalValue::Type::List:
        return "a list";
    case MarshalValue::Type::Dict:
        return "a dict";
    case MarshalValue::Type::Set:
        return "a set";
    case MarshalValue::Type::Code:
        return "a code object";
    case MarshalValue::Type::Other:
        break;
    }
    return "an unsupported object";
}

Error MarshalReader::fail(std::size_t at, const std::string &what) const
{
    return makeError("offset " + std::to_string(at) + ": " + what);
}

Error MarshalReader::truncated(std::size_t at, std::string_view what) const
{
    return fail(at, "data ends inside " + std::string(what) + " (truncated file?)");
}

std::int32_t MarshalReader::int32()
{
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i)
        v |= static_cast<std::uint32_t>(byte()) << (8 * i);
    return static_cast<std::int32_t>(v);
}

std::uint64_t MarshalReader::uint64()
{
    std::uint64_t v = 0;
    for (int i = 0; i < 8; ++i)
        v |= static_cast<std::uint64_t>(byte()) << (8 * i);
    return v;
}

std::size_t MarshalReader::reserveRef(bool flagged)
{
    if (!flagged)
        return 0;
    refs_.push_back(kPending);
    return refs_.size() - 1;
}

std::uint32_t MarshalReader::add(MarshalValue v, std::size_t refSlot, bool flagged)
{
    values_.push_back(v);
    const auto index = static_cast<std::uint32_t>(values_.size() - 1);
    if (flagged)
        refs_[refSlot] = index;
    return index;
}

Result<std::uint32_t> MarshalReader::readObject()
{
    auto r = read(0);
    if (!r)
        return r;
    if (r.value() == kNull)
        return fail(pos_ - 1, "an end-of-dict marker '0' where a value should be");
    return r;
}

Result<std::uint32_t> MarshalReader::read(int depth)
{
    const std::size_t start = pos_;
    if (depth > kMaxDepth)
        return fail(start, "values nested more than " + std::to_string(kMaxDepth) + " levels deep");
    if (values_.size() >= kMaxValues)
        return fail(start, "too many values");
    if (!need(1))
        return truncated(start, "a value");
    const std::uint8_t raw = byte();
    const bool flagged = (raw & kFlagRef) != 0;
    const char code = static_cast<char>(raw & ~kFlagRef);
    switch (code) {
    case '0':
        return kNull;
    case 'N':
    case 'F':
    case 'T':
    case 'S':
    case '.':
    case 'i':
    case 'I':
    case 'g':
    case 'y':
    case 'x':
        return readScalar(code, start, flagged);
    case 'l':
        return readLong(start, flagged);
    case 'f':
        return readFloatText(start, flagged);
    case 's':
    case 't':
    case 'u':
    case 'a':
    case 'A':
    case 'z':
    case 'Z':
        return readString(code, start, flagged);
    case '(':
    case ')':
    case '[':
    case '<':
    case '>':
        return readSequence(code, start, flagged, depth);
    case '{':
        return readDict(start, flagged, depth);
    case 'r':
        return readRef(start);
    case 'c':
        return readCode(start, flagged, depth);
    default:
        break;
    }
    return fail(start, "unknown marshal type byte " + hexByte(raw));
}

Result<std::uint32_t> MarshalReader::readScalar(char code, std::size_t start, bool flagged)
{
    MarshalValue v;
    v.offset = start;
    switch (code) {
    // Singletons never take a reference slot (CPython's reader does not add them).
    case 'N':
        v.type = MarshalValue::Type::None;
        return add(v, 0, false);
    case 'F':
    case 'T':
        v.type = MarshalValue::Type::Bool;
        v.number = code == 'T' ? 1 : 0;
        return add(v, 0, false);
    case 'i':
        if (!need(4))
            return truncated(start, "an int");
        v.type = MarshalValue::Type::Int;
        v.number = int32();
        break;
    case 'I':
        if (!need(8))
            return truncated(start, "an int64");
        v.type = MarshalValue::Type::Int;
        v.number = static_cast<double>(static_cast<std::int64_t>(uint64()));
        break;
    case 'g':
        if (!need(8))
            return truncated(start, "a float");
        v.type = MarshalValue::Type::Float;
        v.number = std::bit_cast<double>(uint64());
        break;
    case 'y':
        if (!need(16))
            return truncated(start, "a complex number");
        pos_ += 16;
        v.type = MarshalValue::Type::Other;
        break;
    case 'x':
        for (int part = 0; part < 2; ++part) {
            if (!need(1) || !need(1 + static_cast<std::uint8_t>(data_[pos_])))
                return truncated(start, "a complex number");
            pos_ += 1 + static_cast<std::uint8_t>(data_[pos_]);
        }
        v.type = MarshalValue::Type::Other;
        break;
    default: // 'S' (StopIteration), '.' (Ellipsis): singletons too
        v.type = MarshalValue::Type::Other;
        return add(v, 0, false);
    }
    return add(v, reserveRef(flagged), flagged);
}

Result<std::uint32_t> MarshalReader::readRef(std::size_t start)
{
    if (!need(4))
        return truncated(start, "a back-reference");
    const auto index = static_cast<std::uint32_t>(int32());
    if (index >= refs_.size())
        return fail(start, "back-reference " + std::to_string(index) + " to an object not read yet (" +
                               std::to_string(refs_.size()) + " so far)");
    if (refs_[index] == kPending)
        return fail(start, "back-reference " + std::to_string(index) + " to an object that contains it");
    return refs_[index];
}

Result<std::uint32_t> MarshalReader::readString(char code, std::size_t start, bool flagged)
{
    std::size_t length = 0;
    if (code == 'z' || code == 'Z') {
        if (!need(1))
            return truncated(start, "a string");
        length = byte();
    } else {
        if (!need(4))
            return truncated(start, "a string");
        const std::int32_t n = int32();
        if (n < 0)
            return fail(start, "negative string length " + std::to_string(n));
        length = static_cast<std::size_t>(n);
    }
    if (!need(length))
        return fail(start, "string of " + std::to_string(length) + " bytes but only " +
                               std::to_string(data_.size() - pos_) + " left (truncated file?)");
    MarshalValue v;
    v.type = MarshalValue::Type::String;
    v.offset = start;
    v.text = data_.substr(pos_, length);
    pos_ += length;
    return add(v, reserveRef(flagged), flagged);
}

Result<std::uint32_t> MarshalReader::readLong(std::size_t start, bool flagged)
{
    if (!need(4))
        return truncated(start, "an int");
    const std::int64_t n = int32();
    const auto digits = static_cast<std::uint64_t>(n < 0 ? -n : n);
    if (digits > (data_.size() - pos_) / 2)
        return fail(start, "int of " + std::to_string(digits) + " digits but only " +
                               std::to_string(data_.size() - pos_) + " bytes left (truncated file?)");
    // 15-bit digits, least significant first. Counts and times never need more than a
    // double's precision; a huge value becomes inf and is rejected where it is used.
    double value = 0;
    double scale = 1;
    for (std::uint64_t i = 0; i < digits; ++i) {
        const std::uint32_t d = byte() | (static_cast<std::uint32_t>(byte()) << 8);
        if (d >= (1U << 15))
            return fail(start, "int digit " + std::to_string(d) + " out of range");
        value += d * scale;
        scale *= 32768.0;
    }
    MarshalValue v;
    v.type = MarshalValue::Type::Int;
    v.offset = start;
    v.number = n < 0 ? -value : value;
    return add(v, reserveRef(flagged), flagged);
}

Result<std::uint32_t> MarshalReader::readFloatText(std::size_t start, bool flagged)
{
    if (!need(1))
        return truncated(start, "a float");
    const std::size_t length = byte();
    if (!need(length))
        return truncated(start, "a float");
    const auto text = data_.substr(pos_, length);
    pos_ += length;
    double d = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), d);
    if (ec != std::errc() || end != text.data() + text.size()) {
        std::string shown(text.substr(0, 32));
        for (char &c : shown) {
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
                c = '?'; // the message stays one line
        }
        return fail(start, "float text '" + shown + "' is not a number");
    }
    MarshalValue v;
    v.type = MarshalValue::Type::Float;
    v.offset = start;
    v.number = d;
    return add(v, reserveRef(flagged), flagged);
}

Result<std::uint32_t> MarshalReader::readCode(std::size_t start, bool flagged, int depth)
{
    // Fixed 32-bit fields, then the code's bytes (type 's') and its constants (a tuple),
    // either maybe a back-reference: five fields up to 3.7 and since 3.11, six (nlocals
    // and posonlyargcount) in 3.8-3.10. A flags field can look like 's' (0x73 is a
    // generator's), so the bytes' length and what follows them must fit too.
    const auto byteAt = [this](std::size_t i) { return static_cast<std::uint8_t>(data_[pos_ + i]) & ~kFlagRef; };
    const auto u32At = [this](std::size_t i) {
        std::uint32_t v = 0;
        for (int k = 0; k < 4; ++k)
            v |= static_cast<std::uint32_t>(static_cast<std::uint8_t>(data_[pos_ + i + k])) << (8 * k);
        return v;
    };
    const auto refTo = [this](std::uint32_t index, MarshalValue::Type type) {
        return index < refs_.size() && refs_[index] != kPending && values_[refs_[index]].type == type;
    };
    const auto layoutFits = [&](std::size_t at) {
        if (!need(at + 5))
            return false;
        std::size_t next = at + 5;
        if (byteAt(at) == 's') {
            const std::uint32_t length = u32At(at + 1);
            if (length > data_.size() - pos_)
                return false;
            next += length;
        } else if (byteAt(at) != 'r' || !refTo(u32At(at + 1), MarshalValue::Type::String)) {
            return false;
        }
        if (!need(next + 1))
            return false;
        if (byteAt(next) == 'r')
            return need(next + 5) && refTo(u32At(next + 1), MarshalValue::Type::Tuple);
        return byteAt(next) == '(' || byteAt(next) == ')';
    };
    if (!need(21))
        return truncated(start, "a code object");
    const std::size_t fields = layoutFits(20) ? 5 : layoutFits(24) ? 6 : 0;
    if (fields == 0)
        return fail(start, "a code object of a layout no Python version writes");
    const std::size_t slot = reserveRef(flagged);
    pos_ += 4 * fields;
    std::uint32_t objects[8] = {};
    for (auto &o : objects) {
        auto r = read(depth + 1);
        if (!r)
            return r;
        if (r.value() == kNull)
            return fail(pos_ - 1, "an end-of-dict marker '0' inside a code object");
        o = r.value();
    }
    if (!need(4))
        return truncated(start, "a code object");
    const std::int32_t firstLine = int32();
    // 3.11+: code, consts, names, localsplusnames, localspluskinds (bytes), filename,
    // name, qualname, firstlineno, linetable, exceptiontable. Before: code, consts, names,
    // varnames, freevars (a tuple), cellvars, filename, name, firstlineno, lnotab.
    const bool modern = fields == 5 && values_[objects[4]].type == MarshalValue::Type::String;
    for (int i = 0; i < (modern ? 2 : 1); ++i) {
        auto r = read(depth + 1);
        if (!r)
            return r;
        if (r.value() == kNull)
            return fail(pos_ - 1, "an end-of-dict marker '0' inside a code object");
    }
    MarshalValue v;
    v.type = MarshalValue::Type::Code;
    v.offset = start;
    v.number = firstLine;
    if (const auto &name = values_[objects[modern ? 6 : 7]]; name.type == MarshalValue::Type::String)
        v.text = name.text;
    return add(v, slot, flagged);
}

Result<std::uint32_t> MarshalReader::readSequence(char code, std::size_t start, bool flagged, int depth)
{
    std::size_t n = 0;
    if (code == ')') {
        if (!need(1))
            return truncated(start, "a tuple");
        n = byte();
    } else {
        if (!need(4))
            return truncated(start, "a sequence");
        const std::int32_t count = int32();
        if (count < 0)
            return fail(start, "negative item count " + std::to_string(count));
        n = static_cast<std::size_t>(count);
    }
    // Every item takes at least one byte: a larger count is a lie, not a big file.
    if (n > data_.size() - pos_)
        return fail(start, "sequence of " + std::to_string(n) + " items but only " +
                               std::to_string(data_.size() - pos_) + " bytes left (truncated file?)");
    const std::size_t slot = reserveRef(flagged);
    std::vector<std::uint32_t> children;
    children.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        auto child = read(depth + 1);
        if (!child)
            return child;
        if (child.value() == kNull)
            return fail(pos_ - 1, "an end-of-dict marker '0' inside a sequence");
        children.push_back(child.value());
    }
    MarshalValue v;
    v.type = code == '['                    ? MarshalValue::Type::List
             : (code == '<' || code == '>') ? MarshalValue::Type::Set
                                            : MarshalValue::Type::Tuple;
    v.offset = start;
    v.first = static_cast<std::uint32_t>(items_.size());
    v.count = static_cast<std::uint32_t>(n);
    if (items_.size() + children.size() >= kMaxValues)
        return fail(start, "too many values");
    items_.insert(items_.end(), children.begin(), children.end());
    return add(v, slot, flagged);
}

Result<std::uint32_t> MarshalReader::readDict(std::size_t start, bool flagged, int depth)
{
    const std::size_t slot = reserveRef(flagged);
    std::vector<std::uint32_t> children;
    for (;;) {
        auto key = read(depth + 1);
        if (!key)
            return key;
        if (key.value() == kNull)
            break;
        auto value = read(depth + 1);
        if (!value)
            return value;
        if (value.value() == kNull)
            return fail(pos_ - 1, "a dict key without a value");
        children.push_back(key.value());
        children.push_back(value.value());
    }
    MarshalValue v;
    v.type = MarshalValue::Type::Dict;
    v.offset = start;
    v.first = static_cast<std::uint32_t>(items_.size());
    v.count = static_cast<std::uint32_t>(children.size() / 2);
    if (items_.size() + children.size() >= kMaxValues)
        return fail(start, "too many values");
    items_.insert(items_.end(), children.begin(), children.end());
    return add(v, slot, flagged);
}

} // namespace perfwb::formats
