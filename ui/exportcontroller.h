#pragma once
#include "core/result.h"

#include <QObject>

#include <functional>
#include <string>

class QWidget;

namespace perfwb::ui {

class ComparisonDocument;
class ReportDocument;

// Writes exports for the window: one report's filtered view through any registered
// exporter, or a comparison as its HTML report or differential SVG. Rendering runs off
// the GUI thread; the file is written atomically into `path`, or by default into the
// standard output directory as <run_label>-<what>.<ext>.
class ExportController : public QObject {
    Q_OBJECT
public:
    explicit ExportController(QWidget *window);

    void exportReport(const ReportDocument &document, const QString &format, const QString &path = {});
    void exportComparison(const ComparisonDocument &comparison, const QString &format, const QString &path = {});
    // The formats a comparison exports to ("html", "svg").
    static bool comparisonSupports(const QString &format);

Q_SIGNALS:
    void exported(const QString &path);
    void failed(const QString &message);

private:
    // `render` runs on a worker thread and must only use what it captured.
    void run(const std::string &target, std::function<Status(std::string &)> render);
    Result<std::string> targetFor(const QString &path, const std::string &label, std::string_view what,
                                  std::string_view extension);

    QWidget *window_;
};

} // namespace perfwb::ui
