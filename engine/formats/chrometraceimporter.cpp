// SPDX-License-Identifier: GPL-3.0-or-later
#include "chrometraceimporter.h"

#include "chromejson.h"
#include "traceslices.h"
#include "v8cpuprofile.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <vector>

namespace perfwb::formats {

using chromejson::describe;
using chromejson::fail;

namespace {

using ThreadKey = std::pair<std::int32_t, std::int32_t>; // pid, tid

struct Boundary { // a "B" or "E" event
    std::int64_t ns = 0;
    std::uint32_t seq = 0;
    bool begin = false;
    model::FrameId frame = 0;
    model::StringId category = 0;
};

struct ThreadEvents {
    std::vector<TraceSlice> slices; // "X" events, then matched B/E pairs
    std::vector<Boundary> boundaries;
    std::int64_t lastNs = std::numeric_limits<std::int64_t>::min();
};

// A sampled profile: a "Profile" event and its "ProfileChunk"s, or one old "CpuProfile".
struct SampledProfile {
    ThreadKey thread;
    bool hasProfileEvent = false;
    std::int64_t startNs = 0;
    bool hasStart = false;
    std::vector<qsizetype> chunks; // event indexes, in file order
    qsizetype cpuProfileEvent = -1;
    std::unique_ptr<V8CpuProfile> built;
};

class TraceReader {
public:
    TraceReader(model::Profile &out, std::string prefix)
        : out_(out)
        , prefix_(std::move(prefix))
    {}

    Status read(const QJsonArray &events, const QJsonObject &root)
    {
        events_ = events;
        readOtherData(root);
        for (qsizetype i = 0; i < events.size(); ++i) {
            if (Status st = readEvent(i); !st)
                return st;
        }
        if (Status st = buildProfiles(); !st)
            return st;
        buildSlices();
        return finish();
    }

private:
    std::string at(qsizetype index, std::string_view field = {}) const
    {
        std::string p = prefix_ + "[" + std::to_string(index) + "]";
        if (!field.empty())
            p += "." + std::string(field);
        return p;
    }

    void readOtherData(const QJsonObject &root)
    {
        const auto other = root.value(QLatin1String("otherData")).toObject();
        perfwbFile_ = other.value(QLatin1String("tool")).toString() == QLatin1String("perfwb");
        int kept = 0;
        for (auto it = other.begin(); it != other.end() && kept < 32; ++it) {
            if (!it.value().isString())
                continue;
            out_.meta.extra["chrome-trace." + it.key().left(60).toStdString()] =
                it.value().toString().left(200).toStdString();
            ++kept;
        }
    }

    // pid and tid: integers (or digit strings, as some converters write them); 0 if absent.
    Result<std::int32_t> idField(const QJsonObject &e, const char *key, qsizetype index) const
    {
        const auto v = e.value(QLatin1String(key));
        if (v.isUndefined())
            return 0;
        if (v.isString()) {
            bool ok = false;
            const int n = v.toString().toInt(&ok);
            if (ok)
                return n;
        }
        const auto n =
            chromejson::integer(v, std::numeric_limits<std::int32_t>::min(), std::numeric_limits<std::int32_t>::max());
        if (!n)
            return fail(at(index, key), "expected an integer id, got " + describe(v));
        return static_cast<std::int32_t>(*n);
    }

    Result<std::int64_t> timeField(const QJsonObject &e, const char *key, qsizetype index) const
    {
        const auto v = e.value(QLatin1String(key));
        const auto ns = chromejson::microsToNanos(v);
        if (!ns)
            return fail(at(index, key), "expected a time in microseconds, got " + describe(v));
        return *ns;
    }

    model::FrameId frameFor(const QJsonObject &e)
    {
        QString name = e.value(QLatin1String("name")).toString();
        if (name.isEmpty())
            name = QStringLiteral("(unnamed)");
        const std::string module =
            e.value(QLatin1String("args")).toObject().value(QLatin1String("module")).toString().toStdString();
        const auto kind = module.starts_with("[kernel") ? model::FrameKind::Kernel : model::FrameKind::Native;
        return out_.internFrame(name.toStdString(), module, {}, 0, kind);
    }

