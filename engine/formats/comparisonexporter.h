// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One interface for every comparison output, as Exporter is for one run: `perfwb diff`
// and the GUI's comparison exports both take them from FormatRegistry, so titles, run
// labels and file names are defined here once.
#include "analysis/profilediff.h"
#include "core/result.h"
#include "difftext.h"
#include "model/profile.h"

#include <string>
#include <string_view>

namespace perfwb::formats {

struct ComparisonInput {
    const analysis::ProfileDiff &diff;
    const model::Profile &base;
    const model::Profile &next;
    DiffText::Labels labels;       // comparisonRunLabel() of each run
    std::size_t top = kDefaultTop; // rows of changed functions in text outputs
    static constexpr std::size_t kDefaultTop = 10;
};

class ComparisonExporter {
public:
    virtual ~ComparisonExporter() = default;
    virtual std::string_view format() const = 0;    // "html", "svg", "svg-reverse", "markdown", "json"
    virtual std::string_view extension() const = 0; // without the dot
    virtual std::string_view what() const = 0;      // "diff-flamegraph" in <label>-diff-flamegraph.svg
    virtual std::string_view description() const = 0;
    virtual Status write(const ComparisonInput &input, std::string &out) const = 0;
};

// How a run is named in a comparison: "label (file name)", or the file name alone, or the
// label alone when there is no file.
std::string comparisonRunLabel(const model::Profile &profile, const std::string &path);

// What a comparison's files are named after: the new run's label, else its file name
// without the extension ("<name>-diff.html").
std::string comparisonOutputName(const model::Profile &next, const std::string &path);

// "perfwb diff: BASE -> NEW", the title of the differential flame graphs.
std::string comparisonTitle(const DiffText::Labels &labels);

} // namespace perfwb::formats
