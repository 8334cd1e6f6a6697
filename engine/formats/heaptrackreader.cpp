// SPDX-License-Identifier: GPL-3.0-or-later
#include "heaptrackreader.h"

#include "io/compressedbytes.h"

#include <algorithm>
#include <charconv>
#include <cstdio>

namespace perfwb::formats {

namespace {

constexpr std::size_t kMaxLine = 16u << 20;          // longer than any symbol name
constexpr std::int64_t kMaxMs = 9'000'000'000'000LL; // keeps ms * 1e6 inside 64 bits
constexpr std::uint64_t kNone = ~std::uint64_t(0);

// Space-separated hex numbers after a record's type.
class Fields {
public:
    explicit Fields(std::string_view s)
        : rest_(s)
    {}
    bool hex(std::uint64_t &v)
    {
        skipSpaces();
        const auto end = std::min(rest_.find(' '), rest_.size());
        if (end == 0)
            return false;
        const auto r = std::from_chars(rest_.data(), rest_.data() + end, v, 16);
        if (r.ec != std::errc() || r.ptr != rest_.data() + end)
            return false;
        rest_.remove_prefix(end);
        return true;
    }
    bool atEnd()
    {
        skipSpaces();
        return rest_.empty();
    }
    std::string_view raw() const { return rest_; }

private:
    void skipSpaces()
    {
        while (!rest_.empty() && rest_.front() == ' ')
            rest_.remove_prefix(1);
    }
    std::string_view rest_;
};

std::string shownLine(std::string_view line)
{
    std::string out(line.substr(0, 40));
    for (auto &c : out) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            c = '?';
    }
    return line.size() > 40 ? out + "..." : out;
}

std::string hexText(std::uint64_t v)
{
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v, 16);
    return std::string(buf, r.ptr);
}

