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

namespace {
bool writeAll(int fd, std::string_view data)
{
    std::size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += static_cast<std::size_t>(n);
    }
    return true;
}

// The named way: a temporary file beside `path`, renamed over it.
Status writeThroughNamedTemp(const std::string &path, std::string_view data, bool sync)
{
    std::string tmp = path + ".XXXXXX";
    const int fd = ::mkstemp(tmp.data());
    if (fd < 0)
        return ioError(path, "cannot create");
    // mkstemp creates 0600; exports are ordinary files for the user and their tools.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd, 0666 & ~mask);
    const bool written = writeAll(fd, data) && (!sync || ::fsync(fd) == 0);
    if (::close(fd) != 0 || !written || ::rename(tmp.c_str(), path.c_str()) != 0) {
        auto err = ioError(path, "cannot write");
        ::unlink(tmp.c_str());
        return err;
    }
    return {};
}

// Names the unnamed file `fd` as `path`, replacing what is there. Linking cannot replace:
// over an existing file the link goes to a free temporary name first, renamed at once.
bool linkIntoPlace(int fd, const std::string &path)
{
    const std::string self = "/proc/self/fd/" + std::to_string(fd);
    if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, path.c_str(), AT_SYMLINK_FOLLOW) == 0)
        return true;
    if (errno != EEXIST)
        return false;
    for (int attempt = 0; attempt < 100; ++attempt) {
        const std::string tmp = path + ".tmp" + std::to_string(::getpid()) + "-" + std::to_string(attempt);
        if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, tmp.c_str(), AT_SYMLINK_FOLLOW) != 0) {
            if (errno == EEXIST)
                continue;
            return false;
        }
        if (::rename(tmp.c_str(), path.c_str()) == 0)
            return true;
        const int saved = errno;
        ::unlink(tmp.c_str());
        errno = saved;
        return false;
    }
    return false;
}
} // namespace

Status writeFileAtomically(const std::string &path, std::string_view data, bool sync)
{
    const auto slash = path.rfind('/');
    const std::string dir =
        slash == std::string::npos ? std::string(".") : path.substr(0, std::max<std::size_t>(slash, 1));
    // The kernel applies the umask to the mode, as for an ordinary new file.
    const int fd = ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
    if (fd < 0) {
        // No such directory, or no permission: say so for `path`. Other errors mean this
        // file system cannot make unnamed files.
        if (errno == ENOENT || errno == EACCES || errno == EROFS || errno == ENOSPC || errno == EDQUOT)
            return ioError(path, "cannot create");
        return writeThroughNamedTemp(path, data, sync);
    }
    if (!writeAll(fd, data) || (sync && ::fsync(fd) != 0)) {
        auto err = ioError(path, "cannot write");
        ::close(fd);
        return err;
    }
    const bool linked = linkIntoPlace(fd, path);
    const int saved = errno;
    ::close(fd);
    if (!linked) {
        errno = saved;
        // No /proc to link through (a bare chroot): the named way.
        if (errno == ENOENT && ::access("/proc/self/fd", F_OK) != 0)
            return writeThroughNamedTemp(path, data, sync);
        return ioError(path, "cannot write");
    }
    return {};
}

} // namespace perfwb::io
