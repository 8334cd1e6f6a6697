// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportformats.h"

#include "formats/formatregistry.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>

namespace perfwb::ui {

namespace {
QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

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
} // namespace

QString ExportFormat::filter() const
{
    return translate(QT_TRANSLATE_NOOP("perfwb::ui::ExportFormat", "%1 (*.%2)")).arg(title, extension);
}

QList<ExportFormat> reportExportFormats()
{
    QList<ExportFormat> formats;
    const auto rank = [](std::string_view format) {
        const auto it =
            std::find_if(kTitles.begin(), kTitles.end(), [format](const Title &t) { return format == t.format; });
        return it - kTitles.begin();
    };
    for (const auto &exporter : formats::FormatRegistry::exporters()) {
        const auto index = rank(exporter->format());
        const QString title = index < std::ssize(kTitles)
                                  ? translate(kTitles[static_cast<std::size_t>(index)].title)
                                  : translate(QT_TRANSLATE_NOOP("perfwb::ui::ExportFormat", "%1 (.%2)"))
                                        .arg(qs(exporter->what()), qs(exporter->extension()));
        formats.push_back({qs(exporter->format()), title, qs(exporter->what()), qs(exporter->extension())});
    }
    std::stable_sort(formats.begin(), formats.end(), [&rank](const ExportFormat &a, const ExportFormat &b) {
        return rank(a.format.toStdString()) < rank(b.format.toStdString());
    });
    return formats;
}

QList<ExportFormat> comparisonExportFormats()
{
    // The names `perfwb diff --html` users know: <new_label>-diff.html.
    return {
        {QStringLiteral("html"), translate(QT_TRANSLATE_NOOP("perfwb::ui::ExportFormat", "Comparison report (HTML)")),
         QStringLiteral("diff"), QStringLiteral("html")},
        {QStringLiteral("svg"),
         translate(QT_TRANSLATE_NOOP("perfwb::ui::ExportFormat", "Differential flame graph (SVG)")),
         QStringLiteral("diff-flamegraph"), QStringLiteral("svg")},
    };
}

std::optional<ExportFormat> findExportFormat(const QList<ExportFormat> &formats, const QString &format)
{
    for (const auto &f : formats)
        if (f.format == format)
            return f;
    return std::nullopt;
}

} // namespace perfwb::ui
