// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: SpeedscopeImporter::parse on arbitrary bytes must return a value (a profile
// or one error line), never crash, hang or leave an inconsistent profile.
#include "formats/speedscopeimporter.h"
#include "fuzzcheck.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    return perfwb::fuzz::runImporter(perfwb::formats::SpeedscopeImporter(), data, size);
}
