// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What perf itself says about a perf.data header, for tests that compare with it.
#include <QMap>
#include <QProcess>
#include <QString>

namespace perfwb::testing {

// "key" -> "value" of the "# key : value" lines of `perf report --header-only -i FILE`
// ("hostname", "os release", "perf version", "arch", "nrcpus online", "cpudesc", "cmdline", ...).
inline QMap<QString, QString> perfReportHeader(const QString &file)
{
    QProcess perf;
    perf.start(QStringLiteral("perf"),
               {QStringLiteral("report"), QStringLiteral("--header-only"), QStringLiteral("-i"), file});
    perf.waitForFinished(60000);
    QMap<QString, QString> out;
    for (const QString &line : QString::fromUtf8(perf.readAllStandardOutput()).split(QLatin1Char('\n'))) {
        const auto colon = line.indexOf(QLatin1String(" : "));
        if (line.startsWith(QLatin1String("# ")) && colon > 0)
            out[line.mid(2, colon - 2).trimmed()] = line.mid(colon + 3).trimmed();
    }
    return out;
}

} // namespace perfwb::testing
