#pragma once
#include "analysis/profilediff.h"
#include "core/result.h"

#include <string>

namespace perfwb::report {

// The differential flamegraph as an interactive SVG (the same flamegraph.js as the SVG
// export: zoom, search, #search=/#zoom= fragments). Widths follow one run, `Shape::New`
// (the new run's tree) or `Shape::Base` (the base run's, where frames that vanished are
// still drawn); colour is the change of each frame's share of its run's total: red
// slower, blue faster, full colour at 10 points. Tooltips: before, after, delta in
// points and relative.
class DiffSvgWriter {
public:
    enum class Shape { New, Base };
    static Status write(const analysis::ProfileDiff &diff, Shape shape, const std::string &title, std::string &out);
    // "#rrggbb" for a node whose share went from `before` to `after` (fractions).
    static std::string colour(double before, double after);
};

} // namespace perfwb::report
