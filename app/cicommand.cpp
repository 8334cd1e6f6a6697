// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli.h"
#include "commandline.h"
#include "commands.h"
#include "core/printable.h"
#include "scenariorunner.h"
#include "stepsummary.h"

#include "analysis/profilediff.h"
#include "ci/beforeafter.h"
#include "ci/cicomparison.h"
#include "ci/runmeasure.h"
#include "formats/diffhtmlwriter.h"
#include "formats/formatregistry.h"
#include "formats/profileloader.h"
#include "io/fileio.h"
#include "settings/outputdirectory.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QSysInfo>

#include <cstdio>

namespace perfwb::app {

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

QString envValue(const char *name)
{
    return QProcessEnvironment::systemEnvironment().value(QLatin1String(name));
}

// Report paths in latest.json and baseline.json are relative to the file's own folder,
// so a committed baseline stays valid in any checkout.
std::string relativeTo(const QString &jsonPath, const std::string &path)
{
    if (path.empty())
        return path;
    return QFileInfo(jsonPath).absoluteDir().relativeFilePath(QFileInfo(qs(path)).absoluteFilePath()).toStdString();
}

std::string resolveFrom(const QString &jsonPath, const std::string &path)
{
    if (path.empty())
        return path;
    return QDir::cleanPath(QFileInfo(jsonPath).absoluteDir().absoluteFilePath(qs(path))).toStdString();
}

void rebasePaths(ci::CiResults &results, const QString &jsonPath, bool toRelative)
{
    for (auto &s : results.scenarios) {
        for (auto &r : s.runs)
            r.report = toRelative ? relativeTo(jsonPath, r.report) : resolveFrom(jsonPath, r.report);
        for (auto &e : s.exports)
            e = toRelative ? relativeTo(jsonPath, e) : resolveFrom(jsonPath, e);
    }
}

Result<ci::CiResults> loadResults(const QString &path)
{
    auto r = ci::CiResults::load(path.toStdString());
    if (r)
        rebasePaths(*r, path, false);
    return r;
}

Status saveResults(ci::CiResults results, const QString &path)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return makeError(QFileInfo(path).absolutePath().toStdString() + ": cannot create the directory");
    rebasePaths(results, path, true);
    return io::writeFileAtomically(path.toStdString(), results.toJson());
}

// The default label: the CI's branch and commit when known, else the time.
QString defaultLabel()
{
    const QString sha = envValue("GITHUB_SHA").left(8);
    const QString ref =
        envValue("GITHUB_HEAD_REF").isEmpty() ? envValue("GITHUB_REF_NAME") : envValue("GITHUB_HEAD_REF");
    if (!sha.isEmpty())
        return ref.isEmpty() ? sha : ref + QLatin1Char('-') + sha;
    return QStringLiteral("ci-") + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
}

// Paths in before_after.md and the job summary: relative to the working directory (the
// repository root in CI, where the artifacts keep the same layout), else absolute.
std::string shownPath(const std::string &path)
{
    const QString rel = QDir::current().relativeFilePath(qs(path));
    return rel.startsWith(QStringLiteral("..")) ? path : rel.toStdString();
}

QString runUrl()
{
    const QString server = envValue("GITHUB_SERVER_URL");
    const QString repo = envValue("GITHUB_REPOSITORY");
    const QString id = envValue("GITHUB_RUN_ID");
    if (server.isEmpty() || repo.isEmpty() || id.isEmpty())
        return {};
    return server + QLatin1Char('/') + repo + QStringLiteral("/actions/runs/") + id;
}

// Loads the median run, takes its top functions and writes its flame graph and HTML
// report beside the runs.
void finishScenario(ci::ScenarioResult &result, const std::string &dir)
{
    model::Profile profile;
    if (Status st = formats::ProfileLoader::load(result.medianReport(), "", profile); !st) {
        result.notes.push_back("the median run's report cannot be read: " + st.message());
        return;
    }
    result.topFunctions = ci::topFunctionShares(profile, 10);
    for (const char *format : {"svg", "html"}) {
        const formats::Exporter *exporter = formats::FormatRegistry::exporter(format);
        std::string data;
        formats::ExportOptions opts;
        opts.title = result.name + " (median run)";
        const std::string path = dir + "/" + result.name + "-median-" + std::string(exporter->what()) + "." +
                                 std::string(exporter->extension());
        if (Status st = exporter->write(profile, opts, data); !st) {
            result.notes.push_back(std::string(format) + " export: " + st.message());
            continue;
        }
        if (Status st = io::writeFileAtomically(path, data); !st) {
            result.notes.push_back(st.message());
            continue;
        }
        result.exports.push_back(path);
    }
}

