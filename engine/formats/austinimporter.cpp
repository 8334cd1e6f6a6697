// SPDX-License-Identifier: GPL-3.0-or-later
#include "austinimporter.h"

#include "textlines.h"

#include "austinsampleline.h"

#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace perfwb::formats {

namespace {

using textlines::trim;

enum class Mode { Unknown, Wall, Cpu, Memory, Full };

std::string_view modeName(Mode m)
{
    switch (m) {
    case Mode::Wall:
        return "wall";
    case Mode::Cpu:
        return "cpu";
    case Mode::Memory:
        return "memory";
    case Mode::Full:
        return "full";
    case Mode::Unknown:
        break;
    }
    return "unknown";
}

bool allDigits(std::string_view s)
{
    return !s.empty() && s.size() <= 18 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::int64_t digitsValue(std::string_view s)
{
    std::int64_t v = 0;
    for (const char c : s)
        v = v * 10 + (c - '0');
    return v;
}

// A piece of the file for an error message: short, without control bytes.
std::string shown(std::string_view s)
{
    std::string out(s.substr(0, 60));
    for (auto &c : out) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            c = ' ';
    }
    return s.size() > 60 ? out + "..." : out;
}

Error lineError(std::size_t lineNo, const std::string &what)
{
    return makeError("line " + std::to_string(lineNo) + ": " + what);
}

struct FrameKey {
    AustinFrameText::Kind kind;
    std::string_view function;
    std::string_view file;
    std::uint32_t line;
    bool operator==(const FrameKey &) const = default;
};

struct FrameKeyHash {
    std::size_t operator()(const FrameKey &k) const
    {
        const std::hash<std::string_view> h;
        return h(k.function) ^ (h(k.file) * 31) ^ (std::size_t(k.line) * 1000003) ^ std::size_t(k.kind);
    }
};

// Reads the file line by line into the profile. Views into the data stay valid for the
// whole parse, so frames are cached by views.
class AustinReader {
public:
    AustinReader(model::Profile &out, bool memoryVariant)
        : out_(out)
        , memoryVariant_(memoryVariant)
    {}

    Status line(std::string_view text, std::size_t lineNo)
    {
        text = trim(text);
        if (text.empty())
            return {};
        if (text.front() == '#')
            return metadata(text, lineNo);
        if (Status st = sample(text); !st)
            return lineError(lineNo, st.message());
        return {};
    }

    Status finish()
    {
        if (sampleLines_ == 0)
            return makeError("no samples found (expected lines like 'P42;T42;script.py:main:3 1000' or "
                             "'Thread 7f3a;main (script.py);L3 1000')");
        auto &meta = out_.meta;
        meta.sourceFormat = "austin";
        meta.weightUnit = mode_ == Mode::Memory ? model::WeightKind::Bytes : model::WeightKind::Nanoseconds;
        meta.sampler.event = std::string(modeName(mode_));
        if (durationUs_ >= 0)
            meta.durationNs = durationUs_ * 1000;
        else if (mode_ != Mode::Memory)
            meta.durationNs = clockNs_ + roundNs_;
        meta.extra["austin.mode"] = std::string(modeName(mode_));
        meta.extra["austin.output"] = dialect_ == 1   ? "austin 1 (Thread lines)"
                                      : dialect_ == 2 ? "austin 2 (P;T lines, no header)"
                                                      : "austin 3 or later";
        if (badSamples_ > 0)
            meta.extra["austin.bad_samples"] = std::to_string(badSamples_);
        if (mode_ == Mode::Memory || mode_ == Mode::Full)
            meta.extra["austin.released_bytes"] = std::to_string(releasedBytes_);
        if (idleNs_ > 0)
            meta.extra["austin.idle_ns"] = std::to_string(idleNs_);
        return {};
    }

private:
    Status metadata(std::string_view text, std::size_t lineNo)
    {
        text.remove_prefix(1);
        const auto colon = text.find(':');
        if (colon == std::string_view::npos)
            return {}; // a comment, not a "key: value" line
        const auto key = trim(text.substr(0, colon));
        const auto value = trim(text.substr(colon + 1));
        if (key.empty())
            return {};
        if (key == "austin") {
            if (sampleLines_ > 0)
                return lineError(lineNo, "'# austin:' header after the first sample");
            dialect_ = 3;
            out_.meta.extra["austin.version"] = std::string(value);
            return {};
        }
        if (key == "mode") {
            Mode m = Mode::Unknown;
            if (value == "wall")
                m = Mode::Wall;
            else if (value == "cpu")
                m = Mode::Cpu;
            else if (value == "memory")
                m = Mode::Memory;
            else if (value == "full")
                m = Mode::Full;
            else
                return lineError(lineNo,
                                 "unknown austin mode '" + shown(value) + "' (expected wall, cpu, memory or full)");
            if (sampleLines_ > 0 && m != mode_)
                return lineError(lineNo, "'# mode: " + shown(value) + "' after samples read as " +
                                             std::string(modeName(mode_)));
            mode_ = m;
            expectedMetrics_ = m == Mode::Full ? 3 : 1;
            return {};
        }
        if (key == "interval" && allDigits(value) && digitsValue(value) > 0)
            out_.meta.sampler.frequencyHz = static_cast<int>(std::max<std::int64_t>(1, 1000000 / digitsValue(value)));
        if (key == "duration" && allDigits(value))
            durationUs_ = digitsValue(value);
        out_.meta.extra["austin." + std::string(key)] = std::string(value);
        return {};
    }

