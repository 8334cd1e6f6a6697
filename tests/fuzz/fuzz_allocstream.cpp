// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the allocation tracker's stream (engine/alloc). Arbitrary bytes give
// figures or one error line, never a crash or a hang; fed in two pieces cut anywhere (as
// a recording reads a stream its target is still writing) they give the same figures.
#include "alloc/allocstreamreader.h"
#include "symbolize/symbolizer.h"

#include <cstdint>
#include <cstdlib>
#include <string>

using namespace perfwb;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char *>(data), size);
    symbolize::Symbolizer wholeSymbolizer;
    model::Profile whole;
    const auto all = alloc::AllocStreamReader::read(text, wholeSymbolizer, whole);
    if (!all) {
        if (all.message().empty() || all.message().find('\n') != std::string::npos)
            std::abort();
        return 0;
    }
    const std::size_t cut = size == 0 ? 0 : data[size - 1] % (size + 1);
    alloc::AllocStreamReader reader;
    std::string pending = text.substr(0, cut);
    auto used = reader.feed(pending);
    if (!used)
        std::abort(); // the whole stream read: its start cannot be malformed
    pending.erase(0, used.value());
    pending += text.substr(cut);
    used = reader.feed(pending);
    if (!used)
        std::abort();
    symbolize::Symbolizer symbolizer;
    model::Profile pieces;
    const auto r = reader.finish(symbolizer, pieces);
    if (!r || r->events != all->events || pieces.allocations.totals.peakBytes != whole.allocations.totals.peakBytes ||
        pieces.allocations.totals.leakedBytes != whole.allocations.totals.leakedBytes)
        std::abort();
    return 0;
}