// Replaces a comparison's share-based function changes with a diff of the two median
// reports, and writes the comparison page, when both reports can be read.
void diffMedianRuns(ci::ScenarioComparison &c, const ci::ScenarioResult &base, const ci::ScenarioResult &run,
                    const ci::MetricThresholds &t, const std::string &dir)
{
    model::Profile before;
    model::Profile after;
    if (!formats::ProfileLoader::load(base.medianReport(), "", before) ||
        !formats::ProfileLoader::load(run.medianReport(), "", after))
        return;
    analysis::DiffThresholds dt;
    dt.warnAbovePct = t.warnAbovePct;
    dt.failAbovePct = t.failAbovePct;
    const auto diff = analysis::ProfileDiff::compute(before, after, dt);
    c.functions = ci::CiComparison::diffChanges(diff, 5);
    c.functionSource = "reports";
    std::string html;
    if (!formats::DiffHtmlWriter::write(diff, before, after, {"baseline " + base.name, run.name}, html))
        return;
    const std::string path = dir + "/" + run.name + "-diff.html";
    if (io::writeFileAtomically(path, html))
        c.diffHtml = path;
}

int runCiRun(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption scenariosOpt(QStringLiteral("scenarios"),
                                          QStringLiteral("The scenarios file (JSON, docs/performance/ci-workflow.md)."),
                                          QStringLiteral("FILE"));
    const QCommandLineOption runsOpt(QStringLiteral("runs"),
                                     QStringLiteral("Runs per scenario (default: the file's \"runs\", else 5)."),
                                     QStringLiteral("N"));
    const QCommandLineOption labelOpt(
        QStringLiteral("label"), QStringLiteral("This run's label (default: CI branch and commit, else the time)."),
        QStringLiteral("LABEL"));
    const QCommandLineOption baselineOpt(
        QStringLiteral("baseline"),
        QStringLiteral("The results to compare with (default: DIR/baseline.json when it exists)."),
        QStringLiteral("FILE"));
    const QCommandLineOption gateOpt(QStringLiteral("gate"),
                                     QStringLiteral("Exit 1 when a verdict is fail or a scenario failed to run "
                                                    "(default: informational, exit 0)."));
    const QCommandLineOption dirOpt(QStringLiteral("reports-dir"),
                                    QStringLiteral("Where latest.json and before_after.md go (default perf_reports)."),
                                    QStringLiteral("DIR"));
    const QCommandLineOption warnOpt(QStringLiteral("warn-above"),
                                     QStringLiteral("Warn above +P % (default 10; the file's settings win)."),
                                     QStringLiteral("P"));
    const QCommandLineOption failOpt(QStringLiteral("fail-above"),
                                     QStringLiteral("Fail above +P % (default 20; the file's settings win)."),
                                     QStringLiteral("P"));
    parser.addOptions({scenariosOpt, runsOpt, labelOpt, baselineOpt, gateOpt, dirOpt, warnOpt, failOpt});
    if (auto code = parseCommandLine(
            parser, args,
            QStringLiteral("Run each scenario N times under perfwb record, write perf_reports/latest.json and "
                           "before_after.md (also to $GITHUB_STEP_SUMMARY), reports and exports under "
                           "$FIL_PERF_OUTPUT_DIR/LABEL, and give a verdict against the baseline."),
            QString(), 0, 0))
        return *code;
    if (!parser.isSet(scenariosOpt)) {
        printError(QStringLiteral("ci run needs --scenarios FILE"));
        return ExitUsage;
    }
    auto file = ci::ScenarioFile::load(parser.value(scenariosOpt).toStdString());
    if (!file) {
        printError(file.message());
        return ExitUsage;
    }
    int runs = file->runs > 0 ? file->runs : 5;
    if (parser.isSet(runsOpt)) {
        bool ok = false;
        runs = parser.value(runsOpt).toInt(&ok);
        if (!ok || runs < 1 || runs > 1000) {
            printError(
                QStringLiteral("--runs needs a whole number from 1 to 1000, not '%1'").arg(parser.value(runsOpt)));
            return ExitUsage;
        }
    }
    ci::MetricThresholds defaults;
    if (!readPercent(parser, warnOpt, defaults.warnAbovePct) || !readPercent(parser, failOpt, defaults.failAbovePct))
        return ExitUsage;
    if (defaults.failAbovePct < defaults.warnAbovePct) {
        printError(QStringLiteral("--fail-above must not be below --warn-above"));
        return ExitUsage;
    }
    const QString reportsDir = parser.isSet(dirOpt) ? parser.value(dirOpt) : QStringLiteral("perf_reports");
    QString baselinePath = parser.value(baselineOpt);
    if (baselinePath.isEmpty() && QFileInfo::exists(reportsDir + QStringLiteral("/baseline.json")))
        baselinePath = reportsDir + QStringLiteral("/baseline.json");
    std::optional<ci::CiResults> baseline;
    if (!baselinePath.isEmpty()) {
        auto b = loadResults(baselinePath);
        if (!b) {
            printError(b.message());
            return ExitUsage;
        }
        baseline = std::move(*b);
    }
    const QString label = parser.isSet(labelOpt) ? parser.value(labelOpt) : defaultLabel();
    auto outBase = settings::OutputDirectory::fromEnvironment();
    if (!outBase) {
        printError(outBase.message());
        return ExitUsage;
    }
    const std::string outputDir =
        QFileInfo(qs(*outBase) + QLatin1Char('/') + qs(settings::OutputDirectory::sanitizeLabel(label.toStdString())))
            .absoluteFilePath()
            .toStdString();

    ci::CiResults latest;
    latest.label = label.toStdString();
    latest.created = QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString();
    latest.host = QSysInfo::machineHostName().toStdString();
    latest.runs = runs;
    latest.scenariosFile = parser.value(scenariosOpt).toStdString();
    const ScenarioRunner::Options options{QCoreApplication::applicationFilePath(), runs, outputDir};
    for (const auto &scenario : file->scenarios) {
        auto result = ScenarioRunner::run(scenario, options);
        if (result.failed())
            printError(scenario.name + ": " + result.error);
        else
            finishScenario(result, outputDir + "/" + scenario.name);
        latest.scenarios.push_back(std::move(result));
    }

    auto comparisons = ci::CiComparison::compare(baseline ? &*baseline : nullptr, latest, *file, defaults);
    for (std::size_t i = 0; baseline && i < comparisons.size(); ++i) {
        const ci::ScenarioResult *base = baseline->find(latest.scenarios[i].name);
        if (base == nullptr || base->failed() || latest.scenarios[i].failed())
            continue;
        const ci::Scenario *spec = file->find(latest.scenarios[i].name);
        diffMedianRuns(comparisons[i], *base, latest.scenarios[i], file->thresholdsFor(*spec, "cpu_time", defaults),
                       outputDir + "/" + latest.scenarios[i].name);
    }

    for (auto &c : comparisons)
        c.diffHtml = c.diffHtml.empty() ? c.diffHtml : shownPath(c.diffHtml);
    const ci::BeforeAfter::Links links{shownPath(outputDir),
                                       shownPath(QFileInfo(reportsDir).absoluteFilePath().toStdString()),
                                       runUrl().toStdString()};
    const std::string markdown = ci::BeforeAfter::markdown(baseline ? &*baseline : nullptr, latest, comparisons, links);
    const QString latestPath = reportsDir + QStringLiteral("/latest.json");
    if (Status st = saveResults(latest, latestPath); !st) {
        printError(st.message());
        return ExitFailure;
    }
    if (Status st = io::writeFileAtomically((reportsDir + QStringLiteral("/before_after.md")).toStdString(), markdown);
        !st) {
        printError(st.message());
        return ExitFailure;
    }
    if (Status st = appendToStepSummary(markdown); !st)
        printError(st.message()); // the results stand

    for (const auto &c : comparisons)
        std::printf("%-8s %s: %s\n", ci::ciVerdictName(c.verdict), printable(c.name).c_str(),
                    printable(c.reason()).c_str());
    const ci::CiVerdict overall = ci::CiComparison::overall(comparisons);
    std::printf("verdict: %s -> %s/latest.json, %s/before_after.md\n",
                ci::ciVerdictName(overall == ci::CiVerdict::Improved ? ci::CiVerdict::Pass : overall),
                printable(reportsDir.toStdString()).c_str(), printable(reportsDir.toStdString()).c_str());
    const bool bad = overall == ci::CiVerdict::Fail || overall == ci::CiVerdict::Error;
    return parser.isSet(gateOpt) && bad ? ExitFailure : ExitOk;
}

