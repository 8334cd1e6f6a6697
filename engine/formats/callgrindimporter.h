// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "importer.h"

namespace perfwb::formats {

// Valgrind's callgrind profiles (`valgrind --tool=callgrind`; cachegrind's output reads
// too, without calls), parsed by CallgrindParser.
//
// - Every function (object, file, name) is one native frame: module = the object's
//   base name, file as written ("???" = unknown: left empty), line = the lowest line
//   of its cost lines.
// - FunctionCosts: per event E "self E" and "inclusive E" (counts; inclusive as
//   callgrind_annotate --inclusive=yes computes it: the cost of the calls a function
//   received, or for a function nobody called its self cost plus the calls it made;
//   like there, recursion counts a cost once per level), then "calls" (calls received).
// - Stacks are synthesized from the call graph (CallGraphStacks): each function's self
//   cost of the FIRST event, exact per function, split over its call paths in proportion
//   to the calls' inclusive cost of that event; recursion is cut. Weight unit = that
//   event's name ("Ir"), so reports are never mistaken for time or sampled counts.
// - Run metadata: the command line (cmd:), pid, creator, events and the summary.
// Errors name the line: "line 12: calls= without a cfn= before it".
class CallgrindImporter : public TextImporter {
public:
    std::string_view format() const override { return "callgrind"; }
    std::string_view description() const override
    {
        return "valgrind callgrind/cachegrind profiles (callgrind.out.PID)";
    }
    int sniff(std::string_view head) const override;
    Status parse(std::string_view data, model::Profile &out) const override;
};

} // namespace perfwb::formats
