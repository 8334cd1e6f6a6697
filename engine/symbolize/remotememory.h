// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <sys/types.h>

namespace perfwb::symbolize {

// Reads another process's memory with process_vm_readv(2): no stop, no ptrace attach
// (the same permission check as ptrace, though: root, or the target's parent under
// Yama's ptrace_scope 1). A read is whole or it fails.
class RemoteMemory {
public:
    explicit RemoteMemory(pid_t pid)
        : pid_(pid)
    {}
    pid_t pid() const { return pid_; }

    bool read(std::uint64_t address, void *out, std::size_t size) const;
    bool readPointer(std::uint64_t address, std::uint64_t &out) const { return read(address, &out, sizeof out); }
    // Several blocks in as few system calls as the kernel allows (IOV_MAX per call): the
    // number of blocks read whole, from the first; a block that cannot be read ends it.
    struct Block {
        std::uint64_t address = 0;
        void *out = nullptr;
        std::size_t size = 0;
    };
    std::size_t readMany(std::span<const Block> blocks) const;
    // errno of the last failed read (EPERM, ESRCH, EFAULT), 0 before any.
    int lastError() const { return lastError_; }

private:
    pid_t pid_;
    mutable int lastError_ = 0;
};

} // namespace perfwb::symbolize
