// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "exporter.h"

namespace perfwb::formats {

// Chrome's Trace Event Format ({"traceEvents": [...], "displayTimeUnit": "ns"}), for
// chrome://tracing, Perfetto and speedscope. Samples become a flame chart per thread:
// consecutive samples of a thread that share a stack prefix merge into one "X"
// (complete) event per frame, so a function running across N samples is one event N
// sampling intervals long; a gap of more than two intervals ends every open frame (the
// thread was off CPU). Thread and process names are "M" metadata events, instant marks
// "i" events and spans "X" events in category "mark". Times are microseconds from the
// first event, as the format wants.
class ChromeTraceExporter : public Exporter {
public:
    std::string_view format() const override { return "chrome"; }
    std::string_view extension() const override { return "json"; }
    std::string_view what() const override { return "trace"; }
    Status write(const model::Profile &profile, const ExportOptions &options, std::string &out) const override;
};

} // namespace perfwb::formats
