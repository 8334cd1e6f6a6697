// SPDX-License-Identifier: GPL-3.0-or-later
#include "speedscopeimporter.h"

#include "jsonimportsupport.h"
#include "pythonlocation.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

#include <cmath>
#include <limits>
#include <optional>
#include <set>
#include <vector>

namespace perfwb::formats {

namespace {

struct Unit {
    model::WeightKind weightUnit; // RunMetadata::weightUnit
    double factor = 1;            // to that unit
    bool isTime = false;
};

std::optional<Unit> unitFor(const QString &name)
{
    if (name == QLatin1String("none"))
        return Unit{model::WeightKind::Samples, 1, false};
    if (name == QLatin1String("bytes"))
        return Unit{model::WeightKind::Bytes, 1, false};
    if (name == QLatin1String("nanoseconds"))
        return Unit{model::WeightKind::Nanoseconds, 1, true};
    if (name == QLatin1String("microseconds"))
        return Unit{model::WeightKind::Nanoseconds, 1e3, true};
    if (name == QLatin1String("milliseconds"))
        return Unit{model::WeightKind::Nanoseconds, 1e6, true};
    if (name == QLatin1String("seconds"))
        return Unit{model::WeightKind::Nanoseconds, 1e9, true};
    return std::nullopt;
}

std::string str(const QString &s)
{
    return s.toStdString();
}

using jsonimport::describe;
using jsonimport::numberText;
using jsonimport::shown;

// Builds the model from a parsed document; every error carries the JSON path.
class Reader {
public:
    explicit Reader(model::Profile &out)
        : out_(out)
    {}

    Status read(const QJsonObject &root)
    {
        const auto shared = root.value(QLatin1String("shared"));
        if (shared.isUndefined())
            return fail("shared", "missing (not a speedscope file?)");
        if (!shared.isObject())
            return fail("shared", "expected an object, got " + describe(shared));
        const auto frames = shared.toObject().value(QLatin1String("frames"));
        if (!frames.isArray())
            return fail("shared.frames",
                        frames.isUndefined() ? "missing" : "expected an array, got " + describe(frames));
        frames_ = frames.toArray();
        frameIds_.assign(static_cast<std::size_t>(frames_.size()), kNoFrame);

        const auto profiles = root.value(QLatin1String("profiles"));
        if (!profiles.isArray())
            return fail("profiles",
                        profiles.isUndefined() ? "missing" : "expected an array, got " + describe(profiles));
        const auto list = profiles.toArray();
        if (list.isEmpty())
            return fail("profiles", "no profiles");
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (Status st = readProfile(list.at(i), "profiles[" + std::to_string(i) + "]", i); !st)
                return st;
        }
        auto &meta = out_.meta;
        meta.sourceFormat = "speedscope";
        meta.weightUnit = unit_ ? unit_->weightUnit : model::WeightKind::Samples;
        meta.durationNs = durationNs_;
        if (const auto v = root.value(QLatin1String("exporter")); v.isString())
            meta.extra["speedscope.exporter"] = str(v.toString());
        if (const auto v = root.value(QLatin1String("name")); v.isString())
            meta.extra["speedscope.name"] = str(v.toString());
        return {};
    }

private:
    static constexpr model::FrameId kNoFrame = ~model::FrameId(0);

    static Error fail(const std::string &path, const std::string &what) { return makeError(path + ": " + what); }

