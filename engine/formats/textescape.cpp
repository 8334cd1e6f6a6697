// SPDX-License-Identifier: GPL-3.0-or-later
#include "textescape.h"

#include <cstdint>

namespace perfwb::formats::textescape {

namespace {
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// Length of the valid UTF-8 sequence at text[i], or 0 if it is not valid
// (overlong forms, surrogates and code points above U+10FFFF are invalid).
std::size_t validSequenceLength(std::string_view text, std::size_t i)
{
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char c = b(i);
    if (c < 0x80)
        return 1;
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        cp = c & 0x1FU;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        cp = c & 0x0FU;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        cp = c & 0x07U;
    } else {
        return 0;
    }
    if (i + len > text.size())
        return 0;
    for (std::size_t k = 1; k < len; ++k) {
        if ((b(i + k) & 0xC0U) != 0x80U)
            return 0;
        cp = (cp << 6U) | (b(i + k) & 0x3FU);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

// Calls onAscii(char) for ASCII bytes and appends other valid sequences (or U+FFFD) as they are.
template<class F> void forEachChar(std::string &out, std::string_view text, F onAscii)
{
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t len = validSequenceLength(text, i);
        if (len == 0) {
            out += kReplacement;
            ++i;
        } else if (len == 1) {
            onAscii(text[i]);
            ++i;
        } else {
            const std::string_view seq = text.substr(i, len);
            // U+FFFE and U+FFFF are not XML characters; JSON does not mind the replacement.
            if (seq == "\xEF\xBF\xBE" || seq == "\xEF\xBF\xBF")
                out += kReplacement;
            else
                out += seq;
            i += len;
        }
    }
}
} // namespace

void appendJsonString(std::string &out, std::string_view text)
{
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    forEachChar(out, text, [&out](char c) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                out += "\\u00";
                out += kHex[(static_cast<unsigned char>(c) >> 4U) & 0xFU];
                out += kHex[static_cast<unsigned char>(c) & 0xFU];
            } else {
                out += c;
            }
        }
    });
    out += '"';
}

void appendXml(std::string &out, std::string_view text)
{
    forEachChar(out, text, [&out](char c) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&apos;";
            break;
        case '\t':
            out += "&#9;"; // as references, so attribute values keep them too
            break;
        case '\n':
            out += "&#10;";
            break;
        case '\r':
            out += "&#13;";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20)
                out += kReplacement;
            else
                out += c;
        }
    });
}

std::string validUtf8(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    forEachChar(out, text, [&out](char c) { out += c; });
    return out;
}

} // namespace perfwb::formats::textescape
