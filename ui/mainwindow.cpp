// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "attachdialog.h"
#include "compareview.h"
#include "comparisondocument.h"
#include "exportcontroller.h"
#include "exportmenu.h"
#include "exportstatus.h"
#include "flamechartwidget.h"
#include "flamegraphoptions.h"
#include "flamegraphview.h"
#include "preseteditor.h"
#include "profileloadjob.h"
#include "recentfiles.h"
#include "recorddialog.h"
#include "recordingcontroller.h"
#include "reportdocument.h"
#include "reportsaver.h"
#include "reportstatusfields.h"
#include "reportview.h"
#include "servicepanels.h"
#include "store/runmanifest.h"

#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QIcon>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSet>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QToolBar>

namespace perfwb::ui {

namespace {
// The open dialogs' filter: everything ProfileLoader opens.
QString profileFilter()
{
    return MainWindow::tr("Reports and profiles (*.perfwb *.data *.folded *.collapsed *.txt *.json "
                          "*.speedscope.json *.pstats *.prof *.cpuprofile *.austin *.zst *.gz callgrind.out.*);;"
                          "Runs (*-run.json);;All files (*)");
}
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , stack_(new QStackedWidget(this))
    , tabs_(new QTabWidget(this))
    , viewOptions_(new FlameGraphOptions(this))
    , saver_(new ReportSaver(this))
    , recorder_(new RecordingController(this))
    , exports_(new ExportController(this))
    , panels_(new ServicePanels(this, recorder_))
{
    setWindowTitle(tr("perfwb"));
    // The installed theme icon first (sized PNGs), else the SVG compiled in.
    setWindowIcon(QIcon::fromTheme(QStringLiteral("perfwb"), QIcon(QStringLiteral(":/icons/perfwb.svg"))));
    setAcceptDrops(true);
    auto *welcome = new QLabel(tr("<h2>No report open</h2><p>Open a report or an importable profile (Ctrl+O), "
                                  "drop files here, or record a program (Ctrl+R).</p>"),
                               this);
    welcome->setAlignment(Qt::AlignCenter);
    welcome->setWordWrap(true);
    stack_->addWidget(welcome);
    stack_->addWidget(tabs_);
    setCentralWidget(stack_);
    tabs_->setTabsClosable(true);
    tabs_->setMovable(true);
    connect(tabs_, &QTabWidget::tabCloseRequested, this, [this](int i) { closeReport(i); });
    connect(tabs_, &QTabWidget::currentChanged, this, [this] {
        updateStatus();
        updateActions();
    });

    createActions();
    createMenus();
    statusFields_ = new ReportStatusFields(statusBar());
    exportStatus_ = new ExportStatus(statusBar());
    connect(viewOptions_, &FlameGraphOptions::changed, this, [this] {
        for (int i = 0; i < tabs_->count(); ++i)
            viewOptions_->applyTo(tabs_->widget(i));
    });

    connect(saver_, &ReportSaver::saved, this, [this](const QString &path) {
        recent_->add(path);
        statusBar()->showMessage(tr("Saved %1").arg(path), 10000);
        Q_EMIT saveFinished(path);
    });
    connect(saver_, &ReportSaver::failed, this,
            [this](const QString &message) { showError(tr("Cannot save the report"), message); });
    connect(exports_, &ExportController::exported, this, [this](const QString &path) {
        exportStatus_->showExport(path);
        Q_EMIT exportFinished(path);
    });
    connect(exports_, &ExportController::failed, this,
            [this](const QString &message) { showError(tr("Export failed"), message); });

    connect(recorder_, &RecordingController::snapshotReady, this,
            [this](std::shared_ptr<const model::Profile> profile) {
                if (recordingView_)
                    recordingView_->document()->setProfile(std::move(profile));
            });
    connect(recorder_, &RecordingController::finished, this, [this](const QString &path, const QString &summary) {
        statusBar()->showMessage(summary, 10000);
        if (recordingView_)
            loadInto(recordingView_, path);
        updateActions();
    });
    connect(recorder_, &RecordingController::failed, this, [this](const QString &message) {
        if (recordingView_) {
            // Nothing worth keeping: close the live tab without asking.
            auto *doc = recordingView_->document();
            if (!doc->profile() || doc->profile()->samples.size() == 0) {
                doc->setDirty(false);
                closeReport(tabs_->indexOf(recordingView_));
            }
        }
        updateActions();
        showError(tr("Recording failed"), message);
    });

    QSettings settings;
    resize(1200, 800);
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    updateStatus();
    updateActions();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    const auto make = [this](const QString &name, const QString &text, const QKeySequence &key,
                             QStyle::StandardPixmap icon, auto slot) {
        auto *a = new QAction(text, this);
        a->setObjectName(name);
        if (!key.isEmpty())
            a->setShortcut(key);
        if (icon != QStyle::SP_CustomBase)
            a->setIcon(style()->standardIcon(icon));
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    make(QStringLiteral("open"), tr("&Open…"), QKeySequence::Open, QStyle::SP_DialogOpenButton,
         [this] { openDialog(); });
    record_ = make(QStringLiteral("record"), tr("&Record…"), QKeySequence(tr("Ctrl+R")), QStyle::SP_MediaPlay,
                   [this] { recordDialog(); });
    attach_ = make(QStringLiteral("attach"), tr("&Attach to Process…"), {}, QStyle::SP_ComputerIcon,
                   [this] { attachDialog(); });
    stop_ = make(QStringLiteral("stop"), tr("S&top Recording"), {}, QStyle::SP_MediaStop, [this] { stopRecording(); });
    saveAs_ = make(QStringLiteral("save-as"), tr("&Save As…"), QKeySequence::Save, QStyle::SP_DialogSaveButton, [this] {
        if (auto *v = currentView())
            saver_->saveAsDialog(v->document());
    });
    close_ = make(QStringLiteral("close"), tr("&Close"), QKeySequence::Close, QStyle::SP_CustomBase,
                  [this] { closeReport(tabs_->currentIndex()); });
    make(QStringLiteral("quit"), tr("&Quit"), QKeySequence::Quit, QStyle::SP_CustomBase, [this] { close(); });
    find_ =
        make(QStringLiteral("find"), tr("&Find in Flame Graph…"), QKeySequence::Find, QStyle::SP_CustomBase, [this] {
            if (auto *v = currentView()) {
                v->showPage(ReportView::FlameGraphPage);
                v->flameGraph()->focusSearch();
            }
        });
    resetZoom_ = make(QStringLiteral("reset-zoom"), tr("&Reset Zoom"), QKeySequence(tr("Ctrl+0")),
                      QStyle::SP_BrowserReload, [this] {
                          if (auto *v = currentView())
                              v->flameGraph()->flameGraph()->resetZoom();
                      });
}

void MainWindow::createMenus()
{
    auto *file = menuBar()->addMenu(tr("&File"));
    file->addAction(action(QStringLiteral("open")));
    recent_ = new RecentFiles(file->addMenu(tr("Open &Recent")), this);
    connect(recent_, &RecentFiles::openRequested, this, [this](const QString &path) { openFile(path); });
    file->addSeparator();
    file->addAction(record_);
    file->addAction(attach_);
    file->addAction(stop_);
    file->addSeparator();
    file->addAction(saveAs_);
    exportMenu_ = new ExportMenu(
        file->addMenu(tr("&Export")), exports_, [this] { return ExportSource::of(tabs_->currentWidget()); }, this);
    compare_ = file->addAction(tr("Compare &With…"), this, &MainWindow::compareDialog);
    compare_->setObjectName(QStringLiteral("compare"));
    compare_->setStatusTip(tr("Compare this report (the base run) with another run, side by side and as a diff"));
    file->addSeparator();
    file->addAction(close_);
    file->addSeparator();
    file->addAction(tr("FIL_PERF &Presets…"), this, &MainWindow::presetsDialog)
        ->setObjectName(QStringLiteral("presets"));
    file->addAction(panels_->settingsAction());
    file->addAction(action(QStringLiteral("quit")));

    auto *view = menuBar()->addMenu(tr("&View"));
    view->addAction(find_);
    view->addAction(resetZoom_);
    view->addSeparator();
    view->addActions(viewOptions_->orientationActions());
    view->addSeparator();
    view->addActions(viewOptions_->colouringActions());
    view->addSeparator();
    view->addAction(panels_->budgetsAction());

    auto *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard Shortcuts"), this, &MainWindow::showShortcuts);
    help->addAction(tr("&About perfwb"), this, &MainWindow::showAbout);

    auto *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("main-toolbar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addAction(action(QStringLiteral("open")));
    toolbar->addAction(saveAs_);
    toolbar->addSeparator();
    toolbar->addAction(record_);
    toolbar->addAction(attach_);
    toolbar->addAction(stop_);
    toolbar->addSeparator();
    toolbar->addAction(resetZoom_);
}

QAction *MainWindow::action(const QString &name) const
{
    return findChild<QAction *>(name);
}

ReportView *MainWindow::currentView() const
{
    return qobject_cast<ReportView *>(tabs_->currentWidget());
}

ReportView *MainWindow::viewAt(int index) const
{
    return qobject_cast<ReportView *>(tabs_->widget(index));
}

int MainWindow::reportCount() const
{
    return tabs_->count();
}

ReportView *MainWindow::addReport(std::shared_ptr<const model::Profile> profile, const QString &path, bool dirty)
{
    auto *view = new ReportView(new ReportDocument(std::move(profile), path, dirty), tabs_);
    view->document()->setParent(view);
    viewOptions_->applyTo(view);
    connect(view, &ReportView::selectionChanged, this, [this, view] {
        if (view == currentView())
            updateStatus();
    });
    connect(view->document(), &ReportDocument::dirtyChanged, this, [this, view] { updateTabTitle(view); });
    connect(view->document(), &ReportDocument::pathChanged, this, [this, view] { updateTabTitle(view); });
    // The view's own combo boxes change the global options too.
    connect(view->flameGraph(), &FlameGraphView::viewOptionsChanged, viewOptions_,
            [this, view] { viewOptions_->follow(view->flameGraph()); });
    const int index = tabs_->addTab(view, view->document()->displayName());
    updateTabTitle(view);
    tabs_->setCurrentIndex(index);
    stack_->setCurrentWidget(tabs_);
    updateActions();
    return view;
}

void MainWindow::updateTabTitle(ReportView *view)
{
    const int index = tabs_->indexOf(view);
    if (index < 0)
        return;
    const auto *doc = view->document();
    tabs_->setTabText(index, doc->displayName() + (doc->isDirty() ? QStringLiteral(" *") : QString()));
    tabs_->setTabToolTip(index, doc->path());
}

void MainWindow::openFile(const QString &path, std::optional<ReportView::Page> page)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    // A run's manifest opens every file of the run, one tab per tool.
    if (store::RunManifest::looksLikeManifest(absolute.toStdString())) {
        auto manifest = store::RunManifest::read(absolute.toStdString());
        if (!manifest) {
            showError(tr("Cannot open the run"), QString::fromStdString(manifest.message()));
            return;
        }
        recent_->add(absolute);
        for (const auto &file : manifest->openablePaths())
            openFile(QString::fromStdString(file), page);
        return;
    }
    ProfileLoadJob::start(
        this, tr("Opening %1…").arg(QFileInfo(path).fileName()), {absolute},
        [this, absolute, page](ProfileLoadJob::Profiles profiles) {
            recent_->add(absolute);
            auto *view = addReport(std::move(profiles.front()), absolute, false);
            if (page)
                view->showPage(*page);
            Q_EMIT reportOpened(view);
        },
        [this](const QString &message) { showError(tr("Cannot open the file"), message); });
}

void MainWindow::loadInto(ReportView *view, const QString &path)
{
    QPointer<ReportView> target(view);
    ProfileLoadJob::start(
        this, tr("Loading the finished recording…"), {path},
        [this, target, path](ProfileLoadJob::Profiles profiles) {
            if (target) {
                target->document()->setProfile(std::move(profiles.front()));
                target->document()->setPath(path);
            }
            Q_EMIT recordingFinished(path);
        },
        [this](const QString &message) { showError(tr("Cannot open the recording"), message); });
}

void MainWindow::exportCurrent(const QString &format, const QString &path)
{
    exportMenu_->exportTo(format, path);
}

void MainWindow::saveCurrentAs(const QString &path)
{
    if (auto *view = currentView())
        saver_->saveAs(view->document(), path);
}

void MainWindow::startRecording(const record::RecordOptions &options)
{
    if (recorder_->isRecording()) {
        showError(tr("Cannot record"), tr("A recording is already running; stop it first."));
        return;
    }
    auto profile = std::make_shared<model::Profile>();
    profile->meta.runLabel = options.label;
    recordingView_ = addReport(profile, {}, true);
    recordingView_->showPage(ReportView::FlameGraphPage);
    panels_->attachRecording(recordingView_);
    record::RecordOptions withService = options;
    panels_->prepare(withService);
    if (!recorder_->start(withService))
        showError(tr("Cannot record"), tr("A recording is already running; stop it first."));
    updateActions();
}

void MainWindow::stopRecording()
{
    if (recorder_->isRecording())
        recorder_->stop();
    statusBar()->showMessage(tr("Stopping the recording…"));
    updateActions();
}

bool MainWindow::closeReport(int index)
{
    if (auto *comparison = qobject_cast<CompareView *>(tabs_->widget(index))) {
        tabs_->removeTab(index);
        comparison->deleteLater();
        if (tabs_->count() == 0)
            stack_->setCurrentIndex(0);
        updateStatus();
        updateActions();
        return true;
    }
    auto *view = viewAt(index);
    if (!view)
        return true;
    if (view == recordingView_ && recorder_->isRecording()) {
        showError(tr("Recording"), tr("Stop the recording before closing its tab."));
        return false;
    }
    if (!maybeSave(view))
        return false;
    tabs_->removeTab(index);
    view->deleteLater();
    if (tabs_->count() == 0)
        stack_->setCurrentIndex(0);
    updateStatus();
    updateActions();
    return true;
}

bool MainWindow::maybeSave(ReportView *view)
{
    if (!view->document()->isDirty())
        return true;
    tabs_->setCurrentWidget(view); // the question is about the tab in front
    return saver_->maybeSave(view->document());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (recorder_->isRecording())
        recorder_->stop();
    for (int i = tabs_->count() - 1; i >= 0; --i) {
        if (viewAt(i) && !maybeSave(viewAt(i))) {
            event->ignore();
            return;
        }
    }
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    viewOptions_->save();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        for (const auto &url : event->mimeData()->urls())
            if (url.isLocalFile()) {
                event->acceptProposedAction();
                return;
            }
}

void MainWindow::dropEvent(QDropEvent *event)
{
    for (const auto &url : event->mimeData()->urls())
        if (url.isLocalFile())
            openFile(url.toLocalFile());
    event->acceptProposedAction();
}

void MainWindow::showError(const QString &title, const QString &message)
{
    // Not exec(): a modal loop would stall the jobs and the live recording behind it.
    auto *box = new QMessageBox(QMessageBox::Critical, title, message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    Q_EMIT errorShown(message);
}

QString MainWindow::statusText() const
{
    return statusFields_->text();
}

void MainWindow::updateStatus()
{
    auto *view = currentView();
    statusFields_->show(view);
    if (view && view->document()->profile())
        setWindowTitle(tr("%1 — perfwb").arg(view->document()->displayName()));
    else if (auto *comparison = currentComparison())
        setWindowTitle(tr("%1 — perfwb").arg(comparison->document()->displayName()));
    else
        setWindowTitle(tr("perfwb"));
}

void MainWindow::updateActions()
{
    const bool has = currentView() != nullptr;
    const bool comparing = currentComparison() != nullptr;
    const bool recording = recorder_->isRecording();
    saveAs_->setEnabled(has);
    close_->setEnabled(has || comparing);
    exportMenu_->update();
    compare_->setEnabled(has && !(currentView() == recordingView_ && recording));
    find_->setEnabled(has);
    resetZoom_->setEnabled(has);
    record_->setEnabled(!recording);
    attach_->setEnabled(!recording);
    stop_->setEnabled(recording);
}

CompareView *MainWindow::currentComparison() const
{
    return qobject_cast<CompareView *>(tabs_->currentWidget());
}

void MainWindow::compareDialog()
{
    if (!currentView())
        return;
    const auto dir = QSettings().value(QStringLiteral("lastDirectory")).toString();
    const QString path = QFileDialog::getOpenFileName(this, tr("Compare With (the New Run)"), dir, profileFilter());
    if (!path.isEmpty())
        compareWith(path);
}

void MainWindow::compareWith(const QString &path)
{
    auto *view = currentView();
    if (!view || !view->document()->profile())
        return;
    const auto base = view->document()->profile();
    const QString basePath = view->document()->path();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    ProfileLoadJob::start(
        this, tr("Opening %1…").arg(QFileInfo(path).fileName()), {absolute},
        [this, base, basePath, absolute](ProfileLoadJob::Profiles profiles) {
            Q_EMIT comparisonOpened(addComparison(base, basePath, std::move(profiles.front()), absolute));
        },
        [this](const QString &message) { showError(tr("Cannot compare"), message); });
}

void MainWindow::compareFiles(const QString &basePath, const QString &newPath)
{
    const QString a = QFileInfo(basePath).absoluteFilePath();
    const QString b = QFileInfo(newPath).absoluteFilePath();
    ProfileLoadJob::start(
        this, tr("Opening %1 and %2…").arg(QFileInfo(a).fileName(), QFileInfo(b).fileName()), {a, b},
        [this, a, b](ProfileLoadJob::Profiles profiles) {
            Q_EMIT comparisonOpened(addComparison(std::move(profiles[0]), a, std::move(profiles[1]), b));
        },
        [this](const QString &message) { showError(tr("Cannot compare"), message); });
}

CompareView *MainWindow::addComparison(std::shared_ptr<const model::Profile> base, const QString &basePath,
                                       std::shared_ptr<const model::Profile> next, const QString &newPath)
{
    auto *document = new ComparisonDocument(std::move(base), basePath, std::move(next), newPath);
    auto *view = new CompareView(document, tabs_);
    document->setParent(view);
    viewOptions_->applyTo(view);
    const int index = tabs_->addTab(view, document->displayName());
    connect(document, &ComparisonDocument::runsSwapped, this, [this, view, document] {
        tabs_->setTabText(tabs_->indexOf(view), document->displayName());
        updateStatus();
    });
    tabs_->setCurrentIndex(index);
    stack_->setCurrentWidget(tabs_);
    updateStatus();
    updateActions();
    return view;
}

void MainWindow::openDialog()
{
    const auto dir = QSettings().value(QStringLiteral("lastDirectory")).toString();
    const auto files = QFileDialog::getOpenFileNames(this, tr("Open Report or Profile"), dir, profileFilter());
    if (!files.isEmpty())
        QSettings().setValue(QStringLiteral("lastDirectory"), QFileInfo(files.first()).absolutePath());
    for (const auto &f : files)
        openFile(f);
}

void MainWindow::recordDialog(const QString &preset)
{
    RecordDialog dialog(this);
    if (!preset.isEmpty())
        dialog.setPreset(preset);
    if (dialog.exec() == QDialog::Accepted)
        startRecording(dialog.options());
}

void MainWindow::presetsDialog()
{
    // "Record with This Preset…" closes the editor; the Record dialog opens after it.
    QString chosen;
    PresetEditor editor(this);
    connect(&editor, &PresetEditor::recordWithPreset, this, [&chosen](const QString &name) { chosen = name; });
    editor.exec();
    if (!chosen.isEmpty())
        recordDialog(chosen);
}

void MainWindow::attachDialog()
{
    AttachDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted)
        startRecording(dialog.options());
}

QList<QPair<QString, QString>> MainWindow::shortcutList() const
{
    // Every tab's views carry their own Copy action: one row per key and meaning.
    QList<QPair<QString, QString>> rows;
    QSet<QString> seen;
    for (auto *a : findChildren<QAction *>()) {
        if (a->shortcut().isEmpty())
            continue;
        const QPair<QString, QString> row{a->shortcut().toString(QKeySequence::NativeText),
                                          a->text().remove(QLatin1Char('&'))};
        if (!seen.contains(row.first + QLatin1Char('\n') + row.second)) {
            seen.insert(row.first + QLatin1Char('\n') + row.second);
            rows << row;
        }
    }
    for (const auto &[keys, what] : FlameChartWidget::keyHelp())
        rows << qMakePair(keys, what); // each already says "Flame graph: …"
    return rows;
}

void MainWindow::showShortcuts()
{
    QString html = QStringLiteral("<table cellpadding='3'>");
    for (const auto &[keys, what] : shortcutList())
        html +=
            QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(keys.toHtmlEscaped(), what.toHtmlEscaped());
    html += QStringLiteral("</table>");
    QMessageBox::information(this, tr("Keyboard Shortcuts"), html);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About perfwb"),
                       tr("<h3>perfwb %1</h3><p>A profiling workbench for Linux: record programs, explore "
                          "flame graphs, call trees and timelines, export reports.</p>")
                           .arg(QApplication::applicationVersion()));
}

} // namespace perfwb::ui
