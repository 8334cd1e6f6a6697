// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <QCommandLineParser>
#include <QStringList>

#include <optional>

namespace perfwb::app {

// Parses one subcommand's arguments. Returns an exit code when the command should
// stop here (help printed, or one usage error line printed), nothing to go on.
std::optional<int> parseCommandLine(QCommandLineParser &parser, const QStringList &args, const QString &description,
                                    const QString &positionalSyntax, int minPositional, int maxPositional);

// A percentage option (--warn-above, --fail-above): a finite number >= 0 into `out`
// when set; false after one usage error line.
bool readPercent(const QCommandLineParser &parser, const QCommandLineOption &opt, double &out);

// --addresses, for the commands that record or read profiles: frames no symbol covers keep
// their address (MODULE+0xOFFSET) instead of making one frame per module. Add the option
// before parsing, apply it after.
QCommandLineOption addressesOption();
void applyAddressesOption(const QCommandLineParser &parser, const QCommandLineOption &opt);

// A TCP port, 0 to 65535 (0: any free port), or nothing.
std::optional<quint16> parsePort(const QString &text);

} // namespace perfwb::app
