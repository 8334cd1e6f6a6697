// SPDX-License-Identifier: GPL-3.0-or-later
#include "budgetmanager.h"

#include "payloadanonymizer.h"
#include "perfevent.h"

#include <QJsonArray>

#include <chrono>
#include <cmath>

namespace perfwb::budgets {

namespace {

constexpr std::size_t kMaxIdLength = 256;
// Lazy assets are evicted by size; their number is capped too, so zero-sized ones cannot
// grow the manager without bound.
constexpr std::size_t kMaxAssets = 100000;

std::int64_t nowUnixMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

PerfEvent budgetEvent(const char *trigger, const QJsonObject &payload)
{
    return PerfEvent{QString::fromLatin1(PerfEvent::kBudgetState), QString::fromLatin1(trigger),
                     PayloadAnonymizer::anonymize(payload), static_cast<double>(nowUnixMs()) / 1000.0};
}

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

std::string fixed(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", v);
    return buf;
}

// A hint: absent, or a finite number >= 0.
std::optional<std::string> readHint(const QJsonObject &perf, const char *key, std::optional<double> *out)
{
    const QJsonValue v = perf.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isDouble() || !std::isfinite(v.toDouble()) || v.toDouble() < 0)
        return std::string("payload.perf.") + key + " must be a number >= 0";
    *out = v.toDouble();
    return std::nullopt;
}

std::optional<std::string> checkId(const QJsonValue &v, const char *field)
{
    if (!v.isString() || v.toString().isEmpty())
        return std::string(field) + " must be a non-empty string";
    if (static_cast<std::size_t>(v.toString().size()) > kMaxIdLength)
        return std::string(field) + " is longer than 256 characters";
    return std::nullopt;
}

} // namespace

const char *Job::stateName(State s)
{
    switch (s) {
    case State::Queued:
        return "queued";
    case State::Delayed:
        return "delayed";
    case State::Running:
        return "running";
    }
    return "";
}

BudgetManager::BudgetManager(HookBus &hooks, MetricsSource source)
    : hooks_(hooks)
    , source_(std::move(source))
{
    if (!source_) {
        sampler_ = std::make_unique<HostMetricsSampler>();
        source_ = [this] { return sampler_->sample(); };
    }
    metrics_ = source_();
    defaults_ = BudgetLimits::defaults(metrics_.memTotalMb, metrics_.vramTotalMb);
    limits_ = defaults_;
}

BudgetManager::~BudgetManager() = default;

BudgetLimits BudgetManager::limits() const
{
    std::lock_guard guard(lock_);
    return limits_;
}

BudgetLimits BudgetManager::defaultLimits() const
{
    std::lock_guard guard(lock_);
    return defaults_;
}

std::string BudgetManager::vramUnavailableReason() const
{
    if (metrics().vramUsedMb)
        return {};
    if (sampler_ == nullptr)
        return "this metrics source does not measure VRAM";
    return sampler_->vramUnavailableReason();
}

void BudgetManager::emitAll(const Events &events) const
{
    for (const PerfEvent &e : events)
        hooks_.publish(e);
}

void BudgetManager::noteEvicted(const std::vector<LazyAssets::Asset> &assets, const char *reason, Events &events)
{
    for (const auto &a : assets)
        events.push_back(budgetEvent("asset_evicted", {{QStringLiteral("asset_id"), qs(a.id)},
                                                       {QStringLiteral("size_mb"), a.sizeMb},
                                                       {QStringLiteral("reason"), QLatin1String(reason)}}));
}

void BudgetManager::unloadAndEmit(std::vector<LazyAssets::Asset> &evicted, const Events &events) const
{
    // No lock is held here: an unload handler or a subscriber may call back into us.
    for (auto &a : evicted) {
        if (a.unload)
            a.unload(a.id);
    }
    emitAll(events);
}

Outcome BudgetManager::applyLimits(const QJsonObject &patch)
{
    Events events;
    std::vector<LazyAssets::Asset> evicted;
    QJsonObject limitsJson;
    {
        std::lock_guard guard(lock_);
        auto next = limits_.patched(patch);
        if (!next)
            return Outcome::refused(Refusal::BadValue, next.message());
        limits_ = next.value();
        limitsJson = limits_.toJson();
        QJsonArray changed;
        for (auto it = patch.begin(); it != patch.end(); ++it)
            changed.append(it.key());
        events.push_back(budgetEvent("limits_updated",
                                     {{QStringLiteral("limits"), limitsJson}, {QStringLiteral("changed"), changed}}));
        // New limits may let delayed jobs run, or put assets over the target.
        promoteDelayed(nowUnixMs(), events);
        evicted = assets_.evictToTarget(limits_.lazyAssetTargetMb);
        noteEvicted(evicted, "lru", events);
    }
    unloadAndEmit(evicted, events);
    return Outcome::success({{QStringLiteral("limits"), limitsJson}});
}

