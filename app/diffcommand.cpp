// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli.h"
#include "commandline.h"
#include "commands.h"
#include "core/printable.h"
#include "stepsummary.h"

#include "analysis/profilediff.h"
#include "formats/difftext.h"
#include "formats/formatregistry.h"
#include "formats/profileloader.h"
#include "io/fileio.h"
#include "model/profileevents.h"
#include "settings/outputdirectory.h"

#include <cstdio>
#include <optional>
#include <utility>
#include <vector>

namespace perfwb::app {

namespace {
// --mode absolute|share, or an error line.
bool readMode(const QCommandLineParser &parser, const QCommandLineOption &opt, std::optional<analysis::DiffMode> &out)
{
    if (!parser.isSet(opt))
        return true;
    out = analysis::parseDiffMode(parser.value(opt).toStdString());
    if (!out)
        printError(QStringLiteral("--mode takes absolute or share, not '%1'").arg(parser.value(opt)));
    return out.has_value();
}

struct RunToCompare {
    const std::string &path;
    model::Profile &profile;
};

// Loads both runs and keeps the same event of each: --event, else the base's first, which
// the new run shows too when it has it (else its own first). False after one error line.
bool loadComparedRuns(const QCommandLineParser &parser, const QCommandLineOption &formatOpt,
                      const QCommandLineOption &eventOpt, RunToCompare base, RunToCompare next)
{
    const std::string format = parser.value(formatOpt).toStdString();
    for (const RunToCompare &run : {base, next}) {
        if (Status st = formats::ProfileLoader::load(run.path, format, run.profile); !st) {
            printError(st.message());
            return false;
        }
    }
    if (parser.isSet(eventOpt)) {
        if (!keepChosenEvent(parser, eventOpt, base.profile, base.path) ||
            !keepChosenEvent(parser, eventOpt, next.profile, next.path))
            return false;
    } else {
        const std::string name = model::ProfileEvents::list(base.profile).front().name;
        model::ProfileEvents::keepOnly(base.profile, 0);
        model::ProfileEvents::keepOnly(next.profile, model::ProfileEvents::find(next.profile, name).value_or(0));
    }
    if (base.profile.meta.weightUnit != next.profile.meta.weightUnit) {
        printError("cannot compare " + std::string(base.profile.meta.weightUnit.name()) + " (" + base.path + ") with " +
                   std::string(next.profile.meta.weightUnit.name()) + " (" + next.path + ")");
        return false;
    }
    return true;
}

} // namespace

int runDiffCommand(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption warnOpt(
        QStringLiteral("warn-above"),
        QStringLiteral("Warn when total time or a function grows by more than P % (default 10)."), QStringLiteral("P"));
    const QCommandLineOption failOpt(QStringLiteral("fail-above"),
                                     QStringLiteral("Fail (exit 1) when it grows by more than P % (default 20)."),
                                     QStringLiteral("P"));
    const QCommandLineOption minShareOpt(
        QStringLiteral("min-share"),
        QStringLiteral("Only functions with at least P % self share in either run count (default 1)."),
        QStringLiteral("P"));
    const QCommandLineOption markdownOpt(QStringLiteral("markdown"),
                                         QStringLiteral("Write a before/after Markdown table to FILE (and append it to "
                                                        "$GITHUB_STEP_SUMMARY when set)."),
                                         QStringLiteral("FILE"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), QStringLiteral("Print JSON instead of text."));
    const QCommandLineOption topOpt(QStringLiteral("top"), QStringLiteral("How many changes to list (default 10)."),
                                    QStringLiteral("N"));
    const QCommandLineOption formatOpt({QStringLiteral("f"), QStringLiteral("format")},
                                       QStringLiteral("Format of non-report inputs (default: by content)."),
                                       QStringLiteral("FORMAT"));
    const QCommandLineOption htmlOpt(
        QStringLiteral("html"),
        QStringLiteral("Write the comparison as one self-contained HTML page (differential "
                       "flamegraph in both shapes, delta table) to FILE."),
        QStringLiteral("FILE"));
    const QCommandLineOption svgOpt(
        QStringLiteral("svg"), QStringLiteral("Write the differential flamegraph (new run's shape) as SVG to FILE."),
        QStringLiteral("FILE"));
    const QCommandLineOption svgReverseOpt(
        QStringLiteral("svg-reverse"),
        QStringLiteral("Write the reverse differential flamegraph (base run's shape: vanished frames) to FILE."),
        QStringLiteral("FILE"));
    const QCommandLineOption toOpt(
        QStringLiteral("to"),
        QStringLiteral("Also write html, svg, svg-reverse, markdown or json into the standard output directory "
                       "($FIL_PERF_OUTPUT_DIR, default outputs/perf) as <new_label>-diff.html, "
                       "-diff-flamegraph.svg, -diff-reverse-flamegraph.svg, -before_after.md, -diff.json; "
                       "repeatable."),
        QStringLiteral("FORMAT"));
    const QCommandLineOption modeOpt(
        QStringLiteral("mode"),
        QStringLiteral("Compare functions by absolute cost (CPU time: samples x sampling period) or by share of "
                       "each run's total; colours, percentages and verdicts follow. Default: absolute when both "
                       "runs share a sampling rate, else share."),
        QStringLiteral("absolute|share"));
    parser.addOptions({warnOpt, failOpt, minShareOpt, markdownOpt, jsonOpt, topOpt, formatOpt, htmlOpt, svgOpt,
                       svgReverseOpt, toOpt, modeOpt});
    const QCommandLineOption addressesOpt = addressesOption();
    const QCommandLineOption eventOpt = eventOption();
    parser.addOptions({addressesOpt, eventOpt});
    if (auto code = parseCommandLine(parser, args,
                                     QStringLiteral("Compare two runs: verdict and top changes. Exit 0 pass or warn, "
                                                    "1 regression beyond --fail-above, 2 bad usage or input."),
                                     QStringLiteral("BASE NEW"), 2, 2))
        return *code;
    applyAddressesOption(parser, addressesOpt);

    analysis::DiffThresholds t;
    if (!readPercent(parser, warnOpt, t.warnAbovePct) || !readPercent(parser, failOpt, t.failAbovePct) ||
        !readPercent(parser, minShareOpt, t.minSharePct))
        return ExitUsage;
    if (t.failAbovePct < t.warnAbovePct) {
        printError(QStringLiteral("--fail-above (%1) must not be below --warn-above (%2)")
                       .arg(t.failAbovePct)
                       .arg(t.warnAbovePct));
        return ExitUsage;
    }
    const QStringList to = parser.values(toOpt);
    for (const auto &f : to) {
        if (formats::FormatRegistry::comparisonExporter(f.toStdString()) == nullptr) {
            std::string known;
            for (const auto &e : formats::FormatRegistry::comparisonExporters())
                known += (known.empty() ? "" : ", ") + std::string(e->format());
            printError("--to takes " + known + ", not '" + f.toStdString() + "'");
            return ExitUsage;
        }
    }
    std::optional<analysis::DiffMode> mode; // unset: the default rule (docs/compare.md)
    if (!readMode(parser, modeOpt, mode))
        return ExitUsage;
    std::size_t top = formats::ComparisonInput::kDefaultTop;
    if (parser.isSet(topOpt)) {
        bool ok = false;
        const uint n = parser.value(topOpt).toUInt(&ok);
        if (!ok) {
            printError(QStringLiteral("--top needs a count, not '%1'").arg(parser.value(topOpt)));
            return ExitUsage;
        }
        top = n;
    }

    const std::string basePath = parser.positionalArguments().at(0).toStdString();
    const std::string newPath = parser.positionalArguments().at(1).toStdString();
    model::Profile base;
    model::Profile next;
    if (!loadComparedRuns(parser, formatOpt, eventOpt, {basePath, base}, {newPath, next}))
        return ExitUsage;

    const auto diff = analysis::ProfileDiff::compute(base, next, t, mode);
    const formats::ComparisonInput input{
        diff,
        base,
        next,
        {formats::comparisonRunLabel(base, basePath), formats::comparisonRunLabel(next, newPath)},
        top};

    // Where each output goes: its FILE option, else with --to the standard output directory
    // (named as the GUI names its comparison exports). Every file is rendered before any
    // is written: a failure leaves nothing half done.
    const std::string outName = formats::comparisonOutputName(next, newPath);
    std::vector<std::string> announced; // --to paths, named on stderr (stdout may be JSON)
    std::vector<std::pair<std::string, std::string>> files;
    std::string markdown;
    const std::pair<const QCommandLineOption *, const char *> fileOptions[] = {
        {&markdownOpt, "markdown"}, {&htmlOpt, "html"}, {&svgOpt, "svg"}, {&svgReverseOpt, "svg-reverse"}};
    for (const auto &exporter : formats::FormatRegistry::comparisonExporters()) {
        std::vector<std::string> paths;
        for (const auto &[opt, name] : fileOptions) {
            if (exporter->format() == name && parser.isSet(*opt))
                paths.push_back(parser.value(*opt).toStdString());
        }
        // A FILE option for the same output wins over --to.
        if (paths.empty() &&
            to.contains(QString::fromUtf8(exporter->format().data(), qsizetype(exporter->format().size())))) {
            auto path = settings::OutputDirectory::pathFor(outName, exporter->what(), exporter->extension());
            if (!path) {
                printError(path.message());
                return ExitUsage;
            }
            paths.push_back(*path);
            announced.push_back(*path);
        }
        if (paths.empty())
            continue;
        std::string data;
        if (Status st = exporter->write(input, data); !st) {
            printError(st.message());
            return ExitUsage;
        }
        if (exporter->format() == "markdown")
            markdown = data;
        for (const auto &path : paths)
            files.emplace_back(path, data);
    }
    for (const auto &[path, data] : files) {
        if (Status st = io::writeFileAtomically(path, data); !st) {
            printError(st.message());
            return ExitUsage;
        }
    }
    for (const auto &path : announced)
        std::fprintf(stderr, "wrote %s\n", path.c_str());
    if (!markdown.empty()) {
        if (Status st = appendToStepSummary(markdown); !st)
            printError(st.message()); // the verdict still stands
    }
    const std::string text = parser.isSet(jsonOpt) ? formats::DiffText::json(diff, input.labels, top)
                                                   : formats::DiffText::plain(diff, input.labels, top);
    // Function names and labels come from the profiles: escaped for the terminal (the
    // JSON escapes them itself; Markdown and HTML go to files).
    std::fputs((parser.isSet(jsonOpt) ? text : printableLines(text)).c_str(), stdout);
    return diff.verdict() == analysis::DiffVerdict::Fail ? ExitFailure : ExitOk;
}

} // namespace perfwb::app
