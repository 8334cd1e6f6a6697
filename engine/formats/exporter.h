// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "analysis/samplefilter.h"
#include "core/result.h"
#include "model/profile.h"

#include <string>
#include <string_view>

namespace perfwb::formats {

struct ExportOptions {
    analysis::SampleFilter filter; // exports show what the user filtered to
    std::string title;             // defaults to the run label or command
};

// One interface for every output format. Exporters render into memory; the caller
// writes the bytes with writeFileAtomically so no partial file is ever left behind.
class Exporter {
public:
    virtual ~Exporter() = default;
    virtual std::string_view format() const = 0;    // "svg", "folded", "speedscope"
    virtual std::string_view extension() const = 0; // without the dot
    virtual std::string_view what() const = 0;      // "flamegraph" in <run_label>-flamegraph.svg
    virtual Status write(const model::Profile &profile, const ExportOptions &options, std::string &out) const = 0;
};

} // namespace perfwb::formats
