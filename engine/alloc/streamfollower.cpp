// SPDX-License-Identifier: GPL-3.0-or-later
#include "streamfollower.h"

#include <cerrno>
#include <chrono>
#include <fcntl.h>
#include <unistd.h>

namespace perfwb::alloc {

namespace {
// The tracker hands over 64 KiB at a time; a larger piece keeps up with a fast writer.
constexpr std::size_t kChunk = std::size_t{1} << 20;
// How long to wait for more when the file has nothing new.
constexpr auto kIdle = std::chrono::milliseconds(20);
} // namespace

StreamFollower::StreamFollower(std::string path)
    : path_(std::move(path))
    , chunk_(kChunk)
{
    thread_ = std::thread(&StreamFollower::run, this);
}

StreamFollower::~StreamFollower()
{
    stop_.store(true);
    wake_.notify_all();
    if (thread_.joinable())
        thread_.join();
    if (fd_ >= 0)
        ::close(fd_);
}

bool StreamFollower::readMore()
{
    if (fd_ < 0) {
        fd_ = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd_ < 0)
            return false; // not created yet
    }
    ssize_t n;
    do {
        n = ::read(fd_, chunk_.data(), chunk_.size());
    } while (n < 0 && errno == EINTR);
    if (n <= 0)
        return false;
    pending_.append(chunk_.data(), static_cast<std::size_t>(n));
    auto used = reader_.feed(pending_);
    if (!used) {
        error_ = path_ + ": " + used.message();
        return false;
    }
    pending_.erase(0, used.value());
    return true;
}

void StreamFollower::run()
{
    while (!stop_.load() && error_.empty()) {
        if (readMore())
            continue;
        std::unique_lock guard(lock_);
        wake_.wait_for(guard, kIdle, [this] { return stop_.load(); });
    }
}

Status StreamFollower::drain()
{
    stop_.store(true);
    wake_.notify_all();
    if (thread_.joinable())
        thread_.join();
    while (error_.empty() && readMore()) {
    }
    if (!error_.empty())
        return makeError(error_);
    return {};
}

} // namespace perfwb::alloc
