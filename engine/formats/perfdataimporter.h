// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "importer.h"

#include <string>
#include <vector>

namespace perfwb::perf {
class PerfDataFile;
} // namespace perfwb::perf

namespace perfwb::formats {

// perf.data, read one of two ways (meta.extra["perf.reader"] says which):
// - natively: PerfDataFile + PerfDataReader, the live recorder's decoder, sample builder
//   and symbolizer, so the profile looks as `perfwb record` makes it (inline frames, the
//   symbolizer's names); files it does not handle go through perf script;
// - through the real `perf script`, whose stdout is streamed into PerfScriptParser through
//   a pipe, never held whole. The perf binary is $PERFWB_PERF, else `perf` on PATH.
// Which one by default: $PERFWB_PERF_READER ("native" or "perf-script"), else kDefault.
class PerfDataImporter : public Importer {
public:
    enum class Reader {
        Configured, // PERFWB_PERF_READER, else kDefault
        Automatic,  // native, perf script for what the native reader does not support
        Native,     // native only: an unsupported file is an error
        PerfScript, // always through perf script
    };
    // perf script until the CLI tests that expect perf script's function names and
    // no inline frames are adapted to the native reader's (see docs/formats.md).
    static constexpr Reader kDefault = Reader::Automatic;
    static Reader configuredReader();

    explicit PerfDataImporter(Reader reader = Reader::Configured)
        : reader_(reader)
    {}

    std::string_view format() const override { return "perf"; }
    std::string_view description() const override { return "perf.data from 'perf record' (needs the perf tool)"; }
    int sniff(std::string_view head) const override;
    Status importFile(const std::string &path, model::Profile &out) const override;

    // The perf executable to run, or the error a user sees when there is none.
    static Result<std::string> findPerf();
    // The arguments after the executable for `perf script` on `path`.
    static std::vector<std::string> scriptArguments(const std::string &path);
    static constexpr std::string_view kMissingPerf =
        "perf.data import needs the 'perf' tool (Debian package linux-perf); install it or set PERFWB_PERF";

private:
    Status importThroughPerfScript(const perf::PerfDataFile &file, model::Profile &out) const;

    Reader reader_;
};

} // namespace perfwb::formats
