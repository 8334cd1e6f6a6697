// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "perfdatafile.h"

#include "core/result.h"
#include "model/profile.h"

#include <cstdint>
#include <string>

namespace perfwb::perf {

// Turns the records of a parsed perf.data into a profile with the live recorder's own
// parts: PerfRecordDecoder per event, SampleBuilder (threads, processes, DWARF or
// frame-pointer stacks) and the Symbolizer (ELF symbols, inline frames, kallsyms, perf
// maps). perf writes each CPU's buffer in turn, so records are only time-ordered within
// a round (PERF_RECORD_FINISHED_ROUND): they are queued and delivered in time order the
// way perf's own ordered_events does, so a sample never arrives before its MMAP.
class PerfDataReader {
public:
    // Reads `file` into `out`, an empty profile. A damaged record is an error naming
    // the file and the record's offset. A record this reader does not handle (AUX
    // trace, compressed) stops it with unsupported() set: `out` is then to be thrown away.
    static Status read(const PerfDataFile &file, model::Profile &out, std::string &unsupported);
    // What the file's header sections say about the run (host, perf's command line,
    // kernel, CPU, perf version) and the warning of damaged ones, whichever reader read
    // the samples.
    static void fillHeaderMetadata(const PerfDataFile &file, model::RunMetadata &meta);
};

} // namespace perfwb::perf
