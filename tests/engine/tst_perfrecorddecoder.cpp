// SPDX-License-Identifier: GPL-3.0-or-later
// PerfRecordDecoder on records laid out byte by byte as perf_event_open(2) documents
// them: every field lands where it belongs, and a short or inconsistent record is
// rejected as malformed without reading past its end. (The real kernel's records are
// decoded in tst_perfeventbackend.)
#include "perf/perfrecorddecoder.h"

#include <QTest>

#include <cstring>
#include <sys/mman.h>

using namespace perfwb::perf;

namespace {

constexpr std::uint64_t kFpType =
    PERF_SAMPLE_IP | PERF_SAMPLE_TID | PERF_SAMPLE_TIME | PERF_SAMPLE_CPU | PERF_SAMPLE_PERIOD | PERF_SAMPLE_CALLCHAIN;
constexpr std::uint64_t kDwarfType = kFpType | PERF_SAMPLE_REGS_USER | PERF_SAMPLE_STACK_USER;
constexpr std::uint64_t kRegsMask = 0x3; // two registers

// Appends fields and finishes the header (size, padded to 8 bytes).
class RecordBuilder {
public:
    RecordBuilder(std::uint32_t type, std::uint16_t misc = 0)
    {
        perf_event_header h{type, misc, 0};
        append(&h, sizeof h);
    }
    RecordBuilder &u64(std::uint64_t v) { return append(&v, 8); }
    RecordBuilder &u32s(std::uint32_t a, std::uint32_t b) { return u64(std::uint64_t(b) << 32 | a); }
    RecordBuilder &text(const char *s)
    {
        append(s, std::strlen(s) + 1);
        while (bytes_.size() % 8)
            bytes_.push_back(0);
        return *this;
    }
    // sample_id_all trailer for TID|TIME|CPU.
    RecordBuilder &trailer(std::uint32_t pid, std::uint32_t tid, std::uint64_t time, std::uint32_t cpu)
    {
        return u32s(pid, tid).u64(time).u32s(cpu, 0);
    }
    const perf_event_header *finish(std::size_t dropBytes = 0)
    {
        bytes_.resize(bytes_.size() - dropBytes);
        auto *h = reinterpret_cast<perf_event_header *>(bytes_.data());
        h->size = std::uint16_t(bytes_.size());
        return h;
    }

private:
    RecordBuilder &append(const void *p, std::size_t n)
    {
        const auto *b = static_cast<const std::uint8_t *>(p);
        bytes_.insert(bytes_.end(), b, b + n);
        return *this;
    }
    std::vector<std::uint8_t> bytes_;
};

RecordBuilder fpSample(std::uint64_t nr)
{
    RecordBuilder b(PERF_RECORD_SAMPLE, PERF_RECORD_MISC_USER);
    b.u64(0x401000).u32s(100, 101).u64(5000).u32s(1, 0).u64(1001001).u64(nr);
    return b;
}

} // namespace