Outcome BudgetManager::resetLimits()
{
    return applyLimits(defaultLimits().toJson());
}

HostMetrics BudgetManager::metrics() const
{
    std::lock_guard guard(lock_);
    return metrics_;
}

void BudgetManager::evaluate()
{
    const HostMetrics sampled = source_(); // outside the lock: it reads /proc
    Events events;
    std::vector<LazyAssets::Asset> evicted;
    {
        std::lock_guard guard(lock_);
        metrics_ = sampled;
        promoteDelayed(nowUnixMs(), events);
        evicted = assets_.evictToTarget(limits_.lazyAssetTargetMb);
        noteEvicted(evicted, "lru", events);
    }
    unloadAndEmit(evicted, events);
}

std::optional<std::string> BudgetManager::pressureReason(const Job &job) const
{
    int running = 0;
    double cpu = 0;
    double ram = 0;
    double vram = 0;
    for (const Job &j : jobs_) {
        if (j.state != Job::State::Running)
            continue;
        ++running;
        cpu += j.hints.cpuPercent.value_or(0);
        ram += j.hints.ramMb.value_or(0);
        vram += j.hints.vramMb.value_or(0);
    }
    if (running >= limits_.maxRunningJobs)
        return "running jobs " + std::to_string(running) + " >= max_running_jobs " +
               std::to_string(limits_.maxRunningJobs);
    const auto over = [](const char *what, double measured, double reserved, double hint, double limit,
                         const char *unit) -> std::optional<std::string> {
        if (measured + reserved + hint <= limit)
            return std::nullopt;
        return std::string(what) + " " + fixed(measured) + unit + " in use + " + fixed(reserved) + unit +
               " reserved + " + fixed(hint) + unit + " for this job > " + "max_" + what +
               (unit[0] == '%' ? "_percent " : "_mb ") + fixed(limit) + unit;
    };
    if (auto r = over("cpu", metrics_.cpuPercent, cpu, job.hints.cpuPercent.value_or(0), limits_.maxCpuPercent, "%"))
        return r;
    if (auto r = over("mem", metrics_.memUsedMb, ram, job.hints.ramMb.value_or(0), limits_.maxMemMb, " MB"))
        return r;
    // VRAM is checked only where it can be measured and a limit is set.
    if (metrics_.vramUsedMb && limits_.maxVramMb > 0) {
        if (auto r = over("vram", *metrics_.vramUsedMb, vram, job.hints.vramMb.value_or(0), limits_.maxVramMb, " MB"))
            return r;
    }
    return std::nullopt;
}

std::vector<std::string> BudgetManager::promoteDelayed(std::int64_t nowMs, Events &events)
{
    std::vector<std::string> promoted;
    for (Job &j : jobs_) {
        if (j.state != Job::State::Delayed)
            continue;
        if (auto reason = pressureReason(j)) {
            j.reason = *reason;
            continue;
        }
        j.state = Job::State::Running;
        j.reason.clear();
        j.startedUnixMs = nowMs;
        promoted.push_back(j.id);
        events.push_back(budgetEvent("job_promoted", {{QStringLiteral("job"), jobJson(j)}}));
    }
    return promoted;
}

Job *BudgetManager::findJob(const std::string &id)
{
    for (Job &j : jobs_) {
        if (j.id == id)
            return &j;
    }
    return nullptr;
}

BudgetManager::QueueCounts BudgetManager::countsLocked() const
{
    QueueCounts c;
    for (const Job &j : jobs_) {
        if (j.state == Job::State::Queued)
            ++c.queued;
        else if (j.state == Job::State::Delayed)
            ++c.delayed;
        else
            ++c.running;
    }
    c.finished = finished_;
    return c;
}