    model::StringId category(const QJsonObject &e)
    {
        return out_.strings.intern(e.value(QLatin1String("cat")).toString().toStdString());
    }

    Status readEvent(qsizetype index)
    {
        const auto value = events_.at(index);
        if (!value.isObject())
            return fail(at(index), "expected an event object, got " + describe(value));
        const auto e = value.toObject();
        const auto phValue = e.value(QLatin1String("ph"));
        if (!phValue.isString())
            return fail(at(index, "ph"), "expected an event type, got " + describe(phValue));
        const QString ph = phValue.toString();
        if (ph.size() != 1)
            return {}; // not a phase this reader knows
        const char phase = static_cast<char>(ph.at(0).toLatin1());
        if (std::string_view("MBEXiIRP").find(phase) == std::string_view::npos)
            return {}; // async, flow, counter, object, ... events
        auto pid = idField(e, "pid", index);
        if (!pid)
            return pid.status();
        auto tid = idField(e, "tid", index);
        if (!tid)
            return tid.status();
        const ThreadKey key{pid.value(), tid.value()};
        const QString name = e.value(QLatin1String("name")).toString();
        if (phase == 'M')
            return readMetadata(e, name, key);

        auto ts = timeField(e, "ts", index);
        if (!ts)
            return ts.status();
        const auto seq = static_cast<std::uint32_t>(index);
        if (name == QLatin1String("CpuProfile") || phase == 'P')
            return readProfileEvent(e, name, key, ts.value(), index);
        if (phase == 'i' || phase == 'I' || phase == 'R') {
            const QString scope = e.value(QLatin1String("s")).toString();
            const bool global = scope == QLatin1String("g") || scope == QLatin1String("p");
            out_.marks.push_back({name.toStdString(), e.value(QLatin1String("cat")).toString().toStdString(),
                                  ts.value(), ts.value(), global ? 0 : key.second});
            return {};
        }
        ThreadEvents &thread = threads_[key];
        thread.lastNs = std::max(thread.lastNs, ts.value());
        if (phase == 'X') {
            auto dur = timeField(e, "dur", index);
            if (!dur)
                return dur.status();
            if (dur.value() < 0)
                return fail(at(index, "dur"),
                            "negative duration " + chromejson::numberText(e.value(QLatin1String("dur")).toDouble()));
            const std::int64_t end = ts.value() + dur.value();
            thread.lastNs = std::max(thread.lastNs, end);
            const QString cat = e.value(QLatin1String("cat")).toString();
            if (perfwbFile_ && cat != QLatin1String("sample")) {
                out_.marks.push_back({name.toStdString(), cat.toStdString(), ts.value(), end, key.second});
                return {};
            }
            thread.slices.push_back({ts.value(), end, frameFor(e), category(e), seq, true});
            return {};
        }
        const bool begin = phase == 'B';
        thread.boundaries.push_back({ts.value(), seq, begin, begin ? frameFor(e) : 0, begin ? category(e) : 0});
        return {};
    }

    Status readMetadata(const QJsonObject &e, const QString &name, ThreadKey key)
    {
        const QString value = e.value(QLatin1String("args")).toObject().value(QLatin1String("name")).toString();
        if (value.isEmpty())
            return {};
        if (name == QLatin1String("thread_name"))
            threadNames_[key] = value.toStdString();
        else if (name == QLatin1String("process_name"))
            processNames_[key.first] = value.toStdString();
        return {};
    }

