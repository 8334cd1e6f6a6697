// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "core/result.h"

#include <cstddef>
#include <cstdint>
#include <linux/perf_event.h>
#include <vector>

namespace perfwb::record {

// Reader of one perf_event mmap ring (1 metadata page + 2^n data pages). The kernel
// writes records at data_head; we read from data_tail and publish how far we got, so
// the kernel can reuse the space. A read pass:
//   beginRead();  while (auto *r = current()) { ...; advance(); }  endRead();
// Records are returned in place; one that wraps around the end of the buffer is
// copied into a scratch buffer (kept between calls, so no allocation per record).
// A returned record stays valid until advance() (in place: until endRead()).
class PerfRingBuffer {
public:
    PerfRingBuffer() = default;
    ~PerfRingBuffer();
    PerfRingBuffer(PerfRingBuffer &&other) noexcept;
    PerfRingBuffer &operator=(PerfRingBuffer &&other) noexcept;
    PerfRingBuffer(const PerfRingBuffer &) = delete;
    PerfRingBuffer &operator=(const PerfRingBuffer &) = delete;

    // Maps the ring of a perf event fd. On failure, errno is preserved for the caller
    // (EPERM/ENOMEM: over kernel.perf_event_mlock_kb / RLIMIT_MEMLOCK).
    Status map(int fd, std::uint32_t dataPages);
    void unmap();
    bool isMapped() const { return base_ != nullptr; }

    bool hasData() const;
    void beginRead();
    const perf_event_header *current();
    void advance();
    void endRead();
    // Bytes of malformed records skipped (never expected from a correct kernel).
    std::uint64_t skippedBytes() const { return skipped_; }

private:
    perf_event_mmap_page *meta() const { return reinterpret_cast<perf_event_mmap_page *>(base_); }

    std::uint8_t *base_ = nullptr;
    std::size_t mapSize_ = 0;
    const std::uint8_t *data_ = nullptr;
    std::uint64_t dataSize_ = 0; // power of two
    std::uint64_t head_ = 0;     // snapshot of data_head for this pass
    std::uint64_t tail_ = 0;     // our read position
    std::uint64_t skipped_ = 0;
    std::vector<std::uint8_t> scratch_;
};

} // namespace perfwb::record
