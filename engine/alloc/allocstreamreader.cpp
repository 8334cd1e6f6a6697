// SPDX-License-Identifier: GPL-3.0-or-later
#include "allocstreamreader.h"

#include "liveblocks.h"

#include "report/mappedfile.h"
#include "symbolize/symbolizer.h"
#include "tracker/allocstream.h"

#include <cstring>
#include <unordered_map>
#include <vector>

namespace perfwb::alloc {

namespace {

struct TraceNode {
    std::uint32_t parent = 0;
    std::uint64_t ip = 0;
};

using Block = LiveBlocks::Block;

// A trace's live bytes now and at the heap's peak, found in the one pass: when the heap
// reaches a new peak the epoch advances, and a trace whose bytes change for the first time
// since then first keeps what it had, which is what it had at that peak.
struct TraceLive {
    std::uint64_t bytes = 0;
    std::uint64_t atPeak = 0;
    std::uint64_t epoch = 0;
};

// Reads records one by one; stops quietly at a truncated tail.
class Cursor {
public:
    explicit Cursor(std::string_view data)
        : p_(data.data())
        , end_(data.data() + data.size())
    {}
    bool atEnd() const { return p_ >= end_; }
    const char *position() const { return p_; }
    bool byte(std::uint8_t &out)
    {
        if (p_ >= end_)
            return false;
        out = static_cast<std::uint8_t>(*p_++);
        return true;
    }
    bool varint(std::uint64_t &out)
    {
        out = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            std::uint8_t b;
            if (!byte(b))
                return false;
            out |= std::uint64_t(b & 0x7f) << shift;
            if (!(b & 0x80))
                return true;
        }
        return false;
    }
    bool bytes(std::uint64_t n, std::string_view &out)
    {
        if (n > std::uint64_t(end_ - p_))
            return false;
        out = {p_, n};
        p_ += n;
        return true;
    }
    void skip(std::size_t n) { p_ += n; }

private:
    const char *p_;
    const char *end_;
};

struct Event {
    enum Kind { Alloc, Free, Time, End, Crash } kind;
    std::uint64_t size = 0;
    std::uint32_t trace = 0;
    std::uint64_t ptr = 0;
    std::int64_t timeNs = 0;
    std::int32_t tid = 0;
};

// One pass over the records; mapping and trace records go to the caller's tables,
// the rest to `onEvent`. Returns false on a malformed stream.
// `consumed` hears every few MiB how far into `body` the pass is.
template<typename OnEvent>
bool scan(std::string_view body, std::vector<TraceNode> &traces, symbolize::Symbolizer *symbolizer, std::int32_t pid,
          OnEvent &&onEvent, const std::function<void(std::size_t)> &consumed)
{
    constexpr std::size_t kReportEvery = std::size_t{4} << 20;
    Cursor c(body);
    std::uint64_t lastPtr = 0;
    Event ev{};
    const char *reported = body.data();
    while (!c.atEnd()) {
        if (consumed && std::size_t(c.position() - reported) >= kReportEvery) {
            reported = c.position();
            consumed(std::size_t(reported - body.data()));
        }
        std::uint8_t tag;
        c.byte(tag);
        std::uint64_t a = 0, b = 0, d = 0;
        switch (tag) {
        case PWBA_ALLOC:
            if (!c.varint(a) || !c.varint(b) || !c.varint(d))
                return true;
            if (symbolizer && b >= traces.size())
                return false;
            lastPtr += (d >> 1) ^ (~(d & 1) + 1);
            ev.kind = Event::Alloc;
            ev.size = a;
            ev.trace = std::uint32_t(b);
            ev.ptr = lastPtr;
            onEvent(ev);
            break;
        case PWBA_FREE:
            if (!c.varint(d))
                return true;
            lastPtr += (d >> 1) ^ (~(d & 1) + 1);
            ev.kind = Event::Free;
            ev.ptr = lastPtr;
            onEvent(ev);
            break;
        case PWBA_TRACE:
            if (!c.varint(a) || !c.varint(b))
                return true;
            if (symbolizer) {
                if (a >= traces.size())
                    return false;
                traces.push_back({std::uint32_t(a), b});
            }
            break;
        case PWBA_MAPPING: {
            std::string_view path;
            std::uint64_t len;
            if (!c.varint(a) || !c.varint(b) || !c.varint(d) || !c.varint(len) || !c.bytes(len, path))
                return true;
            if (symbolizer)
                symbolizer->addMapping(pid, a, b, d, path);
            break;
        }
        case PWBA_TIME:
        case PWBA_END:
            if (!c.varint(a))
                return true;
            ev.kind = tag == PWBA_TIME ? Event::Time : Event::End;
            ev.timeNs = std::int64_t(a);
            onEvent(ev);
            break;
        case PWBA_THREAD:
            if (!c.varint(a))
                return true;
            ev.tid = std::int32_t(a);
            break;
        case PWBA_CRASH: // the tracker wrote everything before the process died of signal `a`
            if (!c.varint(a))
                return true;
            ev.kind = Event::Crash;
            ev.size = a;
            onEvent(ev);
            break;
        default:
            return false;
        }
    }
    return true;
}

} // namespace

