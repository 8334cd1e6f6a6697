// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "exporter.h"

namespace perfwb::formats {

// pprof's profile.proto, gzip-compressed (what `go tool pprof` reads). One Sample per
// distinct stack; sample types samples/count (and cpu/nanoseconds when the sampling
// frequency is known), cpu/nanoseconds for time-weighted imports, space/bytes for bytes.
// Inlined frames fold into their caller's Location as extra Lines (innermost first);
// modules become Mappings. The schema is engine/formats/proto/profile.proto.
class PprofExporter : public Exporter {
public:
    std::string_view format() const override { return "pprof"; }
    std::string_view extension() const override { return "pb.gz"; }
    std::string_view what() const override { return "profile"; }
    Status write(const model::Profile &profile, const ExportOptions &options, std::string &out) const override;

    // gzip (RFC 1952) of `data`, as pprof files are.
    static Status gzip(const std::string &data, std::string &out);
};

} // namespace perfwb::formats
