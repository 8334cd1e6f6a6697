// SPDX-License-Identifier: GPL-3.0-or-later
#include "allocationjson.h"
#include "cli.h"
#include "commandline.h"
#include "commands.h"
#include "markssummary.h"

#include "analysis/functionstats.h"
#include "analysis/topfunctions.h"
#include "core/printable.h"
#include "formats/profileloader.h"
#include "model/profileevents.h"
#include "settings/settingspec.h"
#include "store/runmanifest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <map>
#include <string>

namespace perfwb::app {

namespace {

QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

double percent(std::uint64_t part, std::uint64_t whole)
{
    return whole == 0 ? 0.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

// One line of "events:": what each event of the profile holds, and which one is shown.
struct EventRow {
    model::EventType type;
    std::uint64_t samples = 0;
    std::uint64_t weight = 0;
    bool shown = false;
};

std::vector<EventRow> eventRows(const model::Profile &p, std::size_t shown)
{
    const auto types = model::ProfileEvents::list(p);
    const auto samples = model::ProfileEvents::sampleCounts(p);
    const auto weights = model::ProfileEvents::weights(p);
    std::vector<EventRow> rows;
    for (std::size_t i = 0; i < types.size(); ++i)
        rows.push_back({types[i], samples.at(i), weights.at(i), i == shown});
    return rows;
}

void printEvents(const std::vector<EventRow> &events)
{
    if (events.size() < 2)
        return;
    std::printf("events:   ");
    for (const auto &e : events)
        std::printf(" %s %llu samples%s%s", printable(e.type.name).c_str(), static_cast<unsigned long long>(e.samples),
                    e.shown ? " (shown)" : "", &e == &events.back() ? "" : ",");
    std::printf("; each is its own cost (--event NAME shows another)\n");
}

QJsonArray eventsJson(const std::vector<EventRow> &events)
{
    QJsonArray out;
    for (const auto &e : events)
        out.append(QJsonObject{{QStringLiteral("name"), qs(e.type.name)},
                               {QStringLiteral("unit"), qs(e.type.unit.name())},
                               {QStringLiteral("samples"), static_cast<qint64>(e.samples)},
                               {QStringLiteral("total_weight"), static_cast<qint64>(e.weight)},
                               {QStringLiteral("shown"), e.shown}});
    return out;
}

// Rounded to 0.01 so the JSON stays stable and readable.
double round2(double v)
{
    return static_cast<double>(static_cast<long long>(v * 100.0 + (v >= 0 ? 0.5 : -0.5))) / 100.0;
}

std::vector<std::size_t> samplesPerThread(const model::Profile &p)
{
    std::vector<std::size_t> counts(p.threads().size(), 0);
    for (std::size_t i = 0; i < p.samples.size(); ++i) {
        if (p.samples.thread(i) < counts.size())
            ++counts[p.samples.thread(i)];
    }
    return counts;
}

// The FIL_PERF_* values a recording ran with (perfwb record keeps the non-default ones).
std::map<std::string, std::string> filPerfSettings(const model::RunMetadata &m)
{
    std::map<std::string, std::string> out;
    for (const auto &[key, value] : m.extra) {
        if (key.rfind(settings::SettingSpec::kPrefix, 0) == 0)
            out.emplace(key, value);
    }
    return out;
}

// What a perf.data header said about the run: the extra key and its name in --json.
constexpr std::pair<const char *, const char *> kPerfHeaderFacts[] = {{"perf.os_release", "kernel"},
                                                                      {"perf.arch", "arch"},
                                                                      {"perf.cpu", "cpu"},
                                                                      {"perf.cpus_online", "cpus_online"},
                                                                      {"perf.cpus_available", "cpus_available"},
                                                                      {"perf.version", "perf_version"}};

QJsonObject metadataJson(const model::RunMetadata &m)
{
    QJsonObject o;
    QJsonArray cmd;
    for (const auto &a : m.commandLine)
        cmd.append(qs(a));
    o[QStringLiteral("command_line")] = cmd;
    o[QStringLiteral("working_dir")] = qs(m.workingDir);
    o[QStringLiteral("host")] = qs(m.host);
    o[QStringLiteral("start_time_unix_ns")] = static_cast<qint64>(m.startTimeUnixNs);
    o[QStringLiteral("run_label")] = qs(m.runLabel);
    o[QStringLiteral("source_format")] = qs(m.sourceFormat);
    o[QStringLiteral("event")] = qs(m.sampler.event);
    o[QStringLiteral("frequency_hz")] = m.sampler.frequencyHz;
    o[QStringLiteral("call_graph")] = qs(m.sampler.callGraph);
    if (m.exited) {
        o[QStringLiteral("exit_code")] = m.exitCode;
        o[QStringLiteral("exit_signal")] = m.exitSignal;
    }
    QJsonObject env;
    for (const auto &[k, v] : m.environment())
        env[qs(k)] = qs(v);
    o[QStringLiteral("environment")] = env;
    if (const auto it = m.extra.find("preset"); it != m.extra.end())
        o[QStringLiteral("preset")] = qs(it->second);
    QJsonObject fil;
    for (const auto &[k, v] : filPerfSettings(m))
        fil[qs(k)] = qs(v);
    if (!fil.isEmpty())
        o[QStringLiteral("settings")] = fil;
    for (const auto &[key, name] : kPerfHeaderFacts) {
        if (const auto it = m.extra.find(key); it != m.extra.end())
            o[QLatin1String(name)] = qs(it->second);
    }
    QJsonArray warnings;
    for (const auto &w : m.importWarnings())
        warnings.append(qs(w));
    if (!warnings.isEmpty())
        o[QStringLiteral("import_warnings")] = warnings;
    return o;
}

// The other files of the run the report belongs to (its <label>-run.json).
void printRunFiles(const std::string &path)
{
    const std::string manifestPath = store::RunManifest::findFor(path);
    if (manifestPath.empty())
        return;
    auto manifest = store::RunManifest::read(manifestPath);
    if (!manifest)
        return;
    std::printf("\nrun files (%s):\n", printable(manifestPath).c_str());
    for (const auto &f : manifest->files)
        std::printf("  %-9s %s\n", printable(f.tool).c_str(), printable(f.path).c_str());
}

QJsonArray runFilesJson(const std::string &path)
{
    QJsonArray files;
    const std::string manifestPath = store::RunManifest::findFor(path);
    if (manifestPath.empty())
        return files;
    auto manifest = store::RunManifest::read(manifestPath);
    if (!manifest)
        return files;
    for (const auto &f : manifest->files)
        files.append(QJsonObject{{QStringLiteral("tool"), qs(f.tool)}, {QStringLiteral("path"), qs(f.path)}});
    return files;
}

std::string extraOf(const model::RunMetadata &m, const char *key)
{
    const auto it = m.extra.find(key);
    return it == m.extra.end() ? std::string() : it->second;
}

// Which interpreter the Python frames were read from (or why not), and how many samples got them.
void printPythonFrames(const model::RunMetadata &m, std::size_t samples)
{
    const std::string python = extraOf(m, "python_frames");
    if (python.empty())
        return;
    const std::string with = extraOf(m, "python_frames_samples");
    std::printf("python:    %s, %s of %zu samples with Python frames\n", printable(python).c_str(),
                with.empty() ? "0" : printable(with).c_str(), samples);
}

// Where it ran (an imported perf.data's header) and what the importer warned about.
void printHostAndWarnings(const model::RunMetadata &m)
{
    if (!m.host.empty())
        std::printf("host:      %s\n", printable(m.host).c_str());
    if (const auto kernel = extraOf(m, "perf.os_release"); !kernel.empty()) {
        const auto arch = extraOf(m, "perf.arch");
        std::printf("kernel:    %s%s%s%s\n", printable(kernel).c_str(), arch.empty() ? "" : " (",
                    printable(arch).c_str(), arch.empty() ? "" : ")");
    }
    const auto cpu = extraOf(m, "perf.cpu");
    const auto online = extraOf(m, "perf.cpus_online");
    const auto available = extraOf(m, "perf.cpus_available");
    if (!cpu.empty() || !online.empty()) {
        std::string count = online.empty() ? "" : online + (online == available ? "" : " of " + available) + " online";
        std::printf("cpu:       %s%s%s%s\n", printable(cpu).c_str(), count.empty() || cpu.empty() ? "" : " (",
                    count.c_str(), count.empty() || cpu.empty() ? "" : ")");
    }
    if (const auto version = extraOf(m, "perf.version"); !version.empty())
        std::printf("perf:      %s\n", printable(version).c_str());
    const auto warnings = m.importWarnings();
    for (std::size_t i = 0; i < warnings.size(); ++i)
        std::printf("%s%s\n", i == 0 ? "warnings:  " : "           ", printable(warnings[i]).c_str());
}

// The top list by self: an inlined function once per function it was inlined into.
void printTopFunctions(const model::Profile &p, const analysis::FunctionTable &functions,
                       const analysis::TopFunctions &top, int count)
{
    std::printf("\ntop functions by self (%s):\n", printable(p.meta.weightUnit.name()).c_str());
    std::printf("%12s %7s %12s %7s  %s\n", "self", "self%", "total", "total%", "function [module]");
    int shown = 0;
    for (const auto &e : top.entries) {
        if (shown++ >= count)
            break;
        const auto module = functions.module(e.function);
        // "[kernel]", "[vdso]" already carry their brackets.
        const bool bare = module.empty() || module.front() == '[';
        std::printf("%12llu %6.2f%% %12llu %6.2f%%  %s%s%s%s\n", static_cast<unsigned long long>(e.self),
                    percent(e.self, top.grandTotal), static_cast<unsigned long long>(e.total),
                    percent(e.total, top.grandTotal), printable(analysis::TopFunctions::label(functions, e)).c_str(),
                    module.empty() ? "" : " ", bare ? "" : "[",
                    printable(std::string(module) + (bare ? "" : "]")).c_str());
    }
}

void printText(const std::string &path, const model::Profile &p, const std::vector<EventRow> &events,
               const analysis::FunctionTable &functions, const analysis::TopFunctions &top, int count)
{
    const auto &m = p.meta;
    std::string cmd;
    for (const auto &a : m.commandLine)
        cmd += (cmd.empty() ? "" : " ") + a;
    std::printf("report:    %s\n", printable(path).c_str());
    if (!cmd.empty())
        std::printf("command:   %s\n", printable(cmd).c_str());
    if (!m.runLabel.empty())
        std::printf("label:     %s\n", printable(m.runLabel).c_str());
    if (const auto it = m.extra.find("preset"); it != m.extra.end())
        std::printf("preset:    %s\n", printable(it->second).c_str());
    std::string fil;
    for (const auto &[k, v] : filPerfSettings(m))
        fil += (fil.empty() ? "" : " ") + k + "=" + v;
    if (!fil.empty())
        std::printf("settings:  %s\n", printable(fil).c_str());
    std::printf("source:    %s%s%s\n", printable(m.sourceFormat).c_str(), m.sampler.event.empty() ? "" : ", event ",
                printable(m.sampler.event).c_str());
    printEvents(events);
    printHostAndWarnings(m);
    std::printf("samples:   %zu (total weight %llu %s)\n", p.samples.size(),
                static_cast<unsigned long long>(top.grandTotal), printable(m.weightUnit.name()).c_str());
    std::printf("lost:      %llu\n", static_cast<unsigned long long>(m.lostSamples));
    // What the recorder noted about the run (a stopped target, smaller rings, no kernel frames).
    if (const auto notes = extraOf(m, "backend_notes"); !notes.empty())
        std::printf("notes:     %s\n", printable(notes).c_str());
    printPythonFrames(m, p.samples.size());
    std::printf("duration:  %.3f s\n", static_cast<double>(p.durationOrSampleSpanNs()) / 1e9);
    if (m.exited)
        std::printf("exit:      %s %d\n", m.exitSignal != 0 ? "signal" : "code",
                    m.exitSignal != 0 ? m.exitSignal : m.exitCode);
    const auto counts = samplesPerThread(p);
    const auto missed = model::missedSamples(p.threads(), p.meta.sampler.frequencyHz);
    if (missed.counted > 0)
        std::printf("missed:    %llu samples in %zu of %zu threads with a CPU time (lost or dropped)\n",
                    static_cast<unsigned long long>(missed.total), missed.threadsMissing, missed.counted);
    std::printf("threads:   %zu\n", p.threads().size());
    for (std::size_t t = 0; t < p.threads().size(); ++t) {
        const auto &th = p.thread(static_cast<model::ThreadIndex>(t));
        std::printf("  %7d/%-7d %-24s %zu samples", th.pid, th.tid, printable(p.strings.view(th.name)).c_str(),
                    counts[t]);
        if (missed.perThread[t].value_or(0) > 0)
            std::printf(", %llu missed", static_cast<unsigned long long>(*missed.perThread[t]));
        std::printf("\n");
    }
    printTopFunctions(p, functions, top, count);
    printBudgetCrossings(p);
    printMarks(p, count);
    printRunFiles(path);
}

// Where the self time of an inlined function went: one row per function it was inlined into.
QJsonArray inlinedInJson(const analysis::FunctionTable &functions, const analysis::TopFunctions &top,
                         analysis::FunctionId function)
{
    QJsonArray out;
    for (const auto &e : top.entries) {
        if (e.function != function || !e.inlined)
            continue;
        const bool known = e.inlinedInto != analysis::TopFunctions::kNoFunction;
        out.append(QJsonObject{{QStringLiteral("function"), known ? qs(functions.name(e.inlinedInto)) : QString()},
                               {QStringLiteral("self"), static_cast<qint64>(e.self)},
                               {QStringLiteral("total"), static_cast<qint64>(e.total)},
                               {QStringLiteral("self_pct"), round2(percent(e.self, top.grandTotal))},
                               {QStringLiteral("total_pct"), round2(percent(e.total, top.grandTotal))}});
    }
    return out;
}

QJsonObject toJson(const std::string &path, const model::Profile &p, const std::vector<EventRow> &events,
                   const analysis::FunctionTable &functions, const analysis::FunctionStats &stats,
                   const analysis::TopFunctions &split, int top)
{
    QJsonObject o;
    o[QStringLiteral("samples")] = static_cast<qint64>(p.samples.size());
    o[QStringLiteral("total_weight")] = static_cast<qint64>(stats.grandTotal);
    o[QStringLiteral("weight_unit")] = qs(p.meta.weightUnit.name());
    o[QStringLiteral("events")] = eventsJson(events);
    o[QStringLiteral("duration_ns")] = static_cast<qint64>(p.durationOrSampleSpanNs());
    o[QStringLiteral("lost_samples")] = static_cast<qint64>(p.meta.lostSamples);
    if (const auto notes = extraOf(p.meta, "backend_notes"); !notes.empty())
        o[QStringLiteral("notes")] = QString::fromStdString(notes);
    QJsonArray threads;
    const auto counts = samplesPerThread(p);
    const auto missed = model::missedSamples(p.threads(), p.meta.sampler.frequencyHz);
    if (missed.counted > 0)
        o[QStringLiteral("missed_samples")] = static_cast<qint64>(missed.total);
    for (std::size_t t = 0; t < p.threads().size(); ++t) {
        const auto &th = p.thread(static_cast<model::ThreadIndex>(t));
        QJsonObject thread{{QStringLiteral("pid"), th.pid},
                           {QStringLiteral("tid"), th.tid},
                           {QStringLiteral("name"), qs(p.strings.view(th.name))},
                           {QStringLiteral("samples"), static_cast<qint64>(counts[t])}};
        if (missed.perThread[t]) {
            thread[QStringLiteral("cpu_ns")] = static_cast<qint64>(th.cpuNs);
            thread[QStringLiteral("missed_samples")] = static_cast<qint64>(*missed.perThread[t]);
        }
        threads.append(thread);
    }
    o[QStringLiteral("threads")] = threads;
    QJsonArray fns;
    int shown = 0;
    for (const auto &e : stats.entries) {
        if (shown++ >= top)
            break;
        QJsonObject fn{{QStringLiteral("name"), qs(functions.name(e.function))},
                       {QStringLiteral("module"), qs(functions.module(e.function))},
                       {QStringLiteral("self"), static_cast<qint64>(e.self)},
                       {QStringLiteral("total"), static_cast<qint64>(e.total)},
                       {QStringLiteral("self_pct"), round2(percent(e.self, stats.grandTotal))},
                       {QStringLiteral("total_pct"), round2(percent(e.total, stats.grandTotal))}};
        if (functions.at(e.function).inlined)
            fn[QStringLiteral("inlined_in")] = inlinedInJson(functions, split, e.function);
        fns.append(fn);
    }
    o[QStringLiteral("functions")] = fns;
    o[QStringLiteral("metadata")] = metadataJson(p.meta);
    o[QStringLiteral("marks")] = marksJson(p, top);
    o[QStringLiteral("budget_crossings")] = budgetCrossingsJson(p);
    if (!p.allocations.empty())
        o[QStringLiteral("allocations")] = allocationsJson(p, functions, top);
    o[QStringLiteral("run_files")] = runFilesJson(path);
    return o;
}

} // namespace

int runInfoCommand(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption topOpt(QStringLiteral("top"), QStringLiteral("How many functions to list (default 20)."),
                                    QStringLiteral("N"), QStringLiteral("20"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), QStringLiteral("Print JSON (schema in docs/cli.md)."));
    const QCommandLineOption formatOpt({QStringLiteral("f"), QStringLiteral("format")},
                                       QStringLiteral("Format of a non-report input (default: by content)."),
                                       QStringLiteral("FORMAT"));
    parser.addOptions({topOpt, jsonOpt, formatOpt});
    const QCommandLineOption addressesOpt = addressesOption();
    const QCommandLineOption eventOpt = eventOption();
    parser.addOptions({addressesOpt, eventOpt});
    if (auto code = parseCommandLine(parser, args, QStringLiteral("Summarise a report (or any importable file)."),
                                     QStringLiteral("REPORT"), 1, 1))
        return *code;
    applyAddressesOption(parser, addressesOpt);
    bool ok = false;
    const int top = parser.value(topOpt).toInt(&ok);
    if (!ok || top < 0) {
        printError(QStringLiteral("--top expects a whole number >= 0, not '%1'").arg(parser.value(topOpt)));
        return ExitUsage;
    }
    const std::string path = parser.positionalArguments().front().toStdString();
    model::Profile profile;
    if (Status st = formats::ProfileLoader::load(path, parser.value(formatOpt).toStdString(), profile); !st) {
        printError(st.message());
        return ExitUsage;
    }
    const auto event = chosenEvent(parser, eventOpt, profile, path);
    if (!event)
        return ExitUsage;
    const auto events = eventRows(profile, *event);
    model::ProfileEvents::keepOnly(profile, *event);
    const analysis::FunctionTable functions(profile);
    const auto weights = analysis::StackWeights::compute(profile);
    const auto stats = analysis::FunctionStats::compute(functions, weights);
    const auto split = analysis::TopFunctions::compute(functions, weights);
    if (parser.isSet(jsonOpt)) {
        const auto json =
            QJsonDocument(toJson(path, profile, events, functions, stats, split, top)).toJson(QJsonDocument::Indented);
        std::fwrite(json.constData(), 1, static_cast<std::size_t>(json.size()), stdout);
    } else {
        printText(path, profile, events, functions, split, top);
    }
    return ExitOk;
}

} // namespace perfwb::app
