// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "core/result.h"
#include "model/profile.h"

#include <string>
#include <string_view>

namespace perfwb::formats {

// One interface for every input format. An importer fills an empty Profile; on
// error the profile is left unspecified and the caller throws it away, so a bad
// file never changes anything the user already has.
class Importer {
public:
    virtual ~Importer() = default;
    virtual std::string_view format() const = 0;      // name used with -f: "folded", "perf", ...
    virtual std::string_view description() const = 0; // one line for --help
    // How sure this importer is that a file starting with `head` is its format:
    // 0 = not mine, 100 = certain. `head` is the first few KiB of the file.
    virtual int sniff(std::string_view head) const = 0;
    virtual Status importFile(const std::string &path, model::Profile &out) const = 0;
};

// Formats that are plain bytes in memory: the file is read once and handed to
// parse(), which is also what the fuzz targets call.
class TextImporter : public Importer {
public:
    Status importFile(const std::string &path, model::Profile &out) const override;
    virtual Status parse(std::string_view data, model::Profile &out) const = 0;
};

} // namespace perfwb::formats
