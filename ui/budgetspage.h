// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <QWidget>

#include <map>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;

namespace perfwb::ui {

class AssetTableModel;
class DashboardView;
class GaugeWidget;
class JobTableModel;
class LimitsEditor;
class WorkbenchService;

// The Budgets page: gauges for CPU, memory, VRAM (hidden, with the reason, without
// NVML), running jobs, queue depth and lazy assets against their limits; the limits
// editor; the job and asset tables; the profiler dashboard. Everything is read from the
// in-process service when its hooks fire, never by polling the HTTP API.
class BudgetsPage : public QWidget {
    Q_OBJECT
public:
    enum class Gauge { Cpu, Memory, Vram, RunningJobs, QueueDepth, LazyAssets };
    explicit BudgetsPage(WorkbenchService &service, QWidget *parent = nullptr);

    GaugeWidget *gauge(Gauge which) const { return gauges_.at(which); }
    QString vramReason() const;
    LimitsEditor *limitsEditor() const { return limits_; }
    JobTableModel *jobs() const { return jobs_; }
    AssetTableModel *assets() const { return assets_; }
    DashboardView *dashboard() const { return dashboard_; }
    QTabWidget *tabs() const { return tabs_; }
    // Evicts the selected assets (the table's Evict button).
    void evictSelected();
    void refreshBudgets();
    void refreshFlags();

Q_SIGNALS:
    void settingsRequested();

private:
    QWidget *makeGauges();
    QWidget *makeJobs();
    QWidget *makeAssets();

    WorkbenchService &service_;
    std::map<Gauge, GaugeWidget *> gauges_;
    QLabel *vramReason_ = nullptr;
    QLabel *banner_ = nullptr;
    QPushButton *turnOn_ = nullptr;
    QLabel *endpoint_ = nullptr;
    QWidget *gaugeArea_ = nullptr;
    LimitsEditor *limits_ = nullptr;
    JobTableModel *jobs_ = nullptr;
    AssetTableModel *assets_ = nullptr;
    QTableView *assetView_ = nullptr;
    QSortFilterProxyModel *sortedAssets_ = nullptr;
    DashboardView *dashboard_ = nullptr;
    QTabWidget *tabs_ = nullptr;
};

} // namespace perfwb::ui
