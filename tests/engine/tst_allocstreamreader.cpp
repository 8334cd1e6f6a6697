// SPDX-License-Identifier: GPL-3.0-or-later
// The allocation stream reader on streams written here record by record, so every
// figure is known: per-trace calls, bytes, leaks, temporaries and bytes at the peak (found
// in one pass), and the live-block table it replays them with, against std::unordered_map.
#include "alloc/allocstreamreader.h"
#include "alloc/liveblocks.h"
#include "alloc/streamfollower.h"
#include "alloc/tracker/allocstream.h"
#include "model/unresolvedname.h"
#include "symbolize/symbolizer.h"

#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <fstream>
#include <random>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <unordered_map>

using namespace perfwb;

namespace {

// One record of a test stream: "a" alloc (trace, size, ptr), "f" free (ptr), "t" thread.
struct Op {
    char kind;
    std::uint32_t trace = 0;
    std::uint64_t size = 0;
    std::uint64_t ptr = 0;
};

void varint(std::string &out, std::uint64_t v)
{
    do {
        out.push_back(static_cast<char>((v & 0x7f) | (v > 0x7f ? 0x80 : 0)));
        v >>= 7;
    } while (v != 0);
}

void pointer(std::string &out, std::uint64_t &last, std::uint64_t ptr)
{
    const auto delta = static_cast<std::int64_t>(ptr - last);
    varint(out, (static_cast<std::uint64_t>(delta) << 1) ^ static_cast<std::uint64_t>(delta >> 63)); // zigzag
    last = ptr;
}

// Traces 1..traces, each a child of the root with its own (unmapped) return address.
std::string stream(int traces, const std::vector<Op> &ops)
{
    std::string out(PWBA_MAGIC, PWBA_MAGIC_LEN);
    varint(out, PWBA_VERSION);
    varint(out, 4242);
    for (int t = 1; t <= traces; ++t) {
        out.push_back(PWBA_TRACE);
        varint(out, 0);
        varint(out, 0x1000 * static_cast<std::uint64_t>(t));
    }
    std::uint64_t last = 0;
    for (const Op &op : ops) {
        if (op.kind == 'a') {
            out.push_back(PWBA_ALLOC);
            varint(out, op.size);
            varint(out, op.trace);
            pointer(out, last, op.ptr);
        } else if (op.kind == 'f') {
            out.push_back(PWBA_FREE);
            pointer(out, last, op.ptr);
        } else {
            out.push_back(PWBA_THREAD);
            varint(out, op.trace);
        }
    }
    out.push_back(PWBA_END);
    varint(out, 1);
    return out;
}

// A PWBA_PYCODE record: `name` as a compact str of `kind`-byte code units.
void pythonCode(std::string &out, std::uint64_t id, std::uint64_t firstLine, const std::u32string &name, unsigned kind,
                const std::string &file, const std::string &lineTable)
{
    out.push_back(PWBA_PYCODE);
    varint(out, id);
    varint(out, firstLine);
    varint(out, (kind << 2) | (1u << 5) | (kind == 1 ? 1u << 6 : 0u)); // compact; ASCII when 1-byte
    varint(out, name.size());
    varint(out, name.size() * kind);
    for (char32_t c : name)
        out.append(reinterpret_cast<const char *>(&c), kind); // little-endian code units
    varint(out, 0x24 | 0x40);                                 // file: compact ASCII
    varint(out, file.size());
    varint(out, file.size());
    out += file;
    varint(out, lineTable.size());
    out += lineTable;
}

std::string pythonStream(std::uint64_t codeOfLeaf)
{
    std::string out(PWBA_MAGIC, PWBA_MAGIC_LEN);
    varint(out, PWBA_VERSION);
    varint(out, 4242);
    // work(): one location entry (no columns) of 8 code units, one line past the first.
    pythonCode(out, 1, 10, U"w\u00f6rk", 2, "/src/app.py", std::string("\xef\x02", 2));
    pythonCode(out, 2, 1, U"<module>", 1, "/src/app.py", {});
    const auto trace = [&out](std::uint64_t parent, std::uint64_t ip) {
        out.push_back(PWBA_TRACE);
        varint(out, parent);
        varint(out, ip);
    };
    trace(0, 0x1000);                                                       // 1: native
    trace(1, PWBA_PY_FRAME | PWBA_PY_ENTRY | (2ull << PWBA_PY_CODE_SHIFT)); // 2: <module>, no unit run yet
    trace(2, PWBA_PY_FRAME | (codeOfLeaf << PWBA_PY_CODE_SHIFT) | 4);       // 3: work at code unit 3
    out.push_back(PWBA_ALLOC);
    varint(out, 100);
    varint(out, 3);
    varint(out, 0x20); // zigzag of +0x10
    out.push_back(PWBA_END);
    varint(out, 1);
    return out;
}

// "trace:calls/bytes/leaked/temporary/peak" per trace, by its leaf's address.
QString perTrace(const model::Profile &p)
{
    QStringList rows;
    for (std::size_t i = 0; i < p.allocations.size(); ++i) {
        const auto frames = p.stacks.framesLeafFirst(p.allocations.stacks[i]);
        const std::string_view name = p.functionName(frames.front());
        const auto &s = p.allocations.stats[i];
        rows << QStringLiteral("%1:%2/%3/%4/%5/%6")
                    .arg(QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size())).section(u'x', -1))
                    .arg(s.calls)
                    .arg(s.bytes)
                    .arg(s.leakedBytes)
                    .arg(s.temporary)
                    .arg(s.peakBytes);
    }
    rows.sort();
    return rows.join(u' ');
}

} // namespace

