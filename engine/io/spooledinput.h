// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "core/result.h"

#include <memory>
#include <string>

namespace perfwb::io {

// A path given to info/import/export/diff or the GUI may name a stream: a FIFO, the
// /dev/fd/N of a shell's process substitution `<(…)`, a character device. Sniffing and
// importing open a path more than once, which hangs on a FIFO (the writer is gone after
// the first read) and sees nothing the second time. A stream is read once, into a private
// temporary file that the loaders then read as usual; a regular file is used in place.
class SpooledInput {
public:
    // Errors: "PATH: is a directory", "PATH: cannot open: REASON", "PATH: cannot read: REASON".
    static Result<std::unique_ptr<SpooledInput>> open(const std::string &path);
    ~SpooledInput(); // removes the temporary copy
    SpooledInput(const SpooledInput &) = delete;
    SpooledInput &operator=(const SpooledInput &) = delete;

    // What to read: the path itself, or the temporary copy of the stream.
    const std::string &readable() const { return readable_; }
    bool spooled() const { return !temporary_.empty(); }
    // A message about readable() told about the user's path instead.
    std::string userMessage(std::string message) const;

private:
    SpooledInput() = default;
    std::string original_;
    std::string readable_;
    std::string temporary_;
};

} // namespace perfwb::io
