// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: SampleBlock::decode (the samples of a .perfwb report, schema 3) on
// arbitrary bytes must accept or refuse them, never crash or read past them; what it
// accepts must survive encode and decode unchanged. The first two bytes are the count.
#include "fuzzcheck.h"
#include "store/sampleblock.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using perfwb::fuzz::require;
    using perfwb::store::SampleBlock;
    if (size < 2)
        return 0;
    const std::size_t count = (static_cast<std::size_t>(data[0]) << 8 | data[1]) % (SampleBlock::kMaxSamples + 1);
    const std::string_view bytes(reinterpret_cast<const char *>(data + 2), size - 2);
    std::vector<perfwb::model::Sample> decoded;
    if (!SampleBlock::decode(bytes, count, decoded))
        return 0;
    require(decoded.size() == count);
    perfwb::model::SampleTable table;
    for (const auto &s : decoded)
        table.add(s);
    std::string again;
    SampleBlock::encode(table, 0, table.size(), again);
    require(again.size() <= bytes.size()); // the encoder's varints are the shortest
    std::vector<perfwb::model::Sample> twice;
    require(SampleBlock::decode(again, count, twice));
    for (std::size_t i = 0; i < count; ++i) {
        require(twice[i].timeNs == decoded[i].timeNs && twice[i].thread == decoded[i].thread);
        require(twice[i].stack == decoded[i].stack && twice[i].weight == decoded[i].weight);
    }
    return 0;
}
