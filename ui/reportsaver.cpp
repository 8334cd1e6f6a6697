// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportsaver.h"

#include "backgroundjob.h"
#include "reportdocument.h"
#include "store/reportwriter.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPointer>

#include <memory>

namespace perfwb::ui {

ReportSaver::ReportSaver(QWidget *window)
    : QObject(window)
    , window_(window)
{}

void ReportSaver::saveAsDialog(ReportDocument *document)
{
    QString suggestion = document->path();
    if (suggestion.isEmpty() || !suggestion.endsWith(QLatin1String(".perfwb")))
        suggestion = QFileInfo(suggestion.isEmpty() ? document->displayName() : suggestion).completeBaseName() +
                     QStringLiteral(".perfwb");
    const QString path =
        QFileDialog::getSaveFileName(window_, tr("Save Report As"), suggestion, tr("perfwb reports (*.perfwb)"));
    if (!path.isEmpty())
        saveAs(document, path);
}

void ReportSaver::saveAs(ReportDocument *document, const QString &path)
{
    if (!document || !document->profile())
        return;
    QPointer<ReportDocument> target(document);
    const auto profile = document->sourceProfile(); // every event, not only the one shown
    auto status = std::make_shared<Status>();
    // Saving cannot be abandoned half-way by the user (the engine writes through a
    // temporary file), so no Cancel; the window stays responsive meanwhile.
    BackgroundJob::start(
        window_, tr("Saving %1…").arg(QFileInfo(path).fileName()),
        [profile, status, file = path.toStdString()] { *status = store::ReportWriter::save(file, *profile); },
        [this, target, status, path] {
            if (!status->isOk()) {
                Q_EMIT failed(QString::fromStdString(status->message()));
                return;
            }
            if (target) {
                target->setPath(path);
                target->setDirty(false);
            }
            Q_EMIT saved(path);
        },
        false);
}

bool ReportSaver::maybeSave(ReportDocument *document)
{
    if (!document->isDirty())
        return true;
    const auto answer = QMessageBox::question(
        window_, tr("Unsaved recording"),
        tr("The recording “%1” has not been saved. Save it before closing?").arg(document->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Discard)
        return true;
    const QString path =
        QFileDialog::getSaveFileName(window_, tr("Save Report"), document->path(), tr("perfwb reports (*.perfwb)"));
    if (path.isEmpty())
        return false;
    // Saved synchronously here: the window is closing and must not lose it.
    const auto status = store::ReportWriter::save(path.toStdString(), *document->sourceProfile());
    if (!status) {
        Q_EMIT failed(QString::fromStdString(status.message()));
        return false;
    }
    return true;
}

} // namespace perfwb::ui