int runCiBaselineUpdate(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption fromOpt(QStringLiteral("from"),
                                     QStringLiteral("The results to make the baseline of (default "
                                                    "perf_reports/latest.json)."),
                                     QStringLiteral("FILE"));
    const QCommandLineOption baselineOpt(QStringLiteral("baseline"),
                                         QStringLiteral("The baseline to write (default perf_reports/baseline.json)."),
                                         QStringLiteral("FILE"));
    parser.addOptions({fromOpt, baselineOpt});
    if (auto code = parseCommandLine(parser, args,
                                     QStringLiteral("Make the baseline from a run's results: copies them and each "
                                                    "scenario's median report beside the baseline. Nothing else "
                                                    "writes the baseline."),
                                     QString(), 0, 0))
        return *code;
    const QString from = parser.isSet(fromOpt) ? parser.value(fromOpt) : QStringLiteral("perf_reports/latest.json");
    const QString to =
        parser.isSet(baselineOpt) ? parser.value(baselineOpt) : QStringLiteral("perf_reports/baseline.json");
    auto results = loadResults(from);
    if (!results) {
        printError(results.message());
        return ExitUsage;
    }
    // The median reports go along (the top function changes diff them); the other runs
    // keep their figures only.
    const QString reportsDir =
        QFileInfo(to).absolutePath() + QLatin1Char('/') + QFileInfo(to).completeBaseName() + QStringLiteral("-reports");
    if (!QDir().mkpath(reportsDir)) {
        printError(reportsDir.toStdString() + ": cannot create the directory");
        return ExitFailure;
    }
    for (auto &s : results->scenarios) {
        for (std::size_t i = 0; i < s.runs.size(); ++i) {
            if (i != s.medianRun || s.failed()) {
                s.runs[i].report.clear();
                continue;
            }
            const QString copy = reportsDir + QLatin1Char('/') + qs(s.name) + QStringLiteral(".perfwb");
            QFile::remove(copy);
            if (!QFile::copy(qs(s.runs[i].report), copy)) {
                printError(s.runs[i].report + ": cannot copy the median report to " + copy.toStdString());
                return ExitFailure;
            }
            s.runs[i].report = copy.toStdString();
        }
        s.exports.clear();
    }
    if (Status st = saveResults(*results, to); !st) {
        printError(st.message());
        return ExitFailure;
    }
    std::printf("baseline %s: %zu scenarios from %s (%s)\n", printable(to.toStdString()).c_str(),
                results->scenarios.size(), printable(from.toStdString()).c_str(), printable(results->label).c_str());
    return ExitOk;
}

