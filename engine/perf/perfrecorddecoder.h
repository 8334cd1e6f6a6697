// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "rawevents.h"

#include <cstdint>
#include <linux/perf_event.h>

namespace perfwb::perf {

// Decodes the records of a perf_event ring for one attr configuration (sample_type,
// sample_regs_user, sample_id_all=1). The decoded record lands in the public member of
// its kind; those are reused for every record, so decoding does not allocate once
// their vectors and strings have grown to size.
class PerfRecordDecoder {
public:
    enum class Kind { Sample, Mmap, Comm, Task, Lost, Throttle, Ignored, Malformed };

    // sampleType may hold IDENTIFIER, IP, TID, TIME, ADDR, ID, STREAM_ID, CPU, PERIOD,
    // CALLCHAIN, RAW, REGS_USER, STACK_USER; anything else is a programming error.
    PerfRecordDecoder(std::uint64_t sampleType, std::uint64_t regsUserMask);
    static bool supportsSampleType(std::uint64_t sampleType);

    // The record's timestamp (sample field or sample_id_all trailer); false when it has none.
    bool recordTime(const perf_event_header *record, std::uint64_t &time) const;

    Kind decode(const perf_event_header *record);

    RawSample sample;
    MmapEvent mmap;
    CommEvent comm;
    TaskEvent task;
    std::uint64_t lost = 0;
    // True when `lost` came from PERF_RECORD_LOST_SAMPLES (perf 6.x writes one per event
    // and CPU at the end, from the kernel's count), false for PERF_RECORD_LOST (written into
    // the ring when there is room again, so the losses just before the end are missing).
    // The two count the same losses: a reader takes the larger total, never the sum.
    bool lostFromSamplesRecord = false;

private:
    struct Trailer {
        std::int32_t pid = 0;
        std::int32_t tid = 0;
        std::uint64_t time = 0;
        std::uint32_t cpu = 0;
    };
    bool readTrailer(const perf_event_header *record, Trailer &out) const;
    Kind decodeSample(const perf_event_header *record);
    Kind decodeMmap(const perf_event_header *record, bool mmap2);
    Kind decodeComm(const perf_event_header *record);
    Kind decodeTask(const perf_event_header *record);

    std::uint64_t sampleType_;
    std::uint64_t regsMask_;
    int regsCount_;
    std::uint32_t trailerSize_;      // bytes of the sample_id_all trailer
    std::uint32_t sampleTimeOffset_; // offset of the time in a SAMPLE record (after the header)
};

} // namespace perfwb::perf
