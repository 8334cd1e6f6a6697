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

#include "budgets/perfservice.h"
#include "record/recordsession.h"

#include <QAction>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QMainWindow>
#include <QPointer>
#include <QThread>

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
    connect(gauges, &RecordingGauges::limitCrossed, context, [this](const QString &text, qint64 timeNs) {
        recorder_->addMark(model::Mark{text.toStdString(), model::kBudgetMarkCategory, timeNs, timeNs, 0});
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
