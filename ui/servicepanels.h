// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <QObject>

class QAction;
class QDockWidget;
class QMainWindow;

namespace perfwb::record {
struct RecordOptions;
}

namespace perfwb::ui {

class BudgetsPage;
class RecordingController;
class ReportView;
class WorkbenchService;

// What the main window gets from the service it runs while open: the Budgets dock
// (View → Budgets), Settings… and the link between the service and a recording (the
// program gets PERFWB_API_URL; marks it posts land in the recording).
class ServicePanels : public QObject {
    Q_OBJECT
public:
    ServicePanels(QMainWindow *window, RecordingController *recorder);
    ~ServicePanels() override;

    WorkbenchService &service() { return *service_; }
    BudgetsPage *budgetsPage() const { return page_; }
    QDockWidget *budgetsDock() const { return dock_; }
    QAction *budgetsAction() const; // checkable: shows or hides the dock
    QAction *settingsAction() const { return settings_; }
    // PERFWB_API_URL for the program, when the service listens and the user did not set it.
    void prepare(record::RecordOptions &options) const;
    void showSettings();
    // Shows the recording's budget gauges above VIEW's pages while it records; a limit
    // the process tree crosses becomes a mark ("over max_mem_mb: 812 MB > 800 MB").
    void attachRecording(ReportView *view);

private:
    QMainWindow *window_;
    RecordingController *recorder_;
    WorkbenchService *service_;
    QDockWidget *dock_;
    BudgetsPage *page_;
    QAction *settings_;
};

} // namespace perfwb::ui
