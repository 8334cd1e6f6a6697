// SPDX-License-Identifier: GPL-3.0-or-later
#include "scaleneimporter.h"

#include "jsonimportsupport.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace perfwb::formats {

namespace {

using namespace jsonimport;

constexpr double kMiB = 1048576.0; // Scalene's "MB" is 2^20 bytes
// Bounds that keep every product below 2^63 and reject nonsense early.
constexpr double kMaxSeconds = 1e7;   // 115 days
constexpr double kMaxPercent = 1e4;   // Scalene's floats may pass 100 a little; never this far
constexpr double kMaxMegabytes = 1e9; // a petabyte

std::string key(const std::string &parent, const char *name)
{
    return parent + "." + name;
}

// Scalene's per-function figures, as columns of functionCosts.
struct Columns {
    std::size_t python = 0;
    std::size_t native = 0;
    std::size_t system = 0;
    std::optional<std::size_t> allocated;
    std::optional<std::size_t> peak;
    std::optional<std::size_t> mallocs;
    std::optional<std::size_t> copy;
    std::optional<std::size_t> gpu;
    std::optional<std::size_t> gpuPeak;
};

class Reader {
public:
    explicit Reader(model::Profile &out)
        : out_(out)
    {}

    Status read(const QJsonObject &root)
    {
        if (root.isEmpty())
            return makeError("an empty Scalene profile ({}): Scalene collected no samples (did the program run "
                             "long enough?)");
        const auto files = root.value(QLatin1String("files"));
        if (!files.isObject())
            return fail("files", files.isUndefined() ? "missing (not a Scalene profile?)"
                                                     : "expected an object, got " + describe(files));
        auto elapsed = number(root.value(QLatin1String("elapsed_time_sec")), "elapsed_time_sec", 0, kMaxSeconds);
        if (!elapsed)
            return elapsed.status();
        elapsedNs_ = elapsed.value() * 1e9;
        const bool memory = root.value(QLatin1String("memory")).toBool(true);
        const bool gpu = root.value(QLatin1String("gpu")).toBool(false);
        columns_.python = out_.functionCosts.column("python cpu", "percent");
        columns_.native = out_.functionCosts.column("native cpu", "percent");
        columns_.system = out_.functionCosts.column("system cpu", "percent");
        if (memory) {
            columns_.allocated = out_.functionCosts.column("memory allocated", "bytes");
            columns_.peak = out_.functionCosts.column("peak memory", "bytes");
            columns_.mallocs = out_.functionCosts.column("allocations", "count");
            columns_.copy = out_.functionCosts.column("copy volume", "bytes per second");
        }
        if (gpu) {
            columns_.gpu = out_.functionCosts.column("gpu", "percent");
            columns_.gpuPeak = out_.functionCosts.column("gpu peak memory", "bytes");
        }
        thread_ = out_.internThread(0, 0, "all threads");

        const auto fileMap = files.toObject();
        for (auto it = fileMap.begin(); it != fileMap.end(); ++it) {
            if (Status st = readFile(it.key(), it.value()); !st)
                return st;
        }
        if (Status st = readFootprint(root.value(QLatin1String("samples"))); !st)
            return st;

        auto &meta = out_.meta;
        meta.sourceFormat = "scalene";
        meta.weightUnit = model::WeightKind::Nanoseconds;
        meta.durationNs = std::llround(elapsedNs_);
        meta.extra["scalene.memory"] = memory ? "true" : "false";
        meta.extra["scalene.gpu"] = gpu ? "true" : "false";
        if (const auto program = root.value(QLatin1String("program")); program.isString()) {
            meta.extra["scalene.program"] = program.toString().toStdString();
            meta.setCommandLine({program.toString().toStdString()});
        }
        for (const char *name : {"max_footprint_mb", "growth_rate", "alloc_samples"}) {
            if (const auto v = root.value(QLatin1String(name)); v.isDouble())
                meta.extra[std::string("scalene.") + name] = numberText(v.toDouble());
        }
        const auto footprintFile = root.value(QLatin1String("max_footprint_fname"));
        const auto footprintLine = root.value(QLatin1String("max_footprint_lineno"));
        if (footprintFile.isString() && footprintLine.isDouble())
            meta.extra["scalene.max_footprint_location"] =
                footprintFile.toString().toStdString() + ":" + numberText(footprintLine.toDouble());
        if (leaks_ > 0)
            meta.extra["scalene.leaks"] = std::to_string(leaks_);
        return {};
    }

private:
    Status readFile(const QString &name, const QJsonValue &value)
    {
        const std::string path = "files[\"" + shown(name) + "\"]";
        if (!value.isObject())
            return fail(path, "expected an object, got " + describe(value));
        const auto file = value.toObject();
        auto percent =
            number(file.value(QLatin1String("percent_cpu_time")), key(path, "percent_cpu_time"), 0, kMaxPercent);
        if (!percent)
            return percent.status();
        const auto functions = file.value(QLatin1String("functions"));
        if (!functions.isUndefined() && !functions.isArray())
            return fail(key(path, "functions"), "expected an array, got " + describe(functions));
        if (const auto leaks = file.value(QLatin1String("leaks")); leaks.isObject())
            leaks_ += static_cast<std::size_t>(leaks.toObject().size());
        const std::string fileName = name.toStdString();
        double inFunctions = 0;
        const auto list = functions.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            auto cpu = readFunction(fileName, list.at(i), key(path, "functions") + "[" + std::to_string(i) + "]");
            if (!cpu)
                return cpu.status();
            inFunctions += cpu.value();
        }
        // Scalene leaves module-level code out of "functions"; its CPU is the rest of the
        // file's share (below 0.001 points it is rounding, not code).
        const double rest = percent.value() - inFunctions;
        if (rest > 1e-3)
            return addSample(out_.internFrame("<module>", fileName, fileName, 0, model::FrameKind::Python), rest,
                             key(path, "percent_cpu_time"));
        return {};
    }