    Status readProfileEvent(const QJsonObject &e, const QString &name, ThreadKey key, std::int64_t ts, qsizetype index)
    {
        if (name == QLatin1String("CpuProfile")) {
            auto &p = profiles_.emplace_back();
            p.thread = key;
            p.hasProfileEvent = true;
            p.cpuProfileEvent = index;
            return {};
        }
        if (name != QLatin1String("Profile") && name != QLatin1String("ProfileChunk"))
            return {};
        const auto idValue = e.value(QLatin1String("id"));
        QString id;
        if (idValue.isString())
            id = idValue.toString();
        else if (const auto n = chromejson::integer(idValue))
            id = QString::number(*n);
        else
            return fail(at(index, "id"), "expected a profile id, got " + describe(idValue));
        const auto [it, added] = profileIndex_.try_emplace({key.first, id}, profiles_.size());
        if (added) {
            profiles_.emplace_back().thread = key;
        }
        SampledProfile &p = profiles_[it->second];
        if (name == QLatin1String("ProfileChunk")) {
            p.chunks.push_back(index);
            if (!p.hasStart) { // no Profile event (yet): its first chunk is the best start we have
                p.startNs = ts;
            }
            return {};
        }
        if (p.hasProfileEvent)
            return fail(at(index, "id"), "a second Profile event with id \"" + chromejson::shown(id) + "\"");
        p.hasProfileEvent = true;
        p.thread = key;
        const auto start = e.value(QLatin1String("args"))
                               .toObject()
                               .value(QLatin1String("data"))
                               .toObject()
                               .value(QLatin1String("startTime"));
        const auto startNs = start.isUndefined() ? std::optional<std::int64_t>(ts) : chromejson::microsToNanos(start);
        if (!startNs)
            return fail(at(index, "args.data.startTime"), "expected a time in microseconds, got " + describe(start));
        p.startNs = *startNs;
        p.hasStart = true;
        return {};
    }

    Status buildChunk(V8CpuProfile &profile, qsizetype index)
    {
        const auto data =
            events_.at(index).toObject().value(QLatin1String("args")).toObject().value(QLatin1String("data"));
        if (!data.isObject())
            return fail(at(index, "args.data"), "expected an object, got " + describe(data));
        const auto d = data.toObject();
        const auto cpuProfile = d.value(QLatin1String("cpuProfile")).toObject();
        const auto nodes = cpuProfile.value(QLatin1String("nodes"));
        if (!nodes.isUndefined()) {
            if (Status st = profile.addNodes(nodes, at(index, "args.data.cpuProfile.nodes")); !st)
                return st;
        }
        const auto samples = cpuProfile.value(QLatin1String("samples"));
        if (!samples.isUndefined()) {
            auto deltas = d.value(QLatin1String("timeDeltas"));
            std::string deltasPath = at(index, "args.data.timeDeltas");
            if (deltas.isUndefined()) {
                deltas = cpuProfile.value(QLatin1String("timeDeltas"));
                deltasPath = at(index, "args.data.cpuProfile.timeDeltas");
            }
            if (Status st = profile.addSamples(samples, deltas, at(index, "args.data.cpuProfile.samples"), deltasPath);
                !st)
                return st;
        }
        const auto end = d.value(QLatin1String("endTime"));
        if (!end.isUndefined()) {
            const auto endNs = chromejson::microsToNanos(end);
            if (!endNs)
                return fail(at(index, "args.data.endTime"), "expected a time in microseconds, got " + describe(end));
            profile.setEndNs(*endNs);
        }
        return {};
    }

