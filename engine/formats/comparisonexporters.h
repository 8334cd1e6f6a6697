// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The comparison outputs FormatRegistry lists: HTML page, differential flame graph in the
// new run's shape and in the base run's, the Markdown before/after table, JSON.
#include "comparisonexporter.h"

#include <memory>
#include <vector>

namespace perfwb::formats {

std::vector<std::unique_ptr<ComparisonExporter>> makeComparisonExporters();

} // namespace perfwb::formats
