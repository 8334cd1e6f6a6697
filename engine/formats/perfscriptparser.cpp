// SPDX-License-Identifier: GPL-3.0-or-later
#include "perfscriptparser.h"

#include "model/unresolvedname.h"
#include "perf/perfdatafile.h"

#include "textlines.h"

#include <algorithm>
#include <charconv>
#include <limits>

namespace perfwb::formats {

namespace {

using textlines::allDigits;
using textlines::isBlank;

// No line of perf script output comes near this; a longer one means binary input.
constexpr std::size_t kMaxLine = 1 << 20;
// x86-64 (and arm64) kernel addresses; perf labels kernel modules "[module]".
constexpr std::uint64_t kKernelStart = 0xffff800000000000ULL;

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

std::string_view trimLeft(std::string_view s)
{
    while (!s.empty() && isBlank(s.front()))
        s.remove_prefix(1);
    return s;
}

std::string_view trim(std::string_view s)
{
    s = trimLeft(s);
    while (!s.empty() && isBlank(s.back()))
        s.remove_suffix(1);
    return s;
}

// Next blank-separated token of `rest`; `rest` moves past it.
std::string_view nextToken(std::string_view &rest)
{
    rest = trimLeft(rest);
    std::size_t n = 0;
    while (n < rest.size() && !isBlank(rest[n]))
        ++n;
    const auto token = rest.substr(0, n);
    rest.remove_prefix(n);
    return token;
}

bool parseUnsigned(std::string_view s, std::uint64_t &value, int base = 10)
{
    if (s.empty())
        return false;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value, base);
    return ec == std::errc() && end == s.data() + s.size();
}

// "386.221119:" (µs, perf's default) or "386.221119123:" (--ns) -> nanoseconds.
bool parseTime(std::string_view token, std::int64_t &ns)
{
    if (token.size() < 4 || token.back() != ':')
        return false;
    token.remove_suffix(1);
    const auto dot = token.find('.');
    if (dot == std::string_view::npos || dot == 0 || dot > 9) // 10^9 s: no overflow
        return false;
    const auto secs = token.substr(0, dot);
    const auto frac = token.substr(dot + 1);
    if (!allDigits(secs) || !allDigits(frac) || frac.size() > 9)
        return false;
    std::uint64_t s = 0;
    std::uint64_t f = 0;
    if (!parseUnsigned(secs, s) || !parseUnsigned(frac, f))
        return false;
    for (std::size_t i = frac.size(); i < 9; ++i)
        f *= 10;
    ns = static_cast<std::int64_t>(s * 1000000000ULL + f);
    return true;
}

// "1234", "1234/1235", "-1/-1"
bool parsePidTid(std::string_view token, std::int32_t &pid, std::int32_t &tid)
{
    const auto slash = token.find('/');
    const auto first = token.substr(0, slash);
    auto parse = [](std::string_view s, std::int32_t &v) {
        if (s.empty())
            return false;
        const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
        return ec == std::errc() && end == s.data() + s.size();
    };
    if (!parse(first, pid))
        return false;
    if (slash == std::string_view::npos) {
        // perf's default prints only the tid; without a pid the thread stands alone.
        tid = pid;
        return true;
    }
    return parse(token.substr(slash + 1), tid);
}

bool isCpuToken(std::string_view token)
{
    return token.size() >= 3 && token.front() == '[' && token.back() == ']' &&
           allDigits(token.substr(1, token.size() - 2));
}

bool isHexToken(std::string_view token)
{
    return !token.empty() && token.size() <= 16 && std::all_of(token.begin(), token.end(), [](char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    });
}

std::string_view baseName(std::string_view path)
{
    const auto slash = path.rfind('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// Older perf names kernel frames by the image it read symbols from: "/boot/vmlinux-4.19",
// "/usr/lib/debug/boot/vmlinux-...", a module "/lib/modules/.../ext4.ko"; with addresses
// relative to the image, so the address alone does not tell.
bool isKernelImage(std::string_view dso)
{
    const auto base = baseName(dso);
    return base.starts_with("vmlinux") || base.ends_with(".ko") || base.ends_with(".ko.xz") ||
           base.ends_with(".ko.zst") || base.ends_with(".ko.gz");
}

bool isJitDso(std::string_view dso)
{
    const auto base = baseName(dso);
    return (dso.starts_with("/tmp/perf-") && dso.ends_with(".map")) || base.starts_with("jitted-") ||
           dso.starts_with("[JIT]");
}

} // namespace

PerfScriptParser::PerfScriptParser(model::Profile &out)
    : out_(out)
{
    leafFirst_.reserve(128);
    rootFirst_.reserve(128);
}

bool PerfScriptParser::isSampleLine(std::string_view line)
{
    std::string_view rest = line;
    std::int64_t time = 0;
    for (auto token = nextToken(rest); !token.empty(); token = nextToken(rest)) {
        if (!parseTime(token, time))
            continue;
        auto next = nextToken(rest);
        if (allDigits(next))
            next = nextToken(rest);
        return (next.size() > 1 && next.back() == ':') || next.starts_with("PERF_RECORD_");
    }
    return false;
}

bool PerfScriptParser::isTimelessSampleLine(std::string_view line)
{
    std::string_view tokens[3];
    std::size_t n = 0;
    std::string_view rest = line;
    for (auto token = nextToken(rest); !token.empty(); token = nextToken(rest))
        tokens[n++ % 3] = token;
    if (n < 2)
        return false;
    const auto back = [&](std::size_t i) { return tokens[(n - 1 - i) % 3]; };
    const std::size_t pidAt = isCpuToken(back(0)) ? 1 : 0;
    std::int32_t pid = 0;
    std::int32_t tid = 0;
    return n >= pidAt + 2 && parsePidTid(back(pidAt), pid, tid);
}

Error PerfScriptParser::lineError(std::string_view what) const
{
    return makeError("line " + std::to_string(lineNo_) + ": " + std::string(what));
}

Status PerfScriptParser::feed(std::string_view chunk)
{
    if (!failed_)
        return failed_;
    std::size_t pos = 0;
    if (!carry_.empty() || chunk.empty()) {
        const auto nl = chunk.find('\n');
        if (nl == std::string_view::npos) {
            carry_.append(chunk);
            if (carry_.size() > kMaxLine) {
                ++lineNo_;
                failed_ = lineError("line longer than 1 MiB: not perf script output");
            }
            return failed_;
        }
        carry_.append(chunk.substr(0, nl));
        // parseLine never keeps views into its argument, so carry_ may be reused.
        failed_ = parseLine(carry_);
        carry_.clear();
        if (!failed_)
            return failed_;
        pos = nl + 1;
    }
    while (pos < chunk.size()) {
        const auto nl = chunk.find('\n', pos);
        if (nl == std::string_view::npos) {
            carry_.assign(chunk.substr(pos));
            if (carry_.size() > kMaxLine) {
                ++lineNo_;
                failed_ = lineError("line longer than 1 MiB: not perf script output");
            }
            break;
        }
        failed_ = parseLine(chunk.substr(pos, nl - pos));
        if (!failed_)
            return failed_;
        pos = nl + 1;
    }
    return failed_;
}

Status PerfScriptParser::finish()
{
    if (!failed_)
        return failed_;
    if (!carry_.empty()) {
        failed_ = parseLine(carry_);
        carry_.clear();
        if (!failed_)
            return failed_;
    }
    endSample();
    if (failed_ = framelessTimeless(); !failed_)
        return failed_;
    if (samples_ == 0) {
        failed_ = makeError(lineNo_ == 0 ? "no perf script output (empty input)"
                                         : "no samples found in the perf script output");
        return failed_;
    }
    fillMetadata();
    return {};
}

Status PerfScriptParser::parseLine(std::string_view line)
{
    ++lineNo_;
    if (line.size() > kMaxLine)
        return lineError("line longer than 1 MiB: not perf script output");
    if (!line.empty() && line.back() == '\r')
        line.remove_suffix(1);
    if (line.find('\0') != std::string_view::npos)
        return lineError("binary data, not perf script output");
    if (trim(line).empty()) {
        endSample();
        return framelessTimeless();
    }
    if (line.front() == '#') {
        if (!headerDone_)
            parseHeaderComment(line);
        return {};
    }
    headerDone_ = true;
    // Callchain lines start with a tab; sample headers start with the (right-aligned) comm.
    if (line.front() == '\t')
        return parseFrame(trim(line));
    Status header = parseSampleHeader(line);
    if (Status st = framelessTimeless(); !st)
        return st;
    if (!header && inSample_) {
        // Text that went through an editor may have lost its tabs.
        if (auto frame = internFrameLine(trim(line))) {
            leafFirst_.push_back(frame.value());
            return {};
        }
    }
    return header;
}

void PerfScriptParser::parseHeaderComment(std::string_view line)
{
    line.remove_prefix(1);
    const auto colon = line.find(" : ");
    if (colon == std::string_view::npos)
        return;
    const auto key = trim(line.substr(0, colon));
    const auto value = trim(line.substr(colon + 3));
    if (!key.empty())
        header_.emplace_back(std::string(key), std::string(value));
}

Status PerfScriptParser::parseSampleHeader(std::string_view line)
{
    // Find "secs.frac:"; before it come [cpu], pid[/tid] and the comm (which may hold spaces).
    std::string_view rest = line;
    std::string_view prev[2];
    std::string_view timeToken;
    std::int64_t time = 0;
    for (;;) {
        const auto token = nextToken(rest);
        if (token.empty())
            break;
        if (parseTime(token, time)) {
            timeToken = token;
            break;
        }
        prev[1] = prev[0];
        prev[0] = token;
    }
    if (timeToken.empty()) {
        // Without the time field only where the file began that way: a timed file's
        // odd line stays an error.
        if ((samples_ == 0 && !inSample_) || timeless_) {
            if (Status st = parseTimelessHeader(line); st)
                return st;
        }
        return lineError("not a perf script sample (no 'SECONDS.FRACTION:' time field)");
    }
    if (timeless_)
        return lineError("a time field after samples without one");
    endSample();

    const bool haveCpu = isCpuToken(prev[0]);
    const std::string_view pidToken = haveCpu ? prev[1] : prev[0];
    std::int32_t pid = -1;
    std::int32_t tid = -1;
    const char *commEnd = haveCpu ? prev[0].data() : timeToken.data();
    if (!pidToken.empty() && parsePidTid(pidToken, pid, tid))
        commEnd = pidToken.data();
    else
        pid = tid = -1;
    const auto comm = trim(line.substr(0, static_cast<std::size_t>(commEnd - line.data())));

    // After the time: [period] [event:] [frame | tracepoint fields | PERF_RECORD_*].
    std::string_view after = rest;
    auto token = nextToken(after);
    std::uint64_t period = 0;
    if (allDigits(token)) {
        if (!parseUnsigned(token, period))
            return lineError("period " + std::string(token) + " is too large");
        rest = after;
        token = nextToken(after);
    }
    if (token.starts_with("PERF_RECORD_")) {
        if (token == "PERF_RECORD_LOST") {
            // "PERF_RECORD_LOST lost N"
            auto word = nextToken(after);
            std::uint64_t n = 0;
            if (word == "lost" && parseUnsigned(nextToken(after), n))
                lost_ += n;
        }
        return {}; // side-band record, not a sample
    }
    std::string_view event;
    if (!token.empty() && token.back() == ':') {
        event = token.substr(0, token.size() - 1);
        rest = after;
    }

    time_ = time;
    if (Status st = beginSample(pid, tid, comm, event, period); !st)
        return st;
    return parseInlineFrame(trim(rest));
}

Status PerfScriptParser::parseInlineFrame(std::string_view rest)
{
    // Without a callchain perf prints the sample's one frame on its header line.
    std::string_view probe = rest;
    const auto addr = nextToken(probe);
    if (rest.empty() || !isHexToken(addr) || trim(probe).empty())
        return {};
    auto frame = internFrameLine(rest);
    if (!frame)
        return frame.status();
    leafFirst_.push_back(frame.value());
    return {};
}

Status PerfScriptParser::parseTimelessHeader(std::string_view line)
{
    if (!isTimelessSampleLine(line))
        return makeError("not a sample line");
    endSample();
    std::string_view rest = line;
    std::string_view last[2];
    for (auto token = nextToken(rest); !token.empty(); token = nextToken(rest)) {
        last[1] = last[0];
        last[0] = token;
    }
    const std::string_view pidToken = isCpuToken(last[0]) ? last[1] : last[0];
    std::int32_t pid = -1;
    std::int32_t tid = -1;
    parsePidTid(pidToken, pid, tid);
    const auto comm = trim(line.substr(0, static_cast<std::size_t>(pidToken.data() - line.data())));
    timeless_ = true;
    time_ = static_cast<std::int64_t>(samples_);
    sampleLine_ = lineNo_;
    return beginSample(pid, tid, comm, {}, 0);
}

Status PerfScriptParser::framelessTimeless() const
{
    if (framelessTimelessLine_ == 0)
        return {};
    return makeError("line " + std::to_string(framelessTimelessLine_) +
                     ": not a perf script sample (no time field and no callchain line after it)");
}

void PerfScriptParser::setThread(std::int32_t pid, std::int32_t tid, std::string_view comm)
{
    if (haveThread_ && pid == lastPid_ && tid == lastTid_ && comm == lastComm_)
        return;
    thread_ = out_.internThread(pid, tid, comm);
    lastPid_ = pid;
    lastTid_ = tid;
    lastComm_.assign(comm);
    haveThread_ = true;
}

Status PerfScriptParser::beginSample(std::int32_t pid, std::int32_t tid, std::string_view comm, std::string_view event,
                                     std::uint64_t period)
{
    setThread(pid, tid, comm);
    if (!setEvent(event, period))
        return lineError("more events than a sample can name (65,535)");
    inSample_ = true;
    return {};
}

bool PerfScriptParser::setEvent(std::string_view name, std::uint64_t period)
{
    if (event_ >= events_.size() || events_[event_].name != name) {
        const auto it =
            std::find_if(events_.begin(), events_.end(), [&](const EventStats &e) { return e.name == name; });
        event_ = static_cast<std::size_t>(it - events_.begin());
        if (it == events_.end()) {
            if (events_.size() >= std::numeric_limits<std::uint16_t>::max())
                return false;
            events_.push_back({std::string(name), 0, 0});
        }
    }
    ++events_[event_].samples;
    events_[event_].period += period;
    return true;
}

Status PerfScriptParser::parseFrame(std::string_view text)
{
    if (!inSample_)
        return lineError("callchain line without a sample line before it");
    // Consecutive samples mostly repeat the previous callchain: comparing with the line
    // at the same depth last time is cheaper than hashing it.
    const std::size_t depth = leafFirst_.size();
    if (depth < lastLines_.size() && lastLines_[depth].first == text) {
        leafFirst_.push_back(lastLines_[depth].second);
        return {};
    }
    auto frame = internFrameLine(text);
    if (!frame)
        return frame.status();
    if (depth >= lastLines_.size())
        lastLines_.resize(depth + 1);
    lastLines_[depth].first.assign(text);
    lastLines_[depth].second = frame.value();
    leafFirst_.push_back(frame.value());
    return {};
}

Result<model::FrameId> PerfScriptParser::internFrameLine(std::string_view text)
{
    if (const auto it = frameCache_.find(text); it != frameCache_.end())
        return it->second;

    // "addr sym+0xoff (dso)"; sym may hold spaces and parentheses, dso may be
    // "(/path (deleted))", so the dso is the balanced group at the very end.
    std::string_view rest = text;
    const auto addrText = nextToken(rest);
    std::uint64_t addr = 0;
    if (!isHexToken(addrText) || !parseUnsigned(addrText, addr, 16)) {
        std::string shown(text.substr(0, 80));
        std::replace_if(
            shown.begin(), shown.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; }, ' ');
        return lineError("expected a callchain line 'ADDRESS SYMBOL (DSO)', got '" + shown + "'");
    }
    rest = trim(rest);
    std::string_view dso;
    std::string_view sym = rest;
    if (!rest.empty() && rest.back() == ')') {
        int depth = 0;
        std::size_t i = rest.size();
        while (i > 0) {
            --i;
            if (rest[i] == ')')
                ++depth;
            else if (rest[i] == '(' && --depth == 0)
                break;
        }
        if (depth == 0 && (i == 0 || isBlank(rest[i - 1]))) {
            dso = rest.substr(i + 1, rest.size() - i - 2);
            sym = trim(rest.substr(0, i));
        }
    }
    // Drop perf's "+0xOFFSET": frames are functions, not addresses.
    if (const auto plus = sym.rfind("+0x");
        plus != std::string_view::npos && plus > 0 && isHexToken(sym.substr(plus + 3)))
        sym = sym.substr(0, plus);

    auto kind = model::FrameKind::Native;
    bool inlined = false;
    if (dso.starts_with("[kernel") || addr >= kKernelStart || isKernelImage(dso))
        kind = model::FrameKind::Kernel;
    else if (isJitDso(dso))
        kind = model::FrameKind::Jit;
    // Modules are named as perfwb's own recorder names them (the file name of the
    // mapping, "[kernel]", "[jit]", "[unknown]"), so functions of a perf import and of
    // a perfwb recording are the same functions in a diff.
    std::string_view module = baseName(dso);
    if (kind == model::FrameKind::Kernel)
        module = "[kernel]";
    else if (kind == model::FrameKind::Jit)
        module = "[jit]";
    if (dso == "inlined") { // perf script --inline: the caller's module is on another line
        inlined = true;
        module = {};
    }

    std::string name;
    if (sym.empty() || sym == "[unknown]") {
        // Never an empty name: one frame per module (with --addresses, per address).
        name = model::unresolvedName(module, addr);
        sym = name;
    }
    const auto id = out_.internFrame(sym, module, {}, 0, kind, inlined);
    frameCache_.emplace(std::string(text), id);
    return id;
}

void PerfScriptParser::endSample()
{
    if (!inSample_)
        return;
    inSample_ = false;
    if (timeless_ && leafFirst_.empty() && framelessTimelessLine_ == 0)
        framelessTimelessLine_ = sampleLine_;
    rootFirst_.assign(leafFirst_.rbegin(), leafFirst_.rend());
    leafFirst_.clear();
    maxDepth_ = std::max(maxDepth_, rootFirst_.size());
    // Hot loops repeat the same stack sample after sample.
    if (!haveLastStack_ || rootFirst_ != lastRootFirst_) {
        lastStack_ = out_.stacks.internPath(rootFirst_);
        lastRootFirst_.swap(rootFirst_);
        haveLastStack_ = true;
    }
    out_.addSample(time_, thread_, lastStack_, 1, static_cast<std::uint16_t>(event_));
    firstTime_ = samples_ == 0 ? time_ : std::min(firstTime_, time_);
    lastTime_ = samples_ == 0 ? time_ : std::max(lastTime_, time_);
    ++samples_;
}

std::vector<const PerfScriptParser::EventStats *> PerfScriptParser::eventsInFileOrder() const
{
    // Events in the file's order (its "# event : name = X, ..." header lines, as the
    // native reader lists them), not in the order their first samples came.
    std::vector<std::string_view> declared;
    for (const auto &[key, value] : header_) {
        const std::string_view v = value;
        if (key == "event" && v.starts_with("name = "))
            declared.push_back(perf::eventBaseName(v.substr(7, v.find(',') - 7)));
    }
    std::vector<const EventStats *> ordered;
    for (const auto &e : events_)
        ordered.push_back(&e);
    const auto rank = [&declared](const EventStats *e) {
        return std::find(declared.begin(), declared.end(), perf::eventBaseName(e->name)) - declared.begin();
    };
    std::stable_sort(ordered.begin(), ordered.end(),
                     [&rank](const EventStats *a, const EventStats *b) { return rank(a) < rank(b); });
    return ordered;
}

void PerfScriptParser::fillEvents()
{
    auto &meta = out_.meta;
    std::string events;
    std::string rawEvents;
    std::uint64_t period = 0;
    // Samples name events in the order they first came; renumber them in the file's order.
    std::vector<std::uint16_t> renumber(events_.size(), 0);
    std::vector<model::EventType> sampled;
    for (const auto *event : eventsInFileOrder()) {
        const auto &e = *event;
        if (e.samples == 0)
            continue;
        renumber[static_cast<std::size_t>(event - events_.data())] = static_cast<std::uint16_t>(sampled.size());
        sampled.push_back({std::string(perf::eventBaseName(e.name)), model::WeightKind::Samples});
        events += (events.empty() ? "" : ",") + sampled.back().name;
        rawEvents += (rawEvents.empty() ? "" : ",") + e.name;
        period += e.period;
        if (events_.size() > 1)
            meta.extra["perf.samples." + sampled.back().name] = std::to_string(e.samples);
    }
    out_.samples.remapEvents(renumber);
    if (sampled.size() > 1)
        out_.events = std::move(sampled);
    meta.sampler.event = events;
    meta.extra["perf.event"] = rawEvents;
    if (period > 0)
        meta.extra["perf.period_total"] = std::to_string(period);
}

void PerfScriptParser::fillMetadata()
{
    auto &meta = out_.meta;
    fillEvents();
    meta.extra["perf.samples"] = std::to_string(samples_);
    meta.lostSamples += lost_;
    if (lost_ > 0)
        meta.extra["perf.lost_events"] = std::to_string(lost_);
    meta.durationNs = lastTime_ - firstTime_;
    if (timeless_)
        meta.extra["perf.time"] = "none: samples in file order, 1 ns apart";
    meta.weightUnit = model::WeightKind::Samples;
    if (meta.sampler.callGraph.empty() && maxDepth_ > 1)
        meta.sampler.callGraph = "fp";

    for (const auto &[key, value] : header_) {
        if (key == "hostname" && meta.host.empty()) {
            meta.host = value;
        } else if (key == "cmdline" && meta.commandLine.empty()) {
            // perf joined the words with spaces; that is as much as can be recovered.
            std::string_view rest = value;
            std::vector<std::string> words;
            for (auto word = nextToken(rest); !word.empty(); word = nextToken(rest))
                words.emplace_back(word);
            meta.setCommandLine(std::move(words));
        } else if (key == "perf version") {
            meta.extra["perf.version"] = value;
        } else if (key == "os release") {
            meta.extra["perf.os_release"] = value;
        } else if (key == "arch") {
            meta.extra["perf.arch"] = value;
        } else if (key == "cpudesc") {
            meta.extra["perf.cpu"] = value;
        } else if (key == "captured on") {
            meta.extra["perf.captured_on"] = value;
        } else if (key == "event") {
            // "name = cpu-clock:pppH, , id = { 47 }, type = 1, size = 128,
            //  { sample_period, sample_freq } = 999, sample_type = IP|TID|TIME|CALLCHAIN|PERIOD, ..., freq = 1"
            const std::string_view v = value;
            const auto freqKey = v.find("sample_freq } = ");
            std::uint64_t rate = 0;
            if (freqKey != std::string_view::npos) {
                std::string_view num = v.substr(freqKey + 16);
                num = num.substr(0, num.find(','));
                parseUnsigned(trim(num), rate);
            }
            if (rate > 0 && (v.find(", freq = 1") != std::string_view::npos))
                meta.sampler.frequencyHz = static_cast<int>(std::min<std::uint64_t>(rate, 1U << 30));
            else if (rate > 0)
                meta.extra["perf.sample_period"] = std::to_string(rate);
            // --call-graph=lbr: the call stack comes from the branch records
            // ("branch_sample_type = USER|CALL_STACK|...").
            const auto branch = v.find("branch_sample_type = ");
            if (branch != std::string_view::npos && v.find("CALL_STACK", branch) != std::string_view::npos)
                meta.sampler.callGraph = "lbr";
            else if (v.find("STACK_USER") != std::string_view::npos)
                meta.sampler.callGraph = "dwarf";
            else if (v.find("CALLCHAIN") != std::string_view::npos)
                meta.sampler.callGraph = "fp";
        }
    }
}

} // namespace perfwb::formats
