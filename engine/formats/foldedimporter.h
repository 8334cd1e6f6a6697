// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "importer.h"

namespace perfwb::formats {

// Collapsed ("folded") stacks as Brendan Gregg's stackcollapse-*.pl scripts, py-spy
// (--format raw) and FoldedExporter write them: one line per stack, frames root first
// joined by ';', then the last space (or tab) and an unsigned sample count.
//
// Conventions (docs/formats.md, "Import formats"):
// - "module`function" (first backtick) names the module, as FoldedExporter writes it;
//   a "function [module]" suffix is NOT split, so names like "operator[]" or
//   "[unknown]" survive.
// - stackcollapse annotations "_[k]" (kernel), "_[j]" (JIT) and "_[i]" (inlined) at the
//   end of a frame set its kind and are removed; a module "[kernel.kallsyms]" or
//   "[kernel]" also means kernel.
// - "name (file.py:LINE)" (py-spy) keeps the whole text as the name and sets the file,
//   line and FrameKind::Python.
// - An empty frame becomes "[unknown]"; lines with count 0 add no sample.
// - Blank lines, '#' comments and lines that are not "STACK COUNT" are skipped, as
//   flamegraph.pl and speedscope skip them, and counted in one import warning; binary
//   data and counts beyond 64 bits are errors.
// - UTF-16 (LE or BE, with its byte-order mark) is decoded; a UTF-8 mark is dropped.
// Every line is one sample (weight = count, time = line index) on one thread "all".
class FoldedImporter : public TextImporter {
public:
    std::string_view format() const override { return "folded"; }
    std::string_view description() const override
    {
        return "collapsed stacks: 'root;caller;leaf COUNT' per line (stackcollapse, py-spy raw)";
    }
    int sniff(std::string_view head) const override;
    Status parse(std::string_view data, model::Profile &out) const override;
    // Streams the file: it is parsed as it is read, a chunk at a time, so memory is one
    // chunk plus the profile, and binary data ends the read where it starts.
    Status importFile(const std::string &path, model::Profile &out) const override;

    static constexpr std::size_t kChunkBytes = 1 << 20;
};

} // namespace perfwb::formats
