#include "exportcontroller.h"

#include "backgroundjob.h"
#include "comparisondocument.h"
#include "report/diffhtmlwriter.h"
#include "report/diffsvgwriter.h"
#include "report/fileio.h"
#include "report/formatregistry.h"
#include "reportdocument.h"
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

// As `perfwb diff` labels the runs: "label (file)" or the file name.
std::string longLabelOf(const ReportDocument &doc)
{
    const std::string file = QFileInfo(doc.path()).fileName().toStdString();
    const auto profile = doc.profile();
    if (!profile || profile->meta.runLabel.empty())
        return file.empty() ? doc.displayName().toStdString() : file;
    return file.empty() ? profile->meta.runLabel : profile->meta.runLabel + " (" + file + ")";
}
} // namespace

ExportController::ExportController(QWidget *window)
    : QObject(window)
    , window_(window)
{}

bool ExportController::comparisonSupports(const QString &format)
{
    return format == QLatin1String("html") || format == QLatin1String("svg");
}

Result<std::string> ExportController::targetFor(const QString &path, const std::string &label, std::string_view what,
                                                std::string_view extension)
{
    if (!path.isEmpty())
        return path.toStdString();
    return settings::OutputDirectory::pathFor(label, what, extension);
}

void ExportController::exportReport(const ReportDocument &document, const QString &format, const QString &path)
{
    const auto profile = document.profile();
    if (!profile)
        return;
    const auto *exporter = report::FormatRegistry::exporter(format.toStdString());
    if (!exporter) {
        Q_EMIT failed(tr("unknown export format '%1'").arg(format));
        return;
    }
    auto target = targetFor(path, labelOf(document), exporter->what(), exporter->extension());
    if (!target) {
        Q_EMIT failed(QString::fromStdString(target.message()));
        return;
    }
    report::ExportOptions options;
    options.filter = document.filter();
    run(*target, [exporter, profile, options](std::string &out) { return exporter->write(*profile, options, out); });
}

void ExportController::exportComparison(const ComparisonDocument &comparison, const QString &format,
                                        const QString &path)
{
    const auto diff = comparison.diff();
    const auto base = comparison.base()->profile();
    const auto next = comparison.next()->profile();
    if (!diff || !base || !next) {
        Q_EMIT failed(tr("the comparison is still being computed; export again in a moment"));
        return;
    }
    if (!comparisonSupports(format)) {
        Q_EMIT failed(tr("a comparison exports to HTML or SVG, not '%1'").arg(format));
        return;
    }
    const bool html = format == QLatin1String("html");
    auto target =
        targetFor(path, labelOf(*comparison.next()), html ? "diff" : "diff-flamegraph", html ? "html" : "svg");
    if (!target) {
        Q_EMIT failed(QString::fromStdString(target.message()));
        return;
    }
    const std::string baseLabel = longLabelOf(*comparison.base());
    const std::string nextLabel = longLabelOf(*comparison.next());
    if (html) {
        run(*target, [diff, base, next, baseLabel, nextLabel](std::string &out) {
            return report::DiffHtmlWriter::write(*diff, *base, *next, {baseLabel, nextLabel}, out);
        });
    } else {
        const std::string title = "perfwb diff: " + baseLabel + " -> " + nextLabel;
        run(*target, [diff, title](std::string &out) {
            return report::DiffSvgWriter::write(*diff, report::DiffSvgWriter::Shape::New, title, out);
        });
    }
}

void ExportController::run(const std::string &target, std::function<Status(std::string &)> render)
{
    auto status = std::make_shared<Status>();
    const QString shown = QString::fromStdString(target);
    BackgroundJob::start(
        window_, tr("Exporting %1…").arg(QFileInfo(shown).fileName()),
        [render = std::move(render), target, status] {
            std::string out;
            *status = render(out);
            if (status->isOk())
                *status = report::writeFileAtomically(target, out);
        },
        [this, status, shown] {
            if (!status->isOk())
                Q_EMIT failed(QString::fromStdString(status->message()));
            else
                Q_EMIT exported(shown);
        });
}

} // namespace perfwb::ui
