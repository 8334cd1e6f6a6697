// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "exporter.h"

#include <string>

namespace perfwb::formats {

// One self-contained HTML page for a ticket: works offline from file:// with no network
// access. Interactive flamegraph (click to zoom, search, tooltips; URL fragments
// #search=REGEX and #zoom=FUNCTION), timeline chart (rss, cpu, threads and any other
// timeline, with marks), sortable top-functions table, marks and run metadata (the
// already-redacted environment only). The data rides along as JSON in a
// <script type="application/json"> block: the call tree (frames under 0.1 px left out,
// their weight kept in the parent), never the raw samples, so the page size follows the
// tree, not the sample count. Template, script and styles: resources/export/report.*.
class HtmlExporter : public Exporter {
public:
    std::string_view format() const override { return "html"; }
    std::string_view extension() const override { return "html"; }
    std::string_view what() const override { return "report"; }
    Status write(const model::Profile &profile, const ExportOptions &options, std::string &out) const override;

    // The page around `json` (one JSON object; see report.js for its shape). Shared with
    // the comparison page. `json` may hold any text: "<" is escaped so no "</script"
    // (or "<!--") can end the data block early.
    static Status page(std::string_view title, std::string_view json, std::string &out);
    // Appends the run's metadata as a JSON object (what the page's "Run" section shows).
    static void appendMetadataJson(std::string &out, const model::Profile &profile);
};

} // namespace perfwb::formats
