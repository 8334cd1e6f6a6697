// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: HeaptrackImporter::parse on arbitrary bytes (plain text or gzip; zstd
// only when built with libzstd) must return a value (a profile or one error line),
// never crash, hang or leave an inconsistent profile.
#include "formats/heaptrackimporter.h"
#include "fuzzcheck.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    return perfwb::fuzz::runImporter(perfwb::formats::HeaptrackImporter(), data, size);
}