std::string_view baseName(std::string_view path)
{
    const auto slash = path.rfind('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

} // namespace

bool HeaptrackReader::looksLikeHeaptrack(std::string_view text)
{
    const auto nl = text.find('\n');
    if (nl == std::string_view::npos || !text.starts_with("v "))
        return false;
    std::string_view line = text.substr(2, nl - 2);
    if (line.ends_with('\r'))
        line.remove_suffix(1);
    Fields f(line);
    std::uint64_t version = 0;
    std::uint64_t fileVersion = 0;
    return f.hex(version) && (f.atEnd() || (f.hex(fileVersion) && f.atEnd()));
}

Error HeaptrackReader::bad(const std::string &what) const
{
    return makeError("line " + std::to_string(lineNo_) + ": " + what);
}

Status HeaptrackReader::forEachLine(std::string_view data, bool (HeaptrackReader::*wanted)(char) const,
                                    Status (HeaptrackReader::*handle)(std::string_view))
{
    lineNo_ = 0;
    std::string carry; // a line split between two decompressed pieces
    Status st = io::forEachDecompressedChunk(data, [&](std::string_view chunk) -> Status {
        while (!chunk.empty()) {
            const auto nl = chunk.find('\n');
            if (nl == std::string_view::npos) {
                if (carry.size() + chunk.size() > kMaxLine)
                    return makeError("line " + std::to_string(lineNo_ + 1) +
                                     ": longer than 16 MiB (not a heaptrack file?)");
                carry.append(chunk);
                return {};
            }
            std::string_view line = chunk.substr(0, nl);
            if (!carry.empty()) {
                carry.append(line);
                line = carry;
            }
            ++lineNo_;
            if (!line.empty() && (this->*wanted)(line.front())) {
                if (Status s = (this->*handle)(line); !s)
                    return s;
            }
            carry.clear();
            chunk.remove_prefix(nl + 1);
        }
        return {};
    });
    if (!st)
        return st;
    if (!carry.empty()) { // the last line has no newline
        ++lineNo_;
        if ((this->*wanted)(carry.front()))
            return (this->*handle)(carry);
    }
    return {};
}

Status HeaptrackReader::read(std::string_view data)
{
    if (Status st = forEachLine(data, &HeaptrackReader::allRecords, &HeaptrackReader::firstPass); !st)
        return st;
    if (!sawVersion_)
        return makeError("not a heaptrack data file: no 'v' version record");
    perTrace_.resize(traceStacks_.size());
    replayLive_.assign(infos_.size(), 0);
    for (const Info &info : infos_) // allocations without a backtrace get a stack of their own
        stackOfTrace(info.trace);
    sliceBytes_.assign(out_.stacks.size(), 0);
    // At most ~200 time slices of samples, however long the run.
    sliceMs_ = std::max<std::int64_t>(1, (lastMs_ + 199) / 200);
    nowMs_ = 0;
    ordinal_ = 0;
    slice_ = 0;
    const std::string name(baseName(command_.substr(0, command_.find(' '))));
    thread_ = out_.internThread(0, 1, name.empty() ? "heaptrack" : name);
    if (Status st = forEachLine(data, &HeaptrackReader::replayRecords, &HeaptrackReader::secondPass); !st)
        return st;
    flushSlice();
    finish();
    return {};
}

Status HeaptrackReader::firstPass(std::string_view line)
{
    if (line.back() == '\r')
        line.remove_suffix(1);
    if (line.empty())
        return {};
    const char mode = line.front();
    if (!sawVersion_ && mode != 'v' && mode != '#')
        return bad("not a heaptrack data file (it should start with 'v VERSION FILE_VERSION', not \"" +
                   shownLine(line) + "\")");
    if (line.size() > 1 && line[1] != ' ')
        return bad("expected a record type and a space, got \"" + shownLine(line) + "\"");
    const std::string_view rest = line.size() > 2 ? line.substr(2) : std::string_view();
    switch (mode) {
    case 'v':
        return readVersion(rest);
    case 's':
        return readString(rest);
    case 'i':
        return readIp(rest);
    case 't':
        return readTrace(rest);
    case 'a':
        return readInfo(rest);
    case '+':
        return readAllocation(rest);
    case '-':
        return readFree(rest);
    case 'c': {
        if (Status st = readTime(rest, nowMs_); !st)
            return st;
        lastMs_ = std::max(lastMs_, nowMs_);
        heapTimeline_.points.push_back({nowMs_ * 1'000'000, static_cast<double>(heap_)});
        return {};
    }
    case 'R':
        return readRss(rest);
    case 'I':
        return readSystemInfo(rest);
    case 'X':
        command_ = std::string(rest);
        return {};
    case 'A':
        attached_ = true;
        return {};
    case 'S': // a leak suppression embedded by the program
    case '#':
        return {};
    case 'm':
    case 'x':
        return bad("raw heaptrack data (record '" + std::string(1, mode) +
                   "'): run it through heaptrack_interpret first");
    default:
        break;
    }
    return bad("unknown record \"" + shownLine(line) + "\"");
}

Status HeaptrackReader::readVersion(std::string_view rest)
{
    if (sawVersion_)
        return bad("a second version record");
    Fields f(rest);
    if (!f.hex(heaptrackVersion_))
        return bad("expected the heaptrack version");
    if (!f.hex(fileVersion_))
        fileVersion_ = heaptrackVersion_ == 0x010200 ? 1 : 0; // heaptrack 1.0 wrote no file version
    if (!f.atEnd())
        return bad("unexpected text after the version");
    if (fileVersion_ < 1)
        return bad("file format version 0 (heaptrack before 1.0) is not supported");
    if (fileVersion_ > 3)
        return bad("file format version " + hexText(fileVersion_) + " is newer than this reader knows (3)");
    sawVersion_ = true;
    return {};
}

Status HeaptrackReader::readString(std::string_view rest)
{
    std::string_view text = rest;
    if (fileVersion_ >= 3) { // "s LENGTH TEXT": the text may contain spaces
        Fields f(rest);
        std::uint64_t length = 0;
        if (!f.hex(length))
            return bad("expected the string's length");
        text = f.raw();
        if (!text.empty())
            text.remove_prefix(1);
        if (length != text.size())
            return bad("the string has " + std::to_string(text.size()) + " bytes, its record says " +
                       std::to_string(length));
    }
    strings_.emplace_back(text);
    // heaptrack folds operator new into the caller; these are the names it looks for.
    for (std::string_view opNew : {"operator new(unsigned long)", "operator new[](unsigned long)",
                                   "operator new(unsigned int)", "operator new[](unsigned int)"}) {
        if (text == opNew)
            operatorNewStrings_.push_back(strings_.size());
    }
    return {};
}

Status HeaptrackReader::readIp(std::string_view rest)
{
    Fields f(rest);
    std::uint64_t ip = 0;
    std::uint64_t module = 0;
    if (!f.hex(ip) || !f.hex(module))
        return bad("expected an instruction pointer and a module");
    struct Triple {
        std::uint64_t function = 0, file = 0, line = 0;
    };
    std::vector<Triple> frames; // innermost first, the last one is the real function
    while (!f.atEnd()) {
        // heaptrack_interpret leaves out the file and line it does not know ("i IP MODULE FUNCTION").
        Triple t;
        if (!f.hex(t.function) || (!f.atEnd() && !f.hex(t.file)) || (!f.atEnd() && !f.hex(t.line)))
            return bad("expected function, file and line numbers");
        frames.push_back(t);
    }
    if (module > strings_.size())
        return bad("module string " + hexText(module) + " is not defined yet");
    for (const Triple &t : frames) {
        if (t.function > strings_.size() || t.file > strings_.size())
            return bad("string " + hexText(std::max(t.function, t.file)) + " is not defined yet");
        if (t.line > 0xffffffffULL)
            return bad("line number " + hexText(t.line) + " is out of range");
    }
    const auto string = [&](std::uint64_t index) -> std::string_view {
        return index == 0 ? std::string_view() : std::string_view(strings_[index - 1]);
    };
    const std::string_view moduleName = baseName(string(module));
    Ip entry;
    entry.firstFrame = static_cast<std::uint32_t>(ipFrames_.size());
    if (frames.empty()) {
        ipFrames_.push_back(out_.internFrame("0x" + hexText(ip), moduleName));
    } else {
        for (std::size_t k = frames.size(); k-- > 0;) {
            const Triple &t = frames[k];
            const std::string function = t.function == 0 ? "0x" + hexText(ip) : std::string(string(t.function));
            ipFrames_.push_back(out_.internFrame(function, moduleName, string(t.file),
                                                 static_cast<std::uint32_t>(t.line), model::FrameKind::Native,
                                                 k + 1 < frames.size()));
        }
        entry.operatorNew = std::find(operatorNewStrings_.begin(), operatorNewStrings_.end(),
                                      frames.front().function) != operatorNewStrings_.end();
    }
    entry.frameCount = static_cast<std::uint32_t>(ipFrames_.size() - entry.firstFrame);
    ips_.push_back(entry);
    return {};
}

Status HeaptrackReader::readTrace(std::string_view rest)
{
    Fields f(rest);
    std::uint64_t ip = 0;
    std::uint64_t parent = 0;
    if (!f.hex(ip) || !f.hex(parent) || !f.atEnd())
        return bad("expected an instruction pointer index and a parent trace");
    if (ip == 0 || ip > ips_.size())
        return bad("instruction pointer " + hexText(ip) + " is not defined yet");
    if (parent >= traceStacks_.size())
        return bad("parent trace " + hexText(parent) + " is not defined yet");
    if (traceStacks_.size() >= 0xffffffffULL)
        return bad("too many traces");
    const Ip &entry = ips_[ip - 1];
    model::StackId stack = traceStacks_[parent];
    if (!entry.operatorNew) {
        for (std::uint32_t k = 0; k < entry.frameCount; ++k)
            stack = out_.stacks.intern(stack, ipFrames_[entry.firstFrame + k]);
    }
    traceStacks_.push_back(stack);
    return {};
}

Status HeaptrackReader::readInfo(std::string_view rest)
{
    Fields f(rest);
    Info info;
    std::uint64_t trace = 0;
    if (!f.hex(info.size) || !f.hex(trace) || !f.atEnd())
        return bad("expected a size and a trace");
    if (trace >= traceStacks_.size())
        return bad("trace " + hexText(trace) + " is not defined yet");
    info.trace = static_cast<std::uint32_t>(trace);
    infos_.push_back(info);
    live_.push_back(0);
    return {};
}

Result<std::uint64_t> HeaptrackReader::infoIndex(std::string_view rest) const
{
    Fields f(rest);
    std::uint64_t index = 0;
    if (!f.hex(index) || !f.atEnd())
        return bad("expected an allocation info index");
    if (index >= infos_.size())
        return bad("allocation info " + hexText(index) + " is not defined yet");
    return index;
}

Status HeaptrackReader::readAllocation(std::string_view rest)
{
    auto index = infoIndex(rest);
    if (!index)
        return index.status();
    const Info &info = infos_[index.value()];
    if (perTrace_.size() < traceStacks_.size())
        perTrace_.resize(traceStacks_.size() + traceStacks_.size() / 2);
    auto &stats = perTrace_[info.trace];
    ++stats.calls;
    stats.bytes += info.size;
    ++live_[index.value()];
    heap_ += info.size;
    ++ordinal_;
    lastAllocated_ = index.value();
    if (heap_ > peak_) {
        peak_ = heap_;
        peakOrdinal_ = ordinal_;
        peakMs_ = nowMs_;
    }
    return {};
}

Status HeaptrackReader::readFree(std::string_view rest)
{
    auto index = infoIndex(rest);
    if (!index)
        return index.status();
    const bool temporary = lastAllocated_ == index.value();
    lastAllocated_ = kNone;
    if (live_[index.value()] == 0) { // cannot happen in heaptrack_interpret's output
        ++unmatchedFrees_;
        return {};
    }
    const Info &info = infos_[index.value()];
    --live_[index.value()];
    heap_ -= info.size;
    ++ordinal_;
    if (temporary)
        ++perTrace_[info.trace].temporary;
    return {};
}

Status HeaptrackReader::readTime(std::string_view rest, std::int64_t &ms) const
{
    Fields f(rest);
    std::uint64_t value = 0;
    if (!f.hex(value) || !f.atEnd())
        return bad("expected a time stamp");
    if (value > static_cast<std::uint64_t>(kMaxMs))
        return bad("time stamp " + hexText(value) + " is out of range");
    ms = static_cast<std::int64_t>(value);
    return {};
}

Status HeaptrackReader::readRss(std::string_view rest)
{
    Fields f(rest);
    std::uint64_t pages = 0;
    if (!f.hex(pages) || !f.atEnd())
        return bad("expected an RSS in pages");
    peakRssPages_ = std::max(peakRssPages_, pages);
    if (pageSize_ > 0)
        rssTimeline_.points.push_back(
            {nowMs_ * 1'000'000, static_cast<double>(pages) * static_cast<double>(pageSize_)});
    return {};
}

Status HeaptrackReader::readSystemInfo(std::string_view rest)
{
    Fields f(rest);
    std::uint64_t pages = 0;
    if (!f.hex(pageSize_) || !f.hex(pages) || !f.atEnd())
        return bad("expected the page size and the number of pages");
    out_.meta.extra["heaptrack.page_size"] = std::to_string(pageSize_);
    out_.meta.extra["heaptrack.physical_memory_bytes"] = std::to_string(pageSize_ * pages);
    return {};
}

Status HeaptrackReader::secondPass(std::string_view line)
{
    if (line.back() == '\r')
        line.remove_suffix(1);
    const std::string_view rest = line.size() > 2 ? line.substr(2) : std::string_view();
    if (line.front() == 'c') {
        if (Status st = readTime(rest, nowMs_); !st)
            return st;
        if (nowMs_ / sliceMs_ != slice_) {
            flushSlice();
            slice_ = nowMs_ / sliceMs_;
        }
        return {};
    }
    // Pass one checked every record, so the indexes are valid here.
    auto index = infoIndex(rest);
    if (!index)
        return index.status();
    const Info &info = infos_[index.value()];
    if (line.front() == '+') {
        ++replayLive_[index.value()];
        const model::StackId stack = stackOfTrace(info.trace);
        if (sliceBytes_[stack] == 0 && info.size > 0)
            sliceStacks_.push_back(stack);
        sliceBytes_[stack] += info.size;
        if (++ordinal_ == peakOrdinal_) { // the blocks live at the peak, by trace
            for (std::size_t i = 0; i < infos_.size(); ++i)
                perTrace_[infos_[i].trace].peakBytes += replayLive_[i] * infos_[i].size;
        }
    } else if (replayLive_[index.value()] > 0) {
        --replayLive_[index.value()];
        ++ordinal_;
    }
    return {};
}

model::StackId HeaptrackReader::stackOfTrace(std::uint32_t trace)
{
    const model::StackId stack = traceStacks_[trace];
    if (stack != model::kEmptyStack)
        return stack;
    if (unknownStack_ == model::kEmptyStack) // an allocation without a backtrace
        unknownStack_ = out_.stacks.intern(model::kEmptyStack, out_.internFrame("[unknown]"));
    return unknownStack_;
}

void HeaptrackReader::flushSlice()
{
    for (const model::StackId stack : sliceStacks_) {
        out_.addSample(slice_ * sliceMs_ * 1'000'000, thread_, stack, sliceBytes_[stack]);
        sliceBytes_[stack] = 0;
    }
    sliceStacks_.clear();
}

void HeaptrackReader::finish()
{
    for (std::size_t i = 0; i < infos_.size(); ++i) {
        auto &stats = perTrace_[infos_[i].trace];
        stats.leakedBlocks += live_[i];
        stats.leakedBytes += live_[i] * infos_[i].size;
    }
    auto &table = out_.allocations;
    for (std::size_t trace = 0; trace < perTrace_.size(); ++trace) {
        const auto &s = perTrace_[trace];
        if (s.calls == 0 && s.leakedBlocks == 0 && s.peakBytes == 0)
            continue;
        table.row(stackOfTrace(static_cast<std::uint32_t>(trace))).add(s);
        table.totals.add(s);
    }
    table.totals.peakBytes = peak_;
    table.peakTimeNs = peakMs_ * 1'000'000;
    if (!heapTimeline_.points.empty())
        out_.timelines.push_back(std::move(heapTimeline_));
    if (!rssTimeline_.points.empty())
        out_.timelines.push_back(std::move(rssTimeline_));

    auto &meta = out_.meta;
    meta.sourceFormat = "heaptrack";
    meta.weightUnit = model::WeightKind::Bytes;
    meta.durationNs = lastMs_ * 1'000'000;
    std::vector<std::string> args;
    std::string_view rest = command_;
    while (!rest.empty()) {
        const auto space = std::min(rest.find(' '), rest.size());
        if (space > 0)
            args.emplace_back(rest.substr(0, space));
        rest.remove_prefix(std::min(space + 1, rest.size()));
    }
    meta.setCommandLine(std::move(args));
    char version[32];
    std::snprintf(version, sizeof version, "%u.%u.%u", static_cast<unsigned>((heaptrackVersion_ >> 16) & 0xff),
                  static_cast<unsigned>((heaptrackVersion_ >> 8) & 0xff),
                  static_cast<unsigned>(heaptrackVersion_ & 0xff));
    meta.extra["heaptrack.version"] = version;
    meta.extra["heaptrack.file_version"] = std::to_string(fileVersion_);
    if (pageSize_ > 0)
        meta.extra["heaptrack.peak_rss_bytes"] = std::to_string(peakRssPages_ * pageSize_);
    if (attached_)
        meta.extra["heaptrack.attached"] = "true";
    if (unmatchedFrees_ > 0)
        meta.extra["heaptrack.unmatched_frees"] = std::to_string(unmatchedFrees_);
}

} // namespace perfwb::formats
