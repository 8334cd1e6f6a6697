// SPDX-License-Identifier: GPL-3.0-or-later
#include "utf16text.h"

#include "core/utf8.h"

namespace perfwb::formats {

namespace {

constexpr char32_t kReplacement = 0xFFFD;

} // namespace

bool Utf16Text::fromBom(std::string_view head, Order &order)
{
    if (head.size() < 2)
        return false;
    const auto b0 = static_cast<unsigned char>(head[0]);
    const auto b1 = static_cast<unsigned char>(head[1]);
    if (b0 == 0xFF && b1 == 0xFE) {
        order = Order::LittleEndian;
        return true;
    }
    if (b0 == 0xFE && b1 == 0xFF) {
        order = Order::BigEndian;
        return true;
    }
    return false;
}

std::size_t Utf16Text::utf8BomLength(std::string_view head)
{
    return head.starts_with("\xEF\xBB\xBF") ? 3 : 0;
}

std::string_view Utf16Text::asUtf8(std::string_view text, std::string &storage)
{
    Order order{};
    if (fromBom(text, order)) {
        Utf16Text(order).decode(text, storage);
        return storage;
    }
    text.remove_prefix(utf8BomLength(text));
    return text;
}

void Utf16Text::decode(std::string_view bytes, std::string &out)
{
    for (const char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        if (!haveByte_) {
            byte_ = b;
            haveByte_ = true;
            continue;
        }
        haveByte_ = false;
        const auto u = static_cast<char16_t>(order_ == Order::LittleEndian ? (b << 8) | byte_ : (byte_ << 8) | b);
        if (!bomSeen_) {
            bomSeen_ = true;
            if (u == 0xFEFF)
                continue;
        }
        unit(u, out);
    }
}

void Utf16Text::unit(char16_t u, std::string &out)
{
    if (u >= 0xD800 && u <= 0xDBFF) {
        if (high_ != 0)
            appendUtf8(kReplacement, out);
        high_ = u;
        return;
    }
    if (u >= 0xDC00 && u <= 0xDFFF) {
        if (high_ == 0) {
            appendUtf8(kReplacement, out);
            return;
        }
        appendUtf8(0x10000 + ((char32_t(high_) - 0xD800) << 10) + (char32_t(u) - 0xDC00), out);
        high_ = 0;
        return;
    }
    if (high_ != 0) {
        appendUtf8(kReplacement, out);
        high_ = 0;
    }
    appendUtf8(u, out);
}

} // namespace perfwb::formats
