// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli.h"
#include "commandline.h"
#include "commands.h"

#include "formats/formatregistry.h"
#include "formats/profileloader.h"
#include "store/reportwriter.h"

#include <cstdio>

namespace perfwb::app {

int runImportCommand(const QStringList &args)
{
    QCommandLineParser parser;
    QStringList formats;
    for (const auto &i : formats::FormatRegistry::importers())
        formats << QString::fromUtf8(i->format().data(), static_cast<qsizetype>(i->format().size()));
    const QCommandLineOption formatOpt(
        {QStringLiteral("f"), QStringLiteral("format")},
        QStringLiteral("Input format: %1. Default: decided by content.").arg(formats.join(QStringLiteral(", "))),
        QStringLiteral("FORMAT"));
    const QCommandLineOption outOpt({QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("The report to write (.perfwb)."), QStringLiteral("OUT"));
    const QCommandLineOption labelOpt(QStringLiteral("label"), QStringLiteral("Run label stored in the report."),
                                      QStringLiteral("LABEL"));
    parser.addOptions({formatOpt, outOpt, labelOpt});
    const QCommandLineOption addressesOpt = addressesOption();
    parser.addOption(addressesOpt);
    if (auto code = parseCommandLine(parser, args, QStringLiteral("Import a profile into a perfwb report."),
                                     QStringLiteral("INPUT"), 1, 1))
        return *code;
    applyAddressesOption(parser, addressesOpt);
    if (!parser.isSet(outOpt) || parser.value(outOpt).isEmpty()) {
        printError(QStringLiteral("import needs -o OUT.perfwb (see perfwb import --help)"));
        return ExitUsage;
    }
    const std::string input = parser.positionalArguments().front().toStdString();
    const std::string output = parser.value(outOpt).toStdString();

    model::Profile profile;
    if (Status st = formats::ProfileLoader::load(input, parser.value(formatOpt).toStdString(), profile); !st) {
        printError(st.message());
        return ExitUsage;
    }
    if (parser.isSet(labelOpt))
        profile.meta.runLabel = parser.value(labelOpt).toStdString();
    if (Status st = store::ReportWriter::save(output, profile); !st) {
        printError(st.message());
        return ExitFailure;
    }
    const std::string events =
        profile.events.size() > 1 ? " of " + std::to_string(profile.events.size()) + " events" : std::string();
    std::printf("%zu samples%s, %zu threads, %zu frames -> %s\n", profile.samples.size(), events.c_str(),
                profile.threads().size(), profile.frames.size(), output.c_str());
    return ExitOk;
}

} // namespace perfwb::app
