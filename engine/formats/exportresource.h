// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "core/result.h"

#include <string>

namespace perfwb::formats {

// The built-in export templates, scripts and styles (resources/export/, compiled in):
// one place that reads them and says so when a build lacks them.
class ExportResource {
public:
    static Result<std::string> load(const char *path);
    // For text that goes inside an XML CDATA section, which "]]>" in it would end early.
    static Result<std::string> loadForCdata(const char *path);
};

} // namespace perfwb::formats
