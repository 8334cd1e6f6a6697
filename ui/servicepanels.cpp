// SPDX-License-Identifier: GPL-3.0-or-later
#include "servicepanels.h"

#include "budgetspage.h"
#include "memoryplot.h"
#include "recordingcontroller.h"
#include "recordinggauges.h"
#include "recordingindicator.h"
#include "reportdocument.h"
#include "reportview.h"
#include "settingsdialog.h"
#include "workbenchservice.h"

#include "budgets/limitwatch.h"
#include "budgets/perfservice.h"
#include "record/recordsession.h"

#include <QAction>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QMainWindow>
#include <QPointer>
#include <QThread>

#include <algorithm>
#include <memory>
#include <optional>

namespace perfwb::ui {

ServicePanels::ServicePanels(QMainWindow *window, RecordingController *recorder)
    : QObject(window)
    , window_(window)
    , recorder_(recorder)
    , service_(new WorkbenchService(WorkbenchService::Options{}, this))
    , dock_(new QDockWidget(tr("Budgets"), window))
    , page_(new BudgetsPage(*service_, dock_))
    , settings_(new QAction(tr("&Settings…"), this))
{
    // Each recording marks where the process tree crosses a budget in force when it started,
    // once per excursion ("over max_mem_mb: 812 MB > 800 MB"), on the recorder's thread:
    // every reading is seen, up to the run's last one, and the report gets the mark.
    recorder_->setReadingWatchFactory([this] {
        const budgets::BudgetLimits limits = service_->service().budgets().limits();
        const double cores = std::max(1, QThread::idealThreadCount());
        return [limits, cores, watch = std::make_shared<budgets::LimitWatch>()](
                   std::string_view timeline, std::int64_t timeNs, double value) -> std::optional<model::Mark> {
            std::optional<budgets::LimitWatch::Crossing> crossing;
            if (timeline == model::timelines::kRss)
                crossing = watch->observe("max_mem_mb", value / (1024.0 * 1024.0), limits.maxMemMb, "MB");
            else if (timeline == model::timelines::kCpu) // the poller's % is of one core, the budget's of all
                crossing = watch->observe("max_cpu_percent", value / cores, limits.maxCpuPercent, "%");
            if (!crossing)
                return std::nullopt;
            return model::Mark{crossing->text(), model::kBudgetMarkCategory, timeNs, timeNs, 0};
        };
    });
    dock_->setObjectName(QStringLiteral("budgets-dock"));
    dock_->setWidget(page_);
    window->addDockWidget(Qt::BottomDockWidgetArea, dock_);
    dock_->hide(); // View → Budgets (Ctrl+B) shows it
    QAction *toggle = dock_->toggleViewAction();
    toggle->setObjectName(QStringLiteral("view-budgets"));
    toggle->setText(tr("&Budgets"));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    settings_->setObjectName(QStringLiteral("settings"));
    settings_->setShortcut(QKeySequence::Preferences);
    settings_->setMenuRole(QAction::PreferencesRole);
    connect(settings_, &QAction::triggered, this, &ServicePanels::showSettings);
    connect(page_, &BudgetsPage::settingsRequested, this, &ServicePanels::showSettings);
    // Marks a program posts while the GUI records it land in that recording, on the
    // samples' clock (the sink gets CLOCK_MONOTONIC times).
    service_->service().profiler().setSink([recorder](const budgets::PerfProfiler::TimedEntry &e) {
        recorder->addMark(model::Mark{e.name, e.category, e.startNs, e.endNs, 0});
    });
}

ServicePanels::~ServicePanels()
{
    service_->service().profiler().setSink({});
}

QAction *ServicePanels::budgetsAction() const
{
    return dock_->toggleViewAction();
}

void ServicePanels::prepare(record::RecordOptions &options) const
{
    if (!service_->isListening() || options.command.empty()) // attach: its environment is set
        return;
    for (const auto &[name, value] : options.extraEnvironment) {
        if (name == "PERFWB_API_URL")
            return;
    }
    options.extraEnvironment.emplace_back("PERFWB_API_URL", service_->url().toStdString());
}

void ServicePanels::attachRecording(ReportView *view)
{
    auto *strip = new QWidget(view);
    auto *indicator = new RecordingIndicator(recorder_, strip);
    auto *gauges = new RecordingGauges(service_->service().budgets(), QThread::idealThreadCount(), strip);
    auto *layout = new QHBoxLayout(strip);
    layout->setContentsMargins(6, 0, 0, 0);
    layout->addWidget(indicator);
    layout->addWidget(gauges, 1);
    view->setHeaderWidget(strip);
    view->memory()->setLive(true);
    view->document()->setLive(true);
    QPointer<ReportView> guard(view);
    auto *context = new QObject(strip); // the connections end with the strip
    connect(recorder_, &RecordingController::snapshotReady, context,
            [gauges, indicator](const std::shared_ptr<const model::Profile> &profile) {
                indicator->observe(*profile);
                gauges->observe(*profile);
            });
    const auto detach = [guard] {
        if (!guard)
            return;
        guard->setHeaderWidget(nullptr);
        guard->memory()->setLive(false);
        guard->document()->setLive(false);
    };
    connect(recorder_, &RecordingController::finished, context, detach);
    connect(recorder_, &RecordingController::failed, context, detach);
}

void ServicePanels::showSettings()
{
    SettingsDialog dialog(*service_, window_);
    dialog.exec();
}

} // namespace perfwb::ui
