// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportformats.h"
#include "qstrings.h"

#include "formats/formatregistry.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>

namespace perfwb::ui {

namespace {
QString translate(const char *text)
{
    return QCoreApplication::translate("perfwb::ui::ExportFormat", text);
}

struct Title {
    const char *format;
    const char *title;
};

// Menu order and titles of the exporters the user knows by what they get; an exporter
// added to the registry later still appears, after these, with its own description.
constexpr std::array kTitles{
    Title{"svg", QT_TRANSLATE_NOOP("perfwb::ui::ExportFormat", "Flame graph (SVG)")},
    Title{"html", QT_TRANSLATE_NOOP("perfwb::ui::ExportFormat", "Report (HTML)")},
    Title{"folded", QT_TRANSLATE_NOOP("perfwb::ui::ExportFormat", "Folded stacks")},
    Title{"speedscope", QT_TRANSLATE_NOOP("perfwb::ui::ExportFormat", "speedscope profile")},
    Title{"pprof", QT_TRANSLATE_NOOP("perfwb::ui::ExportFormat", "pprof profile")},
    Title{"chrome", QT_TRANSLATE_NOOP("perfwb::ui::ExportFormat", "Chrome trace")},
};

// The same for comparisons (FormatRegistry::comparisonExporters).
constexpr std::array kComparisonTitles{
    Title{"html", QT_TRANSLATE_NOOP("perfwb::ui::ExportFormat", "Comparison report (HTML)")},
    Title{"svg", QT_TRANSLATE_NOOP("perfwb::ui::ExportFormat", "Differential flame graph (SVG)")},
    Title{"svg-reverse",
          QT_TRANSLATE_NOOP("perfwb::ui::ExportFormat", "Differential flame graph in the base run's shape (SVG)")},
    Title{"markdown", QT_TRANSLATE_NOOP("perfwb::ui::ExportFormat", "Before/after table (Markdown)")},
    Title{"json", QT_TRANSLATE_NOOP("perfwb::ui::ExportFormat", "Comparison data (JSON)")},
};

// The registry's entries in the order of `titles`, named by them; one the table does not
// know yet comes last, named by what it writes.
template<class Exporters, std::size_t N>
QList<ExportFormat> ordered(const Exporters &exporters, const std::array<Title, N> &titles)
{
    QList<ExportFormat> formats;
    const auto rank = [&titles](std::string_view format) {
        const auto it =
            std::find_if(titles.begin(), titles.end(), [format](const Title &t) { return format == t.format; });
        return it - titles.begin();
    };
    for (const auto &exporter : exporters) {
        const auto index = rank(exporter->format());
        const QString title = index < std::ssize(titles)
                                  ? translate(titles[static_cast<std::size_t>(index)].title)
                                  : translate(QT_TRANSLATE_NOOP("perfwb::ui::ExportFormat", "%1 (.%2)"))
                                        .arg(qs(exporter->what()), qs(exporter->extension()));
        formats.push_back({qs(exporter->format()), title, qs(exporter->what()), qs(exporter->extension())});
    }
    std::stable_sort(formats.begin(), formats.end(), [&rank](const ExportFormat &a, const ExportFormat &b) {
        return rank(a.format.toStdString()) < rank(b.format.toStdString());
    });
    return formats;
}
} // namespace

QString ExportFormat::filter() const
{
    return translate(QT_TRANSLATE_NOOP("perfwb::ui::ExportFormat", "%1 (*.%2)")).arg(title, extension);
}

QList<ExportFormat> reportExportFormats()
{
    return ordered(formats::FormatRegistry::exporters(), kTitles);
}

QList<ExportFormat> comparisonExportFormats()
{
    // Named as `perfwb diff --to` names them: <new_label>-diff.html, ...
    return ordered(formats::FormatRegistry::comparisonExporters(), kComparisonTitles);
}

std::optional<ExportFormat> findExportFormat(const QList<ExportFormat> &formats, const QString &format)
{
    for (const auto &f : formats)
        if (f.format == format)
            return f;
    return std::nullopt;
}

} // namespace perfwb::ui
