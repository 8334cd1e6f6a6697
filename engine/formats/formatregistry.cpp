// SPDX-License-Identifier: GPL-3.0-or-later
#include "formatregistry.h"

#include "austinimporter.h"
#include "callgrindimporter.h"
#include "chrometraceexporter.h"
#include "chrometraceimporter.h"
#include "comparisonexporters.h"
#include "contentdescription.h"
#include "cpuprofileimporter.h"
#include "foldedexporter.h"
#include "foldedimporter.h"
#include "heaptrackimporter.h"
#include "htmlexporter.h"
#include "io/fileio.h"
#include "memraystatsimporter.h"
#include "perfdataimporter.h"
#include "perfscriptimporter.h"
#include "pprofexporter.h"
#include "pstatsimporter.h"
#include "scaleneimporter.h"
#include "speedscopeexporter.h"
#include "speedscopeimporter.h"
#include "svgexporter.h"

#include <algorithm>

namespace perfwb::formats {

const std::vector<std::unique_ptr<Importer>> &FormatRegistry::importers()
{
    static const auto list = [] {
        std::vector<std::unique_ptr<Importer>> v;
        // Each importer adds itself here: v.push_back(std::make_unique<XImporter>());
        v.push_back(std::make_unique<PerfDataImporter>());
        v.push_back(std::make_unique<PerfScriptImporter>());
        v.push_back(std::make_unique<SpeedscopeImporter>());
        v.push_back(std::make_unique<PstatsImporter>());
        v.push_back(std::make_unique<CallgrindImporter>());
        v.push_back(std::make_unique<ScaleneImporter>());
        v.push_back(std::make_unique<MemrayStatsImporter>());
        v.push_back(std::make_unique<AustinImporter>());
        v.push_back(std::make_unique<AustinImporter>(AustinImporter::Variant::Memory));
        v.push_back(std::make_unique<ChromeTraceImporter>());
        v.push_back(std::make_unique<CpuProfileImporter>());
        v.push_back(std::make_unique<HeaptrackImporter>());
        v.push_back(std::make_unique<FoldedImporter>());
        return v;
    }();
    return list;
}

const std::vector<std::unique_ptr<Exporter>> &FormatRegistry::exporters()
{
    static const auto list = [] {
        std::vector<std::unique_ptr<Exporter>> v;
        // Each exporter adds itself here: v.push_back(std::make_unique<XExporter>());
        v.push_back(std::make_unique<FoldedExporter>());
        v.push_back(std::make_unique<SpeedscopeExporter>());
        v.push_back(std::make_unique<SvgExporter>());
        v.push_back(std::make_unique<HtmlExporter>());
        v.push_back(std::make_unique<PprofExporter>());
        v.push_back(std::make_unique<ChromeTraceExporter>());
        return v;
    }();
    return list;
}

const std::vector<std::unique_ptr<ComparisonExporter>> &FormatRegistry::comparisonExporters()
{
    static const auto list = makeComparisonExporters();
    return list;
}

const ComparisonExporter *FormatRegistry::comparisonExporter(std::string_view format)
{
    for (const auto &e : comparisonExporters()) {
        if (e->format() == format)
            return e.get();
    }
    return nullptr;
}

const Importer *FormatRegistry::importer(std::string_view format)
{
    for (const auto &i : importers()) {
        if (i->format() == format)
            return i.get();
    }
    return nullptr;
}

const Exporter *FormatRegistry::exporter(std::string_view format)
{
    for (const auto &e : exporters()) {
        if (e->format() == format)
            return e.get();
    }
    return nullptr;
}

Result<const Importer *> FormatRegistry::sniff(const std::string &path)
{
    auto head = io::readFileHead(path, 8192);
    if (!head)
        return makeError(head.message());
    if (head->empty())
        return makeError(path + ": file is empty");
    const Importer *best = nullptr;
    int bestScore = 0;
    for (const auto &i : importers()) {
        const int score = i->sniff(head.value());
        if (score > bestScore) {
            best = i.get();
            bestScore = score;
        }
    }
    if (best == nullptr) {
        // Named from the registry, so the list never falls behind the importers.
        std::string known = "a perfwb report";
        for (const auto &i : importers())
            known += ", " + std::string(i->format());
        return makeError(path + ": unrecognised format: it looks like " + describeContent(head.value()) +
                         " (perfwb reads " + known + "); use -f to name it");
    }
    return best;
}

} // namespace perfwb::formats
