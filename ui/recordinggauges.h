// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "model/profile.h"

#include <QWidget>
#include <string_view>

namespace perfwb::budgets {
class BudgetManager;
}

namespace perfwb::ui {

class GaugeWidget;

// The recording tab's budget gauges: the recorded process tree's CPU (as a share of all
// cores, like max_cpu_percent) and RSS against the budget in force, from the /proc
// poller's timelines in each live snapshot. The crossings are marked by the recorder
// itself (ServicePanels' RecordOptions::watchReadings), which sees every reading.
class RecordingGauges : public QWidget {
    Q_OBJECT
public:
    RecordingGauges(budgets::BudgetManager &budgets, int cores, QWidget *parent = nullptr);

    void observe(const model::Profile &profile);
    GaugeWidget *cpu() const { return cpu_; }
    GaugeWidget *rss() const { return rss_; }

private:
    void feed(const model::Profile &profile, std::string_view timeline, GaugeWidget *gauge, double limit, double scale,
              qint64 &seenNs);

    budgets::BudgetManager &budgets_;
    int cores_;
    GaugeWidget *cpu_;
    GaugeWidget *rss_;
    qint64 cpuSeenNs_ = -1;
    qint64 rssSeenNs_ = -1;
};

} // namespace perfwb::ui
