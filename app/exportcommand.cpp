// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli.h"
#include "commandline.h"
#include "commands.h"

#include "analysis/allocationcostprofile.h"
#include "formats/formatregistry.h"
#include "formats/profileloader.h"
#include "io/fileio.h"
#include "settings/outputdirectory.h"

#include <cstdio>
#include <filesystem>

namespace perfwb::app {

namespace {
// Without --label, exports are named after the report file: nightly.perfwb -> nightly-flamegraph.svg.
std::string runLabelFor(const model::Profile &profile, const std::string &path)
{
    if (!profile.meta.runLabel.empty())
        return profile.meta.runLabel;
    return std::filesystem::path(path).stem().string();
}
} // namespace

int runExportCommand(const QStringList &args)
{
    QStringList formats;
    for (const auto &e : formats::FormatRegistry::exporters())
        formats << QString::fromUtf8(e->format().data(), static_cast<qsizetype>(e->format().size()));
    QCommandLineParser parser;
    const QCommandLineOption toOpt(QStringLiteral("to"),
                                   QStringLiteral("Output format: %1.").arg(formats.join(QStringLiteral(", "))),
                                   QStringLiteral("FORMAT"));
    const QCommandLineOption outOpt(
        {QStringLiteral("o"), QStringLiteral("output")},
        QStringLiteral("Where to write. Default: $%1 (default %2)/<run_label>-<what>.<ext>.")
            .arg(QString::fromLatin1(settings::OutputDirectory::kVariable.data()),
                 QString::fromLatin1(settings::OutputDirectory::kDefault.data())),
        QStringLiteral("PATH"));
    const QCommandLineOption formatOpt({QStringLiteral("f"), QStringLiteral("format")},
                                       QStringLiteral("Format of a non-report input (default: by content)."),
                                       QStringLiteral("FORMAT"));
    const QCommandLineOption labelOpt(QStringLiteral("label"),
                                      QStringLiteral("Run label used in the file name (default: the report's)."),
                                      QStringLiteral("LABEL"));
    const QCommandLineOption costOpt(
        QStringLiteral("cost"),
        QStringLiteral("Export allocations instead of samples, weighted by: %1.")
            .arg(QString::fromLatin1(analysis::AllocationCostProfile::kCostNames.data(),
                                     static_cast<qsizetype>(analysis::AllocationCostProfile::kCostNames.size()))),
        QStringLiteral("COST"));
    parser.addOptions({toOpt, outOpt, formatOpt, labelOpt, costOpt});
    const QCommandLineOption addressesOpt = addressesOption();
    const QCommandLineOption eventOpt = eventOption();
    parser.addOptions({addressesOpt, eventOpt});
    if (auto code = parseCommandLine(parser, args, QStringLiteral("Export a report for other tools or a ticket."),
                                     QStringLiteral("REPORT"), 1, 1))
        return *code;
    applyAddressesOption(parser, addressesOpt);
    if (!parser.isSet(toOpt)) {
        printError(QStringLiteral("export needs --to FORMAT (%1)").arg(formats.join(QStringLiteral(", "))));
        return ExitUsage;
    }
    const formats::Exporter *exporter = formats::FormatRegistry::exporter(parser.value(toOpt).toStdString());
    if (exporter == nullptr) {
        printError(QStringLiteral("unknown export format '%1' (known: %2)")
                       .arg(parser.value(toOpt), formats.join(QStringLiteral(", "))));
        return ExitUsage;
    }
    const std::string path = parser.positionalArguments().front().toStdString();
    model::Profile profile;
    if (Status st = formats::ProfileLoader::load(path, parser.value(formatOpt).toStdString(), profile); !st) {
        printError(st.message());
        return ExitUsage;
    }
    if (!keepChosenEvent(parser, eventOpt, profile, path))
        return ExitUsage;
    if (parser.isSet(labelOpt))
        profile.meta.runLabel = parser.value(labelOpt).toStdString();
    if (parser.isSet(costOpt)) {
        analysis::AllocationCost cost{};
        if (!analysis::AllocationCostProfile::costFromName(parser.value(costOpt).toStdString(), cost)) {
            printError(QStringLiteral("unknown --cost '%1' (known: %2)")
                           .arg(parser.value(costOpt),
                                QString::fromLatin1(analysis::AllocationCostProfile::kCostNames.data())));
            return ExitUsage;
        }
        auto derived = analysis::AllocationCostProfile::build(profile, cost);
        if (!derived) {
            printError(QString::fromStdString(path + ": " + derived.message()));
            return ExitUsage;
        }
        profile = std::move(derived.value());
    }

    std::string outPath = parser.value(outOpt).toStdString();
    if (outPath.empty()) {
        auto resolved =
            settings::OutputDirectory::pathFor(runLabelFor(profile, path), exporter->what(), exporter->extension());
        if (!resolved) {
            printError(resolved.message());
            return ExitUsage;
        }
        outPath = resolved.value();
    }
    formats::ExportOptions options;
    options.title = runLabelFor(profile, path);
    std::string data;
    if (Status st = exporter->write(profile, options, data); !st) {
        printError(st.message());
        return ExitFailure;
    }
    if (Status st = io::writeFileAtomically(outPath, data); !st) {
        printError(st.message());
        return ExitFailure;
    }
    std::printf("%s\n", outPath.c_str());
    return ExitOk;
}

} // namespace perfwb::app
