// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "core/result.h"

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace perfwb::io {

// Reads a whole file; errors name the file and the reason.
Result<std::string> readWholeFile(const std::string &path);
// Reads a file front to back in pieces of up to `chunk` bytes, handing each to `onChunk`;
// the first error it returns ends the read and is returned. Memory stays one chunk.
Status readFileInChunks(const std::string &path, std::size_t chunk,
                        const std::function<Status(std::string_view)> &onChunk);
// The first `max` bytes (for sniffing formats).
Result<std::string> readFileHead(const std::string &path, std::size_t max = 4096);
// Writes to a temporary file beside `path` and renames it into place, so readers
// see the old file or the complete new one, never a partial one.
Status writeFileAtomically(const std::string &path, std::string_view data);

} // namespace perfwb::io
