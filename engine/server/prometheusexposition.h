// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <QByteArray>

namespace perfwb::budgets {
class PerfService;
}

namespace perfwb::server {

// GET /api/perf/metrics: the service in Prometheus text exposition format 0.0.4
// (limits, host metrics, queue, assets, profiler counts and span duration histograms
// per category), so an existing monitoring system watches a fleet of perfwb hosts.
class PrometheusExposition {
public:
    static QByteArray render(budgets::PerfService &service);
    // A label value with \, " and newline escaped as the format requires.
    static QByteArray escapeLabel(const QByteArray &value);
};

} // namespace perfwb::server
