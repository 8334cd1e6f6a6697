// SPDX-License-Identifier: GPL-3.0-or-later
#include "spooledinput.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace perfwb::io {

namespace {

Status copyStream(int in, int out, const std::string &path)
{
    char buffer[1 << 16];
    for (;;) {
        const ssize_t n = ::read(in, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return makeError(path + ": cannot read: " + std::strerror(errno));
        if (n == 0)
            return {};
        for (ssize_t done = 0; done < n;) {
            const ssize_t w = ::write(out, buffer + done, static_cast<std::size_t>(n - done));
            if (w < 0 && errno == EINTR)
                continue;
            if (w < 0)
                return makeError(path + ": cannot copy the stream to a temporary file: " + std::strerror(errno));
            done += w;
        }
    }
}

} // namespace

Result<std::unique_ptr<SpooledInput>> SpooledInput::open(const std::string &path)
{
    std::unique_ptr<SpooledInput> input(new SpooledInput);
    input->original_ = path;
    input->readable_ = path;
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        return makeError(path + ": cannot open: " + std::strerror(errno));
    if (S_ISDIR(st.st_mode))
        return makeError(path + ": is a directory");
    if (S_ISREG(st.st_mode))
        return input;
    // Opened once, read to the end, never opened again.
    const int in = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (in < 0)
        return makeError(path + ": cannot open: " + std::strerror(errno));
    const char *tmp = std::getenv("TMPDIR");
    std::string name = std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") + "/perfwb-stream-XXXXXX";
    const int out = ::mkostemp(name.data(), O_CLOEXEC);
    if (out < 0) {
        const int err = errno;
        ::close(in);
        return makeError(path + ": cannot make a temporary copy of the stream: " + std::strerror(err));
    }
    input->temporary_ = name;
    input->readable_ = name;
    const Status copied = copyStream(in, out, path);
    ::close(in);
    if (::close(out) != 0 && copied)
        return makeError(path + ": cannot copy the stream to a temporary file: " + std::strerror(errno));
    if (!copied)
        return makeError(copied.message()); // the destructor removes the partial copy
    return input;
}

SpooledInput::~SpooledInput()
{
    if (!temporary_.empty())
        ::unlink(temporary_.c_str());
}

std::string SpooledInput::userMessage(std::string message) const
{
    if (temporary_.empty())
        return message;
    for (auto at = message.find(temporary_); at != std::string::npos; at = message.find(temporary_, at))
        message.replace(at, temporary_.size(), original_);
    return message;
}

} // namespace perfwb::io
