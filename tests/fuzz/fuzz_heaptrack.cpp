// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: HeaptrackImporter::parse on arbitrary bytes (plain text or gzip; zstd
// only when built with libzstd) must return a value (a profile or one error line),
// never crash, hang or leave an inconsistent profile.
#include "fuzzcheck.h"
#include "report/heaptrackimporter.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    return perfwb::fuzz::runImporter(perfwb::report::HeaptrackImporter(), data, size);
}
