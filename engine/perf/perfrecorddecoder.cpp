// SPDX-License-Identifier: GPL-3.0-or-later
#include "perfrecorddecoder.h"

#include <bit>
#include <cassert>
#include <cstring>
#include <sys/mman.h>

namespace perfwb::perf {

namespace {

constexpr std::uint64_t kSupported = PERF_SAMPLE_IDENTIFIER | PERF_SAMPLE_IP | PERF_SAMPLE_TID | PERF_SAMPLE_TIME |
                                     PERF_SAMPLE_ADDR | PERF_SAMPLE_ID | PERF_SAMPLE_STREAM_ID | PERF_SAMPLE_CPU |
                                     PERF_SAMPLE_PERIOD | PERF_SAMPLE_CALLCHAIN | PERF_SAMPLE_RAW |
                                     PERF_SAMPLE_REGS_USER | PERF_SAMPLE_STACK_USER;

// Bounds-checked reading of one record body: a short or corrupt record fails, never reads past it.
class Cursor {
public:
    Cursor(const std::uint8_t *begin, const std::uint8_t *end)
        : p_(begin)
        , end_(end)
    {}
    bool u64(std::uint64_t &v)
    {
        if (end_ - p_ < 8)
            return false;
        std::memcpy(&v, p_, 8);
        p_ += 8;
        return true;
    }
    bool u32pair(std::uint32_t &a, std::uint32_t &b)
    {
        if (end_ - p_ < 8)
            return false;
        std::memcpy(&a, p_, 4);
        std::memcpy(&b, p_ + 4, 4);
        p_ += 8;
        return true;
    }
    bool skip(std::uint64_t n)
    {
        if (std::uint64_t(end_ - p_) < n)
            return false;
        p_ += n;
        return true;
    }
    bool has(std::uint64_t n) const { return std::uint64_t(end_ - p_) >= n; }
    const std::uint8_t *pos() const { return p_; }
    const std::uint8_t *end() const { return end_; }

private:
    const std::uint8_t *p_;
    const std::uint8_t *end_;
};

const std::uint8_t *bodyOf(const perf_event_header *r)
{
    return reinterpret_cast<const std::uint8_t *>(r) + sizeof(perf_event_header);
}
const std::uint8_t *endOf(const perf_event_header *r)
{
    return reinterpret_cast<const std::uint8_t *>(r) + r->size;
}

// A NUL-terminated string inside [p, end), into `out` (reusing its capacity).
void readString(const std::uint8_t *p, const std::uint8_t *end, std::string &out)
{
    const auto *s = reinterpret_cast<const char *>(p);
    out.assign(s, strnlen(s, std::size_t(end - p)));
}

} // namespace

bool PerfRecordDecoder::supportsSampleType(std::uint64_t sampleType)
{
    return (sampleType & ~kSupported) == 0;
}

PerfRecordDecoder::PerfRecordDecoder(std::uint64_t sampleType, std::uint64_t regsUserMask)
    : sampleType_(sampleType)
    , regsMask_(regsUserMask)
    , regsCount_(std::popcount(regsUserMask))
{
    assert(supportsSampleType(sampleType));
    trailerSize_ = 0;
    for (auto bit : {PERF_SAMPLE_TID, PERF_SAMPLE_TIME, PERF_SAMPLE_ID, PERF_SAMPLE_STREAM_ID, PERF_SAMPLE_CPU,
                     PERF_SAMPLE_IDENTIFIER}) {
        if (sampleType & bit)
            trailerSize_ += 8;
    }
    sampleTimeOffset_ = 0;
    for (auto bit : {PERF_SAMPLE_IDENTIFIER, PERF_SAMPLE_IP, PERF_SAMPLE_TID}) {
        if (sampleType & bit)
            sampleTimeOffset_ += 8;
    }
}

bool PerfRecordDecoder::readTrailer(const perf_event_header *record, Trailer &out) const
{
    if (record->size < sizeof(perf_event_header) + trailerSize_)
        return false;
    // sample_id_all fields, in this order: TID, TIME, ID, STREAM_ID, CPU, IDENTIFIER.
    Cursor c(endOf(record) - trailerSize_, endOf(record));
    std::uint32_t a = 0, b = 0;
    std::uint64_t skip = 0;
    if ((sampleType_ & PERF_SAMPLE_TID) && !c.u32pair(a, b))
        return false;
    out.pid = std::int32_t(a);
    out.tid = std::int32_t(b);
    if ((sampleType_ & PERF_SAMPLE_TIME) && !c.u64(out.time))
        return false;
    if ((sampleType_ & PERF_SAMPLE_ID) && !c.u64(skip))
        return false;
    if ((sampleType_ & PERF_SAMPLE_STREAM_ID) && !c.u64(skip))
        return false;
    a = 0;
    if ((sampleType_ & PERF_SAMPLE_CPU) && !c.u32pair(a, b))
        return false;
    out.cpu = a;
    return true;
}

bool PerfRecordDecoder::recordTime(const perf_event_header *record, std::uint64_t &time) const
{
    if (!(sampleType_ & PERF_SAMPLE_TIME))
        return false;
    if (record->type == PERF_RECORD_SAMPLE) {
        if (record->size < sizeof(perf_event_header) + sampleTimeOffset_ + 8)
            return false;
        std::memcpy(&time, bodyOf(record) + sampleTimeOffset_, 8);
        return true;
    }
    Trailer t;
    if (!readTrailer(record, t))
        return false;
    time = t.time;
    return true;
}

PerfRecordDecoder::Kind PerfRecordDecoder::decode(const perf_event_header *record)
{
    switch (record->type) {
    case PERF_RECORD_SAMPLE:
        return decodeSample(record);
    case PERF_RECORD_MMAP:
        return decodeMmap(record, false);
    case PERF_RECORD_MMAP2:
        return decodeMmap(record, true);
    case PERF_RECORD_COMM:
        return decodeComm(record);
    case PERF_RECORD_FORK:
    case PERF_RECORD_EXIT:
        return decodeTask(record);
    case PERF_RECORD_LOST: {
        Cursor c(bodyOf(record), endOf(record));
        std::uint64_t id = 0;
        lostFromSamplesRecord = false;
        return c.u64(id) && c.u64(lost) ? Kind::Lost : Kind::Malformed;
    }
    case PERF_RECORD_LOST_SAMPLES: {
        Cursor c(bodyOf(record), endOf(record));
        lostFromSamplesRecord = true;
        return c.u64(lost) ? Kind::Lost : Kind::Malformed;
    }
    case PERF_RECORD_THROTTLE: // the kernel lowered the rate (perf_event_max_sample_rate)
        return Kind::Throttle;
    default: // UNTHROTTLE and anything newer: not needed for a profile
        return Kind::Ignored;
    }
}

PerfRecordDecoder::Kind PerfRecordDecoder::decodeSample(const perf_event_header *record)
{
    Cursor c(bodyOf(record), endOf(record));
    RawSample &s = sample;
    std::uint64_t v = 0;
    std::uint64_t ip = 0;
    std::uint32_t a = 0, b = 0;
    if ((sampleType_ & PERF_SAMPLE_IDENTIFIER) && !c.u64(v))
        return Kind::Malformed;
    if ((sampleType_ & PERF_SAMPLE_IP) && !c.u64(ip))
        return Kind::Malformed;
    if (sampleType_ & PERF_SAMPLE_TID) {
        if (!c.u32pair(a, b))
            return Kind::Malformed;
        s.pid = std::int32_t(a);
        s.tid = std::int32_t(b);
    }
    if (sampleType_ & PERF_SAMPLE_TIME) {
        if (!c.u64(v))
            return Kind::Malformed;
        s.timeNs = std::int64_t(v);
    }
    for (auto bit : {PERF_SAMPLE_ADDR, PERF_SAMPLE_ID, PERF_SAMPLE_STREAM_ID}) {
        if ((sampleType_ & bit) && !c.u64(v))
            return Kind::Malformed;
    }
    if (sampleType_ & PERF_SAMPLE_CPU) {
        if (!c.u32pair(a, b))
            return Kind::Malformed;
        s.cpu = a;
    }
    if (sampleType_ & PERF_SAMPLE_PERIOD) {
        if (!c.u64(s.period))
            return Kind::Malformed;
    }
    if (sampleType_ & PERF_SAMPLE_CALLCHAIN) {
        std::uint64_t nr = 0;
        if (!c.u64(nr) || nr > std::uint64_t(c.end() - c.pos()) / 8)
            return Kind::Malformed;
        s.callchain.resize(nr);
        if (nr)
            std::memcpy(s.callchain.data(), c.pos(), nr * 8);
        c.skip(nr * 8);
    } else {
        // Without a callchain the sampled IP is the whole (one-frame) stack.
        s.callchain.assign(1, ip);
    }
    if (sampleType_ & PERF_SAMPLE_RAW) {
        std::uint32_t size = 0;
        if (!c.has(4))
            return Kind::Malformed;
        std::memcpy(&size, c.pos(), 4);
        if (!c.skip(4 + std::uint64_t(size)))
            return Kind::Malformed;
        // RAW data is padded so the next field is 8-byte aligned.
        const auto misalign = std::uintptr_t(c.pos() - bodyOf(record)) % 8;
        if (misalign && !c.skip(8 - misalign))
            return Kind::Malformed;
    }
    s.userRegsMask = 0;
    s.userRegs.clear();
    if (sampleType_ & PERF_SAMPLE_REGS_USER) {
        std::uint64_t abi = 0;
        if (!c.u64(abi))
            return Kind::Malformed;
        if (abi != PERF_SAMPLE_REGS_ABI_NONE) {
            if (!c.has(std::uint64_t(regsCount_) * 8))
                return Kind::Malformed;
            s.userRegsMask = regsMask_;
            s.userRegs.resize(std::size_t(regsCount_));
            std::memcpy(s.userRegs.data(), c.pos(), std::size_t(regsCount_) * 8);
            c.skip(std::uint64_t(regsCount_) * 8);
        }
    }
    s.userStack.clear();
    if (sampleType_ & PERF_SAMPLE_STACK_USER) {
        std::uint64_t size = 0;
        if (!c.u64(size))
            return Kind::Malformed;
        if (size) {
            if (!c.has(size + 8))
                return Kind::Malformed;
            const std::uint8_t *data = c.pos();
            c.skip(size);
            std::uint64_t dynSize = 0;
            c.u64(dynSize);
            const std::size_t valid = std::size_t(dynSize < size ? dynSize : size);
            s.userStack.resize(valid);
            // A sample taken where no user stack could be copied has dyn_size 0: an empty
            // vector's data() may be null, and memcpy must not see it.
            if (valid > 0)
                std::memcpy(s.userStack.data(), data, valid);
        }
    }
    return Kind::Sample;
}

PerfRecordDecoder::Kind PerfRecordDecoder::decodeMmap(const perf_event_header *record, bool mmap2)
{
    Trailer t;
    if (!readTrailer(record, t))
        return Kind::Malformed;
    Cursor c(bodyOf(record), endOf(record) - trailerSize_);
    std::uint32_t pid = 0, tid = 0;
    if (!c.u32pair(pid, tid) || !c.u64(mmap.start) || !c.u64(mmap.length) || !c.u64(mmap.pgoff))
        return Kind::Malformed;
    mmap.timeNs = std::int64_t(t.time);
    mmap.pid = std::int32_t(pid);
    mmap.tid = std::int32_t(tid);
    if (mmap2) {
        // maj/min/ino/ino_generation or build-id (PERF_RECORD_MISC_MMAP_BUILD_ID): 24 bytes either way.
        std::uint32_t prot = 0, flags = 0;
        if (!c.skip(24) || !c.u32pair(prot, flags))
            return Kind::Malformed;
        mmap.executable = (prot & PROT_EXEC) != 0;
    } else {
        mmap.executable = (record->misc & PERF_RECORD_MISC_MMAP_DATA) == 0;
    }
    readString(c.pos(), c.end(), mmap.filename);
    return Kind::Mmap;
}

PerfRecordDecoder::Kind PerfRecordDecoder::decodeComm(const perf_event_header *record)
{
    Trailer t;
    if (!readTrailer(record, t))
        return Kind::Malformed;
    Cursor c(bodyOf(record), endOf(record) - trailerSize_);
    std::uint32_t pid = 0, tid = 0;
    if (!c.u32pair(pid, tid))
        return Kind::Malformed;
    comm.timeNs = std::int64_t(t.time);
    comm.pid = std::int32_t(pid);
    comm.tid = std::int32_t(tid);
    comm.exec = (record->misc & PERF_RECORD_MISC_COMM_EXEC) != 0;
    readString(c.pos(), c.end(), comm.comm);
    return Kind::Comm;
}

PerfRecordDecoder::Kind PerfRecordDecoder::decodeTask(const perf_event_header *record)
{
    Cursor c(bodyOf(record), endOf(record));
    std::uint32_t pid = 0, ppid = 0, tid = 0, ptid = 0;
    std::uint64_t time = 0;
    if (!c.u32pair(pid, ppid) || !c.u32pair(tid, ptid) || !c.u64(time))
        return Kind::Malformed;
    task.kind = record->type == PERF_RECORD_FORK ? TaskEvent::Kind::Fork : TaskEvent::Kind::Exit;
    task.timeNs = std::int64_t(time);
    task.pid = std::int32_t(pid);
    task.ppid = std::int32_t(ppid);
    task.tid = std::int32_t(tid);
    task.ptid = std::int32_t(ptid);
    return Kind::Task;
}

} // namespace perfwb::perf
