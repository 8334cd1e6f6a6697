// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "exporter.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace perfwb::formats {

// An interactive SVG flamegraph in the style of flamegraph.pl, self-contained so it
// works offline from file://: click to zoom, "Reset zoom", regex search with the
// matched share, tooltips, and URL fragments #search=REGEX and #zoom=FUNCTION.
// Its size depends on the call tree, never on the number of samples: frames narrower
// than 0.1 px are left out (their weight stays in their parent's width).
// The script and styles are resources/export/flamegraph.{js,css}, compiled in.
class SvgExporter : public Exporter {
public:
    std::string_view format() const override { return "svg"; }
    std::string_view extension() const override { return "svg"; }
    std::string_view what() const override { return "flamegraph"; }
    Status write(const model::Profile &profile, const ExportOptions &options, std::string &out) const override;

    static constexpr double kImageWidth = 1200;
    static constexpr double kPadding = 10;
    static constexpr double kChartWidth = kImageWidth - 2 * kPadding;
    static constexpr double kFrameHeight = 16;
    static constexpr double kCharWidth = 7.2; // 12 px monospace: 0.6 em per character

    // The tooltip of one frame, e.g. "hot_70 [cpusplit]: 700 samples (70.00%)".
    static std::string frameTitle(std::string_view function, std::string_view module, std::uint64_t weight,
                                  std::uint64_t total, const model::WeightUnit &weightUnit, bool kernel, bool inlined);
    // The word after a weight: "samples", "ns" or "bytes".
    static std::string_view unitWord(const model::WeightUnit &weightUnit);
    // The label shown inside a frame `widthPx` wide: the name, cut with ".." when
    // it does not fit, or empty when not even 3 characters fit.
    static std::string fitText(std::string_view name, double widthPx);
    // "#rrggbb" from a stable hash of the name: warm colours for native and Python code,
    // blue-green for the kernel, green for JIT code, a lighter tone when inlined.
    static std::string colour(std::string_view function, model::FrameKind kind, bool inlined);
};

} // namespace perfwb::formats
