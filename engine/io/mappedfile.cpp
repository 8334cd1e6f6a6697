// SPDX-License-Identifier: GPL-3.0-or-later
#include "mappedfile.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace perfwb::io {

MappedFile::MappedFile(void *base, std::size_t size)
    : base_(base)
    , size_(size)
{}

MappedFile::~MappedFile()
{
    if (base_ != nullptr)
        ::munmap(base_, size_);
}

Result<std::unique_ptr<MappedFile>> MappedFile::open(const std::string &path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return makeError(path + ": " + std::strerror(errno));
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return makeError(path + ": not a regular file");
    }
    const auto size = static_cast<std::size_t>(st.st_size);
    void *base = nullptr;
    if (size > 0) {
        base = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (base == MAP_FAILED) {
            const int err = errno;
            ::close(fd);
            return makeError(path + ": cannot map: " + std::strerror(err));
        }
        ::madvise(base, size, MADV_SEQUENTIAL);
    }
    ::close(fd); // the mapping keeps the file
    return std::unique_ptr<MappedFile>(new MappedFile(base, size));
}

void MappedFile::release(std::size_t offset)
{
    if (base_ == nullptr)
        return;
    const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    const std::size_t end = std::min(offset, size_) / page * page;
    if (end < released_)
        released_ = 0; // a new pass from the start: its pages came back
    if (end > released_)
        ::madvise(static_cast<char *>(base_) + released_, end - released_, MADV_DONTNEED);
    released_ = std::max(released_, end);
}

} // namespace perfwb::io
