// SPDX-License-Identifier: GPL-3.0-or-later
#include "prometheusexposition.h"

#include "budgets/perfservice.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace perfwb::server {

namespace {

QByteArray number(double v)
{
    if (std::isnan(v))
        return "NaN";
    if (std::isinf(v))
        return v > 0 ? "+Inf" : "-Inf";
    char buf[64];
    if (v == std::floor(v) && std::fabs(v) < 1e15)
        std::snprintf(buf, sizeof buf, "%.0f", v);
    else {
        // The shortest form that reads back as the same double: "0.005", not "0.0050000000000000001".
        std::snprintf(buf, sizeof buf, "%.15g", v);
        if (std::strtod(buf, nullptr) != v)
            std::snprintf(buf, sizeof buf, "%.17g", v);
    }
    return buf;
}

class Writer {
public:
    void family(const char *name, const char *type, const char *help)
    {
        out_ += QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + ' ' + type + '\n';
    }
    void sample(const QByteArray &name, double value, const QByteArray &labels = {})
    {
        out_ += name;
        if (!labels.isEmpty())
            out_ += '{' + labels + '}';
        out_ += ' ' + number(value) + '\n';
    }
    QByteArray take() { return std::move(out_); }

private:
    QByteArray out_;
};

QByteArray label(const char *name, const QByteArray &value)
{
    return QByteArray(name) + "=\"" + PrometheusExposition::escapeLabel(value) + '"';
}

void writeBudgets(Writer &w, budgets::BudgetManager &b)
{
    const budgets::BudgetLimits limits = b.limits();
    const QJsonObject lj = limits.toJson();
    w.family("perfwb_budget_limit", "gauge", "Budget limit by key (units as in the API: %, MB, jobs, seconds).");
    for (auto it = lj.begin(); it != lj.end(); ++it)
        w.sample("perfwb_budget_limit", it.value().toDouble(), label("limit", it.key().toUtf8()));
    const budgets::HostMetrics m = b.metrics();
    w.family("perfwb_host_cpu_percent", "gauge", "Host CPU in use, percent of all cores, at the last evaluation.");
    w.sample("perfwb_host_cpu_percent", m.cpuPercent);
    w.family("perfwb_host_memory_used_bytes", "gauge", "Host memory in use (MemTotal - MemAvailable).");
    w.sample("perfwb_host_memory_used_bytes", m.memUsedMb * 1024 * 1024);
    w.family("perfwb_host_memory_total_bytes", "gauge", "Host memory in all.");
    w.sample("perfwb_host_memory_total_bytes", m.memTotalMb * 1024 * 1024);
    if (m.vramUsedMb) { // absent, not 0, without NVML
        w.family("perfwb_host_vram_used_bytes", "gauge", "VRAM in use on all GPUs (NVML).");
        w.sample("perfwb_host_vram_used_bytes", *m.vramUsedMb * 1024 * 1024);
    }
    const budgets::BudgetManager::QueueCounts c = b.queueCounts();
    w.family("perfwb_queue_depth", "gauge", "Jobs waiting to run (queued + delayed).");
    w.sample("perfwb_queue_depth", c.depth());
    w.family("perfwb_jobs", "gauge", "Jobs by state.");
    w.sample("perfwb_jobs", c.queued, label("state", "queued"));
    w.sample("perfwb_jobs", c.delayed, label("state", "delayed"));
    w.sample("perfwb_jobs", c.running, label("state", "running"));
    w.family("perfwb_jobs_finished_total", "counter", "Jobs finished since the service started.");
    w.sample("perfwb_jobs_finished_total", static_cast<double>(c.finished));
    w.family("perfwb_lazy_assets", "gauge", "Lazy assets registered.");
    w.sample("perfwb_lazy_assets", static_cast<double>(b.assets().size()));
    w.family("perfwb_lazy_assets_bytes", "gauge", "Size of the registered lazy assets.");
    w.sample("perfwb_lazy_assets_bytes", b.assetsTotalMb() * 1024 * 1024);
    w.family("perfwb_lazy_asset_evictions_total", "counter", "Lazy assets evicted (LRU or on request).");
    w.sample("perfwb_lazy_asset_evictions_total", static_cast<double>(b.assetEvictions()));
}

void writeProfiler(Writer &w, budgets::PerfProfiler &p)
{
    const auto categories = p.categories();
    w.family("perfwb_profiler_marks_total", "counter", "Marks received, by category.");
    for (const auto &[name, c] : categories) {
        if (c.marks > 0)
            w.sample("perfwb_profiler_marks_total", static_cast<double>(c.marks),
                     label("category", QByteArray::fromStdString(name)));
    }
    w.family("perfwb_span_duration_seconds", "histogram", "Span durations, by category.");
    for (const auto &[name, c] : categories) {
        if (c.spans == 0)
            continue;
        const QByteArray cat = label("category", QByteArray::fromStdString(name));
        for (std::size_t i = 0; i < budgets::PerfProfiler::kBucketsS.size(); ++i)
            w.sample("perfwb_span_duration_seconds_bucket", static_cast<double>(c.buckets[i]),
                     cat + ',' + label("le", number(budgets::PerfProfiler::kBucketsS[i])));
        w.sample("perfwb_span_duration_seconds_bucket", static_cast<double>(c.spans), cat + ",le=\"+Inf\"");
        w.sample("perfwb_span_duration_seconds_sum", c.totalS, cat);
        w.sample("perfwb_span_duration_seconds_count", static_cast<double>(c.spans), cat);
    }
}

} // namespace

QByteArray PrometheusExposition::escapeLabel(const QByteArray &value)
{
    QByteArray out;
    out.reserve(value.size());
    for (const char ch : value) {
        if (ch == '\\')
            out += "\\\\";
        else if (ch == '"')
            out += "\\\"";
        else if (ch == '\n')
            out += "\\n";
        else
            out += ch;
    }
    return out;
}

QByteArray PrometheusExposition::render(budgets::PerfService &service)
{
    Writer w;
    const budgets::FeatureFlags f = service.flags();
    w.family("perfwb_feature_enabled", "gauge",
             "1 when the part is switched on (features.enable_perf or its legacy key).");
    w.sample("perfwb_feature_enabled", f.budgetsEnabled() ? 1 : 0, label("feature", "budgets"));
    w.sample("perfwb_feature_enabled", f.profilerEnabled() ? 1 : 0, label("feature", "profiler"));
    // Disabled parts expose only their switch: no perf metadata leaves without consent.
    if (f.budgetsEnabled())
        writeBudgets(w, service.budgets());
    if (f.profilerEnabled())
        writeProfiler(w, service.profiler());
    return w.take();
}

} // namespace perfwb::server