    // One line's metrics in profile units.
    struct Metrics {
        std::int64_t timeNs = 0;
        std::uint64_t grownBytes = 0;    // memory growth
        std::uint64_t releasedBytes = 0; // memory released
        bool idle = false;
    };

    Status sample(std::string_view text)
    {
        if (Status st = AustinSampleLine::parse(text, expectedMetrics_, s_); !st)
            return st;
        if (sampleLines_ == 0 && dialect_ == 0)
            dialect_ = s_.hasPid ? 2 : 1;
        if (mode_ == Mode::Unknown) {
            // No "# mode:" header (austin 1 and 2): three metrics are full mode, one is time
            // unless the importer was told it is memory.
            mode_ = s_.metricCount == 3 ? Mode::Full : memoryVariant_ ? Mode::Memory : Mode::Wall;
            expectedMetrics_ = s_.metricCount;
        }
        ++sampleLines_;
        const bool bad = std::any_of(s_.frames.begin(), s_.frames.end(),
                                     [](const AustinFrameText &f) { return f.kind == AustinFrameText::Kind::Bad; });
        Metrics m;
        if (Status st = metricsOf(bad, m); !st)
            return st;
        if (bad)
            ++badSamples_;
        const auto thread = threadOf(s_);
        const auto stack = stackOf(s_, m.idle && mode_ == Mode::Full);
        auto when = sampleTime(thread, m.timeNs);
        if (!when)
            return when.status();
        const std::uint64_t weight = mode_ == Mode::Memory ? m.grownBytes : static_cast<std::uint64_t>(m.timeNs);
        if (weight > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) - total_)
            return makeError("the metrics add up to more than 2^63");
        total_ += weight;
        if (weight > 0)
            out_.addSample(when.value(), thread, stack, weight);
        if (m.idle)
            idleNs_ += static_cast<std::uint64_t>(m.timeNs);
        if (m.grownBytes > 0 && (mode_ == Mode::Memory || mode_ == Mode::Full)) {
            auto &totals = out_.allocations.totals;
            if (m.grownBytes > std::numeric_limits<std::uint64_t>::max() - totals.bytes)
                return makeError("the memory metrics add up to more than 2^64 bytes");
            auto &row = out_.allocations.row(stack);
            row.calls += 1;
            row.bytes += m.grownBytes;
            totals.calls += 1;
            totals.bytes += m.grownBytes;
        }
        // only a statistic: saturate rather than fail
        releasedBytes_ = m.releasedBytes > std::numeric_limits<std::uint64_t>::max() - releasedBytes_
                             ? std::numeric_limits<std::uint64_t>::max()
                             : releasedBytes_ + m.releasedBytes;
        return {};
    }

