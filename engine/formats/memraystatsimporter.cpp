// SPDX-License-Identifier: GPL-3.0-or-later
#include "memraystatsimporter.h"

#include "jsonimportsupport.h"

#include <QDateTime>
#include <QJsonArray>

#include <limits>
#include <map>
#include <optional>

namespace perfwb::formats {

namespace {

using namespace jsonimport;

struct Location {
    std::string function;
    std::string file;
    std::uint32_t line = 0;
};

// "function:file:line" as memray formats a location, or "<stack trace unavailable>".
// Native function names may hold "::", Python file names hardly ever ':', so the file is
// what follows the last ':' before the line.
Result<Location> parseLocation(const QString &text, const std::string &path)
{
    const std::string s = text.toStdString();
    if (s == "<stack trace unavailable>")
        return Location{s, {}, 0};
    const auto lastColon = s.rfind(':');
    const auto digits = lastColon == std::string::npos ? std::string() : s.substr(lastColon + 1);
    const bool isLine =
        !digits.empty() && digits.size() <= 9 && digits.find_first_not_of("0123456789") == std::string::npos;
    const auto fileColon =
        lastColon == std::string::npos || lastColon == 0 ? std::string::npos : s.rfind(':', lastColon - 1);
    if (!isLine || fileColon == std::string::npos)
        return fail(path, "location \"" + shown(text) + "\" is not function:file:line");
    Location loc;
    loc.function = s.substr(0, fileColon);
    loc.file = s.substr(fileColon + 1, lastColon - fileColon - 1);
    loc.line = static_cast<std::uint32_t>(std::stoul(digits));
    if (loc.function.empty())
        loc.function = "[unknown]";
    return loc;
}

bool isPythonFile(std::string_view file)
{
    return file.ends_with(".py") || file.ends_with(".pyx") || file.starts_with('<');
}

std::string scalarText(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Bool:
        return v.toBool() ? "true" : "false";
    case QJsonValue::Double:
        return numberText(v.toDouble());
    case QJsonValue::String:
        return v.toString().toStdString();
    case QJsonValue::Null:
        return "null";
    default:
        return {};
    }
}

class Reader {
public:
    explicit Reader(model::Profile &out)
        : out_(out)
    {}

    Status read(const QJsonObject &root)
    {
        auto calls = count(root.value(QLatin1String("total_num_allocations")), "total_num_allocations");
        if (!calls)
            return withHint(calls.status());
        auto bytes = count(root.value(QLatin1String("total_bytes_allocated")), "total_bytes_allocated");
        if (!bytes)
            return withHint(bytes.status());
        out_.allocations.totals.calls = calls.value();
        out_.allocations.totals.bytes = bytes.value();
        if (Status st = readMetadata(root.value(QLatin1String("metadata"))); !st)
            return st;
        thread_ = out_.internThread(pid_, pid_, "all threads");
        if (Status st =
                readTop(root.value(QLatin1String("top_allocations_by_size")), "top_allocations_by_size", "size");
            !st)
            return st;
        if (Status st =
                readTop(root.value(QLatin1String("top_allocations_by_count")), "top_allocations_by_count", "count");
            !st)
            return st;
        if (Status st = readHistogram(root.value(QLatin1String("allocation_size_histogram"))); !st)
            return st;
        if (Status st = readAllocators(root.value(QLatin1String("allocator_type_distribution"))); !st)
            return st;
        out_.meta.sourceFormat = "memray-stats";
        out_.meta.weightUnit = model::WeightKind::Bytes;
        return {};
    }

private:
    static Status withHint(const Status &st)
    {
        if (st.message().ends_with(": missing"))
            return makeError(st.message() + " (not a memray stats --json file?)");
        return st;
    }

    Status readTop(const QJsonValue &value, const std::string &path, const char *field)
    {
        if (!value.isArray())
            return fail(path, value.isUndefined() ? "missing (not a memray stats --json file?)"
                                                  : "expected an array, got " + describe(value));
        const bool bySize = std::string_view(field) == "size";
        const auto list = value.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const std::string at = path + "[" + std::to_string(i) + "]";
            const auto entry = list.at(i);
            if (!entry.isObject())
                return fail(at, "expected an object, got " + describe(entry));
            const auto o = entry.toObject();
            auto text = string(o.value(QLatin1String("location")), at + ".location");
            if (!text)
                return text.status();
            auto figure = count(o.value(QLatin1String(field)), at + "." + field);
            if (!figure)
                return figure.status();
            auto stack = stackOf(text.value(), at + ".location");
            if (!stack)
                return stack.status();
            auto &row = out_.allocations.row(stack.value());
            auto &target = bySize ? row.bytes : row.calls;
            // Each figure is below 2^53, so only a sum can overflow.
            if (target > std::numeric_limits<std::uint64_t>::max() - figure.value())
                return fail(at, "the figures of one location add up to more than 2^64");
            target += figure.value();
            if (bySize && figure.value() > 0)
                out_.addSample(static_cast<std::int64_t>(i), thread_, stack.value(), figure.value());
        }
        return {};
    }

    Result<model::StackId> stackOf(const QString &text, const std::string &path)
    {
        if (const auto it = stacks_.find(text); it != stacks_.end())
            return it->second;
        auto loc = parseLocation(text, path);
        if (!loc)
            return makeError(loc.message());
        const bool python = isPythonFile(loc->file);
        // Python files are the module too (as in the austin and Scalene imports), so
        // functions of the same name in different files stay apart.
        const auto frame = out_.internFrame(loc->function, python ? loc->file : std::string(), loc->file, loc->line,
                                            python ? model::FrameKind::Python : model::FrameKind::Native);
        const auto stack = out_.stacks.intern(model::kEmptyStack, frame);
        stacks_.emplace(text, stack);
        return stack;
    }

