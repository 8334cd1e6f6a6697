// SPDX-License-Identifier: GPL-3.0-or-later
#include "perfringbuffer.h"

#include <cerrno>
#include <cstring>
#include <sys/mman.h>
#include <unistd.h>
#include <utility>

namespace perfwb::record {

PerfRingBuffer::~PerfRingBuffer()
{
    unmap();
}

PerfRingBuffer::PerfRingBuffer(PerfRingBuffer &&other) noexcept
{
    *this = std::move(other);
}

PerfRingBuffer &PerfRingBuffer::operator=(PerfRingBuffer &&other) noexcept
{
    if (this != &other) {
        unmap();
        base_ = std::exchange(other.base_, nullptr);
        mapSize_ = std::exchange(other.mapSize_, 0);
        data_ = std::exchange(other.data_, nullptr);
        dataSize_ = std::exchange(other.dataSize_, 0);
        head_ = std::exchange(other.head_, 0);
        tail_ = std::exchange(other.tail_, 0);
        skipped_ = std::exchange(other.skipped_, 0);
        scratch_ = std::move(other.scratch_);
    }
    return *this;
}

Status PerfRingBuffer::map(int fd, std::uint32_t dataPages)
{
    unmap();
    if (dataPages == 0 || (dataPages & (dataPages - 1)) != 0) {
        errno = EINVAL;
        return makeError("ring buffer size must be a power of two pages, not " + std::to_string(dataPages));
    }
    const std::size_t page = std::size_t(sysconf(_SC_PAGESIZE));
    const std::size_t size = page * (std::size_t(dataPages) + 1);
    void *p = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (p == MAP_FAILED) {
        const int err = errno;
        Status s = makeError(std::string("cannot map the perf ring buffer: ") + std::strerror(err));
        errno = err;
        return s;
    }
    base_ = static_cast<std::uint8_t *>(p);
    mapSize_ = size;
    // data_offset/data_size exist since Linux 4.1; older kernels leave them 0.
    const std::uint64_t offset = meta()->data_offset ? meta()->data_offset : page;
    dataSize_ = meta()->data_size ? meta()->data_size : page * dataPages;
    data_ = base_ + offset;
    tail_ = head_ = __atomic_load_n(&meta()->data_tail, __ATOMIC_RELAXED);
    scratch_.reserve(std::size_t{64} * 1024); // the largest record (u16 size) fits without growing
    return {};
}

void PerfRingBuffer::unmap()
{
    if (base_)
        munmap(base_, mapSize_);
    base_ = nullptr;
    data_ = nullptr;
    mapSize_ = 0;
    dataSize_ = 0;
    head_ = tail_ = 0;
}

bool PerfRingBuffer::hasData() const
{
    return base_ && __atomic_load_n(&meta()->data_head, __ATOMIC_ACQUIRE) != tail_;
}

void PerfRingBuffer::beginRead()
{
    // Acquire pairs with the kernel's store of data_head: record bytes below it are visible.
    head_ = base_ ? __atomic_load_n(&meta()->data_head, __ATOMIC_ACQUIRE) : tail_;
}

const perf_event_header *PerfRingBuffer::current()
{
    if (tail_ >= head_)
        return nullptr;
    const std::uint64_t offset = tail_ & (dataSize_ - 1);
    // Records are 8-byte aligned and the data size is a multiple of 8: a header never wraps.
    const auto *hdr = reinterpret_cast<const perf_event_header *>(data_ + offset);
    if (hdr->size < sizeof(perf_event_header) || hdr->size % 8 != 0 || tail_ + hdr->size > head_) {
        skipped_ += head_ - tail_;
        tail_ = head_;
        return nullptr;
    }
    if (offset + hdr->size <= dataSize_)
        return hdr;
    const std::size_t first = std::size_t(dataSize_ - offset);
    scratch_.resize(hdr->size);
    std::memcpy(scratch_.data(), data_ + offset, first);
    std::memcpy(scratch_.data() + first, data_, hdr->size - first);
    return reinterpret_cast<const perf_event_header *>(scratch_.data());
}

void PerfRingBuffer::advance()
{
    const auto *hdr = reinterpret_cast<const perf_event_header *>(data_ + (tail_ & (dataSize_ - 1)));
    tail_ += hdr->size;
}

void PerfRingBuffer::endRead()
{
    // Release: our reads of the records happen before the kernel may overwrite them.
    if (base_)
        __atomic_store_n(&meta()->data_tail, tail_, __ATOMIC_RELEASE);
}

} // namespace perfwb::record
