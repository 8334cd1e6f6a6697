// SPDX-License-Identifier: GPL-3.0-or-later
#include "perfprofiler.h"

#include "payloadanonymizer.h"
#include "perfevent.h"

#include <QJsonArray>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>

namespace perfwb::budgets {

namespace {

constexpr std::size_t kMaxName = 256;
constexpr double kMaxDurationMs = 1e10; // about four months

double nowUnixS()
{
    return static_cast<double>(std::chrono::duration_cast<std::chrono::microseconds>(
                                   std::chrono::system_clock::now().time_since_epoch())
                                   .count()) /
           1e6;
}

std::int64_t monotonicNs()
{
    timespec ts{};
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<std::int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

// name (required) and category (default "default"), or the reason they are bad.
std::optional<std::string> readNames(const QJsonObject &request, bool nameRequired, std::string *name,
                                     std::string *category)
{
    const QJsonValue n = request.value(QStringLiteral("name"));
    if (nameRequired || !n.isUndefined()) {
        if (!n.isString() || n.toString().isEmpty())
            return "name must be a non-empty string";
        if (static_cast<std::size_t>(n.toString().size()) > kMaxName)
            return "name is longer than 256 characters";
        *name = PayloadAnonymizer::anonymizeText(n.toString()).toStdString();
    }
    const QJsonValue c = request.value(QStringLiteral("category"));
    if (c.isUndefined() || c.isNull()) {
        *category = "default";
    } else if (!c.isString() || c.toString().isEmpty() || static_cast<std::size_t>(c.toString().size()) > kMaxName) {
        return "category must be a non-empty string of at most 256 characters";
    } else {
        *category = PayloadAnonymizer::anonymizeText(c.toString()).toStdString();
    }
    const QJsonValue m = request.value(QStringLiteral("metadata"));
    if (!m.isUndefined() && !m.isNull() && !m.isObject())
        return "metadata must be an object";
    return std::nullopt;
}

// An optional finite number in [lo, hi]; the reason when it is something else.
std::optional<std::string> readNumber(const QJsonObject &request, const char *key, double lo, double hi,
                                      std::optional<double> *out)
{
    const QJsonValue v = request.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isDouble() || !std::isfinite(v.toDouble()) || v.toDouble() < lo || v.toDouble() > hi)
        return std::string(key) + " must be a number from " + std::to_string(static_cast<long long>(lo)) + " to " +
               std::to_string(static_cast<long long>(hi));
    *out = v.toDouble();
    return std::nullopt;
}

} // namespace

PerfProfiler::PerfProfiler(HookBus &hooks)
    : hooks_(hooks)
{}

void PerfProfiler::setSink(Sink sink)
{
    std::lock_guard guard(lock_);
    sink_ = std::move(sink);
}

double PerfProfiler::currentRssMb()
{
    long pages = 0;
    long resident = 0;
    if (FILE *f = std::fopen("/proc/self/statm", "re")) {
        if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2)
            resident = 0;
        std::fclose(f);
    }
    return static_cast<double>(resident) * static_cast<double>(::sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

void PerfProfiler::publish(const char *trigger, const QJsonObject &payload) const
{
    if (hooks_.subscribers() == 0)
        return; // a mark per frame must stay cheap when nobody listens
    hooks_.publish(PerfEvent{QString::fromLatin1(PerfEvent::kProfilerSnapshot), QString::fromLatin1(trigger),
                             PayloadAnonymizer::anonymize(payload), nowUnixS()});
}

std::string PerfProfiler::categoryKey(const std::string &category) const
{
    if (categories_.size() >= kMaxCategories && categories_.find(category) == categories_.end())
        return "(other)";
    return category;
}

void PerfProfiler::pushRecent(Recent r)
{
    if (recent_.size() == kRecent)
        recent_.pop_front();
    recent_.push_back(std::move(r));
}

void PerfProfiler::addMarkLocked(const std::string &name, const std::string &category, double timestamp)
{
    const std::string cat = categoryKey(category);
    ++categories_[cat].marks;
    ++marks_;
    pushRecent(Recent{false, name, cat, timestamp, 0, std::nullopt});
}

void PerfProfiler::addSpanLocked(const std::string &name, const std::string &category, double durationMs,
                                 std::optional<double> memDeltaMb, double timestamp)
{
    const std::string cat = categoryKey(category);
    std::string key = cat + '\x1f' + name;
    auto it = aggregates_.find(key);
    if (it == aggregates_.end()) {
        if (aggregates_.size() >= kMaxKeys)
            key = cat + "\x1f(other)";
        it = aggregates_.try_emplace(key, Aggregate{key == cat + "\x1f(other)" ? "(other)" : name, cat}).first;
    }
    Aggregate &a = it->second;
    ++a.count;
    a.totalMs += durationMs;
    a.maxMs = std::max(a.maxMs, durationMs);
    if (memDeltaMb) {
        a.memDeltaMb += *memDeltaMb;
        a.maxMemDeltaMb = std::max(a.maxMemDeltaMb, *memDeltaMb);
    }
    CategoryStats &c = categories_[cat];
    ++c.spans;
    c.totalS += durationMs / 1000.0;
    for (std::size_t i = 0; i < kBucketsS.size(); ++i) {
        if (durationMs / 1000.0 <= kBucketsS[i])
            ++c.buckets[i];
    }
    ++spans_;
    pushRecent(Recent{true, name, cat, timestamp, durationMs, memDeltaMb});
}

void PerfProfiler::recordMark(const std::string &name, const std::string &category, const QJsonObject &metadata)
{
    const double ts = nowUnixS();
    const std::int64_t mono = monotonicNs();
    Sink sink;
    {
        std::lock_guard guard(lock_);
        addMarkLocked(name, category, ts);
        sink = sink_;
    }
    if (sink)
        sink(TimedEntry{name, category, mono, mono});
    publish("mark", {{QStringLiteral("name"), qs(name)},
                     {QStringLiteral("category"), qs(category)},
                     {QStringLiteral("metadata"), metadata}});
}

void PerfProfiler::recordSpan(const std::string &name, const std::string &category, double durationMs,
                              std::optional<double> memDeltaMb, const QJsonObject &metadata)
{
    const double ts = nowUnixS();
    const std::int64_t end = monotonicNs();
    Sink sink;
    {
        std::lock_guard guard(lock_);
        addSpanLocked(name, category, durationMs, memDeltaMb, ts);
        sink = sink_;
    }
    if (sink)
        sink(TimedEntry{name, category, end - static_cast<std::int64_t>(durationMs * 1e6), end});
    publish("span", {{QStringLiteral("name"), qs(name)},
                     {QStringLiteral("category"), qs(category)},
                     {QStringLiteral("duration_ms"), durationMs},
                     {QStringLiteral("mem_delta_mb"), memDeltaMb ? QJsonValue(*memDeltaMb) : QJsonValue()},
                     {QStringLiteral("metadata"), metadata}});
}

Outcome PerfProfiler::mark(const QJsonObject &request)
{
    std::string name;
    std::string category;
    if (auto bad = readNames(request, true, &name, &category))
        return Outcome::refused(Refusal::BadValue, *bad);
    recordMark(name, category, request.value(QStringLiteral("metadata")).toObject());
    return Outcome::success({{QStringLiteral("mark"), QJsonObject{{QStringLiteral("name"), qs(name)},
                                                                  {QStringLiteral("category"), qs(category)},
                                                                  {QStringLiteral("timestamp"), nowUnixS()}}}});
}

Outcome PerfProfiler::span(const QJsonObject &request)
{
    const QJsonValue phase = request.value(QStringLiteral("phase"));
    if (phase == QJsonValue(QStringLiteral("begin")))
        return beginSpan(request);
    if (phase == QJsonValue(QStringLiteral("end")))
        return endSpan(request);
    if (!phase.isUndefined() && !phase.isNull())
        return Outcome::refused(Refusal::BadValue,
                                "phase must be \"begin\" or \"end\" (or absent for a recorded span)");
    std::string name;
    std::string category;
    if (auto bad = readNames(request, true, &name, &category))
        return Outcome::refused(Refusal::BadValue, *bad);
    std::optional<double> duration;
    std::optional<double> rssStart;
    std::optional<double> rssEnd;
    std::optional<double> delta;
    for (auto [key, out, lo] : {std::tuple{"duration_ms", &duration, 0.0}, std::tuple{"rss_start_mb", &rssStart, 0.0},
                                std::tuple{"rss_end_mb", &rssEnd, 0.0}, std::tuple{"mem_delta_mb", &delta, -1e9}}) {
        if (auto bad = readNumber(request, key, lo, kMaxDurationMs, out))
            return Outcome::refused(Refusal::BadValue, *bad);
    }
    if (!duration)
        return Outcome::refused(Refusal::BadValue, "a span needs duration_ms (or phase begin/end with a span_id)");
    if (!delta && rssStart && rssEnd)
        delta = *rssEnd - *rssStart;
    recordSpan(name, category, *duration, delta, request.value(QStringLiteral("metadata")).toObject());
    return Outcome::success({{QStringLiteral("span"), QJsonObject{{QStringLiteral("name"), qs(name)},
                                                                  {QStringLiteral("category"), qs(category)},
                                                                  {QStringLiteral("duration_ms"), *duration},
                                                                  {QStringLiteral("mem_delta_mb"),
                                                                   delta ? QJsonValue(*delta) : QJsonValue()}}}});
}

Outcome PerfProfiler::beginSpan(const QJsonObject &request)
{
    const QJsonValue id = request.value(QStringLiteral("span_id"));
    if (!id.isString() || id.toString().isEmpty() || id.toString().size() > static_cast<qsizetype>(kMaxName))
        return Outcome::refused(Refusal::BadValue, "span_id must be a non-empty string of at most 256 characters");
    OpenSpan open;
    if (auto bad = readNames(request, true, &open.name, &open.category))
        return Outcome::refused(Refusal::BadValue, *bad);
    if (auto bad = readNumber(request, "rss_mb", 0, kMaxDurationMs, &open.rssMb))
        return Outcome::refused(Refusal::BadValue, *bad);
    open.startNs = monotonicNs();
    const std::string key = id.toString().toStdString();
    {
        std::lock_guard guard(lock_);
        if (open_.count(key) != 0)
            return Outcome::refused(Refusal::Conflict, "span '" + key + "' has already begun");
        if (open_.size() >= kMaxOpenSpans) {
            // Spans that never end must not pile up: the oldest open one is dropped.
            auto oldest = std::min_element(open_.begin(), open_.end(), [](const auto &a, const auto &b) {
                return a.second.order < b.second.order;
            });
            open_.erase(oldest);
        }
        open.order = ++openOrder_;
        open_.emplace(key, open);
    }
    return Outcome::success({{QStringLiteral("span"), QJsonObject{{QStringLiteral("span_id"), id.toString()},
                                                                  {QStringLiteral("phase"), QStringLiteral("begin")},
                                                                  {QStringLiteral("name"), qs(open.name)},
                                                                  {QStringLiteral("category"), qs(open.category)}}}});
}

Outcome PerfProfiler::endSpan(const QJsonObject &request)
{
    const QJsonValue id = request.value(QStringLiteral("span_id"));
    if (!id.isString() || id.toString().isEmpty())
        return Outcome::refused(Refusal::BadValue, "span_id must be a non-empty string");
    std::optional<double> rssEnd;
    if (auto bad = readNumber(request, "rss_mb", 0, kMaxDurationMs, &rssEnd))
        return Outcome::refused(Refusal::BadValue, *bad);
    const std::string key = id.toString().toStdString();
    OpenSpan open;
    {
        std::lock_guard guard(lock_);
        auto it = open_.find(key);
        if (it == open_.end())
            return Outcome::refused(Refusal::NotFound, "no open span '" + key + "'");
        open = it->second;
        open_.erase(it);
    }
    const double durationMs = static_cast<double>(monotonicNs() - open.startNs) / 1e6;
    std::optional<double> delta;
    if (open.rssMb && rssEnd)
        delta = *rssEnd - *open.rssMb;
    recordSpan(open.name, open.category, durationMs, delta, {});
    return Outcome::success({{QStringLiteral("span"), QJsonObject{{QStringLiteral("span_id"), id.toString()},
                                                                  {QStringLiteral("name"), qs(open.name)},
                                                                  {QStringLiteral("category"), qs(open.category)},
                                                                  {QStringLiteral("duration_ms"), durationMs},
                                                                  {QStringLiteral("mem_delta_mb"),
                                                                   delta ? QJsonValue(*delta) : QJsonValue()}}}});
}

Outcome PerfProfiler::reset()
{
    {
        std::lock_guard guard(lock_);
        aggregates_.clear();
        categories_.clear();
        recent_.clear();
        open_.clear();
        marks_ = 0;
        spans_ = 0;
    }
    publish("reset", {});
    return Outcome::success({{QStringLiteral("reset"), true}});
}

QJsonObject PerfProfiler::aggregateJson(const Aggregate &a) const
{
    return {{QStringLiteral("name"), qs(a.name)},
            {QStringLiteral("category"), qs(a.category)},
            {QStringLiteral("count"), static_cast<double>(a.count)},
            {QStringLiteral("total_ms"), a.totalMs},
            {QStringLiteral("mean_ms"), a.count > 0 ? a.totalMs / static_cast<double>(a.count) : 0.0},
            {QStringLiteral("max_ms"), a.maxMs},
            {QStringLiteral("mem_delta_mb"), a.memDeltaMb},
            {QStringLiteral("max_mem_delta_mb"), a.maxMemDeltaMb}};
}

std::vector<PerfProfiler::Aggregate> PerfProfiler::topBy(bool memory, int limit) const
{
    std::vector<Aggregate> all;
    all.reserve(aggregates_.size());
    for (const auto &[key, a] : aggregates_)
        all.push_back(a);
    const auto score = [memory](const Aggregate &a) { return memory ? a.memDeltaMb : a.totalMs; };
    std::sort(all.begin(), all.end(), [&](const Aggregate &x, const Aggregate &y) {
        if (score(x) != score(y))
            return score(x) > score(y);
        return std::tie(x.category, x.name) < std::tie(y.category, y.name);
    });
    if (memory)
        std::erase_if(all, [](const Aggregate &a) { return a.memDeltaMb <= 0; });
    if (static_cast<int>(all.size()) > limit)
        all.resize(static_cast<std::size_t>(limit));
    return all;
}

QJsonObject PerfProfiler::dashboardJson(int limit) const
{
    QJsonObject dashboard;
    {
        std::lock_guard guard(lock_);
        QJsonArray topTime;
        QJsonArray topMemory;
        for (const Aggregate &a : topBy(false, limit))
            topTime.append(aggregateJson(a));
        for (const Aggregate &a : topBy(true, limit))
            topMemory.append(aggregateJson(a));
        double totalS = 0;
        for (const auto &[name, c] : categories_)
            totalS += c.totalS;
        QJsonArray slices;
        QJsonObject marksByCategory;
        for (const auto &[name, c] : categories_) {
            if (c.spans > 0)
                slices.append(QJsonObject{{QStringLiteral("category"), qs(name)},
                                          {QStringLiteral("count"), static_cast<double>(c.spans)},
                                          {QStringLiteral("total_ms"), c.totalS * 1000.0},
                                          {QStringLiteral("share"), totalS > 0 ? c.totalS / totalS : 0.0}});
            if (c.marks > 0)
                marksByCategory.insert(qs(name), static_cast<double>(c.marks));
        }
        QJsonArray recent;
        for (auto it = recent_.rbegin(); it != recent_.rend() && recent.size() < limit; ++it) {
            QJsonObject r{{QStringLiteral("kind"), it->isSpan ? QStringLiteral("span") : QStringLiteral("mark")},
                          {QStringLiteral("name"), qs(it->name)},
                          {QStringLiteral("category"), qs(it->category)},
                          {QStringLiteral("timestamp"), it->timestamp}};
            if (it->isSpan) {
                r.insert(QStringLiteral("duration_ms"), it->durationMs);
                r.insert(QStringLiteral("mem_delta_mb"), it->memDeltaMb ? QJsonValue(*it->memDeltaMb) : QJsonValue());
            }
            recent.append(r);
        }
        dashboard = {{QStringLiteral("top_time"), topTime},
                     {QStringLiteral("top_memory"), topMemory},
                     {QStringLiteral("categories"), slices},
                     {QStringLiteral("marks"), QJsonObject{{QStringLiteral("total"), static_cast<double>(marks_)},
                                                           {QStringLiteral("by_category"), marksByCategory}}},
                     {QStringLiteral("spans"), QJsonObject{{QStringLiteral("total"), static_cast<double>(spans_)},
                                                           {QStringLiteral("open"), static_cast<int>(open_.size())}}},
                     {QStringLiteral("recent"), recent}};
    }
    publish("dashboard", {{QStringLiteral("top_time"), dashboard.value(QStringLiteral("top_time"))},
                          {QStringLiteral("marks"), dashboard.value(QStringLiteral("marks"))}});
    return dashboard;
}

QJsonObject PerfProfiler::healthJson() const
{
    std::lock_guard guard(lock_);
    QJsonArray top;
    for (const Aggregate &a : topBy(false, 5))
        top.append(aggregateJson(a));
    return {{QStringLiteral("top_offenders"), top},
            {QStringLiteral("marks"), static_cast<double>(marks_)},
            {QStringLiteral("spans"), static_cast<double>(spans_)}};
}

std::map<std::string, PerfProfiler::CategoryStats> PerfProfiler::categories() const
{
    std::lock_guard guard(lock_);
    return categories_;
}

std::vector<PerfProfiler::Aggregate> PerfProfiler::aggregates() const
{
    std::lock_guard guard(lock_);
    std::vector<Aggregate> all;
    all.reserve(aggregates_.size());
    for (const auto &[key, a] : aggregates_)
        all.push_back(a);
    return all;
}

std::uint64_t PerfProfiler::totalMarks() const
{
    std::lock_guard guard(lock_);
    return marks_;
}

std::uint64_t PerfProfiler::totalSpans() const
{
    std::lock_guard guard(lock_);
    return spans_;
}

} // namespace perfwb::budgets
