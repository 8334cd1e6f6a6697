// SPDX-License-Identifier: GPL-3.0-or-later
#include "weightunit.h"

namespace perfwb::model {

namespace {
constexpr std::string_view kSamples = "samples";
constexpr std::string_view kNanoseconds = "nanoseconds";
constexpr std::string_view kBytes = "bytes";
} // namespace

WeightUnit WeightUnit::fromName(std::string_view name)
{
    if (name == kSamples || name.empty())
        return WeightKind::Samples;
    if (name == kNanoseconds)
        return WeightKind::Nanoseconds;
    if (name == kBytes)
        return WeightKind::Bytes;
    WeightUnit unit;
    unit.kind_ = WeightKind::Other;
    unit.other_ = std::string(name);
    return unit;
}

std::string_view WeightUnit::name() const
{
    switch (kind_) {
    case WeightKind::Samples:
        return kSamples;
    case WeightKind::Nanoseconds:
        return kNanoseconds;
    case WeightKind::Bytes:
        return kBytes;
    case WeightKind::Other:
        break;
    }
    return other_;
}

} // namespace perfwb::model
