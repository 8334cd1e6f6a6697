// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <QList>
#include <QString>

#include <optional>

namespace perfwb::ui {

// One export the window offers, named once for the Export menu, Export As… and the
// file the quick export writes (<label>-<what>.<ext> in the output directory).
struct ExportFormat {
    QString format;    // the exporter's name ("svg"), as `perfwb export --to` takes it
    QString title;     // what the user gets, translated: "Flame graph (SVG)"
    QString what;      // the file name's part after the run label: "flamegraph"
    QString extension; // without the dot: "svg", "pb.gz"

    // The Export As… filter: "Flame graph (SVG) (*.svg)".
    QString filter() const;
};

// Every registered exporter of a single report, the common ones first.
QList<ExportFormat> reportExportFormats();
// What a comparison exports to: its HTML report ("html") and the differential flame graph ("svg").
QList<ExportFormat> comparisonExportFormats();
// `format` in `formats`, or nothing.
std::optional<ExportFormat> findExportFormat(const QList<ExportFormat> &formats, const QString &format);

} // namespace perfwb::ui
