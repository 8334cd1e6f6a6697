// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <string>
#include <string_view>

// Escaping for text formats written by the exporters. Names in a profile come from
// binaries and imported files, so they can hold any bytes: invalid UTF-8 becomes
// U+FFFD, so every output stays parseable.
namespace perfwb::formats::textescape {

// `text` as a JSON string literal, quotes included.
void appendJsonString(std::string &out, std::string_view text);
// `text` as XML character data or attribute value (&, <, >, " and ' escaped);
// control characters that XML 1.0 forbids become U+FFFD.
void appendXml(std::string &out, std::string_view text);
// `text` with invalid UTF-8 sequences replaced by U+FFFD.
std::string validUtf8(std::string_view text);

} // namespace perfwb::formats::textescape