Outcome BudgetManager::registerJob(const QJsonObject &request)
{
    if (auto bad = checkId(request.value(QStringLiteral("job_id")), "job_id"))
        return Outcome::refused(Refusal::BadValue, *bad);
    const QJsonValue type = request.value(QStringLiteral("job_type"));
    if (!type.isUndefined() && !type.isNull() && !type.isString())
        return Outcome::refused(Refusal::BadValue, "job_type must be a string");
    const QJsonValue payload = request.value(QStringLiteral("payload"));
    if (!payload.isUndefined() && !payload.isNull() && !payload.isObject())
        return Outcome::refused(Refusal::BadValue, "payload must be an object");
    const QJsonValue perf = payload.toObject().value(QStringLiteral("perf"));
    if (!perf.isUndefined() && !perf.isNull() && !perf.isObject())
        return Outcome::refused(Refusal::BadValue, "payload.perf must be an object");
    Job job;
    job.id = request.value(QStringLiteral("job_id")).toString().toStdString();
    job.type = type.isString() ? type.toString().toStdString() : "generic";
    for (auto [key, out] : {std::pair{"cpu_percent", &job.hints.cpuPercent}, std::pair{"ram_mb", &job.hints.ramMb},
                            std::pair{"vram_mb", &job.hints.vramMb}}) {
        if (auto bad = readHint(perf.toObject(), key, out))
            return Outcome::refused(Refusal::BadValue, *bad);
    }
    job.payload = PayloadAnonymizer::anonymize(payload.toObject());
    job.registeredUnixMs = nowUnixMs();
    Events events;
    QJsonObject view;
    {
        std::lock_guard guard(lock_);
        if (findJob(job.id) != nullptr)
            return Outcome::refused(Refusal::Conflict, "job '" + job.id + "' is already registered");
        if (countsLocked().depth() >= limits_.maxQueueDepth)
            return Outcome::refused(Refusal::QueueFull, "queue full: " + std::to_string(limits_.maxQueueDepth) +
                                                            " jobs waiting (max_queue_depth)");
        jobs_.push_back(std::move(job));
        view = jobJson(jobs_.back());
        events.push_back(budgetEvent("job_registered", {{QStringLiteral("job"), view}}));
    }
    emitAll(events);
    return Outcome::success({{QStringLiteral("job"), view}});
}

Outcome BudgetManager::startJob(const std::string &id)
{
    Events events;
    QJsonObject view;
    {
        std::lock_guard guard(lock_);
        Job *job = findJob(id);
        if (job == nullptr)
            return Outcome::refused(Refusal::NotFound, "no job '" + id + "'");
        if (job->state == Job::State::Queued) {
            if (auto reason = pressureReason(*job)) {
                job->state = Job::State::Delayed;
                job->reason = *reason;
                events.push_back(budgetEvent("job_delayed", {{QStringLiteral("job"), jobJson(*job)}}));
            } else {
                job->state = Job::State::Running;
                job->startedUnixMs = nowUnixMs();
                events.push_back(budgetEvent("job_started", {{QStringLiteral("job"), jobJson(*job)}}));
            }
        }
        // Starting a delayed or running job again answers its state and changes nothing.
        view = jobJson(*job);
    }
    emitAll(events);
    return Outcome::success({{QStringLiteral("job"), view}});
}

Outcome BudgetManager::finishJob(const std::string &id)
{
    Events events;
    QJsonObject view;
    {
        std::lock_guard guard(lock_);
        auto it = std::find_if(jobs_.begin(), jobs_.end(), [&](const Job &j) { return j.id == id; });
        if (it == jobs_.end())
            return Outcome::refused(Refusal::NotFound, "no job '" + id + "'");
        view = jobJson(*it);
        view.insert(QStringLiteral("previous_state"), view.value(QStringLiteral("state")));
        view.insert(QStringLiteral("state"), QStringLiteral("finished"));
        jobs_.erase(it);
        ++finished_;
        events.push_back(budgetEvent("job_finished", {{QStringLiteral("job"), view}}));
        promoteDelayed(nowUnixMs(), events); // its reservation is free now
    }
    emitAll(events);
    return Outcome::success({{QStringLiteral("job"), view}});
}

Outcome BudgetManager::refreshJobs()
{
    const HostMetrics sampled = source_();
    Events events;
    QJsonObject body;
    {
        std::lock_guard guard(lock_);
        metrics_ = sampled;
        QJsonArray promoted;
        for (const std::string &id : promoteDelayed(nowUnixMs(), events))
            promoted.append(qs(id));
        const QueueCounts c = countsLocked();
        const QJsonObject queue{{QStringLiteral("queued"), c.queued},
                                {QStringLiteral("delayed"), c.delayed},
                                {QStringLiteral("running"), c.running},
                                {QStringLiteral("finished"), static_cast<double>(c.finished)}};
        body = {{QStringLiteral("promoted"), promoted}, {QStringLiteral("queue"), queue}};
        events.push_back(budgetEvent("queue_refreshed", body));
    }
    emitAll(events);
    return Outcome::success(body);
}