// `perfwb ci --help`: both subcommands with their options (the man page is made from it).
int printCiHelp()
{
    std::fputs("perfwb ci: the perf CI workflow. Profile scenarios repeatedly, compare with a baseline,\n"
               "write perf_reports/latest.json, before_after.md and the job summary.\n"
               "Docs: docs/performance/ci-workflow.md\n\n",
               stdout);
    std::fflush(stdout);
    runCiRun({QStringLiteral("perfwb ci run"), QStringLiteral("--help")});
    std::fputs("\n", stdout);
    std::fflush(stdout);
    return runCiBaselineUpdate({QStringLiteral("perfwb ci baseline update"), QStringLiteral("--help")});
}

} // namespace

int runCiCommand(const QStringList &args)
{
    const QString sub = args.size() > 1 ? args.at(1) : QString();
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h"))
        return printCiHelp();
    QStringList rest = args.mid(1);
    if (sub == QLatin1String("run")) {
        rest[0] = QStringLiteral("perfwb ci run");
        return runCiRun(rest);
    }
    if (sub == QLatin1String("baseline") && args.size() > 2 && args.at(2) == QLatin1String("update")) {
        rest = args.mid(2);
        rest[0] = QStringLiteral("perfwb ci baseline update");
        return runCiBaselineUpdate(rest);
    }
    printError(sub.isEmpty()
                   ? QStringLiteral("ci needs 'run' or 'baseline update' (see perfwb ci --help)")
                   : QStringLiteral("ci: unknown command '%1' (run, baseline update)").arg(args.mid(1).join(' ')));
    return ExitUsage;
}

} // namespace perfwb::app