    // The old single-event form: a whole .cpuprofile in args.data.cpuProfile.
    Status buildCpuProfileEvent(V8CpuProfile &profile, qsizetype index)
    {
        const auto p = events_.at(index)
                           .toObject()
                           .value(QLatin1String("args"))
                           .toObject()
                           .value(QLatin1String("data"))
                           .toObject()
                           .value(QLatin1String("cpuProfile"));
        if (!p.isObject())
            return fail(at(index, "args.data.cpuProfile"), "expected an object, got " + describe(p));
        const auto o = p.toObject();
        for (const auto &[key, setter] :
             {std::pair{"startTime", &V8CpuProfile::setStartNs}, std::pair{"endTime", &V8CpuProfile::setEndNs}}) {
            const auto v = o.value(QLatin1String(key));
            const auto ns = chromejson::microsToNanos(v);
            if (!ns)
                return fail(at(index, std::string("args.data.cpuProfile.") + key),
                            "expected a time in microseconds, got " + describe(v));
            (profile.*setter)(*ns);
        }
        if (Status st = profile.addNodes(o.value(QLatin1String("nodes")), at(index, "args.data.cpuProfile.nodes")); !st)
            return st;
        return profile.addSamples(o.value(QLatin1String("samples")), o.value(QLatin1String("timeDeltas")),
                                  at(index, "args.data.cpuProfile.samples"),
                                  at(index, "args.data.cpuProfile.timeDeltas"));
    }

    Status buildProfiles()
    {
        std::map<ThreadKey, std::size_t> best; // thread -> profile with the most samples
        for (std::size_t i = 0; i < profiles_.size(); ++i) {
            SampledProfile &p = profiles_[i];
            p.built = std::make_unique<V8CpuProfile>(out_);
            if (p.cpuProfileEvent >= 0) {
                if (Status st = buildCpuProfileEvent(*p.built, p.cpuProfileEvent); !st)
                    return st;
            } else {
                p.built->setStartNs(p.startNs);
                for (const qsizetype chunk : p.chunks) {
                    if (Status st = buildChunk(*p.built, chunk); !st)
                        return st;
                }
            }
            if (p.built->sampleCount() == 0)
                continue;
            const auto [it, added] = best.try_emplace(p.thread, i);
            if (!added) {
                ++skippedProfiles_;
                if (p.built->sampleCount() > profiles_[it->second].built->sampleCount())
                    it->second = i;
            }
        }
        for (const auto &[key, index] : best) {
            sampledThreads_.insert(key);
            if (Status st = profiles_[index].built->emit(thread(key)); !st)
                return st;
        }
        return {};
    }

    model::ThreadIndex thread(ThreadKey key)
    {
        const auto name = threadNames_.find(key);
        return out_.internThread(key.first, key.second, name == threadNames_.end() ? std::string() : name->second);
    }

    // B/E pairs to slices, then slices to samples (or marks on sampled threads).
    void buildSlices()
    {
        for (auto &[key, events] : threads_) {
            std::stable_sort(events.boundaries.begin(), events.boundaries.end(),
                             [](const Boundary &a, const Boundary &b) { return a.ns < b.ns; });
            std::vector<const Boundary *> open;
            for (const Boundary &b : events.boundaries) {
                if (b.begin) {
                    open.push_back(&b);
                } else if (open.empty()) {
                    ++unmatchedEnds_;
                } else {
                    const Boundary &begin = *open.back();
                    open.pop_back();
                    events.slices.push_back(
                        {begin.ns, std::max(b.ns, begin.ns), begin.frame, begin.category, begin.seq, false});
                }
            }
            for (const Boundary *b : open) {
                ++unclosedBegins_;
                events.slices.push_back({b->ns, std::max(events.lastNs, b->ns), b->frame, b->category, b->seq, false});
            }
            if (events.slices.empty())
                continue;
            if (sampledThreads_.count(key) != 0) {
                for (const TraceSlice &s : events.slices)
                    out_.marks.push_back({std::string(out_.functionName(s.frame)),
                                          std::string(out_.strings.view(s.category)), s.startNs, s.endNs, key.second});
                continue;
            }
            addSliceSamples(events.slices, out_, thread(key));
        }
    }

