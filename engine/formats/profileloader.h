// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "core/result.h"
#include "model/profile.h"

#include <string>
#include <string_view>

namespace perfwb::formats {

// Opens anything perfwb can show: a .perfwb report, or a file of an importable
// format (by content, or by the format the user named). The CLI and the GUI both
// come through here, so a file opens the same way everywhere.
class ProfileLoader {
public:
    // `format` empty = decide by content.
    static Status load(const std::string &path, std::string_view format, model::Profile &out);
    // True when the file is a .perfwb report (by content).
    static bool isReport(const std::string &path);

private:
    // `path` is a regular file (a stream has been spooled by load()).
    static Status loadFile(const std::string &path, std::string_view format, model::Profile &out);
    static Status loadUnchecked(const std::string &path, std::string_view format, model::Profile &out);
};

} // namespace perfwb::formats