    Status readProfile(const QJsonValue &value, const std::string &path, qsizetype index)
    {
        if (!value.isObject())
            return fail(path, "expected an object, got " + describe(value));
        const auto p = value.toObject();
        const auto type = p.value(QLatin1String("type"));
        if (!type.isString())
            return fail(path + ".type", "expected \"sampled\" or \"evented\", got " + describe(type));
        const auto unitValue = p.value(QLatin1String("unit"));
        if (!unitValue.isString())
            return fail(path + ".unit", "expected a unit name, got " + describe(unitValue));
        const auto unit = unitFor(unitValue.toString());
        if (!unit)
            return fail(path + ".unit",
                        "unknown unit \"" + shown(unitValue.toString()) +
                            "\" (expected none, nanoseconds, microseconds, milliseconds, seconds or bytes)");
        if (unit_ && unit_->weightUnit != unit->weightUnit)
            return fail(path + ".unit", "\"" + shown(unitValue.toString()) + "\" cannot be mixed with the " +
                                            std::string(model::WeightUnit(unit_->weightUnit).name()) +
                                            " of an earlier profile");
        unit_ = unit;
        double start = 0;
        double end = 0;
        for (const auto &[key, target] : {std::pair{"startValue", &start}, std::pair{"endValue", &end}}) {
            const auto v = p.value(QLatin1String(key));
            if (v.isUndefined())
                continue;
            if (!v.isDouble() || !std::isfinite(v.toDouble()))
                return fail(path + "." + key, "expected a number, got " + describe(v));
            *target = v.toDouble();
        }
        if (unit->isTime && end > start && (end - start) * unit->factor < 9e18)
            durationNs_ = std::max(durationNs_, static_cast<std::int64_t>(std::llround((end - start) * unit->factor)));

        const auto nameValue = p.value(QLatin1String("name"));
        if (!nameValue.isUndefined() && !nameValue.isString())
            return fail(path + ".name", "expected a string, got " + describe(nameValue));
        std::string name = str(nameValue.toString());
        // SpeedscopeExporter names a profile "NAME (tid N)" or "tid N": take the thread
        // id back, so export -> import -> export gives the same file.
        std::int32_t tid = 0;
        if (!splitThreadId(name, tid) || usedTids_.count(tid) != 0) {
            name = str(nameValue.toString());
            tid = static_cast<std::int32_t>(index + 1);
            while (usedTids_.count(tid) != 0)
                ++tid;
            if (name.empty())
                name = "profile " + std::to_string(index + 1);
        }
        usedTids_.insert(tid);
        thread_ = out_.internThread(0, tid, name);
        start_ = start;

        if (type.toString() == QLatin1String("sampled"))
            return readSampled(p, path);
        if (type.toString() == QLatin1String("evented"))
            return readEvented(p, path);
        return fail(path + ".type", "expected \"sampled\" or \"evented\", got \"" + shown(type.toString()) + "\"");
    }

    static bool splitThreadId(std::string &name, std::int32_t &tid)
    {
        std::string_view rest = name;
        std::string_view prefix;
        if (rest.ends_with(')')) {
            const auto open = rest.rfind(" (tid ");
            if (open == std::string_view::npos)
                return false;
            prefix = rest.substr(0, open);
            rest = rest.substr(open + 2, rest.size() - open - 3);
        }
        if (!rest.starts_with("tid "))
            return false;
        const auto digits = rest.substr(4);
        if (digits.empty() || digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string_view::npos)
            return false;
        tid = static_cast<std::int32_t>(std::stol(std::string(digits)));
        name = std::string(prefix);
        return true;
    }

    // A value in the profile's unit, scaled and rounded to an integer.
    Result<std::int64_t> scaled(const QJsonValue &v, const std::string &path) const
    {
        if (!v.isDouble())
            return fail(path, "expected a number, got " + describe(v));
        const double d = v.toDouble() * unit_->factor;
        if (!std::isfinite(d) || std::fabs(d) > 9.2e18)
            return fail(path, "number " + numberText(v.toDouble()) + " is out of range");
        return static_cast<std::int64_t>(std::llround(d));
    }

    Result<model::FrameId> frameAt(const QJsonValue &v, const std::string &path)
    {
        if (!v.isDouble())
            return fail(path, "expected a frame index, got " + describe(v));
        const double d = v.toDouble();
        const auto count = static_cast<double>(frameIds_.size());
        if (d != std::floor(d) || d < 0 || d >= count)
            return fail(path, "frame index " + numberText(d) + " out of range (" + std::to_string(frameIds_.size()) +
                                  " frames)");
        const auto index = static_cast<std::size_t>(d);
        if (frameIds_[index] == kNoFrame) {
            auto id = internFrame(index);
            if (!id)
                return id;
            frameIds_[index] = id.value();
        }
        return frameIds_[index];
    }

    Result<model::FrameId> internFrame(std::size_t index)
    {
        const std::string path = "shared.frames[" + std::to_string(index) + "]";
        const auto v = frames_.at(static_cast<qsizetype>(index));
        if (!v.isObject())
            return fail(path, "expected an object, got " + describe(v));
        const auto f = v.toObject();
        const auto nameValue = f.value(QLatin1String("name"));
        if (!nameValue.isString())
            return fail(path + ".name", "expected a string, got " + describe(nameValue));
        const auto fileValue = f.value(QLatin1String("file"));
        if (!fileValue.isUndefined() && !fileValue.isString())
            return fail(path + ".file", "expected a string, got " + describe(fileValue));
        const auto lineValue = f.value(QLatin1String("line"));
        double lineNumber = 0;
        if (!lineValue.isUndefined()) {
            lineNumber = lineValue.toDouble(-1);
            if (!lineValue.isDouble() || lineNumber < 0 || lineNumber > 4e9 || lineNumber != std::floor(lineNumber))
                return fail(path + ".line", "expected a line number, got " + describe(lineValue));
        }
        std::string name = str(nameValue.toString());
        const std::string where = str(fileValue.toString());
        std::string file;
        std::string module;
        auto line = static_cast<std::uint32_t>(lineNumber);
        // speedscope has no module: a "file" without a line is where SpeedscopeExporter
        // puts the module (a binary), so it goes back there.
        if (line > 0)
            file = where;
        else
            module = where;
        auto kind = model::FrameKind::Native;
        if (where.ends_with(".py"))
            kind = model::FrameKind::Python;
        else if (module.starts_with("[kernel"))
            kind = model::FrameKind::Kernel;
        // py-spy names frames "function (path/file.py:LINE)" in some versions.
        if (where.empty()) {
            if (const auto location = pythonLocationInName(name)) {
                file = std::string(location->file);
                line = location->line;
                kind = model::FrameKind::Python;
            }
        }
        if (name.empty())
            name = "[unknown]";
        bool inlined = false;
        if (const auto extra = f.value(QLatin1String("perfwb")); !extra.isUndefined()) {
            if (Status st = readPerfwbFrame(path + ".perfwb", extra, where, module, file, kind, inlined); !st)
                return makeError(st.message());
        }
        return out_.internFrame(name, module, file, line, kind, inlined);
    }

