// SPDX-License-Identifier: GPL-3.0-or-later
#include "allocstreamreader.h"

#include "liveblocks.h"

#include "alloc/tracker/allocstream.h"
#include "io/mappedfile.h"
#include "symbolize/pythonframemerger.h"
#include "symbolize/pythonlinetable.h"
#include "symbolize/pythontext.h"
#include "symbolize/symbolizer.h"

#include <algorithm>
#include <cstring>
#include <unordered_map>
#include <vector>

namespace perfwb::alloc {

namespace {

struct TraceNode {
    std::uint32_t parent = 0;
    std::uint64_t ip = 0;
};

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

} // namespace

// Everything the replay keeps between feed() calls.
struct AllocStreamReader::State {
    bool headerRead = false;
    Summary summary;
    std::vector<TraceNode> traces{TraceNode{}}; // node 0: the root
    using Mapping = SymbolWork::Mapping;
    std::vector<Mapping> mappings;                  // given to the symbolizer in finish(): it is not ours before
    std::size_t mappingsTaken = 0, tracesTaken = 1; // by takeSymbolWork()
    // CPython code objects by id (PWBA_PYCODE; id 0 unused).
    std::vector<std::shared_ptr<const symbolize::PythonCode>> codes{nullptr};
    std::uint64_t lastPtr = 0;
    std::int32_t tid = 0;

    std::vector<model::AllocationStats> perTrace;
    std::vector<TraceLive> traceLive;
    std::uint64_t peakEpoch = 0;
    LiveBlocks live;
    // For "temporary": the block each thread allocated last. Threads change rarely in the
    // stream, so the current thread's entry is kept at hand.
    std::unordered_map<std::int32_t, std::uint64_t> lastAllocOfThread;
    std::int32_t currentTid = -1;
    std::uint64_t *lastAlloc = nullptr;
    std::uint64_t heap = 0, peak = 0;
    std::int64_t now = 0, peakTime = 0;
    model::Timeline timeline{std::string(kHeapTimeline), std::string(model::timelines::kBytes), {}};

    std::uint64_t &lastAllocOf(std::int32_t thread)
    {
        if (thread != currentTid || lastAlloc == nullptr) {
            currentTid = thread;
            lastAlloc = &lastAllocOfThread[thread]; // node-based: stays valid as the map grows
        }
        return *lastAlloc;
    }

    void change(std::uint32_t trace, std::uint64_t add, std::uint64_t remove)
    {
        TraceLive &t = traceLive[trace];
        if (t.epoch < peakEpoch) {
            t.atPeak = t.bytes;
            t.epoch = peakEpoch;
        }
        t.bytes = t.bytes + add - remove;
    }

    void allocate(std::uint64_t size, std::uint32_t trace, std::uint64_t ptr)
    {
        ++summary.events;
        if (perTrace.size() <= trace) {
            perTrace.resize(traces.size());
            traceLive.resize(traces.size());
        }
        auto &s = perTrace[trace];
        ++s.calls;
        s.bytes += size;
        auto [block, added] = live.insert(ptr, LiveBlocks::Block{size, trace});
        if (!added) { // a free we never saw (e.g. by a library's own allocator): replace
            heap -= block->size;
            change(block->trace, 0, block->size);
            *block = LiveBlocks::Block{size, trace};
        }
        heap += size;
        change(trace, size, 0);
        lastAllocOf(tid) = ptr;
        if (heap > peak) {
            peak = heap;
            peakTime = now;
            ++peakEpoch;
        }
    }

    void release(std::uint64_t ptr)
    {
        ++summary.events;
        LiveBlocks::Block *block = live.find(ptr);
        if (block == nullptr) {
            ++summary.unmatchedFrees;
            return;
        }
        std::uint64_t &last = lastAllocOf(tid);
        if (last == ptr) {
            ++perTrace[block->trace].temporary;
            last = 0;
        }
        heap -= block->size;
        change(block->trace, 0, block->size);
        live.erase(ptr);
    }

    void mark(std::int64_t timeNs, bool end)
    {
        now = timeNs;
        timeline.points.push_back({now, double(heap)});
        if (end)
            summary.complete = true;
    }

