// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "importer.h"

namespace perfwb::formats {

// The text `perf script` prints (default fields, or the fields PerfDataImporter asks
// for), parsed by PerfScriptParser: one sample of weight 1 per sample line, threads
// named by comm, kernel/JIT frames marked, "[unknown]" symbols named "dso+0xADDR".
class PerfScriptImporter : public TextImporter {
public:
    std::string_view format() const override { return "perf-script"; }
    std::string_view description() const override
    {
        return "text output of 'perf script' (with callchains: perf record -g)";
    }
    int sniff(std::string_view head) const override;
    Status parse(std::string_view data, model::Profile &out) const override;
};

} // namespace perfwb::formats