    // SpeedscopeExporter's "perfwb" object: {"kind": "jit", "module": "libx.so",
    // "inlined": true}. It states the module, so "file" is then only a file.
    Status readPerfwbFrame(const std::string &path, const QJsonValue &value, const std::string &where,
                           std::string &module, std::string &file, model::FrameKind &kind, bool &inlined) const
    {
        if (!value.isObject())
            return fail(path, "expected an object, got " + describe(value));
        const auto o = value.toObject();
        const auto kindValue = o.value(QLatin1String("kind"));
        if (!kindValue.isUndefined()) {
            if (!kindValue.isString() || !model::frameKindFromName(str(kindValue.toString()), kind))
                return fail(path + ".kind", "expected native, kernel, python or jit, got " + describe(kindValue));
        }
        const auto moduleValue = o.value(QLatin1String("module"));
        if (!moduleValue.isUndefined()) {
            if (!moduleValue.isString())
                return fail(path + ".module", "expected a string, got " + describe(moduleValue));
            module = str(moduleValue.toString());
            if (file.empty() && where != module)
                file = where;
            else if (where == module)
                file.clear();
        }
        const auto inlinedValue = o.value(QLatin1String("inlined"));
        if (!inlinedValue.isUndefined()) {
            if (!inlinedValue.isBool())
                return fail(path + ".inlined", "expected true or false, got " + describe(inlinedValue));
            inlined = inlinedValue.toBool();
        }
        return {};
    }

    Status readSampled(const QJsonObject &p, const std::string &path)
    {
        const auto samplesValue = p.value(QLatin1String("samples"));
        const auto weightsValue = p.value(QLatin1String("weights"));
        if (!samplesValue.isArray())
            return fail(path + ".samples", "expected an array, got " + describe(samplesValue));
        if (!weightsValue.isArray())
            return fail(path + ".weights", "expected an array, got " + describe(weightsValue));
        const auto samples = samplesValue.toArray();
        const auto weights = weightsValue.toArray();
        if (samples.size() != weights.size())
            return fail(path, std::to_string(samples.size()) + " samples but " + std::to_string(weights.size()) +
                                  " weights (they must pair up)");
        auto time = static_cast<std::int64_t>(std::llround(start_ * unit_->factor));
        std::vector<model::FrameId> rootFirst;
        for (qsizetype i = 0; i < samples.size(); ++i) {
            const std::string at = path + ".samples[" + std::to_string(i) + "]";
            const auto stackValue = samples.at(i);
            if (!stackValue.isArray())
                return fail(at, "expected an array of frame indexes, got " + describe(stackValue));
            const auto stack = stackValue.toArray();
            rootFirst.clear();
            for (const auto &f : stack) {
                auto id = frameAt(f, at);
                if (!id)
                    return id.status();
                rootFirst.push_back(id.value());
            }
            auto weight = scaled(weights.at(i), path + ".weights[" + std::to_string(i) + "]");
            if (!weight)
                return weight.status();
            if (weight.value() < 0)
                return fail(path + ".weights[" + std::to_string(i) + "]", "negative weight");
            // Samples carry no time of their own: in time units each one starts where the
            // previous ended (as speedscope lays them out), otherwise time is the index.
            const auto sampleTime = unit_->isTime ? time : static_cast<std::int64_t>(i);
            if (weight.value() > 0)
                out_.addSample(sampleTime, thread_, out_.stacks.internPath(rootFirst),
                               static_cast<std::uint64_t>(weight.value()));
            if (time > std::numeric_limits<std::int64_t>::max() - weight.value())
                return fail(path + ".weights", "the weights add up to more than 2^63");
            time += weight.value();
        }
        return {};
    }

