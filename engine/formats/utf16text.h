// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// UTF-16 text (files written by Windows tools and PowerShell redirection start with a
// byte-order mark) turned into UTF-8 piece by piece, so a streaming importer reads it as
// it reads any other text. Unpaired surrogates become U+FFFD.
#include <cstddef>
#include <string>
#include <string_view>

namespace perfwb::formats {

class Utf16Text {
public:
    enum class Order { LittleEndian, BigEndian };

    // The byte order a UTF-16 byte-order mark at the start of `head` names; false without one.
    static bool fromBom(std::string_view head, Order &order);
    // The length of a UTF-8 byte-order mark at the start of `head` (3), else 0.
    static std::size_t utf8BomLength(std::string_view head);
    // `text` as UTF-8 without a byte-order mark: decoded into `storage` when it starts
    // with a UTF-16 mark, else a view of `text` past a UTF-8 mark.
    static std::string_view asUtf8(std::string_view text, std::string &storage);

    explicit Utf16Text(Order order)
        : order_(order)
    {}

    // Appends the UTF-8 of `bytes` (the mark included at the start) to `out`; a unit or
    // surrogate pair cut by the end of `bytes` is finished by the next call.
    void decode(std::string_view bytes, std::string &out);
    // True when nothing was left half-read at the end.
    bool complete() const { return !haveByte_ && high_ == 0; }

private:
    void unit(char16_t u, std::string &out);

    Order order_;
    bool bomSeen_ = false;
    bool haveByte_ = false;
    unsigned char byte_ = 0;
    char16_t high_ = 0; // a high surrogate waiting for its low half
};

} // namespace perfwb::formats
