// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli.h"
#include "commandline.h"
#include "commands.h"

#include "settings/configfile.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>

namespace perfwb::app {

namespace {

QString keyList()
{
    QString text;
    for (const auto &k : settings::ConfigFile::knownKeys())
        text +=
            QStringLiteral("\n  %1  %2").arg(QString::fromLatin1(k.name).leftJustified(40), QString::fromUtf8(k.help));
    return text;
}

QByteArray show(const QJsonValue &v)
{
    if (v.isString())
        return v.toString().toUtf8();
    if (v.isBool())
        return v.toBool() ? "true" : "false";
    if (v.isDouble())
        return QByteArray::number(v.toInteger());
    return QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
}

} // namespace

int runConfigCommand(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption fileOpt(QStringLiteral("file"),
                                     QStringLiteral("The config file (default $XDG_CONFIG_HOME/perfwb/config.json)."),
                                     QStringLiteral("FILE"));
    parser.addOption(fileOpt);
    if (auto code = parseCommandLine(parser, args,
                                     QStringLiteral("Read or change perfwb's config file.\n\n"
                                                    "  perfwb config get KEY\n  perfwb config set KEY VALUE\n"
                                                    "  perfwb config list\n\nKeys:") +
                                         keyList(),
                                     QStringLiteral("get KEY | set KEY VALUE | list"), 1, 3))
        return *code;
    const QStringList pos = parser.positionalArguments();
    const QString &verb = pos.first();
    const std::string path =
        parser.isSet(fileOpt) ? parser.value(fileOpt).toStdString() : settings::ConfigFile::defaultPath();
    auto config = settings::ConfigFile::load(path);
    if (!config) {
        printError(config.message());
        return ExitUsage;
    }
    if (verb == QLatin1String("list") && pos.size() == 1) {
        for (const auto &k : settings::ConfigFile::knownKeys())
            std::printf("%s = %s\n", k.name, show(config->value(QString::fromLatin1(k.name))).constData());
        return ExitOk;
    }
    if (verb == QLatin1String("get") && pos.size() == 2) {
        if (settings::ConfigFile::findKey(pos[1]) == nullptr) {
            printError(QStringLiteral("unknown config key '%1' (see perfwb config --help)").arg(pos[1]));
            return ExitUsage;
        }
        std::printf("%s\n", show(config->value(pos[1])).constData());
        return ExitOk;
    }
    if (verb == QLatin1String("set") && pos.size() == 3) {
        if (Status st = config->set(pos[1], pos[2]); !st) {
            printError(st.message());
            return ExitUsage;
        }
        if (Status st = config->save(); !st) {
            printError(st.message());
            return ExitFailure;
        }
        return ExitOk;
    }
    printError(QStringLiteral("expected get KEY, set KEY VALUE or list (see perfwb config --help)"));
    return ExitUsage;
}

} // namespace perfwb::app
