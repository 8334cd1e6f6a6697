// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <QStringList>

namespace perfwb::app {

// Exit codes shared by every subcommand.
enum ExitCode { ExitOk = 0, ExitFailure = 1, ExitUsage = 2 };

int runMain(int argc, char **argv);

// One line on stderr, "perfwb: <message>": the only way user errors are reported.
void printError(const QString &message);
void printError(const std::string &message);

} // namespace perfwb::app
