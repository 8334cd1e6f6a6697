// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "analysis/profilediff.h"
#include "core/result.h"

#include <string>

namespace perfwb::formats {

// The differential flamegraph as an interactive SVG (the same flamegraph.js as the SVG
// export: zoom, search, #search=/#zoom= fragments). Widths follow one run, `Shape::New`
// (the new run's tree) or `Shape::Base` (the base run's, where frames that vanished are
// still drawn); colour is each frame's change in the diff's mode (CPU time, or share of
// its run's total): red slower, blue faster, full colour at 10 % of the total, and a
// neutral grey with a border for frames within the neutral band, so they stay visible
// on a white background. The subtitle names the mode. Tooltips: before, after, delta and
// relative, in the mode's unit.
class DiffSvgWriter {
public:
    enum class Shape { New, Base };
    static Status write(const analysis::ProfileDiff &diff, Shape shape, const std::string &title, std::string &out);
    // "#rrggbb" of a node: the neutral fill when unchanged, else by Node::change.
    static std::string colour(const analysis::ProfileDiff::Node &n) { return colour(n.change, n.unchanged); }
    static std::string colour(double change, bool unchanged);
    static constexpr const char *kNeutralFill = "#d9d9d9";
    static constexpr const char *kNeutralStroke = "#8c8c8c";
    // "colour: change in CPU time · red slower, blue faster, grey unchanged"
    static std::string legend(const analysis::ProfileDiff &diff);
};

} // namespace perfwb::formats