    // Returns the function's share of all CPU samples, in percent.
    Result<double> readFunction(const std::string &fileName, const QJsonValue &value, const std::string &path)
    {
        if (!value.isObject())
            return fail(path, "expected an object, got " + describe(value));
        const auto f = value.toObject();
        // Scalene 1.5 names the function in "line" (its first line in "lineno"); older
        // versions in "fn_name".
        auto nameValue = f.value(QLatin1String("line"));
        std::string namePath = key(path, "line");
        if (nameValue.isUndefined() && f.contains(QLatin1String("fn_name"))) {
            nameValue = f.value(QLatin1String("fn_name"));
            namePath = key(path, "fn_name");
        }
        auto name = string(nameValue, namePath);
        if (!name)
            return makeError(name.message());
        std::uint32_t line = 0;
        if (const auto lineno = f.value(QLatin1String("lineno")); !lineno.isUndefined()) {
            auto n = count(lineno, key(path, "lineno"));
            if (!n)
                return makeError(n.message());
            if (n.value() > 0xffffffffULL)
                return fail(key(path, "lineno"), "line number " + std::to_string(n.value()) + " is too large");
            line = static_cast<std::uint32_t>(n.value());
        }
        const std::string function = name->isEmpty() ? std::string("[unknown]") : name->toStdString();
        const auto frame = out_.internFrame(function, fileName, fileName, line, model::FrameKind::Python);

        double share = 0;
        for (const auto &[field, column] :
             {std::pair{"n_cpu_percent_python", columns_.python}, std::pair{"n_cpu_percent_c", columns_.native},
              std::pair{"n_sys_percent", columns_.system}}) {
            const auto v = f.value(QLatin1String(field));
            if (v.isUndefined() && std::string_view(field) == "n_sys_percent")
                continue; // older Scalene versions have no system time
            auto pct = number(v, key(path, field), -kMaxPercent, kMaxPercent);
            if (!pct)
                return makeError(pct.message());
            out_.functionCosts.add(frame, column, pct.value());
            share += pct.value();
        }
        const std::pair<const char *, std::optional<std::size_t>> scaled[] = {
            {"n_malloc_mb", columns_.allocated},
            {"n_peak_mb", columns_.peak},
            {"n_copy_mb_s", columns_.copy},
            {"n_gpu_peak_memory_mb", columns_.gpuPeak},
        };
        for (const auto &[field, column] : scaled) {
            if (Status st = optionalColumn(f, path, field, column, -kMaxMegabytes, kMaxMegabytes, kMiB, frame); !st)
                return makeError(st.message());
        }
        if (Status st = optionalColumn(f, path, "n_mallocs", columns_.mallocs, 0, 1e15, 1, frame); !st)
            return makeError(st.message());
        if (Status st = optionalColumn(f, path, "n_gpu_percent", columns_.gpu, -kMaxPercent, kMaxPercent, 1, frame);
            !st)
            return makeError(st.message());
        if (Status st = addSample(frame, share, path); !st)
            return makeError(st.message());
        return share;
    }

