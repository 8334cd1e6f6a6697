// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "importer.h"

namespace perfwb::formats {

// Python's cProfile / profile statistics: the marshal file `python -m cProfile -o FILE`
// and pstats.Stats.dump_stats() write, read without Python (MarshalReader). The file is
// one dict {(file, line, function): (cc, nc, tt, ct, callers)} with callers a dict
// {(file, line, function): (nc, cc, tt, ct)} (the profile module: a plain call count).
//
// - Every function is one FrameKind::Python frame: its name, file and line; module =
//   the file's base name, "~" for built-ins (which have no file). Where two functions
//   would share name and module, both are named "name (file:line)" to stay apart.
// - FunctionCosts hold exactly what the file measured: "calls" (nc) and "primitive
//   calls" (cc) as counts, "self time" (tt) and "total time" (ct) in nanoseconds.
// - Stacks are synthesized from the caller graph (CallGraphStacks): self times are
//   exact per function, their split over call paths is estimated from the caller
//   edges' cumulative times (call counts for the profile module's plain counts).
//   Recursion is cut. Weight unit nanoseconds, one thread "python", time = sample index.
// Errors name the byte offset: "offset 812: callers of work is a list, not a dict".
class PstatsImporter : public TextImporter {
public:
    std::string_view format() const override { return "pstats"; }
    std::string_view description() const override
    {
        return "Python cProfile/profile stats (python -m cProfile -o FILE; pstats dump_stats)";
    }
    int sniff(std::string_view head) const override;
    Status parse(std::string_view data, model::Profile &out) const override;
};

} // namespace perfwb::formats
