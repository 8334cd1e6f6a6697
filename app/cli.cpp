// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli.h"

#include "commands.h"
#include "logging.h"

#include "buildinfo.h"

#include <QCoreApplication>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <functional>
#include <map>

namespace perfwb::app {

namespace {

struct Command {
    std::function<int(const QStringList &)> run;
    const char *summary;
};

const std::map<QString, Command> &commands()
{
    static const std::map<QString, Command> list = {
        {QStringLiteral("import"),
         {runImportCommand, "turn perf.data, perf script, folded or speedscope into a report"}},
        {QStringLiteral("info"), {runInfoCommand, "samples, duration, threads and top functions of a report"}},
        {QStringLiteral("export"), {runExportCommand, "write a report as SVG flamegraph, folded stacks or speedscope"}},
        {QStringLiteral("diff"), {runDiffCommand, "compare two runs: verdict against thresholds and top changes"}},
        {QStringLiteral("record"), {runRecordCommand, "sample a command or a running process (--pid) into a report"}},
        {QStringLiteral("serve"), {runServeCommand, "serve the budgets and profiler API (/api/perf) on loopback"}},
        {QStringLiteral("config"), {runConfigCommand, "read or change perfwb's config file (feature flags, server)"}},
        {QStringLiteral("settings"),
         {runSettingsCommand, "the effective FIL_PERF_* profiler settings and their sources"}},
        {QStringLiteral("preset"), {runPresetCommand, "list, show, save or delete FIL_PERF_* presets"}},
        {QStringLiteral("ci"),
         {runCiCommand, "perf CI: run scenarios repeatedly, compare with a baseline, before/after table"}},
    };
    return list;
}

void printUsage()
{
    std::string text = "Usage: perfwb [--verbose] [FILE...]          open the workbench (GUI)\n"
                       "       perfwb [--verbose] FILE... --page PAGE open each FILE on PAGE (GUI): summary,\n"
                       "                                             flamegraph, topdown, bottomup, callercallee,\n"
                       "                                             timeline, memory, allocations\n"
                       "       perfwb [--verbose] --compare BASE NEW  open two runs compared (GUI)\n"
                       "       perfwb [--verbose] COMMAND [ARGS...]  run headless\n\nCommands:\n";
    qsizetype width = 0;
    for (const auto &[name, cmd] : commands())
        width = std::max(width, name.size());
    for (const auto &[name, cmd] : commands())
        text += "  " + name.leftJustified(width + 2).toStdString() + cmd.summary + "\n";
    text += "\nRun 'perfwb COMMAND --help' for the options of one command.\n"
            "Exit status: 0 ok, 1 the work failed, 2 bad usage or unreadable input.\n";
    std::fputs(text.c_str(), stdout);
}

} // namespace

void printError(const QString &message)
{
    printError(message.toStdString());
}

void printError(const std::string &message)
{
    // Keep it to one line whatever the message holds.
    std::string line = message;
    for (char &c : line) {
        if (c == '\n' || c == '\r')
            c = ' ';
    }
    spdlog::default_logger()->info("error: {}", line);
    std::fprintf(stderr, "perfwb: %s\n", line.c_str());
}

int runMain(int argc, char **argv)
{
    // --verbose is global: take it out wherever it stands.
    bool verbose = false;
    std::vector<char *> rest;
    for (int i = 0; i < argc; ++i) {
        if (i > 0 && (std::strcmp(argv[i], "--verbose") == 0 || std::strcmp(argv[i], "-v") == 0))
            verbose = true;
        else
            rest.push_back(argv[i]);
    }
    const std::string logFile = setupLogging(verbose);
    if (verbose && !logFile.empty())
        spdlog::debug("log file: {}", logFile);
    int restArgc = static_cast<int>(rest.size());
    rest.push_back(nullptr);

    const QString first = restArgc > 1 ? QString::fromLocal8Bit(rest[1]) : QString();
    if (first == QLatin1String("--help") || first == QLatin1String("-h") || first == QLatin1String("help")) {
        printUsage();
        return ExitOk;
    }
    if (first == QLatin1String("--version")) {
        std::printf("perfwb %s (git %s)\n", PERFWB_VERSION, PERFWB_GIT_COMMIT);
        return ExitOk;
    }
    auto it = commands().find(first);
    if (it == commands().end()) {
        // Not a command: a word that is neither an option nor an existing file is a typo.
        if (!first.isEmpty() && !first.startsWith(QLatin1Char('-')) && !first.contains(QLatin1Char('/')) &&
            !first.contains(QLatin1Char('.'))) {
            printError(QStringLiteral("unknown command '%1' (see perfwb --help)").arg(first));
            return ExitUsage;
        }
        return runGui(restArgc, rest.data());
    }
    // The headless service answers HTTP on one event loop: Qt's own Unix dispatcher costs
    // less per socket event than the glib one (about +13 % requests/s). Only for the loop's
    // creation, so no child process inherits the setting.
    const bool plainLoop = first == QLatin1String("serve") && !qEnvironmentVariableIsSet("QT_NO_GLIB");
    if (plainLoop)
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(restArgc, rest.data());
    if (plainLoop)
        qunsetenv("QT_NO_GLIB");
    QCoreApplication::setApplicationName(QStringLiteral("perfwb"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PERFWB_VERSION));
    QStringList args = QCoreApplication::arguments();
    args.removeAt(1);
    args[0] = QStringLiteral("perfwb ") + first;
    const int code = it->second.run(args);
    spdlog::default_logger()->flush();
    return code;
}

} // namespace perfwb::app
