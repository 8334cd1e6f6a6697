// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "core/result.h"
#include "model/profile.h"

#include <string>
#include <string_view>

namespace perfwb::store {

// Reads a .perfwb report into an empty profile. Errors name the file and the
// reason: not a SQLite file, a SQLite file that is not a perfwb report, a report
// from a newer schema version, damaged contents.
class ReportReader {
public:
    static Status read(const std::string &path, model::Profile &out);
    // True when `head` (the first bytes of a file) is a SQLite database header.
    static bool looksLikeReport(std::string_view head);
};

} // namespace perfwb::store
