// SPDX-License-Identifier: GPL-3.0-or-later
#include "fileio.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace perfwb::io {

namespace {
Error ioError(const std::string &path, const char *what)
{
    return makeError(path + ": " + what + ": " + std::strerror(errno));
}
} // namespace

Status readFileInChunks(const std::string &path, std::size_t chunk,
                        const std::function<Status(std::string_view)> &onChunk)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return ioError(path, "cannot open");
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        ::close(fd);
        return makeError(path + ": is a directory");
    }
    std::string buf(std::max<std::size_t>(chunk, 1), '\0');
    Status result;
    for (;;) {
        const ssize_t n = ::read(fd, buf.data(), buf.size());
        if (n < 0) {
            if (errno == EINTR)
                continue;
            result = ioError(path, "cannot read");
            break;
        }
        if (n == 0)
            break;
        if (result = onChunk(std::string_view(buf.data(), static_cast<std::size_t>(n))); !result)
            break;
    }
    ::close(fd);
    return result;
}

Result<std::string> readWholeFile(const std::string &path)
{
    std::string data;
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
        data.reserve(static_cast<std::size_t>(st.st_size));
    Status read = readFileInChunks(path, 1 << 16, [&](std::string_view piece) {
        data.append(piece);
        return Status{};
    });
    if (!read)
        return makeError(read.message());
    return data;
}

Result<std::string> readFileHead(const std::string &path, std::size_t max)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return ioError(path, "cannot open");
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        ::close(fd);
        return makeError(path + ": is a directory");
    }
    std::string data(max, '\0');
    std::size_t got = 0;
    while (got < max) {
        const ssize_t n = ::read(fd, data.data() + got, max - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        got += static_cast<std::size_t>(n);
    }
    ::close(fd);
    data.resize(got);
    return data;
}

Status writeFileAtomically(const std::string &path, std::string_view data)
{
    std::string tmp = path + ".XXXXXX";
    const int fd = ::mkstemp(tmp.data());
    if (fd < 0)
        return ioError(path, "cannot create");
    std::size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            auto err = ioError(path, "cannot write");
            ::close(fd);
            ::unlink(tmp.c_str());
            return err;
        }
        done += static_cast<std::size_t>(n);
    }
    // mkstemp creates 0600; exports are ordinary files for the user and their tools.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd, 0666 & ~mask);
    if (::close(fd) != 0 || ::rename(tmp.c_str(), path.c_str()) != 0) {
        auto err = ioError(path, "cannot write");
        ::unlink(tmp.c_str());
        return err;
    }
    return {};
}

} // namespace perfwb::io