Q_DECLARE_METATYPE(std::vector<Op>)

class TestAllocStreamReader : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // The traces' leaves are addresses no symbol covers: told apart by name (--addresses).
    void initTestCase() { model::setKeepUnresolvedAddresses(true); }

    void perTraceFigures_data()
    {
        QTest::addColumn<std::vector<Op>>("ops");
        QTest::addColumn<QString>("expected"); // traces 1 and 2: leaves 0x1000 and 0x2000
        QTest::addColumn<quint64>("peak");
        // Both live at the peak (150), then one freed: the peak keeps what each had.
        QTest::newRow("both at the peak")
            << std::vector<Op>{{'a', 1, 100, 0x10}, {'a', 2, 50, 0x20}, {'f', 0, 0, 0x10}, {'a', 2, 30, 0x30}}
            << "1000:1/100/0/0/100 2000:2/80/80/0/50" << quint64(150);
        // The peak comes later and belongs to the second trace alone.
        QTest::newRow("later peak") << std::vector<Op>{{'a', 1, 100, 0x10}, {'f', 0, 0, 0x10}, {'a', 2, 200, 0x20}}
                                    << "1000:1/100/0/1/0 2000:1/200/200/0/200" << quint64(200);
        // A trace that shrinks after the peak still shows its bytes at the peak.
        QTest::newRow("changed after the peak")
            << std::vector<Op>{{'a', 1, 100, 0x10}, {'a', 1, 100, 0x20}, {'f', 0, 0, 0x10}, {'a', 2, 50, 0x30}}
            << "1000:2/200/100/0/200 2000:1/50/50/0/0" << quint64(200);
        // The same height reached again later: the first time counts.
        QTest::newRow("equal peak again")
            << std::vector<Op>{{'a', 1, 100, 0x10}, {'f', 0, 0, 0x10}, {'a', 2, 100, 0x20}}
            << "1000:1/100/0/1/100 2000:1/100/100/0/0" << quint64(100);
        // An allocation at an address still live (its free was never seen) replaces it.
        QTest::newRow("replaced block") << std::vector<Op>{{'a', 1, 100, 0x10}, {'a', 2, 70, 0x10}}
                                        << "1000:1/100/0/0/100 2000:1/70/70/0/0" << quint64(100);
        // A free of the block the same thread allocated last is a temporary; other threads' not.
        QTest::newRow("temporary per thread")
            << std::vector<Op>{{'t', 7}, {'a', 1, 10, 0x10}, {'t', 8}, {'a', 2, 20, 0x20},
                               {'t', 7}, {'f', 0, 0, 0x10},  {'t', 7}, {'f', 0, 0, 0x20}}
            << "1000:1/10/0/1/10 2000:1/20/0/0/20" << quint64(30);
        // A free of an address never allocated changes nothing.
        QTest::newRow("unknown free") << std::vector<Op>{{'a', 1, 64, 0x10}, {'f', 0, 0, 0x990}} << "1000:1/64/64/0/64"
                                      << quint64(64);
    }

    void perTraceFigures()
    {
        QFETCH(std::vector<Op>, ops);
        QFETCH(QString, expected);
        QFETCH(quint64, peak);
        symbolize::Symbolizer symbolizer;
        model::Profile p;
        const auto r = alloc::AllocStreamReader::read(stream(2, ops), symbolizer, p);
        QVERIFY2(r, r ? "" : r.message().c_str());
        QVERIFY(r->complete);
        QCOMPARE(perTrace(p), expected);
        QCOMPARE(p.allocations.totals.peakBytes, peak);
    }

    // Fed as a recording reads a stream its target is still writing (pieces of any size,
    // records cut anywhere, the cut part given again with what follows): the same figures
    // as the whole stream read at once.
    void fedInPiecesAsWhole()
    {
        std::mt19937_64 rng(11);
        std::vector<Op> ops;
        std::vector<std::uint64_t> live;
        for (int i = 0; i < 20000; ++i) {
            if (i % 500 == 0)
                ops.push_back({'t', static_cast<std::uint32_t>(1 + rng() % 3)});
            if (!live.empty() && rng() % 2 == 0) {
                const std::size_t k = rng() % live.size();
                ops.push_back({'f', 0, 0, live[k]});
                live.erase(live.begin() + static_cast<std::ptrdiff_t>(k));
            } else {
                const std::uint64_t ptr = 0x100000 + (rng() % 100000) * 16;
                ops.push_back({'a', static_cast<std::uint32_t>(1 + rng() % 2), 1 + rng() % 5000, ptr});
                live.push_back(ptr);
            }
        }
        const std::string all = stream(2, ops);
        symbolize::Symbolizer wholeSymbolizer;
        model::Profile whole;
        QVERIFY(alloc::AllocStreamReader::read(all, wholeSymbolizer, whole));

        alloc::AllocStreamReader reader;
        std::string pending;
        std::size_t at = 0;
        while (at < all.size()) {
            const std::size_t piece = std::min<std::size_t>(all.size() - at, 1 + rng() % 700);
            pending.append(all, at, piece);
            at += piece;
            const auto used = reader.feed(pending);
            QVERIFY2(used, used ? "" : used.message().c_str());
            pending.erase(0, used.value());
        }
        QVERIFY(pending.empty());
        symbolize::Symbolizer symbolizer;
        model::Profile pieces;
        const auto r = reader.finish(symbolizer, pieces);
        QVERIFY(r);
        QVERIFY(r->complete);
        QCOMPARE(r->events, std::uint64_t(ops.size() - 40)); // all but the thread records
        QCOMPARE(perTrace(pieces), perTrace(whole));
        QCOMPARE(pieces.allocations.totals.peakBytes, whole.allocations.totals.peakBytes);
        QVERIFY(pieces.allocations.totals.peakBytes > 0);
    }

    // Python frames follow a stack's native frames; code objects come as records of
    // their own, names in any of a str's code-unit widths, lines from the location table.
    void pythonFrames()
    {
        symbolize::Symbolizer symbolizer;
        model::Profile p;
        const auto r = alloc::AllocStreamReader::read(pythonStream(1), symbolizer, p);
        QVERIFY2(r.isOk(), r.isOk() ? "" : r.message().c_str());
        QCOMPARE(p.allocations.size(), std::size_t(1));
        const auto frames = p.stacks.framesLeafFirst(p.allocations.stacks[0]);
        QCOMPARE(frames.size(), std::size_t(3));
        // No interpreter frame in this native stack: the Python frames go under it.
        QCOMPARE(p.frames.at(frames[0]).kind, model::FrameKind::Native);
        const model::Frame &work = p.frames.at(frames[1]);
        QCOMPARE(work.kind, model::FrameKind::Python);
        QCOMPARE(p.functionName(frames[1]), std::string_view("w\u00f6rk"));
        QCOMPARE(p.strings.view(work.file), std::string_view("/src/app.py"));
        QCOMPARE(work.line, 11u);
        QCOMPARE(p.functionName(frames[2]), std::string_view("<module>"));
        QCOMPARE(p.frames.at(frames[2]).line, 1u); // no unit run yet: the first line
        QCOMPARE(p.allocations.stats[0].leakedBytes, std::uint64_t(100));
    }

    // An exec the tracker does not follow ends the stream with the program's name.
    void execEndsTheStream()
    {
        std::string out(PWBA_MAGIC, PWBA_MAGIC_LEN);
        varint(out, PWBA_VERSION);
        varint(out, 9);
        out.push_back(PWBA_EXEC);
        varint(out, 8);
        out += "/bin/app";
        symbolize::Symbolizer symbolizer;
        model::Profile p;
        const auto r = alloc::AllocStreamReader::read(out, symbolizer, p);
        QVERIFY(r.isOk());
        QCOMPARE(r->execPath, std::string("/bin/app"));
        QVERIFY(!r->complete);
    }

    void pythonFramesMalformed()
    {
        symbolize::Symbolizer symbolizer;
        model::Profile p;
        // A frame naming a code object never sent, or id 0 (found by fuzz_allocstream).
        for (std::uint64_t id : {7, 0}) {
            auto r = alloc::AllocStreamReader::read(pythonStream(id), symbolizer, p);
            QVERIFY(!r.isOk());
            QCOMPARE(QString::fromStdString(r.message()), QStringLiteral("allocation stream: malformed record"));
        }
        // Code ids count up from 1.
        std::string skipped(PWBA_MAGIC, PWBA_MAGIC_LEN);
        varint(skipped, PWBA_VERSION);
        varint(skipped, 1);
        pythonCode(skipped, 2, 1, U"f", 1, "/f.py", {});
        auto r = alloc::AllocStreamReader::read(skipped, symbolizer, p);
        QVERIFY(!r.isOk());
        // A stream of the earlier version is refused by its header.
        std::string old(PWBA_MAGIC, PWBA_MAGIC_LEN);
        varint(old, 1);
        varint(old, 1);
        r = alloc::AllocStreamReader::read(old, symbolizer, p);
        QCOMPARE(QString::fromStdString(r.message()), QStringLiteral("allocation stream: unsupported version 1"));
    }

    // A recording opens the modules the stacks name while the target runs: each mapping
    // and each native trace node is handed over once, Python frames never.
    void symbolWorkHandedOverOnce()
    {
        std::string first(PWBA_MAGIC, PWBA_MAGIC_LEN);
        varint(first, PWBA_VERSION);
        varint(first, 4242);
        first.push_back(PWBA_MAPPING);
        for (std::uint64_t v : {0x400000ull, 0x2000ull, 0x1000ull})
            varint(first, v);
        varint(first, 8);
        first += "/bin/app";
        first.push_back(PWBA_TRACE);
        varint(first, 0);
        varint(first, 0x401234);
        std::string second;
        pythonCode(second, 1, 10, U"work", 1, "/src/app.py", {});
        second.push_back(PWBA_TRACE);
        varint(second, 1);
        varint(second, PWBA_PY_FRAME | PWBA_PY_ENTRY | (1ull << PWBA_PY_CODE_SHIFT));
        second.push_back(PWBA_TRACE);
        varint(second, 1);
        varint(second, 0x401999);

        alloc::AllocStreamReader reader;
        QCOMPARE(reader.feed(first).value(), first.size());
        alloc::AllocStreamReader::SymbolWork work;
        reader.takeSymbolWork(work);
        QCOMPARE(work.pid, 4242);
        QCOMPARE(work.mappings.size(), std::size_t(1));
        QCOMPARE(work.mappings[0].path, std::string("/bin/app"));
        QCOMPARE(work.mappings[0].start, 0x400000ull);
        QCOMPARE(work.returnAddresses, std::vector<std::uint64_t>{0x401234});

        QCOMPARE(reader.feed(second).value(), second.size());
        alloc::AllocStreamReader::SymbolWork more;
        reader.takeSymbolWork(more);
        QVERIFY(more.mappings.empty());
        QCOMPARE(more.returnAddresses, std::vector<std::uint64_t>{0x401999});
        alloc::AllocStreamReader::SymbolWork none;
        reader.takeSymbolWork(none);
        QVERIFY(none.empty());
    }

    // The follower replays a stream file as a whole read would, and gives the replayed
    // pages back to the file system (holes), where it can punch them.
    void followerPunchesReplayedPages()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = dir.filePath(QStringLiteral("s.alloc")).toStdString();
        std::vector<Op> ops;
        for (std::uint64_t i = 0; i < 3'000'000; ++i) {
            ops.push_back({'a', static_cast<std::uint32_t>(1 + i % 2), 16 + i % 100, 0x100000 + (i % 1000) * 4096});
            if (i % 3 != 0)
                ops.push_back({'f', 0, 0, 0x100000 + (i % 1000) * 4096});
        }
        const std::string all = stream(2, ops);
        QVERIFY(all.size() > (std::size_t{12} << 20));
        {
            std::ofstream out(path, std::ios::binary);
            out.write(all.data(), static_cast<std::streamsize>(all.size()));
        }
        struct stat before {};
        QCOMPARE(::stat(path.c_str(), &before), 0);
        const std::string scratch = dir.filePath(QStringLiteral("probe")).toStdString();
        {
            std::ofstream(scratch, std::ios::binary) << std::string(8192, 'x');
        }
        const int probe = ::open(scratch.c_str(), O_RDWR);
        const bool canPunch = ::fallocate(probe, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 0, 4096) == 0;
        ::close(probe);

        alloc::StreamFollower follower(path);
        QVERIFY(follower.drain());
        symbolize::Symbolizer symbolizer;
        model::Profile followed;
        QVERIFY(follower.reader().finish(symbolizer, followed));
        symbolize::Symbolizer wholeSymbolizer;
        model::Profile whole;
        QVERIFY(alloc::AllocStreamReader::read(all, wholeSymbolizer, whole));
        QCOMPARE(perTrace(followed), perTrace(whole));

        struct stat after {};
        QCOMPARE(::stat(path.c_str(), &after), 0);
        QCOMPARE(after.st_size, before.st_size); // holes keep the size
        if (!canPunch)
            QSKIP("this file system cannot punch holes: the pages stay (said in the follower)");
        // All but the last piece of under 4 MiB and the pages still being read are holes.
        QVERIFY2(
            after.st_blocks * 512 < (off_t{5} << 20),
            qPrintable(QStringLiteral("%1 of %2 bytes still allocated").arg(after.st_blocks * 512).arg(after.st_size)));
    }

    // Random inserts and erases of clustered, aligned addresses (long probe chains, many
    // shifts back), checked step by step against std::unordered_map.
    void liveBlocksAgreeWithAMap()
    {
        std::mt19937_64 rng(7);
        alloc::LiveBlocks live;
        std::unordered_map<std::uint64_t, std::uint64_t> model;
        for (int i = 0; i < 300000; ++i) {
            const std::uint64_t ptr = (rng() % 5000) * 16 + (i % 3 == 0 ? 0x7f0000000000ULL : 0x10000);
            if (rng() % 3 != 0) {
                const auto [block, added] = live.insert(ptr, {static_cast<std::uint64_t>(i), 1});
                QCOMPARE(added, model.try_emplace(ptr, i).second);
                QCOMPARE(block->size, model.at(ptr));
            } else {
                live.erase(ptr);
                model.erase(ptr);
            }
            if (i % 997 == 0) {
                const std::uint64_t probe = (rng() % 5000) * 16 + 0x10000;
                const auto *found = live.find(probe);
                QCOMPARE(found != nullptr, model.count(probe) == 1);
            }
        }
        QCOMPARE(live.size(), model.size());
        std::size_t seen = 0;
        live.forEach([&](std::uint64_t ptr, const alloc::LiveBlocks::Block &b) {
            ++seen;
            QCOMPARE(b.size, model.at(ptr));
        });
        QCOMPARE(seen, model.size());
        live.insert(0, {5, 1}); // address 0 is kept aside, not an empty slot
        QCOMPARE(live.find(0)->size, std::uint64_t(5));
        live.erase(0);
        QVERIFY(live.find(0) == nullptr);
        live.clear();
        QCOMPARE(live.size(), std::size_t(0));
        QVERIFY(live.insert(0x10, {1, 1}).second);
    }
};

QTEST_GUILESS_MAIN(TestAllocStreamReader)
#include "tst_allocstreamreader.moc"
