// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli.h"
#include "commandline.h"
#include "commands.h"
#include "core/printable.h"
#include "presetcontext.h"

#include <cstdio>

namespace perfwb::app {

int runSettingsCommand(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption jsonOpt(QStringLiteral("json"), QStringLiteral("Print JSON: value and source of each."));
    const QCommandLineOption shellOpt(QStringLiteral("shell"),
                                      QStringLiteral("Print `export` lines for every setting not at its default."));
    const QCommandLineOption presetOpt(QStringLiteral("preset"),
                                       QStringLiteral("Start from this preset (the environment overrides it)."),
                                       QStringLiteral("NAME"));
    parser.addOptions({jsonOpt, shellOpt, presetOpt});
    if (auto code = parseCommandLine(
            parser, args,
            QStringLiteral("Print the effective FIL_PERF_* settings and where each came from (default, preset, "
                           "environment).\n\nSettings:\n") +
                settingsHelpTable(),
            {}, 0, 0))
        return *code;
    if (parser.isSet(jsonOpt) && parser.isSet(shellOpt)) {
        printError(QStringLiteral("give --json or --shell, not both"));
        return ExitUsage;
    }
    auto settings = effectiveSettings(parser.value(presetOpt));
    if (!settings) {
        printError(settings.message());
        return ExitUsage;
    }
    const std::string out = parser.isSet(jsonOpt)    ? settings->json()
                            : parser.isSet(shellOpt) ? settings->shellExports()
                                                     : settings->text();
    // --shell is meant for eval, so its bytes are the values' own (quoted); the table is for
    // a terminal: a value from the environment must not move its cursor or set its title.
    std::fputs((parser.isSet(shellOpt) || parser.isSet(jsonOpt) ? out : printableLines(out)).c_str(), stdout);
    return ExitOk;
}

} // namespace perfwb::app
