#pragma once
#include "importer.h"

#include <string>
#include <vector>

namespace perfwb::report {

// perf.data, read through the real `perf script` (so symbols, JIT maps and kernel
// symbols resolve exactly as perf resolves them). perf's stdout is streamed into
// PerfScriptParser through a pipe, never held whole. The perf binary is $PERFWB_PERF,
// else `perf` on PATH.
class PerfDataImporter : public Importer {
public:
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
};

} // namespace perfwb::report
