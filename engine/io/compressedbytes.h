// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// gzip (zlib) and zstd (libzstd) input, decompressed
// piece by piece, so a reader never holds the whole decompressed file.
#include "core/result.h"

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace perfwb::io {

enum class Compression { None, Gzip, Zstd };

// By the magic number at the start of the data.
Compression compressionOf(std::string_view data);
std::string_view compressionName(Compression c);

// Calls `sink` with consecutive pieces of the decompressed data (the data itself when
// not compressed); stops at the first error the sink returns. Corrupt or truncated
// compressed data is an error naming the compressed byte offset.
Status forEachDecompressedChunk(std::string_view data, const std::function<Status(std::string_view)> &sink);

// Up to `limit` bytes from the start of the decompressed data, for sniffing a file head:
// truncated or corrupt input gives what could be decompressed before it.
std::string decompressedPrefix(std::string_view data, std::size_t limit);

} // namespace perfwb::io