    Status optionalColumn(const QJsonObject &f, const std::string &path, const char *field,
                          std::optional<std::size_t> column, double min, double max, double factor,
                          model::FrameId frame)
    {
        const auto v = f.value(QLatin1String(field));
        if (v.isUndefined())
            return {};
        auto n = number(v, key(path, field), min, max);
        if (!n)
            return n.status();
        if (column)
            out_.functionCosts.add(frame, *column, n.value() * factor);
        return {};
    }

    // One single-frame stack per function, laid end to end on the clock in file order.
    Status addSample(model::FrameId frame, double percent, const std::string &path)
    {
        const double ns = std::max(0.0, percent) / 100.0 * elapsedNs_; // below 1e18 by the bounds above
        const auto weight = static_cast<std::int64_t>(std::llround(ns));
        if (weight == 0)
            return {};
        if (weight > std::numeric_limits<std::int64_t>::max() - clockNs_)
            return fail(path, "the CPU shares add up to more than 2^63 ns");
        out_.addSample(clockNs_, thread_, out_.stacks.intern(model::kEmptyStack, frame),
                       static_cast<std::uint64_t>(weight));
        clockNs_ += weight;
        return {};
    }

    // [[nanoseconds since start, megabytes], ...]: Scalene's memory footprint over time.
    Status readFootprint(const QJsonValue &value)
    {
        if (value.isUndefined())
            return {};
        if (!value.isArray())
            return fail("samples", "expected an array of [time, megabytes], got " + describe(value));
        model::Timeline timeline{std::string(model::timelines::kHeap), std::string(model::timelines::kBytes), {}};
        const auto list = value.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const std::string path = "samples[" + std::to_string(i) + "]";
            const auto point = list.at(i);
            if (!point.isArray() || point.toArray().size() != 2)
                return fail(path, "expected [time, megabytes], got " + describe(point));
            auto t = number(point.toArray().at(0), path + "[0]", 0, 9e18);
            if (!t)
                return t.status();
            auto mb = number(point.toArray().at(1), path + "[1]", 0, kMaxMegabytes);
            if (!mb)
                return mb.status();
            timeline.points.push_back({static_cast<std::int64_t>(t.value()), mb.value() * kMiB});
        }
        if (!timeline.points.empty())
            out_.timelines.push_back(std::move(timeline));
        return {};
    }

    model::Profile &out_;
    Columns columns_;
    double elapsedNs_ = 0;
    model::ThreadIndex thread_ = 0;
    std::int64_t clockNs_ = 0;
    std::size_t leaks_ = 0;
};

} // namespace

int ScaleneImporter::sniff(std::string_view head) const
{
    return looksLikeObjectWith(head, {"elapsed_time_sec", "n_cpu_percent_python", "max_footprint_mb"}) ? 95 : 0;
}

Status ScaleneImporter::parse(std::string_view data, model::Profile &out) const
{
    auto root = parseObject(data, "a Scalene profile");
    if (!root)
        return root.status();
    Reader reader(out);
    return reader.read(root.value());
}

} // namespace perfwb::formats