    Status readEvented(const QJsonObject &p, const std::string &path)
    {
        const auto eventsValue = p.value(QLatin1String("events"));
        if (!eventsValue.isArray())
            return fail(path + ".events", "expected an array, got " + describe(eventsValue));
        const auto events = eventsValue.toArray();
        std::vector<model::StackId> open;    // open[k] = stack with k+1 frames
        std::vector<std::size_t> openFrames; // shared.frames indexes, to match C with O
        std::int64_t prevAt = 0;
        double prevRaw = 0;
        for (qsizetype i = 0; i < events.size(); ++i) {
            const std::string at = path + ".events[" + std::to_string(i) + "]";
            const auto ev = events.at(i);
            if (!ev.isObject())
                return fail(at, "expected an event object, got " + describe(ev));
            const auto e = ev.toObject();
            const auto type = e.value(QLatin1String("type"));
            const bool isOpen = type.toString() == QLatin1String("O");
            if (!isOpen && type.toString() != QLatin1String("C"))
                return fail(at + ".type", "expected \"O\" or \"C\", got " + describe(type));
            auto when = scaled(e.value(QLatin1String("at")), at + ".at");
            if (!when)
                return when.status();
            auto frame = frameAt(e.value(QLatin1String("frame")), at + ".frame");
            if (!frame)
                return frame.status();
            const auto frameIndex = static_cast<std::size_t>(e.value(QLatin1String("frame")).toDouble());
            const double raw = e.value(QLatin1String("at")).toDouble();
            if (i > 0 && raw < prevRaw)
                return fail(at + ".at", numberText(raw) + " is before the previous event's " + numberText(prevRaw));
            if (!open.empty() && when.value() > prevAt)
                out_.addSample(prevAt, thread_, open.back(), static_cast<std::uint64_t>(when.value() - prevAt));
            if (isOpen) {
                open.push_back(out_.stacks.intern(open.empty() ? model::kEmptyStack : open.back(), frame.value()));
                openFrames.push_back(frameIndex);
            } else {
                if (openFrames.empty())
                    return fail(at, "closes a frame but no frame is open (unbalanced events)");
                if (openFrames.back() != frameIndex)
                    return fail(at, "closes frame " + std::to_string(frameIndex) + " but frame " +
                                        std::to_string(openFrames.back()) + " is open (unbalanced events)");
                open.pop_back();
                openFrames.pop_back();
            }
            prevAt = when.value();
            prevRaw = raw;
        }
        if (!open.empty())
            return fail(path + ".events",
                        std::to_string(open.size()) + " frame(s) still open after the last event (unbalanced events)");
        return {};
    }

    model::Profile &out_;
    QJsonArray frames_;
    std::vector<model::FrameId> frameIds_;
    std::optional<Unit> unit_;
    model::ThreadIndex thread_ = 0;
    double start_ = 0;
    std::int64_t durationNs_ = 0;
    std::set<std::int32_t> usedTids_;
};

} // namespace

namespace {

// "$schema": "https://www.speedscope.app/file-format-schema.json" (any URL naming speedscope).
bool schemaIsSpeedscope(std::string_view head)
{
    constexpr std::string_view key = "\"$schema\"";
    const auto at = head.find(key);
    if (at == std::string_view::npos)
        return false;
    auto rest = head.substr(at + key.size());
    rest.remove_prefix(std::min(rest.find_first_not_of(" \t\r\n"), rest.size()));
    if (!rest.starts_with(':'))
        return false;
    rest.remove_prefix(1);
    rest.remove_prefix(std::min(rest.find_first_not_of(" \t\r\n"), rest.size()));
    if (!rest.starts_with('"'))
        return false;
    const auto value = rest.substr(1, rest.find('"', 1) - 1);
    return value.find("speedscope") != std::string_view::npos;
}

} // namespace

int SpeedscopeImporter::sniff(std::string_view head) const
{
    if (jsonimport::firstCharacter(head) != '{')
        return 0;
    // By content, not by a word: stackprof output or a source map may mention
    // "speedscope" anywhere. speedscope's own files name its schema in "$schema"; py-spy's
    // and other writers' have the two keys every speedscope file has.
    if (schemaIsSpeedscope(head))
        return 95;
    if (head.find("\"shared\"") != std::string_view::npos && head.find("\"profiles\"") != std::string_view::npos)
        return 80;
    return 0;
}

Status SpeedscopeImporter::parse(std::string_view data, model::Profile &out) const
{
    auto root = jsonimport::parseObject(data, "a speedscope file");
    if (!root)
        return root.status();
    Reader reader(out);
    return reader.read(root.value());
}

} // namespace perfwb::formats