    Status finish()
    {
        if (out_.samples.empty())
            return makeError("no samples: the trace has no duration events (\"X\", \"B\"/\"E\") and no sampled "
                             "CPU profile (not a profiling trace?)");
        for (const auto &[pid, name] : processNames_) {
            model::ProcessInfo info;
            info.pid = pid;
            info.name = out_.strings.intern(name);
            out_.processes.push_back(info);
        }
        auto &meta = out_.meta;
        meta.sourceFormat = "chrome-trace";
        meta.weightUnit = model::WeightKind::Nanoseconds;
        std::int64_t first = std::numeric_limits<std::int64_t>::max();
        std::int64_t last = std::numeric_limits<std::int64_t>::min();
        for (std::size_t i = 0; i < out_.samples.size(); ++i) {
            first = std::min(first, out_.samples.time(i));
            last = std::max(last, out_.samples.time(i) + static_cast<std::int64_t>(out_.samples.weight(i)));
        }
        meta.durationNs = last - first;
        for (const auto &[key, count] : {std::pair{"chrome-trace.skipped_profiles", skippedProfiles_},
                                         std::pair{"chrome-trace.unmatched_ends", unmatchedEnds_},
                                         std::pair{"chrome-trace.unclosed_begins", unclosedBegins_}}) {
            if (count > 0)
                meta.extra[key] = std::to_string(count);
        }
        return {};
    }

    model::Profile &out_;
    std::string prefix_;
    QJsonArray events_;
    bool perfwbFile_ = false;
    std::map<ThreadKey, ThreadEvents> threads_;
    std::map<ThreadKey, std::string> threadNames_;
    std::map<std::int32_t, std::string> processNames_;
    std::vector<SampledProfile> profiles_;
    std::map<std::pair<std::int32_t, QString>, std::size_t> profileIndex_;
    std::set<ThreadKey> sampledThreads_;
    std::size_t skippedProfiles_ = 0;
    std::size_t unmatchedEnds_ = 0;
    std::size_t unclosedBegins_ = 0;
};

// `"traceEvents"` as a key whose value is an array.
bool hasTraceEventsKey(std::string_view head)
{
    std::size_t pos = 0;
    while ((pos = head.find("\"traceEvents\"", pos)) != std::string_view::npos) {
        pos += 13;
        auto next = head.find_first_not_of(" \t\r\n", pos);
        if (next == std::string_view::npos || head[next] != ':')
            continue;
        next = head.find_first_not_of(" \t\r\n", next + 1);
        if (next != std::string_view::npos && head[next] == '[')
            return true;
    }
    return false;
}

} // namespace

int ChromeTraceImporter::sniff(std::string_view head) const
{
    const char first = chromejson::firstCharacter(head);
    if (first == '{') {
        if (hasTraceEventsKey(head))
            return 98;
        return head.find("\"ph\"") != std::string_view::npos && head.find("\"ts\"") != std::string_view::npos ? 60 : 0;
    }
    if (first == '[') {
        const auto open = head.find('[');
        const auto next = head.find_first_not_of(" \t\r\n", open + 1);
        if (next != std::string_view::npos && head[next] == '{' && head.find("\"ph\"") != std::string_view::npos)
            return 90;
    }
    return 0;
}

Status ChromeTraceImporter::parse(std::string_view data, model::Profile &out) const
{
    auto doc = chromejson::parse(data, "a Chrome trace");
    if (!doc && chromejson::firstCharacter(data) == '[') {
        // The array form may end without its ']' (a trace cut off while it was written).
        std::string_view body = data;
        while (!body.empty() && std::string_view(" \t\r\n,").find(body.back()) != std::string_view::npos)
            body.remove_suffix(1);
        auto closed = chromejson::parse(std::string(body) + "]", "a Chrome trace");
        if (closed)
            doc = std::move(closed);
    }
    if (!doc)
        return doc.status();
    if (doc->isArray())
        return TraceReader(out, "").read(doc->array(), QJsonObject());
    const auto root = doc->object();
    const auto events = root.value(QLatin1String("traceEvents"));
    if (events.isUndefined())
        return fail("traceEvents", "missing (not a Chrome trace?)");
    if (!events.isArray())
        return fail("traceEvents", "expected an array, got " + describe(events));
    return TraceReader(out, "traceEvents").read(events.toArray(), root);
}

} // namespace perfwb::formats
