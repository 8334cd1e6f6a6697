// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"

#include "cli.h"

#include "model/profileevents.h"
#include "model/unresolvedname.h"

#include <cmath>
#include <cstdio>

namespace perfwb::app {

std::optional<int> parseCommandLine(QCommandLineParser &parser, const QStringList &args, const QString &description,
                                    const QString &positionalSyntax, int minPositional, int maxPositional)
{
    parser.setApplicationDescription(description);
    if (maxPositional > 0)
        parser.addPositionalArgument(QStringLiteral("args"), QString(), positionalSyntax);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    parser.addOption(help);
    if (!parser.parse(args)) {
        printError(parser.errorText() + QStringLiteral(" (see ") + args.value(0) + QStringLiteral(" --help)"));
        return ExitUsage;
    }
    if (parser.isSet(help)) {
        QString text = parser.helpText().replace(QStringLiteral("[options] args"),
                                                 QStringLiteral("[options] ") + positionalSyntax);
        // Qt names the binary's path; the usage reads "perfwb record [options] ...".
        const QString usage = QStringLiteral("Usage: ");
        if (const auto end = text.indexOf(QLatin1Char(' '), usage.size()); text.startsWith(usage) && end > 0)
            text.replace(usage.size(), end - usage.size(), args.value(0));
        std::fputs(text.toLocal8Bit().constData(), stdout);
        return ExitOk;
    }
    const auto n = parser.positionalArguments().size();
    if (maxPositional == 0 && n > 0) {
        printError(QStringLiteral("%1 takes no arguments, not '%2' (see %1 --help)")
                       .arg(args.value(0), parser.positionalArguments().first()));
        return ExitUsage;
    }
    if (n < minPositional || n > maxPositional) {
        printError(QStringLiteral("%1 expects %2 (see %1 --help)").arg(args.value(0), positionalSyntax));
        return ExitUsage;
    }
    return std::nullopt;
}

QCommandLineOption addressesOption()
{
    return QCommandLineOption(QStringLiteral("addresses"),
                              QStringLiteral("Keep the address of code no symbol covers (MODULE+0xOFFSET), one frame "
                                             "per address; by default such code is one frame per module ([MODULE])."));
}

void applyAddressesOption(const QCommandLineParser &parser, const QCommandLineOption &opt)
{
    model::setKeepUnresolvedAddresses(parser.isSet(opt));
}

QCommandLineOption eventOption()
{
    return QCommandLineOption(QStringLiteral("event"),
                              QStringLiteral("Of a profile sampled with several events (perf record -e cycles,"
                                             "instructions), show this one: each event is its own cost, never added "
                                             "to another's. Default: the first."),
                              QStringLiteral("NAME"));
}

std::optional<std::size_t> chosenEvent(const QCommandLineParser &parser, const QCommandLineOption &opt,
                                       const model::Profile &profile, const std::string &path)
{
    if (!parser.isSet(opt))
        return 0;
    const std::string name = parser.value(opt).toStdString();
    if (auto index = model::ProfileEvents::find(profile, name))
        return index;
    printError(path + ": no event '" + name + "' (it has: " + model::ProfileEvents::names(profile) + ")");
    return std::nullopt;
}

bool keepChosenEvent(const QCommandLineParser &parser, const QCommandLineOption &opt, model::Profile &profile,
                     const std::string &path)
{
    const auto index = chosenEvent(parser, opt, profile, path);
    if (index)
        model::ProfileEvents::keepOnly(profile, *index);
    return index.has_value();
}

bool readPercent(const QCommandLineParser &parser, const QCommandLineOption &opt, double &out)
{
    if (!parser.isSet(opt))
        return true;
    bool ok = false;
    const double v = parser.value(opt).toDouble(&ok);
    if (!ok || !std::isfinite(v) || v < 0) {
        printError(
            QStringLiteral("--%1 needs a percentage >= 0, not '%2'").arg(opt.names().constFirst(), parser.value(opt)));
        return false;
    }
    out = v;
    return true;
}

std::optional<quint16> parsePort(const QString &text)
{
    bool ok = false;
    const uint port = text.toUInt(&ok);
    if (!ok || port > 65535)
        return std::nullopt;
    return static_cast<quint16>(port);
}

} // namespace perfwb::app
