// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <QStringList>

namespace perfwb::app {

// Each subcommand takes its arguments (argv[0] = "perfwb <name>") and returns an ExitCode.
int runImportCommand(const QStringList &args);
int runInfoCommand(const QStringList &args);
int runExportCommand(const QStringList &args);
int runRecordCommand(const QStringList &args);
int runDiffCommand(const QStringList &args);
int runServeCommand(const QStringList &args);
int runConfigCommand(const QStringList &args);
int runSettingsCommand(const QStringList &args);
int runPresetCommand(const QStringList &args);
int runCiCommand(const QStringList &args);
int runGui(int argc, char **argv);

} // namespace perfwb::app