class TestPerfRecordDecoder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void framePointerSample()
    {
        PerfRecordDecoder d(kFpType, 0);
        auto b = fpSample(3);
        b.u64(PERF_CONTEXT_USER).u64(0x401000).u64(0x402000);
        const auto *r = b.finish();
        std::uint64_t time = 0;
        QVERIFY(d.recordTime(r, time));
        QCOMPARE(time, std::uint64_t(5000));
        QCOMPARE(d.decode(r), PerfRecordDecoder::Kind::Sample);
        QCOMPARE(d.sample.pid, 100);
        QCOMPARE(d.sample.tid, 101);
        QCOMPARE(d.sample.timeNs, std::int64_t(5000));
        QCOMPARE(d.sample.cpu, 1u);
        QCOMPARE(d.sample.period, std::uint64_t(1001001));
        QCOMPARE(d.sample.callchain, (std::vector<std::uint64_t>{PERF_CONTEXT_USER, 0x401000, 0x402000}));
        QVERIFY(d.sample.userRegs.empty() && d.sample.userStack.empty());
    }

    void dwarfSample()
    {
        PerfRecordDecoder d(kDwarfType, kRegsMask);
        auto b = fpSample(1);
        b.u64(0x401000);
        b.u64(PERF_SAMPLE_REGS_ABI_64).u64(0x7ffd0000).u64(0x401000);     // two registers
        b.u64(16).u64(0x1111111111111111).u64(0x2222222222222222).u64(8); // 16 bytes copied, 8 valid
        QCOMPARE(d.decode(b.finish()), PerfRecordDecoder::Kind::Sample);
        QCOMPARE(d.sample.userRegsMask, kRegsMask);
        QCOMPARE(d.sample.userRegs, (std::vector<std::uint64_t>{0x7ffd0000, 0x401000}));
        QCOMPARE(d.sample.userStack.size(), std::size_t(8));
        QCOMPARE(d.sample.userStack[0], std::uint8_t(0x11));

        // A kernel thread's sample: no user registers (ABI_NONE), no stack (size 0, no dyn_size).
        auto k = fpSample(1);
        k.u64(0xffffffff81000000).u64(PERF_SAMPLE_REGS_ABI_NONE).u64(0);
        QCOMPARE(d.decode(k.finish()), PerfRecordDecoder::Kind::Sample);
        QCOMPARE(d.sample.userRegsMask, std::uint64_t(0));
        QVERIFY(d.sample.userRegs.empty() && d.sample.userStack.empty());

        // Space for a stack copy, but nothing could be copied (dyn_size 0): an empty stack. The
        // ASan+UBSan pass caught a memcpy into the empty vector's null data() here (a decoder
        // that has never held a stack, so the vector has no buffer yet).
        PerfRecordDecoder fresh(kDwarfType, kRegsMask);
        auto e = fpSample(1);
        e.u64(0x401000);
        e.u64(PERF_SAMPLE_REGS_ABI_64).u64(0x7ffd0000).u64(0x401000);
        e.u64(16).u64(0).u64(0).u64(0);
        QCOMPARE(fresh.decode(e.finish()), PerfRecordDecoder::Kind::Sample);
        QVERIFY(fresh.sample.userStack.empty());
    }

    void sideBandRecords()
    {
        PerfRecordDecoder d(kFpType, 0);
        RecordBuilder m(PERF_RECORD_MMAP2);
        m.u32s(100, 100).u64(0x7f0000000000).u64(0x2000).u64(0x1000);
        m.u32s(8, 1).u64(1234).u64(0).u32s(PROT_READ | PROT_EXEC, MAP_PRIVATE).text("/usr/lib/libx.so");
        m.trailer(100, 100, 4000, 0);
        QCOMPARE(d.decode(m.finish()), PerfRecordDecoder::Kind::Mmap);
        QCOMPARE(d.mmap.filename, std::string("/usr/lib/libx.so"));
        QCOMPARE(d.mmap.start, std::uint64_t(0x7f0000000000));
        QCOMPARE(d.mmap.length, std::uint64_t(0x2000));
        QCOMPARE(d.mmap.pgoff, std::uint64_t(0x1000));
        QCOMPARE(d.mmap.timeNs, std::int64_t(4000));
        QVERIFY(d.mmap.executable);

        RecordBuilder c(PERF_RECORD_COMM, PERF_RECORD_MISC_COMM_EXEC);
        c.u32s(100, 100).text("cpusplit").trailer(100, 100, 4100, 1);
        const auto *comm = c.finish();
        std::uint64_t time = 0;
        QVERIFY(d.recordTime(comm, time));
        QCOMPARE(time, std::uint64_t(4100));
        QCOMPARE(d.decode(comm), PerfRecordDecoder::Kind::Comm);
        QCOMPARE(d.comm.comm, std::string("cpusplit"));
        QVERIFY(d.comm.exec);

        RecordBuilder f(PERF_RECORD_FORK);
        f.u32s(100, 1).u32s(102, 100).u64(4200).trailer(100, 100, 4200, 0);
        QCOMPARE(d.decode(f.finish()), PerfRecordDecoder::Kind::Task);
        QCOMPARE(d.task.kind, TaskEvent::Kind::Fork);
        QCOMPARE(d.task.tid, 102);
        QCOMPARE(d.task.ptid, 100);
        QCOMPARE(d.task.ppid, 1);

        RecordBuilder l(PERF_RECORD_LOST);
        l.u64(7).u64(42).trailer(100, 100, 4300, 0);
        QCOMPARE(d.decode(l.finish()), PerfRecordDecoder::Kind::Lost);
        QCOMPARE(d.lost, std::uint64_t(42));

        RecordBuilder ls(PERF_RECORD_LOST_SAMPLES);
        ls.u64(5).trailer(100, 100, 4400, 0);
        QCOMPARE(d.decode(ls.finish()), PerfRecordDecoder::Kind::Lost);
        QCOMPARE(d.lost, std::uint64_t(5));
    }

    void malformed_data()
    {
        QTest::addColumn<int>("which");
        QTest::newRow("callchain longer than the record") << 0;
        QTest::newRow("sample cut in the header fields") << 1;
        QTest::newRow("stack size beyond the record") << 2;
        QTest::newRow("mmap2 shorter than its fields") << 3;
        QTest::newRow("comm shorter than its trailer") << 4;
        QTest::newRow("fork without its time") << 5;
    }
    void malformed()
    {
        QFETCH(int, which);
        PerfRecordDecoder d(kDwarfType, kRegsMask);
        RecordBuilder b(PERF_RECORD_SAMPLE);
        std::size_t drop = 0;
        switch (which) {
        case 0:
            b = fpSample(1u << 20);
            b.u64(1).u64(2);
            break;
        case 1:
            b = fpSample(0);
            drop = 24;
            break;
        case 2:
            b = fpSample(0);
            b.u64(PERF_SAMPLE_REGS_ABI_NONE).u64(4096).u64(0);
            break;
        case 3:
            b = RecordBuilder(PERF_RECORD_MMAP2);
            b.u32s(1, 1).u64(0).trailer(1, 1, 1, 0);
            break;
        case 4:
            b = RecordBuilder(PERF_RECORD_COMM);
            b.u32s(1, 1);
            break;
        case 5:
            b = RecordBuilder(PERF_RECORD_FORK);
            b.u32s(1, 1);
            break;
        }
        QCOMPARE(d.decode(b.finish(drop)), PerfRecordDecoder::Kind::Malformed);
    }
};

QTEST_GUILESS_MAIN(TestPerfRecordDecoder)
#include "tst_perfrecorddecoder.moc"
