// SPDX-License-Identifier: GPL-3.0-or-later
#include "remotememory.h"

#include <algorithm>
#include <cerrno>
#include <sys/uio.h>
#include <vector>

namespace perfwb::symbolize {

bool RemoteMemory::read(std::uint64_t address, void *out, std::size_t size) const
{
    if (address == 0) {
        lastError_ = EFAULT;
        return false;
    }
    iovec local{out, size};
    iovec remote{reinterpret_cast<void *>(address), size}; // NOLINT(performance-no-int-to-ptr): a remote address
    const ssize_t got = ::process_vm_readv(pid_, &local, 1, &remote, 1, 0);
    if (got == static_cast<ssize_t>(size))
        return true;
    lastError_ = got < 0 ? errno : EFAULT;
    return false;
}

std::size_t RemoteMemory::readMany(std::span<const Block> blocks) const
{
    constexpr std::size_t kPerCall = 1024; // IOV_MAX on Linux
    std::vector<iovec> local;
    std::vector<iovec> remote;
    std::size_t done = 0;
    while (done < blocks.size()) {
        const std::size_t count = std::min(kPerCall, blocks.size() - done);
        local.clear();
        remote.clear();
        std::size_t wanted = 0;
        for (const Block &b : blocks.subspan(done, count)) {
            if (b.address == 0)
                break;
            local.push_back({b.out, b.size});
            // NOLINTNEXTLINE(performance-no-int-to-ptr): a remote address
            remote.push_back({reinterpret_cast<void *>(b.address), b.size});
            wanted += b.size;
        }
        if (local.empty())
            return done;
        const ssize_t got = ::process_vm_readv(pid_, local.data(), local.size(), remote.data(), remote.size(), 0);
        if (got < 0) {
            lastError_ = errno;
            return done;
        }
        // The kernel never splits a block: count the whole ones.
        auto left = static_cast<std::size_t>(got);
        std::size_t whole = 0;
        while (whole < local.size() && left >= local[whole].iov_len)
            left -= local[whole++].iov_len;
        done += whole;
        if (static_cast<std::size_t>(got) != wanted || whole < count) {
            lastError_ = EFAULT;
            return done;
        }
    }
    return done;
}

} // namespace perfwb::symbolize