    Status metricsOf(bool bad, Metrics &m) const
    {
        std::int64_t time = 0;
        std::int64_t grown = 0;    // in the file's unit
        std::int64_t released = 0; // negative
        const auto &v = s_.metrics;
        if (bad && s_.metricCount == 1) {
            // austin 1 gives a bad sample its time only, whatever the mode
            if (mode_ != Mode::Memory)
                time = v[0];
        } else if (mode_ == Mode::Memory) {
            (v[0] >= 0 ? grown : released) = v[0];
        } else {
            time = v[0];
            if (mode_ == Mode::Full && s_.commaMetrics) {
                if (v[1] != 0 && v[1] != 1)
                    return makeError("idle flag " + std::to_string(v[1]) + " is not 0 or 1");
                m.idle = v[1] == 1;
                (v[2] >= 0 ? grown : released) = v[2];
            } else if (mode_ == Mode::Full) {
                if (v[1] < 0 || v[2] > 0)
                    return makeError("full-mode metrics must be 'time +memory -memory', got " + std::to_string(v[1]) +
                                     " and " + std::to_string(v[2]));
                grown = v[1];
                released = v[2];
            }
        }
        if (time < 0)
            return makeError("negative time " + std::to_string(time));
        constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
        if (time > kMax / 1000)
            return makeError("time " + std::to_string(time) + " is out of range");
        // austin 1 measures memory in KiB; austin 2 and 3 in bytes.
        const std::int64_t unit = dialect_ == 1 ? 1024 : 1;
        if (grown > kMax / unit || released < -(kMax / unit))
            return makeError("memory " + std::to_string(grown != 0 ? grown : released) + " is out of range");
        m.timeNs = time * 1000;
        m.grownBytes = static_cast<std::uint64_t>(grown * unit);
        m.releasedBytes = static_cast<std::uint64_t>(-released * unit);
        return {};
    }

    // Time modes: one austin "round" samples every thread once, each with the round's
    // time, so a thread seen again starts the next round. Memory mode: the line's index.
    Result<std::int64_t> sampleTime(model::ThreadIndex thread, std::int64_t timeNs)
    {
        if (mode_ == Mode::Memory)
            return static_cast<std::int64_t>(sampleLines_ - 1);
        if (roundOf_.size() <= thread)
            roundOf_.resize(thread + 1, 0);
        if (roundOf_[thread] == round_) {
            ++round_;
            if (clockNs_ > std::numeric_limits<std::int64_t>::max() - roundNs_)
                return makeError("the times add up to more than 2^63 ns");
            clockNs_ += roundNs_;
            roundNs_ = 0;
        }
        roundOf_[thread] = round_;
        roundNs_ = std::max(roundNs_, timeNs);
        return clockNs_;
    }

    model::ThreadIndex threadOf(const AustinSampleLine &s)
    {
        const auto key = std::make_pair(s.pid, s.thread);
        if (const auto it = threads_.find(key); it != threads_.end())
            return it->second;
        std::string_view tidText = s.thread;
        std::string_view iid;
        if (const auto colon = tidText.find(':'); colon != std::string_view::npos && s.hasPid) {
            iid = tidText.substr(0, colon);
            tidText = tidText.substr(colon + 1);
        }
        std::string name;
        std::int32_t tid = 0;
        // austin 3 writes the OS thread id in decimal; austin 1 and 2 a hex pthread id,
        // which does not fit a tid: those threads are numbered 1, 2, ... instead.
        const bool decimal = allDigits(tidText) && tidText.size() <= 10 &&
                             digitsValue(tidText) <= std::numeric_limits<std::int32_t>::max();
        if (decimal) {
            tid = static_cast<std::int32_t>(digitsValue(tidText));
            name = "thread " + std::string(tidText);
        } else {
            do {
                tid = ++lastOrdinal_;
            } while (usedTids_.count({s.pid, tid}) != 0);
            name = tidText.empty() ? "[unknown thread]" : "thread 0x" + shown(tidText);
        }
        if (!iid.empty() && iid != "0")
            name += " (interpreter " + shown(iid) + ")";
        const bool known = usedTids_.count({s.pid, tid}) != 0;
        usedTids_.insert({s.pid, tid});
        const auto index = out_.internThread(s.pid, tid, known ? std::string_view{} : std::string_view(name));
        threads_.emplace(key, index);
        return index;
    }

