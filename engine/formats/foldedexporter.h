// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "exporter.h"

#include <string>
#include <string_view>

namespace perfwb::formats {

// Collapsed ("folded") stacks as Brendan Gregg's stackcollapse scripts write them:
// one line per distinct stack, root first, frames joined by ';', then a space and
// the summed weight. Lines are sorted so the same profile always gives the same bytes.
//
// A frame is written as "function", or "module`function" when it has a module (the
// first '`' separates them, as FoldedImporter reads it). Kernel, JIT and inlined frames
// get stackcollapse-perf's annotations "_[k]", "_[j]" and "_[i]" (flamegraph.pl colours
// them; a module "[kernel..." already says kernel, so it gets none). Characters that
// would break a line are replaced (docs/formats.md): ';' becomes ':', line breaks and other
// control characters become spaces, '`' becomes '\'' in a module (and in a function without module), and an empty
// function name becomes "[unknown]". Samples with an empty stack have no line. A Python
// frame of a .py file with a line is written as py-spy writes it (pythonFrameText).
class FoldedExporter : public Exporter {
public:
    std::string_view format() const override { return "folded"; }
    std::string_view extension() const override { return "txt"; }
    std::string_view what() const override { return "folded"; }
    Status write(const model::Profile &profile, const ExportOptions &options, std::string &out) const override;

    // The text of one frame, escaped and annotated as described above.
    static std::string frameText(std::string_view function, std::string_view module,
                                 model::FrameKind kind = model::FrameKind::Native, bool inlined = false);
    // A Python frame as py-spy writes it, "function (path/file.py:LINE)", which the
    // folded importer reads back as a Python frame with its file and line.
    static std::string pythonFrameText(std::string_view function, std::string_view file, std::uint32_t line);
};

} // namespace perfwb::formats