Result<std::int32_t> AllocStreamReader::headerPid(std::string_view head, std::size_t *length)
{
    if (head.size() < PWBA_MAGIC_LEN || std::memcmp(head.data(), PWBA_MAGIC, PWBA_MAGIC_LEN) != 0)
        return makeError("not a perfwb allocation stream (bad magic)");
    Cursor c(head.substr(PWBA_MAGIC_LEN));
    std::uint64_t version = 0, pid = 0;
    if (!c.varint(version) || !c.varint(pid))
        return makeError("allocation stream: truncated header");
    if (version != PWBA_VERSION)
        return makeError("allocation stream: unsupported version " + std::to_string(version));
    if (length != nullptr)
        *length = static_cast<std::size_t>(c.position() - head.data());
    return static_cast<std::int32_t>(pid);
}

Result<AllocStreamReader::Summary> AllocStreamReader::read(std::string_view data, symbolize::Symbolizer &symbolizer,
                                                           model::Profile &profile,
                                                           const std::function<void(std::size_t)> &consumed)
{
    std::size_t headerLen = 0;
    const auto pid = headerPid(data, &headerLen);
    if (!pid)
        return makeError(pid.message());
    const std::string_view body = data.substr(headerLen);
    const std::function<void(std::size_t)> bodyConsumed = [&](std::size_t n) {
        if (consumed)
            consumed(headerLen + n);
    };

    Summary summary;
    summary.pid = pid.value();
    std::vector<TraceNode> traces(1); // node 0: the root

    // One pass: trace tree, mappings, per-trace calls/bytes/temporary/leaked, the heap
    // timeline and each trace's bytes at the peak (TraceLive).
    std::vector<model::AllocationStats> perTrace;
    std::vector<TraceLive> traceLive;
    std::uint64_t peakEpoch = 0;
    const auto change = [&traceLive, &peakEpoch](std::uint32_t trace, std::uint64_t add, std::uint64_t remove) {
        TraceLive &t = traceLive[trace];
        if (t.epoch < peakEpoch) {
            t.atPeak = t.bytes;
            t.epoch = peakEpoch;
        }
        t.bytes = t.bytes + add - remove;
    };
    LiveBlocks live;
    // For "temporary": the block each thread allocated last. Threads change rarely in the
    // stream, so the current thread's entry is kept at hand.
    std::unordered_map<std::int32_t, std::uint64_t> lastAllocOfThread;
    std::int32_t currentTid = -1;
    std::uint64_t *lastAlloc = nullptr;
    const auto lastAllocOf = [&](std::int32_t tid) -> std::uint64_t & {
        if (tid != currentTid || lastAlloc == nullptr) {
            currentTid = tid;
            lastAlloc = &lastAllocOfThread[tid]; // node-based: stays valid as the map grows
        }
        return *lastAlloc;
    };
    std::uint64_t heap = 0, peak = 0;
    std::int64_t now = 0, peakTime = 0;
    model::Timeline timeline{std::string(kHeapTimeline), "bytes", {}};
    bool ok = scan(
        body, traces, &symbolizer, summary.pid,
        [&](const Event &ev) {
            switch (ev.kind) {
            case Event::Alloc: {
                ++summary.events;
                if (perTrace.size() <= ev.trace) {
                    perTrace.resize(traces.size());
                    traceLive.resize(traces.size());
                }
                auto &s = perTrace[ev.trace];
                ++s.calls;
                s.bytes += ev.size;
                auto [block, added] = live.insert(ev.ptr, Block{ev.size, ev.trace});
                if (!added) { // a free we never saw (e.g. by a library's own allocator): replace
                    heap -= block->size;
                    change(block->trace, 0, block->size);
                    *block = Block{ev.size, ev.trace};
                }
                heap += ev.size;
                change(ev.trace, ev.size, 0);
                lastAllocOf(ev.tid) = ev.ptr;
                if (heap > peak) {
                    peak = heap;
                    peakTime = now;
                    ++peakEpoch;
                }
                break;
            }
            case Event::Free: {
                ++summary.events;
                Block *block = live.find(ev.ptr);
                if (block == nullptr) {
                    ++summary.unmatchedFrees;
                    break;
                }
                std::uint64_t &last = lastAllocOf(ev.tid);
                if (last == ev.ptr) {
                    ++perTrace[block->trace].temporary;
                    last = 0;
                }
                heap -= block->size;
                change(block->trace, 0, block->size);
                live.erase(ev.ptr);
                break;
            }
            case Event::Time:
            case Event::End:
                now = ev.timeNs;
                timeline.points.push_back({now, double(heap)});
                if (ev.kind == Event::End)
                    summary.complete = true;
                break;
            case Event::Crash:
                summary.complete = true; // every allocation up to the crash is in the stream
                summary.crashSignal = static_cast<int>(ev.size);
                break;
            }
        },
        bodyConsumed);
    if (!ok)
        return makeError("allocation stream: malformed record");
    perTrace.resize(traces.size());
    traceLive.resize(traces.size());
    summary.traceNodes = traces.size() - 1;
    live.forEach([&perTrace](std::uint64_t, const Block &block) {
        perTrace[block.trace].leakedBytes += block.size;
        ++perTrace[block.trace].leakedBlocks;
    });
    for (std::size_t i = 0; i < traceLive.size(); ++i) {
        const TraceLive &t = traceLive[i];
        perTrace[i].peakBytes = t.epoch < peakEpoch ? t.bytes : t.atPeak;
    }

    // Trace nodes to model stacks: parents come first, so each node's stack extends
    // its parent's by the (inline-expanded) frames of its return address.
    std::vector<model::StackId> stackOf(traces.size(), model::kEmptyStack);
    std::vector<model::FrameId> frames;
    for (std::size_t i = 1; i < traces.size(); ++i) {
        frames.clear();
        symbolizer.resolve(summary.pid, traces[i].ip, true, false, profile, frames);
        model::StackId s = stackOf[traces[i].parent];
        for (auto f = frames.rbegin(); f != frames.rend(); ++f)
            s = profile.stacks.intern(s, *f);
        stackOf[i] = s;
    }
    auto &table = profile.allocations;
    for (std::size_t i = 0; i < perTrace.size(); ++i) {
        const auto &s = perTrace[i];
        if (s.calls == 0 && s.leakedBlocks == 0)
            continue;
        table.row(stackOf[i]).add(s);
        table.totals.add(s);
    }
    table.totals.peakBytes = peak;
    table.peakTimeNs = peakTime;
    if (!timeline.points.empty())
        profile.timelines.push_back(std::move(timeline));
    return summary;
}

Result<AllocStreamReader::Summary>
AllocStreamReader::readFile(const std::string &path, symbolize::Symbolizer &symbolizer, model::Profile &profile)
{
    // Mapped, not read whole: the stream grows with every allocation (about 3 bytes an
    // event), and pages a pass is done with go back, so the recorder's memory does not.
    auto file = report::MappedFile::open(path);
    if (!file)
        return makeError(file.message());
    auto r = read((*file)->data(), symbolizer, profile, [&](std::size_t n) { (*file)->release(n); });
    if (!r)
        return makeError(path + ": " + r.message());
    return r;
}

} // namespace perfwb::alloc
