// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportmenu.h"

#include "settings/outputdirectory.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>

namespace perfwb::ui {

namespace {
const QString kLastDirectory = QStringLiteral("lastExportDirectory");
const QString kLastFormat = QStringLiteral("lastExportFormat");

qsizetype indexOf(const QList<ExportFormat> &formats, const QString &format)
{
    for (qsizetype i = 0; i < formats.size(); ++i)
        if (formats[i].format == format)
            return i;
    return 0;
}
} // namespace

ExportMenu::ExportMenu(QMenu *menu, ExportController *exports, std::function<ExportSource()> current, QWidget *window)
    : QObject(menu)
    , menu_(menu)
    , exports_(exports)
    , current_(std::move(current))
    , window_(window)
{
    // One quick action per format: a run's formats, then those only a comparison has
    // (html and svg are both), each enabled where the current tab offers it.
    auto all = reportExportFormats();
    for (const auto &format : comparisonExportFormats()) {
        if (!findExportFormat(all, format.format))
            all.push_back(format);
    }
    for (const auto &format : all) {
        auto *a = menu_->addAction(format.title, this, [this, name = format.format] { exportTo(name); });
        a->setObjectName(QStringLiteral("export-") + format.format);
        a->setStatusTip(tr("Write the current selection into the standard output directory"));
    }
    menu_->addSeparator();
    auto *exportAs = menu_->addAction(tr("Export &As…"), this, &ExportMenu::exportAsDialog);
    exportAs->setObjectName(QStringLiteral("export-as"));
    exportAs->setStatusTip(tr("Choose the format and the file to write"));
}

void ExportMenu::update()
{
    const auto formats = ExportController::formatsFor(current_());
    menu_->setEnabled(!formats.isEmpty());
    const auto perRun = reportExportFormats();
    const auto perComparison = comparisonExportFormats();
    for (auto *a : menu_->actions()) {
        const QString format = a->objectName().mid(QStringLiteral("export-").size());
        if (a->isSeparator() || format == QLatin1String("as"))
            continue;
        const auto here = findExportFormat(formats, format);
        auto title = here ? here : findExportFormat(perRun, format);
        if (!title)
            title = findExportFormat(perComparison, format);
        a->setEnabled(here.has_value());
        if (title)
            a->setText(title->title);
    }
}

QString ExportMenu::exportDirectory() const
{
    // The last Export As… directory while it exists, else where quick exports go.
    QString last = QSettings().value(kLastDirectory).toString();
    if (!last.isEmpty() && QFileInfo(last).isDir())
        return last;
    auto output = settings::OutputDirectory::fromEnvironment();
    return output ? QDir(QString::fromStdString(*output)).absolutePath() : QDir::currentPath();
}

ExportMenu::Proposal ExportMenu::proposal() const
{
    const ExportSource source = current_();
    const auto formats = ExportController::formatsFor(source);
    if (formats.isEmpty())
        return {};
    const QString last = QSettings().value(kLastFormat).toString();
    const QString format = findExportFormat(formats, last) ? last : formats.first().format;
    return {exports_->freePathIn(exportDirectory(), source, format), format};
}

void ExportMenu::exportTo(const QString &format, const QString &path)
{
    QSettings().setValue(kLastFormat, format);
    exports_->exportFrom(current_(), format, path);
}

void ExportMenu::exportAsDialog()
{
    const ExportSource source = current_();
    const auto formats = ExportController::formatsFor(source);
    if (formats.isEmpty())
        return;
    const Proposal proposed = proposal();
    QStringList filters;
    for (const auto &f : formats)
        filters << f.filter();
    // QFileDialog asks before replacing an existing file (DontConfirmOverwrite is off).
    QFileDialog dialog(window_, tr("Export As"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setNameFilters(filters);
    qsizetype index = indexOf(formats, proposed.format);
    dialog.selectNameFilter(filters[index]);
    dialog.setDefaultSuffix(formats[index].extension);
    dialog.selectFile(proposed.path);
    // Another format: its own default name, unless the user typed a name of their own.
    QString shown = QFileInfo(proposed.path).fileName();
    connect(&dialog, &QFileDialog::filterSelected, &dialog, [&](const QString &filter) {
        const auto &f = formats[std::max<qsizetype>(filters.indexOf(filter), 0)];
        dialog.setDefaultSuffix(f.extension);
        if (QFileInfo(dialog.selectedFiles().value(0)).fileName() != shown)
            return;
        shown = QFileInfo(exports_->freePathIn(exportDirectory(), source, f.format)).fileName();
        dialog.selectFile(shown);
    });
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    index = std::max<qsizetype>(filters.indexOf(dialog.selectedNameFilter()), 0);
    QString path = dialog.selectedFiles().first();
    if (QFileInfo(path).suffix().isEmpty()) {
        // A native dialog may not add the suffix, nor then ask about the file it names.
        path += QLatin1Char('.') + formats[index].extension;
        if (QFileInfo::exists(path) &&
            QMessageBox::question(window_, tr("Export As"), tr("%1 exists. Replace it?").arg(path)) != QMessageBox::Yes)
            return;
    }
    QSettings().setValue(kLastDirectory, QFileInfo(path).absolutePath());
    exportTo(formats[index].format, path);
}

} // namespace perfwb::ui
