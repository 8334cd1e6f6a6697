// SPDX-License-Identifier: GPL-3.0-or-later
#include "outputdirectory.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace perfwb::settings {

Result<std::string> OutputDirectory::fromEnvironment()
{
    const char *value = std::getenv(std::string(kVariable).c_str());
    if (value == nullptr)
        return std::string(kDefault);
    const std::string dir(value);
    if (dir.empty() || dir.find_first_not_of(" \t") == std::string::npos)
        return makeError(std::string(kVariable) + " is set but empty: unset it or name a directory");
    return dir;
}

std::string OutputDirectory::sanitizeLabel(std::string_view label)
{
    std::string out;
    for (char c : label) {
        const bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                          c == '_' || c == '.';
        out += safe ? c : '_';
    }
    if (out.empty() || out.find_first_not_of('.') == std::string::npos)
        return "perfwb";
    return out;
}

Result<std::string> OutputDirectory::pathFor(std::string_view runLabel, std::string_view what, std::string_view ext)
{
    auto dir = fromEnvironment();
    if (!dir)
        return makeError(dir.message());
    return pathIn(dir.value(), runLabel, what, ext);
}

Result<std::string> OutputDirectory::pathIn(const std::string &dir, std::string_view runLabel, std::string_view what,
                                            std::string_view ext)
{
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec)
        return makeError(std::string(kVariable) + "=" + dir + ": cannot create directory: " + ec.message());
    std::filesystem::path p(dir);
    p /= sanitizeLabel(runLabel) + "-" + std::string(what) + "." + std::string(ext);
    return p.string();
}

} // namespace perfwb::settings
