// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "importer.h"

namespace perfwb::formats {

// speedscope's JSON file format (https://www.speedscope.app/file-format-schema.json),
// as speedscope, py-spy and SpeedscopeExporter write it. Every profile becomes one
// thread named after it. Sampled profiles keep their samples and weights; evented
// profiles become one sample per interval between consecutive events, of the open
// stack, weighted by the interval's length. Time units are converted to nanoseconds.
// Problems are reported with their JSON path: "profiles[0].samples[12]: ...".
class SpeedscopeImporter : public TextImporter {
public:
    std::string_view format() const override { return "speedscope"; }
    std::string_view description() const override { return "speedscope JSON (sampled and evented profiles; py-spy)"; }
    int sniff(std::string_view head) const override;
    Status parse(std::string_view data, model::Profile &out) const override;
};

} // namespace perfwb::formats
