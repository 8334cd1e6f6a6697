// SPDX-License-Identifier: GPL-3.0-or-later
#include "stepsummary.h"

#include <QProcessEnvironment>

#include <cstdio>

namespace perfwb::app {

Status appendToStepSummary(const std::string &markdown)
{
    const QString path = QProcessEnvironment::systemEnvironment().value(QStringLiteral("GITHUB_STEP_SUMMARY"));
    if (path.isEmpty())
        return {};
    std::FILE *f = std::fopen(path.toLocal8Bit().constData(), "ab");
    if (f == nullptr)
        return makeError(path.toStdString() + ": cannot append the job summary");
    const bool ok = std::fwrite(markdown.data(), 1, markdown.size(), f) == markdown.size();
    if (std::fclose(f) != 0 || !ok)
        return makeError(path.toStdString() + ": cannot append the job summary");
    return {};
}

} // namespace perfwb::app
