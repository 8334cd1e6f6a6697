// SPDX-License-Identifier: GPL-3.0-or-later
#include "contentdescription.h"

#include "jsonimportsupport.h"

#include <cstdio>
#include <vector>

namespace perfwb::formats {

namespace {

struct Magic {
    std::string_view bytes;
    std::string_view what;
};

constexpr Magic kMagics[] = {
    {"\x7f"
     "ELF",
     "an ELF binary"},
    {"\x1f\x8b", "gzip-compressed data (decompress it first)"},
    {"\x28\xb5\x2f\xfd", "zstd-compressed data (decompress it first)"},
    {"PK\x03\x04", "a zip archive"},
    {std::string_view("SQLite format 3\0", 16), "an SQLite database that is not a perfwb report"},
    {"%PDF", "a PDF document"},
    {"\x89PNG", "a PNG image"},
};

bool isText(std::string_view s)
{
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t' && c != '\r' && c != '\n') || u == 0x7f)
            return false;
    }
    return true;
}

// Up to four keys of the top-level object, in file order: a cheap scan of the head that
// tracks strings and nesting, so keys of nested objects are not taken for the file's.
std::vector<std::string> topLevelKeys(std::string_view json)
{
    std::vector<std::string> keys;
    int depth = 0;
    bool expectKey = false;
    for (std::size_t i = 0; i < json.size() && keys.size() < 4; ++i) {
        const char c = json[i];
        if (c == '"') {
            std::size_t end = i + 1;
            while (end < json.size() && json[end] != '"')
                end += json[end] == '\\' ? 2 : 1;
            if (end >= json.size())
                break;
            if (depth == 1 && expectKey)
                keys.emplace_back(json.substr(i + 1, std::min<std::size_t>(end - i - 1, 40)));
            expectKey = false;
            i = end;
        } else if (c == '{' || c == '[') {
            ++depth;
            expectKey = c == '{' && depth == 1;
        } else if (c == '}' || c == ']') {
            --depth;
        } else if (c == ',' && depth == 1) {
            expectKey = true;
        }
    }
    return keys;
}

std::string firstLine(std::string_view text)
{
    const auto start = text.find_first_not_of(" \t\r\n");
    if (start == std::string_view::npos)
        return {};
    text.remove_prefix(start);
    auto line = text.substr(0, text.find_first_of("\r\n"));
    std::string out(line.substr(0, 60));
    if (line.size() > 60)
        out += "...";
    return out;
}

} // namespace

std::string describeContent(std::string_view head)
{
    for (const auto &m : kMagics) {
        if (head.starts_with(m.bytes))
            return std::string(m.what);
    }
    const char first = jsonimport::firstCharacter(head);
    if (first == '{') {
        const auto keys = topLevelKeys(head);
        if (keys.empty())
            return "a JSON object";
        std::string out = "a JSON object with the keys";
        for (std::size_t i = 0; i < keys.size(); ++i)
            out += (i == 0 ? " \"" : ", \"") + keys[i] + "\"";
        return out;
    }
    if (first == '[')
        return "a JSON array";
    if (first == '<')
        return "XML or HTML";
    if (isText(head)) {
        const auto line = firstLine(head);
        return line.empty() ? std::string("blank text") : "text whose first line is '" + line + "'";
    }
    std::string out = "binary data (first bytes";
    for (std::size_t i = 0; i < std::min<std::size_t>(head.size(), 8); ++i) {
        char hex[4];
        std::snprintf(hex, sizeof hex, " %02x", static_cast<unsigned char>(head[i]));
        out += hex;
    }
    return out + ")";
}

} // namespace perfwb::formats
