// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "core/result.h"

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace perfwb::io {

// A file mapped read-only for one sequential pass (or a few). release() drops pages
// already read from the process's memory, so reading a file of any size keeps a
// bounded resident set (a page read again is faulted back in from the page cache).
class MappedFile {
public:
    static Result<std::unique_ptr<MappedFile>> open(const std::string &path);
    ~MappedFile();
    MappedFile(const MappedFile &) = delete;
    MappedFile &operator=(const MappedFile &) = delete;

    std::string_view data() const { return {static_cast<const char *>(base_), size_}; }
    // The bytes before `offset` will not be needed soon: give their pages back.
    void release(std::size_t offset);

private:
    MappedFile(void *base, std::size_t size);
    void *base_;
    std::size_t size_;
    std::size_t released_ = 0;
};

} // namespace perfwb::io