    // One record at `c`. Incomplete: the record is cut at the end of what is there.
    enum class Step { Done, Incomplete, Malformed };
    Step record(Cursor &c);
    Step pythonCode(Cursor &c);
    Step execRecord(Cursor &c);
    static std::uint64_t pythonCodeId(std::uint64_t ip)
    {
        return (ip & ~(PWBA_PY_FRAME | PWBA_PY_ENTRY)) >> PWBA_PY_CODE_SHIFT;
    }
    // The stack of trace node `node`, a Python frame: its Python frames (up to the first
    // native node) put into that native node's stack, as in CPU samples.
    model::StackId pythonStack(std::uint32_t node, const std::vector<model::StackId> &stackOf,
                               symbolize::PythonFrameMerger &merger, model::Profile &profile) const;
};

namespace {

// A str the tracker sent: state word, length, then the code units' bytes.
bool pythonText(Cursor &c, std::string &out)
{
    std::uint64_t state = 0, length = 0, size = 0;
    std::string_view units;
    if (!c.varint(state) || !c.varint(length) || !c.varint(size) || !c.bytes(size, units))
        return false;
    const symbolize::PythonTextShape shape = symbolize::pythonTextShape(static_cast<std::uint32_t>(state));
    out.clear();
    if (shape.readable() && size == length * shape.kind)
        symbolize::pythonTextToUtf8(shape.kind, {reinterpret_cast<const std::uint8_t *>(units.data()), units.size()},
                                    out);
    return true;
}

} // namespace

AllocStreamReader::State::Step AllocStreamReader::State::execRecord(Cursor &c)
{
    std::uint64_t length = 0;
    std::string_view path;
    if (!c.varint(length) || !c.bytes(length, path))
        return Step::Incomplete;
    summary.execPath = std::string(path);
    return Step::Done;
}

AllocStreamReader::State::Step AllocStreamReader::State::pythonCode(Cursor &c)
{
    std::uint64_t id = 0, firstLine = 0, tableSize = 0;
    std::string_view table;
    auto code = std::make_shared<symbolize::PythonCode>();
    if (!c.varint(id) || !c.varint(firstLine) || !pythonText(c, code->name) || !pythonText(c, code->file) ||
        !c.varint(tableSize) || !c.bytes(tableSize, table))
        return Step::Incomplete;
    if (id != codes.size())
        return Step::Malformed; // ids count up from 1
    code->firstLine = static_cast<std::int32_t>(std::min<std::uint64_t>(firstLine, INT32_MAX));
    code->lineTable.assign(table.begin(), table.end());
    if (code->name.empty())
        code->name = "[unknown]";
    codes.push_back(std::move(code));
    return Step::Done;
}

model::StackId AllocStreamReader::State::pythonStack(std::uint32_t node, const std::vector<model::StackId> &stackOf,
                                                     symbolize::PythonFrameMerger &merger,
                                                     model::Profile &profile) const
{
    std::vector<symbolize::PythonFrame> python; // innermost first, as the node chain runs
    for (; (traces[node].ip & PWBA_PY_FRAME) != 0; node = traces[node].parent) {
        const std::uint64_t ip = traces[node].ip;
        symbolize::PythonFrame f;
        f.code = codes[pythonCodeId(ip)];
        const auto unit = static_cast<std::int64_t>(ip & PWBA_PY_UNIT_MASK);
        f.line = symbolize::pythonLine(f.code->lineTable, f.code->firstLine, unit - 1);
        f.entry = (ip & PWBA_PY_ENTRY) != 0;
        python.push_back(std::move(f));
    }
    std::vector<model::FrameId> frames = profile.stacks.framesLeafFirst(stackOf[node]);
    merger.merge(python, frames, 0);
    std::reverse(frames.begin(), frames.end());
    return profile.stacks.internPath(frames);
}

AllocStreamReader::State::Step AllocStreamReader::State::record(Cursor &c)
{
    std::uint8_t tag = 0;
    c.byte(tag);
    std::uint64_t a = 0, b = 0, d = 0;
    const auto pointer = [this](std::uint64_t zigzag) { return lastPtr += (zigzag >> 1) ^ (~(zigzag & 1) + 1); };
    switch (tag) {
    case PWBA_ALLOC:
        if (!c.varint(a) || !c.varint(b) || !c.varint(d))
            return Step::Incomplete;
        if (b >= traces.size())
            return Step::Malformed;
        allocate(a, std::uint32_t(b), pointer(d));
        return Step::Done;
    case PWBA_FREE:
        if (!c.varint(d))
            return Step::Incomplete;
        release(pointer(d));
        return Step::Done;
    case PWBA_TRACE:
        if (!c.varint(a) || !c.varint(b))
            return Step::Incomplete;
        if (a >= traces.size() ||
            ((b & PWBA_PY_FRAME) != 0 && (pythonCodeId(b) == 0 || pythonCodeId(b) >= codes.size())))
            return Step::Malformed;
        traces.push_back({std::uint32_t(a), b});
        return Step::Done;
    case PWBA_PYCODE:
        return pythonCode(c);
    case PWBA_EXEC:
        return execRecord(c);
    case PWBA_MAPPING: {
        std::string_view path;
        std::uint64_t len = 0;
        if (!c.varint(a) || !c.varint(b) || !c.varint(d) || !c.varint(len) || !c.bytes(len, path))
            return Step::Incomplete;
        mappings.push_back({a, b, d, std::string(path)});
        return Step::Done;
    }
    case PWBA_TIME:
    case PWBA_END:
        if (!c.varint(a))
            return Step::Incomplete;
        mark(std::int64_t(a), tag == PWBA_END);
        return Step::Done;
    case PWBA_THREAD:
        if (!c.varint(a))
            return Step::Incomplete;
        tid = std::int32_t(a);
        return Step::Done;
    case PWBA_CRASH: // the tracker wrote everything before the process died of signal `a`
        if (!c.varint(a))
            return Step::Incomplete;
        summary.complete = true; // every allocation up to the crash is in the stream
        summary.crashSignal = static_cast<int>(a);
        return Step::Done;
    default:
        return Step::Malformed;
    }
}

AllocStreamReader::AllocStreamReader()
    : state_(std::make_unique<State>())
{}

AllocStreamReader::~AllocStreamReader() = default;
AllocStreamReader::AllocStreamReader(AllocStreamReader &&) noexcept = default;
AllocStreamReader &AllocStreamReader::operator=(AllocStreamReader &&) noexcept = default;

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

Result<std::size_t> AllocStreamReader::feed(std::string_view data)
{
    State &st = *state_;
    std::size_t used = 0;
    if (!st.headerRead) {
        // Wait for the whole header; refuse at once what cannot become one.
        const std::size_t magic = std::min<std::size_t>(data.size(), PWBA_MAGIC_LEN);
        if (std::memcmp(data.data(), PWBA_MAGIC, magic) != 0)
            return makeError("not a perfwb allocation stream (bad magic)");
        std::size_t length = 0;
        const auto pid = headerPid(data, &length);
        if (!pid) {
            const bool cut = data.size() < PWBA_MAGIC_LEN || pid.message() == "allocation stream: truncated header";
            return cut ? Result<std::size_t>(std::size_t{0}) : makeError(pid.message());
        }
        st.summary.pid = pid.value();
        st.headerRead = true;
        used = length;
    }
    Cursor c(data.substr(used));
    while (!c.atEnd()) {
        const char *start = c.position();
        const State::Step step = st.record(c);
        if (step == State::Step::Malformed)
            return makeError("allocation stream: malformed record");
        if (step == State::Step::Incomplete)
            return used + static_cast<std::size_t>(start - data.substr(used).data());
    }
    return data.size();
}

void AllocStreamReader::takeSymbolWork(SymbolWork &out)
{
    State &st = *state_;
    out.pid = st.summary.pid;
    out.mappings.insert(out.mappings.end(), st.mappings.begin() + static_cast<std::ptrdiff_t>(st.mappingsTaken),
                        st.mappings.end());
    st.mappingsTaken = st.mappings.size();
    for (std::size_t i = st.tracesTaken; i < st.traces.size(); ++i) {
        if ((st.traces[i].ip & PWBA_PY_FRAME) == 0)
            out.returnAddresses.push_back(st.traces[i].ip);
    }
    st.tracesTaken = st.traces.size();
}

Result<AllocStreamReader::Summary> AllocStreamReader::finish(symbolize::Symbolizer &symbolizer, model::Profile &profile)
{
    State &st = *state_;
    if (!st.headerRead)
        return makeError("allocation stream: truncated header");
    Summary summary = st.summary;
    for (const auto &m : st.mappings)
        symbolizer.addMapping(summary.pid, m.start, m.length, m.pgoff, m.path);
    const std::vector<TraceNode> &traces = st.traces;
    std::vector<model::AllocationStats> &perTrace = st.perTrace;
    perTrace.resize(traces.size());
    st.traceLive.resize(traces.size());
    summary.traceNodes = traces.size() - 1;
    st.live.forEach([&perTrace](std::uint64_t, const LiveBlocks::Block &block) {
        perTrace[block.trace].leakedBytes += block.size;
        ++perTrace[block.trace].leakedBlocks;
    });
    for (std::size_t i = 0; i < st.traceLive.size(); ++i) {
        const TraceLive &t = st.traceLive[i];
        perTrace[i].peakBytes = t.epoch < st.peakEpoch ? t.bytes : t.atPeak;
    }

    // Trace nodes to model stacks: parents come first, so each node's stack extends
    // its parent's by the (inline-expanded) frames of its return address.
    std::vector<model::StackId> stackOf(traces.size(), model::kEmptyStack);
    std::vector<model::FrameId> frames;
    symbolize::PythonFrameMerger merger(profile);
    for (std::size_t i = 1; i < traces.size(); ++i) {
        if ((traces[i].ip & PWBA_PY_FRAME) != 0) {
            // Python frames end a stack (allocstream.h): only the nodes allocations name matter.
            if (perTrace[i].calls != 0 || perTrace[i].leakedBlocks != 0)
                stackOf[i] = st.pythonStack(static_cast<std::uint32_t>(i), stackOf, merger, profile);
            continue;
        }
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
    table.totals.peakBytes = st.peak;
    table.peakTimeNs = st.peakTime;
    if (!st.timeline.points.empty())
        profile.timelines.push_back(std::move(st.timeline));
    state_ = std::make_unique<State>(); // finished: ready for another stream
    return summary;
}

Result<AllocStreamReader::Summary> AllocStreamReader::read(std::string_view data, symbolize::Symbolizer &symbolizer,
                                                           model::Profile &profile,
                                                           const std::function<void(std::size_t)> &consumed)
{
    if (auto pid = headerPid(data); !pid)
        return makeError(pid.message());
    // In slices, so the pages of a mapped stream can go back as each is done. A record
    // crossing a slice's end is read again with the next slice.
    constexpr std::size_t kSlice = std::size_t{4} << 20;
    AllocStreamReader reader;
    std::size_t done = 0;
    while (done < data.size()) {
        const std::size_t end = std::min(data.size(), done + kSlice);
        // No whole record in a slice (one longer than a slice): take all the rest at once.
        auto used = reader.feed(data.substr(done, end - done));
        if (used && used.value() == 0 && end < data.size())
            used = reader.feed(data.substr(done));
        if (!used)
            return makeError(used.message());
        if (used.value() == 0)
            break; // a record cut by the end of the stream: read up to the last whole one
        done += used.value();
        if (consumed)
            consumed(done);
    }
    return reader.finish(symbolizer, profile);
}

Result<AllocStreamReader::Summary>
AllocStreamReader::readFile(const std::string &path, symbolize::Symbolizer &symbolizer, model::Profile &profile)
{
    // Mapped, not read whole: the stream grows with every allocation (about 3 bytes an
    // event), and pages already read go back, so the recorder's memory does not.
    auto file = io::MappedFile::open(path);
    if (!file)
        return makeError(file.message());
    auto r = read((*file)->data(), symbolizer, profile, [&](std::size_t n) { (*file)->release(n); });
    if (!r)
        return makeError(path + ": " + r.message());
    return r;
}

} // namespace perfwb::alloc