    model::StackId stackOf(const AustinSampleLine &s, bool idleLeaf)
    {
        path_.clear();
        for (const auto &f : s.frames)
            path_.push_back(frameOf(f));
        if (idleLeaf)
            path_.push_back(frameOf({AustinFrameText::Kind::Idle, {}, {}, 0}));
        return out_.stacks.internPath(path_);
    }

    model::FrameId frameOf(const AustinFrameText &f)
    {
        const FrameKey key{f.kind, f.function, f.file, f.line};
        if (const auto it = frames_.find(key); it != frames_.end())
            return it->second;
        model::FrameId id = 0;
        switch (f.kind) {
        case AustinFrameText::Kind::Code:
            id = out_.internFrame(f.function.empty() ? std::string_view("[unknown]") : f.function, f.file, f.file,
                                  f.line, model::FrameKind::Python);
            break;
        case AustinFrameText::Kind::Idle:
            id = out_.internFrame("<idle>");
            break;
        case AustinFrameText::Kind::Invalid:
            id = out_.internFrame("[invalid frame]");
            break;
        case AustinFrameText::Kind::Gc:
            id = out_.internFrame("[garbage collection]");
            break;
        case AustinFrameText::Kind::Bad:
            id = out_.internFrame("[bad sample]");
            break;
        }
        frames_.emplace(key, id);
        return id;
    }

    model::Profile &out_;
    const bool memoryVariant_;
    Mode mode_ = Mode::Unknown;
    int expectedMetrics_ = 0;
    int dialect_ = 0; // 1, 2 or 3 (see AustinSampleLine)
    AustinSampleLine s_;
    std::size_t sampleLines_ = 0;
    std::size_t badSamples_ = 0;
    std::int64_t durationUs_ = -1;
    std::int64_t clockNs_ = 0;
    std::int64_t roundNs_ = 0;
    std::uint32_t round_ = 1;
    std::vector<std::uint32_t> roundOf_; // per thread: the round it was last sampled in
    std::uint64_t total_ = 0;
    std::uint64_t releasedBytes_ = 0;
    std::uint64_t idleNs_ = 0;
    std::int32_t lastOrdinal_ = 0;
    std::map<std::pair<std::int32_t, std::string_view>, model::ThreadIndex> threads_;
    std::set<std::pair<std::int32_t, std::int32_t>> usedTids_;
    std::unordered_map<FrameKey, model::FrameId, FrameKeyHash> frames_;
    std::vector<model::FrameId> path_;
};

} // namespace

int AustinImporter::sniff(std::string_view head) const
{
    if (variant_ == Variant::Memory)
        return 0; // only on request: the content looks the same as a time profile
    // The head may end in the middle of a line: judge complete lines only.
    head = textlines::completeLines(head);
    AustinSampleLine s;
    std::size_t lines = 0;
    std::size_t good = 0;
    textlines::LineCursor cursor(head);
    std::string_view line;
    while (cursor.next(line)) {
        if (line.starts_with("# austin: "))
            return 100;
        if (line.front() == '#')
            continue;
        ++lines;
        if (AustinSampleLine::parse(line, 0, s).isOk())
            ++good;
    }
    // Above FoldedImporter's 80: austin's lines are folded stacks too, with a P/T or
    // "Thread" head folded stacks never have.
    return lines > 0 && good * 10 >= lines * 9 ? 90 : 0;
}

Status AustinImporter::parse(std::string_view data, model::Profile &out) const
{
    AustinReader reader(out, variant_ == Variant::Memory);
    std::size_t lineNo = 0;
    std::size_t pos = 0;
    while (pos < data.size()) {
        auto nl = data.find('\n', pos);
        if (nl == std::string_view::npos)
            nl = data.size();
        ++lineNo;
        if (Status st = reader.line(data.substr(pos, nl - pos), lineNo); !st)
            return st;
        pos = nl + 1;
    }
    return reader.finish();
}

} // namespace perfwb::formats
