// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "analysis/profilediff.h"
#include "core/result.h"
#include "model/profile.h"

#include <string>

namespace perfwb::formats {

// The comparison as one self-contained HTML page (the same template and script as
// HtmlExporter): verdict, summary metrics before/after, differential flamegraph in both
// shapes (the new run's, and the base run's so vanished frames show) coloured by each
// frame's change in the diff's mode (DiffSvgWriter::colour: red slower, blue faster,
// neutral grey unchanged) with a legend naming the mode, and the sortable delta table in
// the mode's values.
class DiffHtmlWriter {
public:
    struct Labels {
        std::string base;
        std::string next;
    };
    static Status write(const analysis::ProfileDiff &diff, const model::Profile &base, const model::Profile &next,
                        const Labels &labels, std::string &out);
    // Nodes narrower than this share of their run's total are left out of the page/SVG.
    static constexpr double kMinShare = 1.0 / 12000; // 0.1 px of a 1200 px chart
};

} // namespace perfwb::formats
