// SPDX-License-Identifier: GPL-3.0-or-later
#include "streamfollower.h"

#include <cerrno>
#include <chrono>
#include <fcntl.h>
#include <iterator>
#include <unistd.h>

namespace perfwb::alloc {

namespace {
// The tracker hands over 64 KiB at a time; a larger piece keeps up with a fast writer.
constexpr std::size_t kChunk = std::size_t{1} << 20;
// How long to wait for more when the file has nothing new.
constexpr auto kIdle = std::chrono::milliseconds(20);
// Replayed bytes are given back to the file system in pieces of this size (see readMore).
constexpr off_t kPunch = off_t{4} << 20;
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
        fd_ = ::open(path_.c_str(), O_RDWR | O_CLOEXEC); // writable: for the holes below
        if (fd_ < 0)
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
    readBytes_ += n;
    punchReplayed(readBytes_ - static_cast<off_t>(pending_.size()));
    if (symbolWorkWanted_.load(std::memory_order_relaxed)) { // else nothing piles up unasked
        std::lock_guard guard(workLock_);
        reader_.takeSymbolWork(work_);
    }
    return true;
}

void StreamFollower::takeSymbolWork(AllocStreamReader::SymbolWork &out)
{
    symbolWorkWanted_.store(true, std::memory_order_relaxed); // from the next read on
    std::lock_guard guard(workLock_);
    out.pid = work_.pid;
    out.mappings.insert(out.mappings.end(), std::make_move_iterator(work_.mappings.begin()),
                        std::make_move_iterator(work_.mappings.end()));
    out.returnAddresses.insert(out.returnAddresses.end(), work_.returnAddresses.begin(), work_.returnAddresses.end());
    work_.mappings.clear();
    work_.returnAddresses.clear();
}

// The stream is read once: the pages already replayed are punched out of the file. The
// page cache then never holds the whole stream (60 MB for 10 M malloc/free pairs, all of
// it dirty), and deleting the file at the end frees almost nothing (it took 8 ms). Where
// the file system cannot punch holes, or the file is not writable, the pages stay.
void StreamFollower::punchReplayed(off_t replayed)
{
    const off_t upto = replayed & ~off_t{4095};
    if (punchFailed_ || upto - punched_ < kPunch)
        return;
    if (::fallocate(fd_, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, punched_, upto - punched_) == 0)
        punched_ = upto;
    else
        punchFailed_ = true;
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
