// SPDX-License-Identifier: GPL-3.0-or-later
#include "heaptrackimporter.h"

#include "compressedbytes.h"
#include "heaptrackreader.h"

namespace perfwb::report {

int HeaptrackImporter::sniff(std::string_view head) const
{
    const Compression compression = compressionOf(head);
    if (compression == Compression::None)
        return HeaptrackReader::looksLikeHeaptrack(head) ? 95 : 0;
    return HeaptrackReader::looksLikeHeaptrack(decompressedPrefix(head, 256)) ? 95 : 0;
}

Status HeaptrackImporter::parse(std::string_view data, model::Profile &out) const
{
    HeaptrackReader reader(out);
    return reader.read(data);
}

} // namespace perfwb::report
