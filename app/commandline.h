#pragma once
#include <QCommandLineParser>
#include <QStringList>

#include <optional>

namespace perfwb::app {

// Parses one subcommand's arguments. Returns an exit code when the command should
// stop here (help printed, or one usage error line printed), nothing to go on.
std::optional<int> parseCommandLine(QCommandLineParser &parser, const QStringList &args, const QString &description,
                                    const QString &positionalSyntax, int minPositional, int maxPositional);

} // namespace perfwb::app
