// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "model/profile.h"
#include "reportview.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>
#include <optional>

class QAction;
class QStackedWidget;
class QTabWidget;

namespace perfwb::record {
struct RecordOptions;
}

namespace perfwb::ui {

class CompareView;
class ExportController;
class ExportMenu;
class ExportStatus;
class FlameGraphOptions;
class RecentFiles;
class RecordingController;
class ReportDocument;
class ReportSaver;
class ReportStatusFields;
class ServicePanels;

// The workbench window: one tab per open report, menus, toolbar and status bar.
// Every long job (open, import, save, export) goes through BackgroundJob and the
// engine; the views never parse files or talk to processes.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens a report or importable file in a new tab (off the GUI thread), on `page` if
    // given (`perfwb FILE --page NAME`); reportOpened or errorShown follows.
    void openFile(const QString &path, std::optional<ReportView::Page> page = std::nullopt);
    // Writes the current report's filtered view with one exporter into the
    // standard output directory (or `path`); exportFinished or errorShown follows.
    void exportCurrent(const QString &format, const QString &path = {});
    void saveCurrentAs(const QString &path);
    // Compares the current report (the base run) with a report or profile file (the new
    // run) in a new tab; comparisonOpened or errorShown follows.
    void compareWith(const QString &path);
    // Opens both files (off the GUI thread) and compares them in a new tab.
    void compareFiles(const QString &basePath, const QString &newPath);
    // Starts recording in a new tab (what Record… and Attach… end in).
    void startRecording(const record::RecordOptions &options);
    void stopRecording();

    ReportView *currentView() const;
    ReportView *viewAt(int index) const;
    CompareView *currentComparison() const;
    int reportCount() const;
    bool closeReport(int index);                // false when the user kept an unsaved recording
    QString statusText() const;                 // the status bar fields, for tests
    QAction *action(const QString &name) const; // by objectName, e.g. "export-svg"
    // Help → Keyboard Shortcuts: (keys, what they do), each once, the flame graph's keys last.
    QList<QPair<QString, QString>> shortcutList() const;
    RecordingController *recordingController() const { return recorder_; }
    ServicePanels *servicePanels() const { return panels_; }
    ExportMenu *exportMenu() const { return exportMenu_; }
    ExportStatus *exportStatus() const { return exportStatus_; }

Q_SIGNALS:
    void reportOpened(perfwb::ui::ReportView *view);
    void comparisonOpened(perfwb::ui::CompareView *view);
    void exportFinished(const QString &path);
    void saveFinished(const QString &path);
    void errorShown(const QString &message);
    void recordingFinished(const QString &path);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createMenus();
    ReportView *addReport(std::shared_ptr<const model::Profile> profile, const QString &path, bool dirty);
    void showError(const QString &title, const QString &message);
    void updateStatus();
    void updateActions();
    void updateTabTitle(ReportView *view);
    bool maybeSave(ReportView *view); // false when the user kept the tab open
    void openDialog();
    void compareDialog();
    CompareView *addComparison(std::shared_ptr<const model::Profile> base, const QString &basePath,
                               std::shared_ptr<const model::Profile> next, const QString &newPath);
    // Record… with the Record dialog; a FIL_PERF preset chosen in it when PRESET is set.
    void recordDialog(const QString &preset = {});
    void presetsDialog();
    void attachDialog();
    void showShortcuts();
    void showAbout();
    void loadInto(ReportView *view, const QString &path); // a finished recording, in place

    QStackedWidget *stack_;
    QTabWidget *tabs_;
    RecentFiles *recent_ = nullptr;
    ExportMenu *exportMenu_ = nullptr;
    ExportStatus *exportStatus_ = nullptr;
    QAction *saveAs_ = nullptr;
    QAction *close_ = nullptr;
    QAction *stop_ = nullptr;
    QAction *record_ = nullptr;
    QAction *attach_ = nullptr;
    QAction *find_ = nullptr;
    QAction *compare_ = nullptr;
    QAction *resetZoom_ = nullptr;
    FlameGraphOptions *viewOptions_;
    ReportStatusFields *statusFields_ = nullptr;
    ReportSaver *saver_;
    RecordingController *recorder_;
    ExportController *exports_;
    ServicePanels *panels_;
    QPointer<ReportView> recordingView_;
};

} // namespace perfwb::ui