    Status readMetadata(const QJsonValue &value)
    {
        if (value.isUndefined())
            return {};
        if (!value.isObject())
            return fail("metadata", "expected an object, got " + describe(value));
        const auto m = value.toObject();
        auto &meta = out_.meta;
        if (const auto peak = m.value(QLatin1String("peak_memory")); !peak.isUndefined()) {
            auto v = count(peak, "metadata.peak_memory");
            if (!v)
                return v.status();
            out_.allocations.totals.peakBytes = v.value();
        }
        if (const auto pid = m.value(QLatin1String("pid")); !pid.isUndefined()) {
            auto v = number(pid, "metadata.pid", 0, std::numeric_limits<std::int32_t>::max());
            if (!v)
                return v.status();
            pid_ = static_cast<std::int32_t>(v.value());
        }
        if (const auto cmd = m.value(QLatin1String("command_line")); cmd.isString()) {
            // memray joins argv with spaces; split back the same way.
            std::vector<std::string> args;
            for (const auto &a : cmd.toString().split(QLatin1Char(' '), Qt::SkipEmptyParts))
                args.push_back(a.toStdString());
            meta.setCommandLine(std::move(args));
        }
        const auto start = parseTimeNs(m.value(QLatin1String("start_time")));
        const auto end = parseTimeNs(m.value(QLatin1String("end_time")));
        if (start) {
            meta.startTimeUnixNs = *start;
            if (end && *end >= *start)
                meta.durationNs = *end - *start;
        }
        for (auto it = m.begin(); it != m.end(); ++it) {
            const auto text = scalarText(it.value());
            if (!text.empty() && it.key() != QLatin1String("command_line"))
                meta.extra["memray." + it.key().toStdString()] = text;
        }
        return {};
    }

    // str(datetime): "2023-01-01 01:00:00[.ffffff]", local time of the profiled machine.
    static std::optional<std::int64_t> parseTimeNs(const QJsonValue &v)
    {
        if (!v.isString())
            return std::nullopt;
        const QString text = v.toString();
        const auto dot = text.indexOf(QLatin1Char('.'));
        const auto t = QDateTime::fromString(dot < 0 ? text : text.left(dot), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        // Only 1970 to 2112: then nanoseconds and their differences fit int64 (a date
        // outside is not memray's anyway).
        if (!t.isValid() || t.toMSecsSinceEpoch() < 0 || t.toMSecsSinceEpoch() > 4'500'000'000'000LL)
            return std::nullopt;
        std::int64_t ns = t.toMSecsSinceEpoch() * 1000000;
        if (dot >= 0) {
            const QString fraction = text.mid(dot + 1).left(9);
            bool ok = false;
            const auto digits = fraction.toLongLong(&ok);
            if (!ok || fraction.isEmpty() || digits < 0)
                return std::nullopt;
            std::int64_t scale = 1;
            for (auto i = fraction.size(); i < 9; ++i)
                scale *= 10;
            ns += digits * scale;
        }
        return ns;
    }

    Status readHistogram(const QJsonValue &value)
    {
        if (value.isUndefined())
            return {};
        if (!value.isArray())
            return fail("allocation_size_histogram", "expected an array, got " + describe(value));
        std::string text;
        const auto list = value.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const std::string at = "allocation_size_histogram[" + std::to_string(i) + "]";
            if (!list.at(i).isObject())
                return fail(at, "expected an object, got " + describe(list.at(i)));
            const auto o = list.at(i).toObject();
            std::uint64_t v[3] = {};
            const char *names[3] = {"min_bytes", "max_bytes", "count"};
            for (int k = 0; k < 3; ++k) {
                auto n = count(o.value(QLatin1String(names[k])), at + "." + names[k]);
                if (!n)
                    return n.status();
                v[k] = n.value();
            }
            text += (text.empty() ? "" : " ") + std::to_string(v[0]) + "-" + std::to_string(v[1]) + ":" +
                    std::to_string(v[2]);
        }
        out_.meta.extra["memray.allocation_size_histogram"] = text;
        return {};
    }

    Status readAllocators(const QJsonValue &value)
    {
        if (value.isUndefined())
            return {};
        if (!value.isObject())
            return fail("allocator_type_distribution", "expected an object, got " + describe(value));
        const auto o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            auto n = count(it.value(), "allocator_type_distribution." + shown(it.key()));
            if (!n)
                return n.status();
            out_.meta.extra["memray.allocator." + it.key().toStdString()] = std::to_string(n.value());
        }
        return {};
    }

    model::Profile &out_;
    std::int32_t pid_ = 0;
    model::ThreadIndex thread_ = 0;
    std::map<QString, model::StackId> stacks_;
};

} // namespace

int MemrayStatsImporter::sniff(std::string_view head) const
{
    return looksLikeObjectWith(head,
                               {"total_num_allocations", "top_allocations_by_size", "allocator_type_distribution"})
               ? 95
               : 0;
}

Status MemrayStatsImporter::parse(std::string_view data, model::Profile &out) const
{
    auto root = parseObject(data, "a memray stats --json file");
    if (!root)
        return root.status();
    Reader reader(out);
    return reader.read(root.value());
}

} // namespace perfwb::formats
