// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "comparisonexporter.h"
#include "exporter.h"
#include "importer.h"

#include <memory>
#include <string>
#include <vector>

namespace perfwb::formats {

// The one place that knows every importer and exporter.
class FormatRegistry {
public:
    static const std::vector<std::unique_ptr<Importer>> &importers();
    static const std::vector<std::unique_ptr<Exporter>> &exporters();
    static const Importer *importer(std::string_view format);
    static const Exporter *exporter(std::string_view format);
    // Outputs of a comparison of two runs (perfwb diff, the GUI's comparison exports).
    static const std::vector<std::unique_ptr<ComparisonExporter>> &comparisonExporters();
    static const ComparisonExporter *comparisonExporter(std::string_view format);
    // Picks the importer by content, never by file name.
    static Result<const Importer *> sniff(const std::string &path);
};

} // namespace perfwb::formats
