// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: AustinImporter::parse (both variants: auto and austin-memory) on
// arbitrary bytes must return a value (a profile or one error line), never crash, hang or
// leave an inconsistent profile.
#include "formats/austinimporter.h"
#include "fuzzcheck.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using perfwb::formats::AustinImporter;
    perfwb::fuzz::runImporter(AustinImporter(), data, size);
    return perfwb::fuzz::runImporter(AustinImporter(AustinImporter::Variant::Memory), data, size);
}
