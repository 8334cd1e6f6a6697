// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <QCommandLineParser>
#include <QStringList>

#include <optional>
#include <string>

namespace perfwb::model {
class Profile;
}

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

// --event NAME, for the commands that show or write one profile's costs (info, export, diff):
// a profile sampled with several events shows one at a time, the first unless chosen.
QCommandLineOption eventOption();
// The index of the event --event names in `profile` (the first without the option); nothing
// after one error line that names the events there are.
std::optional<std::size_t> chosenEvent(const QCommandLineParser &parser, const QCommandLineOption &opt,
                                       const model::Profile &profile, const std::string &path);
// chosenEvent, then keeps only that event's samples (model::ProfileEvents::keepOnly).
bool keepChosenEvent(const QCommandLineParser &parser, const QCommandLineOption &opt, model::Profile &profile,
                     const std::string &path);

// A TCP port, 0 to 65535 (0: any free port), or nothing.
std::optional<quint16> parsePort(const QString &text);

} // namespace perfwb::app
