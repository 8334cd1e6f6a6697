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
// Writes `data` to a file that gets the name `path` only once complete, so readers see the
// old file or the whole new one, never a partial one, and a process killed while writing
// leaves nothing behind: the file has no name until then (O_TMPFILE, linked into place).
// Where the file system has no O_TMPFILE, a temporary file beside `path` is renamed into
// place instead. `sync`: on disk (fsync) before it is named.
Status writeFileAtomically(const std::string &path, std::string_view data, bool sync = false);

} // namespace perfwb::io
