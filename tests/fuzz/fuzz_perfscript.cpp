// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: PerfScriptImporter::parse on arbitrary bytes, then the streaming
// PerfScriptParser on the same bytes cut into two chunks at a point the input picks:
// both must agree, and neither may crash, hang or leave an inconsistent profile.
#include "formats/perfscriptimporter.h"
#include "formats/perfscriptparser.h"
#include "fuzzcheck.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    perfwb::fuzz::runImporter(perfwb::formats::PerfScriptImporter(), data, size);

    const std::string_view text(reinterpret_cast<const char *>(data), size);
    const std::size_t cut = size == 0 ? 0 : data[0] % size;
    perfwb::model::Profile whole;
    perfwb::formats::PerfScriptParser a(whole);
    const bool okWhole = a.feed(text).isOk() && a.finish().isOk();
    perfwb::model::Profile split;
    perfwb::formats::PerfScriptParser b(split);
    const bool okSplit = b.feed(text.substr(0, cut)).isOk() && b.feed(text.substr(cut)).isOk() && b.finish().isOk();
    perfwb::fuzz::require(okWhole == okSplit);
    if (okWhole) {
        perfwb::fuzz::require(whole.samples.size() == split.samples.size());
        perfwb::fuzz::require(whole.stacks.size() == split.stacks.size());
        perfwb::fuzz::checkProfile(split);
    }
    return 0;
}
