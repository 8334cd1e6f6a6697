// SPDX-License-Identifier: GPL-3.0-or-later
#include "profileloader.h"

#include "formatregistry.h"
#include "io/fileio.h"
#include "io/spooledinput.h"
#include "store/reportreader.h"

#include <spdlog/spdlog.h>

#include <cstdint>
#include <limits>

namespace perfwb::formats {

bool ProfileLoader::isReport(const std::string &path)
{
    auto head = io::readFileHead(path, 100);
    return head && store::ReportReader::looksLikeReport(head.value());
}

Status ProfileLoader::load(const std::string &path, std::string_view format, model::Profile &out)
{
    auto input = io::SpooledInput::open(path);
    if (!input)
        return makeError(input.message());
    Status st = loadFile(input.value()->readable(), format, out);
    if (!st)
        return makeError(input.value()->userMessage(st.message()));
    return st;
}

namespace {
// Every total (self, total, shares) is a sum of sample weights: weights that add up past
// 2^64 would wrap and show self above total. Refused, whatever the file's format.
Status checkWeightsAddUp(const std::string &path, const model::Profile &profile)
{
    std::uint64_t sum = 0;
    for (std::size_t i = 0; i < profile.samples.size(); ++i) {
        if (__builtin_add_overflow(sum, profile.samples.weight(i), &sum))
            return makeError(path + ": sample weights add up to more than " +
                             std::to_string(std::numeric_limits<std::uint64_t>::max()) + " (from sample " +
                             std::to_string(i) + " on); totals would wrap");
    }
    return {};
}
} // namespace

Status ProfileLoader::loadFile(const std::string &path, std::string_view format, model::Profile &out)
{
    Status st = loadUnchecked(path, format, out);
    return st ? checkWeightsAddUp(path, out) : st;
}

Status ProfileLoader::loadUnchecked(const std::string &path, std::string_view format, model::Profile &out)
{
    if (format == "perfwb" || (format.empty() && isReport(path)))
        return store::ReportReader::read(path, out);
    const Importer *importer = nullptr;
    if (format.empty()) {
        auto sniffed = FormatRegistry::sniff(path);
        if (!sniffed)
            return makeError(sniffed.message());
        importer = sniffed.value();
    } else {
        importer = FormatRegistry::importer(format);
        if (importer == nullptr)
            return makeError("unknown format '" + std::string(format) + "'");
    }
    spdlog::debug("importing {} as {}", path, importer->format());
    Status st = importer->importFile(path, out);
    if (st && out.meta.sourceFormat.empty())
        out.meta.sourceFormat = std::string(importer->format());
    return st;
}

} // namespace perfwb::formats
