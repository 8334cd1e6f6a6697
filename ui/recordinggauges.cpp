// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordinggauges.h"

#include "gaugewidget.h"

#include "budgets/budgetmanager.h"

#include <QHBoxLayout>
#include <QLabel>

namespace perfwb::ui {

RecordingGauges::RecordingGauges(budgets::BudgetManager &budgets, int cores, QWidget *parent)
    : QWidget(parent)
    , budgets_(budgets)
    , cores_(std::max(1, cores))
    , cpu_(new GaugeWidget(tr("Recorded CPU"), tr("%"), 0, this))
    , rss_(new GaugeWidget(tr("Recorded RSS"), tr("MB"), 0, this))
{
    setObjectName(QStringLiteral("recording-gauges"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 2, 6, 2);
    layout->addWidget(cpu_);
    layout->addWidget(rss_);
    // VRAM per process needs NVML's process list, which perfwb does not read yet.
    auto *note = new QLabel(tr("process tree against the budget; VRAM per process is not measured"), this);
    note->setEnabled(false);
    note->setWordWrap(true);
    layout->addWidget(note);
}

void RecordingGauges::observe(const model::Profile &profile)
{
    const budgets::BudgetLimits limits = budgets_.limits();
    // The poller's CPU % is of one core; the budget's is of all of them.
    feed(profile, model::timelines::kCpu, cpu_, limits.maxCpuPercent, 1.0 / cores_, cpuSeenNs_);
    feed(profile, model::timelines::kRss, rss_, limits.maxMemMb, 1.0 / (1024.0 * 1024.0), rssSeenNs_);
}

void RecordingGauges::feed(const model::Profile &profile, std::string_view timeline, GaugeWidget *gauge, double limit,
                           double scale, qint64 &seenNs)
{
    for (const model::Timeline &t : profile.timelines) {
        if (t.name != timeline)
            continue;
        for (const model::TimePoint &pt : t.points) {
            if (pt.timeNs <= seenNs)
                continue;
            seenNs = pt.timeNs;
            const double value = pt.value * scale;
            gauge->setValue(value, limit, pt.timeNs / 1'000'000);
        }
    }
}

} // namespace perfwb::ui
