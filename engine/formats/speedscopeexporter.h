// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "exporter.h"

namespace perfwb::formats {

// speedscope's JSON file format (https://www.speedscope.app/file-format-schema.json):
// one "sampled" profile per thread, frames shared between them. Samples keep their
// time order; neighbouring samples with the same stack are merged into one with the
// summed weight, which speedscope shows identically and which keeps files small.
class SpeedscopeExporter : public Exporter {
public:
    std::string_view format() const override { return "speedscope"; }
    std::string_view extension() const override { return "speedscope.json"; }
    std::string_view what() const override { return "profile"; } // speedscope opens *.speedscope.json
    Status write(const model::Profile &profile, const ExportOptions &options, std::string &out) const override;

    // speedscope's unit for a RunMetadata::weightUnit: "samples" (and anything
    // unknown) is "none"; "nanoseconds" and "bytes" are the same words there.
    static std::string_view speedscopeUnit(const model::WeightUnit &weightUnit);
};

} // namespace perfwb::formats