Outcome BudgetManager::registerAsset(const std::string &id, double sizeMb, LazyAssets::UnloadHandler unload)
{
    if (id.empty() || id.size() > kMaxIdLength)
        return Outcome::refused(Refusal::BadValue, "asset_id must be a non-empty string of at most 256 characters");
    if (!std::isfinite(sizeMb) || sizeMb < 0 || sizeMb > 1024.0 * 1024 * 1024)
        return Outcome::refused(Refusal::BadValue, "size_mb must be a number >= 0");
    Events events;
    std::vector<LazyAssets::Asset> evicted;
    QJsonObject body;
    {
        std::lock_guard guard(lock_);
        if (assets_.count() >= kMaxAssets && assets_.find(id) == nullptr)
            return Outcome::refused(Refusal::QueueFull, "too many lazy assets (100000): evict some first");
        evicted = assets_.add(id, sizeMb, std::move(unload), limits_.lazyAssetTargetMb, nowUnixMs());
        const LazyAssets::Asset *a = assets_.find(id);
        QJsonArray ids;
        for (const auto &e : evicted)
            ids.append(qs(e.id));
        noteEvicted(evicted, "lru", events);
        const QJsonObject asset{{QStringLiteral("asset_id"), qs(id)},
                                {QStringLiteral("size_mb"), sizeMb},
                                {QStringLiteral("last_touch"), static_cast<double>(a->lastTouchUnixMs) / 1000.0}};
        events.insert(events.begin(),
                      budgetEvent("asset_registered",
                                  {{QStringLiteral("asset"), asset}, {QStringLiteral("total_mb"), assets_.totalMb()}}));
        body = {{QStringLiteral("asset"), asset}, {QStringLiteral("evicted"), ids}};
    }
    unloadAndEmit(evicted, events);
    return Outcome::success(body);
}

Outcome BudgetManager::touchAsset(const std::string &id)
{
    std::lock_guard guard(lock_);
    if (!assets_.touch(id, nowUnixMs()))
        return Outcome::refused(Refusal::NotFound, "no asset '" + id + "'");
    const LazyAssets::Asset *a = assets_.find(id);
    return Outcome::success(
        {{QStringLiteral("asset"),
          QJsonObject{{QStringLiteral("asset_id"), qs(id)},
                      {QStringLiteral("size_mb"), a->sizeMb},
                      {QStringLiteral("last_touch"), static_cast<double>(a->lastTouchUnixMs) / 1000.0}}}});
}

Outcome BudgetManager::evictAssets(const std::string &id)
{
    Events events;
    std::vector<LazyAssets::Asset> evicted;
    {
        std::lock_guard guard(lock_);
        if (!id.empty()) {
            auto one = assets_.evict(id);
            if (!one)
                return Outcome::refused(Refusal::NotFound, "no asset '" + id + "'");
            evicted.push_back(std::move(*one));
        } else {
            evicted = assets_.evictToTarget(limits_.lazyAssetTargetMb);
        }
        noteEvicted(evicted, id.empty() ? "lru" : "requested", events);
    }
    QJsonArray ids;
    for (const auto &a : evicted)
        ids.append(qs(a.id));
    unloadAndEmit(evicted, events);
    return Outcome::success({{QStringLiteral("evicted"), ids}});
}

BudgetManager::QueueCounts BudgetManager::queueCounts() const
{
    std::lock_guard guard(lock_);
    return countsLocked();
}

std::vector<Job> BudgetManager::jobs() const
{
    std::lock_guard guard(lock_);
    return {jobs_.begin(), jobs_.end()};
}

std::vector<LazyAssets::Asset> BudgetManager::assets() const
{
    std::lock_guard guard(lock_);
    return {assets_.items().begin(), assets_.items().end()};
}

double BudgetManager::assetsTotalMb() const
{
    std::lock_guard guard(lock_);
    return assets_.totalMb();
}

std::uint64_t BudgetManager::assetEvictions() const
{
    std::lock_guard guard(lock_);
    return assets_.evictions();
}

