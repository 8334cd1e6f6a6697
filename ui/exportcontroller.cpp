// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportcontroller.h"

#include "backgroundjob.h"
#include "compareview.h"
#include "comparisondocument.h"
#include "formats/formatregistry.h"
#include "io/fileio.h"
#include "reportdocument.h"
#include "reportview.h"
#include "settings/outputdirectory.h"

#include <QFileInfo>
#include <QWidget>

namespace perfwb::ui {

namespace {
// The run label, else the file's base name: what <run_label>-<what>.<ext> starts with.
std::string labelOf(const ReportDocument &doc)
{
    const auto profile = doc.profile();
    if (profile && !profile->meta.runLabel.empty())
        return profile->meta.runLabel;
    return QFileInfo(doc.path()).completeBaseName().toStdString();
}

// A comparison is named after its new run, as `perfwb diff` names its outputs.
std::string labelOf(const ExportSource &source)
{
    return source.comparison ? labelOf(*source.comparison->next()) : labelOf(*source.report);
}

// As `perfwb diff` labels the runs; a run with neither label nor file by its tab's name.
std::string longLabelOf(const ReportDocument &doc, const model::Profile &profile)
{
    const auto label = formats::comparisonRunLabel(profile, doc.path().toStdString());
    return label.empty() ? doc.displayName().toStdString() : label;
}
} // namespace

ExportSource ExportSource::of(const QWidget *tab)
{
    if (const auto *comparison = qobject_cast<const CompareView *>(tab))
        return {nullptr, comparison->document()};
    if (const auto *view = qobject_cast<const ReportView *>(tab))
        return {view->document(), nullptr};
    return {};
}

ExportController::ExportController(QWidget *window)
    : QObject(window)
    , window_(window)
{}

QList<ExportFormat> ExportController::formatsFor(const ExportSource &source)
{
    if (source.comparison)
        return comparisonExportFormats();
    return source.report ? reportExportFormats() : QList<ExportFormat>{};
}

Result<QString> ExportController::freeTarget(const std::string &dir, const std::string &label,
                                             const ExportFormat &format) const
{
    const std::string what = format.what.toStdString();
    const std::string extension = format.extension.toStdString();
    for (int n = 1;; ++n) {
        auto path =
            settings::OutputDirectory::pathIn(dir, label, n == 1 ? what : what + "-" + std::to_string(n), extension);
        if (!path)
            return makeError(path.message());
        const QString absolute = QFileInfo(QString::fromStdString(*path)).absoluteFilePath();
        if (!QFileInfo::exists(absolute) && !writing_.contains(absolute))
            return absolute;
    }
}

Result<QString> ExportController::targetFor(const QString &path, const std::string &label,
                                            const ExportFormat &format) const
{
    // A path the user chose was confirmed in the file dialog if it exists.
    if (!path.isEmpty())
        return QFileInfo(path).absoluteFilePath();
    auto dir = settings::OutputDirectory::fromEnvironment();
    if (!dir)
        return makeError(dir.message());
    return freeTarget(*dir, label, format);
}

QString ExportController::freePathIn(const QString &dir, const ExportSource &source, const QString &format) const
{
    const auto chosen = findExportFormat(formatsFor(source), format);
    if (!chosen)
        return {};
    auto path = freeTarget(dir.toStdString(), labelOf(source), *chosen);
    return path ? *path : QString();
}

void ExportController::exportFrom(const ExportSource &source, const QString &format, const QString &path)
{
    if (source.isEmpty())
        return;
    const auto chosen = findExportFormat(formatsFor(source), format);
    if (!chosen) {
        Q_EMIT failed(source.comparison
                          ? tr("a comparison exports to HTML, SVG, Markdown or JSON, not '%1'").arg(format)
                          : tr("unknown export format '%1'").arg(format));
        return;
    }
    if (source.comparison)
        exportComparison(*source.comparison, *chosen, path);
    else
        exportReport(*source.report, *chosen, path);
}

void ExportController::exportReport(const ReportDocument &document, const ExportFormat &format, const QString &path)
{
    const auto profile = document.profile();
    const auto *exporter = formats::FormatRegistry::exporter(format.format.toStdString());
    if (!profile || !exporter)
        return;
    auto target = targetFor(path, labelOf(document), format);
    if (!target) {
        Q_EMIT failed(QString::fromStdString(target.message()));
        return;
    }
    formats::ExportOptions options;
    options.filter = document.filter();
    run(*target, [exporter, profile, options](std::string &out) { return exporter->write(*profile, options, out); });
}

void ExportController::exportComparison(const ComparisonDocument &comparison, const ExportFormat &format,
                                        const QString &path)
{
    const auto diff = comparison.diff();
    const auto base = comparison.base()->profile();
    const auto next = comparison.next()->profile();
    if (!diff || !base || !next) {
        Q_EMIT failed(tr("the comparison is still being computed; export again in a moment"));
        return;
    }
    auto target = targetFor(path, labelOf(*comparison.next()), format);
    if (!target) {
        Q_EMIT failed(QString::fromStdString(target.message()));
        return;
    }
    const auto *exporter = formats::FormatRegistry::comparisonExporter(format.format.toStdString());
    if (exporter == nullptr) { // comparisonExportFormats() lists the registry's own
        Q_EMIT failed(tr("unknown export format '%1'").arg(format.format));
        return;
    }
    formats::DiffText::Labels labels{longLabelOf(*comparison.base(), *base), longLabelOf(*comparison.next(), *next)};
    run(*target, [exporter, diff, base, next, labels](std::string &out) {
        return exporter->write({*diff, *base, *next, labels}, out);
    });
}

void ExportController::run(const QString &target, std::function<Status(std::string &)> render)
{
    auto status = std::make_shared<Status>();
    writing_.insert(target);
    auto *job = BackgroundJob::start(
        window_, tr("Exporting %1…").arg(QFileInfo(target).fileName()),
        [render = std::move(render), file = target.toStdString(), status] {
            std::string out;
            *status = render(out);
            if (status->isOk())
                *status = io::writeFileAtomically(file, out);
        },
        [this, status, target] {
            if (!status->isOk())
                Q_EMIT failed(QString::fromStdString(status->message()));
            else
                Q_EMIT exported(target);
        });
    // A cancelled export still writes its file: the name stays taken until the work ends.
    connect(job, &QObject::destroyed, this, [this, target] { writing_.remove(target); });
}

} // namespace perfwb::ui
