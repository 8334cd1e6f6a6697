// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "core/result.h"
#include "exportformats.h"

#include <QObject>
#include <QSet>

#include <functional>
#include <string>

class QWidget;

namespace perfwb::ui {

class ComparisonDocument;
class ReportDocument;

// What a tab exports: one report or a comparison of two runs (nothing when both are null).
struct ExportSource {
    const ReportDocument *report = nullptr;
    const ComparisonDocument *comparison = nullptr;
    bool isEmpty() const { return report == nullptr && comparison == nullptr; }
    // What a window tab (a ReportView or a CompareView) exports.
    static ExportSource of(const QWidget *tab);
};

// Writes exports for the window: one report's filtered view through any registered
// exporter, or a comparison as its HTML report or differential SVG. Rendering runs off
// the GUI thread; the file is written atomically into `path`, or by default into the
// standard output directory as <run_label>-<what>.<ext> — numbered (<what>-2, -3…) when
// that file exists, so a quick export never replaces an earlier one.
class ExportController : public QObject {
    Q_OBJECT
public:
    explicit ExportController(QWidget *window);

    void exportFrom(const ExportSource &source, const QString &format, const QString &path = {});
    // The formats `source` exports to, in menu order (none for an empty source).
    static QList<ExportFormat> formatsFor(const ExportSource &source);
    // The absolute path the default export of `source` in `format` would take in `dir`
    // (created if missing); empty when `source` cannot be exported in `format` now.
    QString freePathIn(const QString &dir, const ExportSource &source, const QString &format) const;

Q_SIGNALS:
    void exported(const QString &absolutePath);
    void failed(const QString &message);

private:
    void exportReport(const ReportDocument &document, const ExportFormat &format, const QString &path);
    void exportComparison(const ComparisonDocument &comparison, const ExportFormat &format, const QString &path);
    // `render` runs on a worker thread and must only use what it captured.
    void run(const QString &target, std::function<Status(std::string &)> render);
    Result<QString> targetFor(const QString &path, const std::string &label, const ExportFormat &format) const;
    Result<QString> freeTarget(const std::string &dir, const std::string &label, const ExportFormat &format) const;

    QWidget *window_;
    QSet<QString> writing_; // exports still rendering: their names are taken too
};

} // namespace perfwb::ui