QJsonObject BudgetManager::metricsJson(const HostMetrics &m)
{
    return {{QStringLiteral("cpu_percent"), m.cpuPercent},
            {QStringLiteral("mem_used_mb"), m.memUsedMb},
            {QStringLiteral("mem_total_mb"), m.memTotalMb},
            {QStringLiteral("vram_used_mb"), m.vramUsedMb ? QJsonValue(*m.vramUsedMb) : QJsonValue()},
            {QStringLiteral("vram_total_mb"), m.vramTotalMb ? QJsonValue(*m.vramTotalMb) : QJsonValue()},
            {QStringLiteral("sampled_at"), static_cast<double>(m.sampledAtUnixMs) / 1000.0}};
}

QJsonObject BudgetManager::jobJson(const Job &job)
{
    const auto hint = [](const std::optional<double> &h) { return h ? QJsonValue(*h) : QJsonValue(); };
    QJsonObject o{{QStringLiteral("job_id"), qs(job.id)},
                  {QStringLiteral("job_type"), qs(job.type)},
                  {QStringLiteral("state"), QLatin1String(Job::stateName(job.state))},
                  {QStringLiteral("hints"), QJsonObject{{QStringLiteral("cpu_percent"), hint(job.hints.cpuPercent)},
                                                        {QStringLiteral("ram_mb"), hint(job.hints.ramMb)},
                                                        {QStringLiteral("vram_mb"), hint(job.hints.vramMb)}}},
                  {QStringLiteral("payload"), job.payload},
                  {QStringLiteral("registered_at"), static_cast<double>(job.registeredUnixMs) / 1000.0}};
    if (job.state == Job::State::Delayed)
        o.insert(QStringLiteral("reason"), qs(job.reason));
    if (job.startedUnixMs != 0)
        o.insert(QStringLiteral("started_at"), static_cast<double>(job.startedUnixMs) / 1000.0);
    return o;
}

QJsonObject BudgetManager::snapshotJson() const
{
    std::lock_guard guard(lock_);
    QJsonArray queued;
    QJsonArray delayed;
    QJsonArray running;
    QJsonArray jobs;
    for (const Job &j : jobs_) {
        if (j.state == Job::State::Queued)
            queued.append(qs(j.id));
        else if (j.state == Job::State::Delayed)
            delayed.append(QJsonObject{{QStringLiteral("job_id"), qs(j.id)}, {QStringLiteral("reason"), qs(j.reason)}});
        else
            running.append(qs(j.id));
        jobs.append(jobJson(j));
    }
    QJsonArray items;
    for (const auto &a : assets_.items())
        items.append(QJsonObject{{QStringLiteral("asset_id"), qs(a.id)},
                                 {QStringLiteral("size_mb"), a.sizeMb},
                                 {QStringLiteral("last_touch"), static_cast<double>(a.lastTouchUnixMs) / 1000.0}});
    return {
        {QStringLiteral("limits"), limits_.toJson()},
        {QStringLiteral("defaults"), defaults_.toJson()},
        {QStringLiteral("metrics"), metricsJson(metrics_)},
        {QStringLiteral("queue"), QJsonObject{{QStringLiteral("queued"), queued},
                                              {QStringLiteral("delayed"), delayed},
                                              {QStringLiteral("running"), running},
                                              {QStringLiteral("finished"), static_cast<double>(finished_)}}},
        {QStringLiteral("jobs"), jobs},
        {QStringLiteral("assets"), QJsonObject{{QStringLiteral("count"), static_cast<int>(assets_.count())},
                                               {QStringLiteral("total_mb"), assets_.totalMb()},
                                               {QStringLiteral("target_mb"), limits_.lazyAssetTargetMb},
                                               {QStringLiteral("evictions"), static_cast<double>(assets_.evictions())},
                                               {QStringLiteral("items"), items}}}};
}

QJsonObject BudgetManager::healthJson() const
{
    std::lock_guard guard(lock_);
    const QueueCounts c = countsLocked();
    return {{QStringLiteral("queue"), QJsonObject{{QStringLiteral("queued"), c.queued},
                                                  {QStringLiteral("delayed"), c.delayed},
                                                  {QStringLiteral("running"), c.running},
                                                  {QStringLiteral("finished"), static_cast<double>(c.finished)}}},
            {QStringLiteral("assets"), QJsonObject{{QStringLiteral("count"), static_cast<int>(assets_.count())},
                                                   {QStringLiteral("total_mb"), assets_.totalMb()},
                                                   {QStringLiteral("target_mb"), limits_.lazyAssetTargetMb}}}};
}

} // namespace perfwb::budgets
