// SPDX-License-Identifier: GPL-3.0-or-later
#include "heaptrackimporter.h"

#include "heaptrackreader.h"
#include "io/compressedbytes.h"

namespace perfwb::formats {

int HeaptrackImporter::sniff(std::string_view head) const
{
    const io::Compression compression = io::compressionOf(head);
    if (compression == io::Compression::None)
        return HeaptrackReader::looksLikeHeaptrack(head) ? 95 : 0;
    return HeaptrackReader::looksLikeHeaptrack(io::decompressedPrefix(head, 256)) ? 95 : 0;
}

Status HeaptrackImporter::parse(std::string_view data, model::Profile &out) const
{
    HeaptrackReader reader(out);
    return reader.read(data);
}

} // namespace perfwb::formats
