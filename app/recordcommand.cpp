// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli.h"
#include "commandline.h"
#include "commands.h"

#include "presetcontext.h"
#include "profilerruns.h"
#include "servicehost.h"

#include "budgets/perfprofiler.h"
#include "record/recordsession.h"
#include "settings/outputdirectory.h"

#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <optional>
#include <thread>

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/signalfd.h>
#include <unistd.h>

namespace perfwb::app {

namespace {

QString optionHelp(const char *text)
{
    return QString::fromUtf8(text);
}

// A whole positive number, or nothing.
std::optional<long long> positiveInteger(const QString &text)
{
    bool ok = false;
    const long long v = text.toLongLong(&ok);
    if (!ok || v <= 0)
        return std::nullopt;
    return v;
}

std::string describeEnd(const record::RecordSummary &s, bool attached)
{
    if (s.exited) {
        if (s.exitSignal != 0) {
            const char *name = ::sigabbrev_np(s.exitSignal);
            return "killed by signal " + std::to_string(s.exitSignal) +
                   (name != nullptr ? std::string(" (SIG") + name + ")" : std::string());
        }
        return "exit " + std::to_string(s.exitCode);
    }
    if (attached)
        return s.targetEnded ? "process ended" : "detached";
    return "ended";
}

// One line: what was recorded, how the target ended, where the report is.
std::string summaryLine(const record::RecordSummary &s, bool attached)
{
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.2f", static_cast<double>(s.durationNs) / 1e9);
    return std::to_string(s.samples) + " samples (" + std::to_string(s.lost) + " lost) in " + seconds + " s, " +
           std::to_string(s.threads) + (s.threads == 1 ? " thread, " : " threads, ") + describeEnd(s, attached) +
           " -> " + s.outputPath;
}

// SIGINT/SIGTERM/SIGHUP are blocked in every thread (the mask is inherited by the threads the
// session starts) and taken here through a signalfd, so the recording stops cleanly instead
// of perfwb dying with the report half written. The session's end wakes the same poll (an
// eventfd written by the thread that waits for it): perfwb exits the moment the report is
// complete, not at the next tick of a timed wait.
int waitForRecording(record::RecordSession &session, const sigset_t &stopSignals)
{
    const int signals = ::signalfd(-1, &stopSignals, SFD_CLOEXEC);
    const int ended = ::eventfd(0, EFD_CLOEXEC);
    if (signals < 0 || ended < 0) {
        printError(std::string("cannot wait for the recording: ") + std::strerror(errno));
        session.stop();
        (void)session.wait();
        return ExitFailure;
    }
    std::optional<Result<record::RecordSummary>> summary;
    std::thread waiter([&] {
        summary.emplace(session.wait());
        const std::uint64_t one = 1;
        (void)!::write(ended, &one, sizeof one);
    });
    for (;;) {
        pollfd fds[2] = {{ended, POLLIN, 0}, {signals, POLLIN, 0}};
        if (::poll(fds, 2, -1) < 0)
            continue; // EINTR: a signal perfwb does not block (SIGCHLD), nothing to do
        if ((fds[0].revents & POLLIN) != 0)
            break;
        signalfd_siginfo info{};
        if ((fds[1].revents & POLLIN) != 0 && ::read(signals, &info, sizeof info) == sizeof info)
            session.stop();
    }
    waiter.join();
    ::close(signals);
    ::close(ended);
    if (!*summary) {
        printError(summary->message());
        return ExitFailure;
    }
    return ExitOk;
}

Result<std::string> startService(ServiceHost &service, const QString &portText)
{
    const auto port = portText.isEmpty() ? std::optional<quint16>(0) : parsePort(portText);
    if (!port)
        return makeError("bad --api-port value '" + portText.toStdString() + "': expected 0 to 65535");
    auto url = service.start(QHostAddress::LocalHost, *port);
    if (!url)
        return url;
    std::fprintf(stderr, "perfwb: serving %s/api/perf (%s)\n", url.value().c_str(), service.describe().c_str());
    return url;
}

// Marks and spans the target posts become marks of the recording, on its clock.
void connectMarks(ServiceHost &service, record::RecordSession &session)
{
    service.profiler().setSink([&session](const budgets::PerfProfiler::TimedEntry &e) {
        session.addMark(model::Mark{e.name, e.category, e.startNs, e.endNs, 0});
    });
}

} // namespace

int runRecordCommand(const QStringList &args)
{
    QCommandLineParser parser;
    // Everything after the command belongs to the command: `perfwb record ./app -x`.
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    const QCommandLineOption freqOpt({QStringLiteral("F"), QStringLiteral("freq")},
                                     optionHelp("Sampling rate in Hz (default 999; 199 with the ptrace fallback)."),
                                     QStringLiteral("HZ"));
    const QCommandLineOption callGraphOpt(
        QStringLiteral("call-graph"),
        optionHelp("dwarf (default: stacks through code without frame pointers, e.g. libc) or fp (cheaper)."),
        QStringLiteral("MODE"));
    const QCommandLineOption pollOpt(
        QStringLiteral("poll-ms"),
        optionHelp("RSS, CPU % and thread count every MS milliseconds (default 50; 0 = off)."), QStringLiteral("MS"));
    const QCommandLineOption labelOpt(QStringLiteral("label"),
                                      optionHelp("Run label (default: the command's name, or pid-N)."),
                                      QStringLiteral("LABEL"));
    const QCommandLineOption durationOpt(QStringLiteral("duration"),
                                         optionHelp("Stop after S seconds (a launched command is then terminated)."),
                                         QStringLiteral("S"));
    const QCommandLineOption pidOpt({QStringLiteral("p"), QStringLiteral("pid")},
                                    optionHelp("Attach to a running process instead of launching a command."),
                                    QStringLiteral("PID"));
    const QCommandLineOption outOpt(
        {QStringLiteral("o"), QStringLiteral("output")},
        QStringLiteral("The report to write (.perfwb). Default: $%1 (default %2)/<label>-profile.perfwb.")
            .arg(QString::fromLatin1(settings::OutputDirectory::kVariable.data()),
                 QString::fromLatin1(settings::OutputDirectory::kDefault.data())),
        QStringLiteral("OUT"));
    const QCommandLineOption allocOpt(
        QStringLiteral("alloc"),
        optionHelp("Also record every malloc-family call with its stack (launch mode; preloads the tracker)."));
    const QCommandLineOption noCpuOpt(QStringLiteral("no-cpu"),
                                      optionHelp("With --alloc: record allocations only, no CPU samples."));
    const QCommandLineOption noPythonOpt(
        QStringLiteral("no-python"),
        optionHelp("Leave CPython's frames out: no reading of a Python target's memory for its Python stacks."));
    const QCommandLineOption serveOpt(
        QStringLiteral("serve"),
        optionHelp("Run the /api/perf service during the recording and give the target PERFWB_API_URL: marks "
                   "and spans it posts land in the report."));
    const QCommandLineOption apiPortOpt(QStringLiteral("api-port"),
                                        optionHelp("With --serve: the port (default 0 = any free port)."),
                                        QStringLiteral("PORT"));
    const QCommandLineOption presetOpt(
        QStringLiteral("preset"),
        optionHelp("Apply a FIL_PERF_* preset (perfwb preset list); the environment overrides it. With "
                   "FIL_PERF_ENABLE_PYSPY/SCALENE/MEMRAY/CPROFILE the command then also runs under each enabled "
                   "profiler, one after the other."),
        QStringLiteral("NAME"));
    parser.addOptions({freqOpt, callGraphOpt, pollOpt, labelOpt, durationOpt, pidOpt, outOpt, allocOpt, noCpuOpt,
                       noPythonOpt, serveOpt, apiPortOpt, presetOpt});
    const QCommandLineOption addressesOpt = addressesOption();
    parser.addOption(addressesOpt);
    if (auto code = parseCommandLine(parser, args,
                                     QStringLiteral("Record a CPU profile of a command, or of a running process "
                                                    "(--pid), into a perfwb report."),
                                     QStringLiteral("[--] COMMAND [ARGS...]"), 0, INT_MAX))
        return *code;
    applyAddressesOption(parser, addressesOpt);

    // Checked first: a bad FIL_PERF_ variable stops everything before anything runs.
    auto perf = effectiveSettings(parser.value(presetOpt));
    if (!perf) {
        printError(perf.message());
        return ExitUsage;
    }
    record::RecordOptions options;
    const QStringList command = parser.positionalArguments();
    if (parser.isSet(pidOpt)) {
        const auto pid = positiveInteger(parser.value(pidOpt));
        if (!pid || *pid > INT_MAX) {
            printError(QStringLiteral("bad --pid value '%1': expected a process ID").arg(parser.value(pidOpt)));
            return ExitUsage;
        }
        if (!command.isEmpty()) {
            printError(QStringLiteral("give either --pid or a command to run, not both"));
            return ExitUsage;
        }
        options.attachPid = static_cast<pid_t>(*pid);
    } else if (command.isEmpty()) {
        printError(QStringLiteral("record needs a command to run or --pid PID (see perfwb record --help)"));
        return ExitUsage;
    }
    if (parser.isSet(allocOpt) && options.attachPid != 0) {
        printError(QStringLiteral("--alloc needs a command to launch: a running process cannot be made to preload "
                                  "the allocation tracker"));
        return ExitUsage;
    }
    options.trackAllocations = parser.isSet(allocOpt);
    if (parser.isSet(noCpuOpt) && !options.trackAllocations) {
        printError(QStringLiteral("--no-cpu goes with --alloc: without both there is nothing to record"));
        return ExitUsage;
    }
    options.sampleCpu = !parser.isSet(noCpuOpt);
    options.pythonFrames = !parser.isSet(noPythonOpt);
    for (const QString &arg : command)
        options.command.push_back(arg.toStdString());

    if (parser.isSet(freqOpt)) {
        const auto hz = positiveInteger(parser.value(freqOpt));
        if (!hz || *hz > 1'000'000) {
            printError(QStringLiteral("bad -F value '%1': expected a sampling rate in Hz, e.g. 999")
                           .arg(parser.value(freqOpt)));
            return ExitUsage;
        }
        options.sampling.frequencyHz = static_cast<int>(*hz);
        options.frequencyExplicit = true;
    }
    if (parser.isSet(callGraphOpt)) {
        const QString mode = parser.value(callGraphOpt);
        if (mode == QLatin1String("dwarf")) {
            options.sampling.callGraph = perf::CallGraph::Dwarf;
        } else if (mode == QLatin1String("fp")) {
            options.sampling.callGraph = perf::CallGraph::FramePointer;
        } else {
            printError(QStringLiteral("bad --call-graph value '%1': expected dwarf or fp").arg(mode));
            return ExitUsage;
        }
    }
    if (parser.isSet(pollOpt)) {
        bool ok = false;
        const int ms = parser.value(pollOpt).toInt(&ok);
        if (!ok || ms < 0) {
            printError(
                QStringLiteral("bad --poll-ms value '%1': expected milliseconds (0 = off)").arg(parser.value(pollOpt)));
            return ExitUsage;
        }
        options.pollMs = ms;
    }
    if (parser.isSet(durationOpt)) {
        bool ok = false;
        const double s = parser.value(durationOpt).toDouble(&ok);
        if (!ok || !(s > 0) || s > 1e7) {
            printError(
                QStringLiteral("bad --duration value '%1': expected seconds, e.g. 2.5").arg(parser.value(durationOpt)));
            return ExitUsage;
        }
        options.durationS = s;
    }
    options.label = parser.isSet(labelOpt) ? parser.value(labelOpt).toStdString()
                    : options.attachPid != 0
                        ? perf->runLabel("pid-" + std::to_string(options.attachPid))
                        : perf->runLabel(std::filesystem::path(options.command.front()).filename().string());
    // A label names files (<label>-profile.perfwb): "../../x" must not become a path.
    if (parser.isSet(labelOpt) &&
        (parser.value(labelOpt).trimmed().isEmpty() || parser.value(labelOpt).contains(QLatin1Char('/')))) {
        printError(QStringLiteral("bad --label value '%1': a run label is a name, not empty and without '/'")
                       .arg(parser.value(labelOpt)));
        return ExitUsage;
    }
    if (!perf->enabledTools().empty() && options.attachPid != 0) {
        printError(QStringLiteral("the Python profilers (FIL_PERF_ENABLE_*) launch the program themselves: they "
                                  "cannot attach to --pid"));
        return ExitUsage;
    }
    // Every enabled tool is checked before perfwb records anything.
    auto profilers = ProfilerRuns::prepare(perf.value(), options.command, perf->outputDir(), options.label);
    if (!profilers) {
        printError(profilers.message());
        return ExitUsage;
    }

    if (parser.isSet(outOpt) && parser.value(outOpt).isEmpty()) {
        printError(QStringLiteral("-o needs a file name (leave it out for the standard output directory)"));
        return ExitUsage;
    }
    if (parser.isSet(outOpt)) {
        options.outputPath = parser.value(outOpt).toStdString();
    } else {
        auto path = settings::OutputDirectory::pathIn(perf->outputDir(), options.label, "profile", "perfwb");
        if (!path) {
            printError(path.message());
            return ExitUsage;
        }
        options.outputPath = path.value();
    }

    for (const auto &[name, value] : perf->changedValues())
        options.extraMetadata.emplace_back(std::string(settings::SettingSpec::kPrefix) + name, value);
    if (!perf->presetName().empty())
        options.extraMetadata.emplace_back("preset", perf->presetName());
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    sigaddset(&stopSignals, SIGHUP); // the terminal went away: keep what was recorded
    sigset_t previous;
    pthread_sigmask(SIG_BLOCK, &stopSignals, &previous);

    // Started after the signals are blocked: its thread must not take SIGINT.
    ServiceHost service;
    if (parser.isSet(serveOpt)) {
        auto url = startService(service, parser.value(apiPortOpt));
        if (!url) {
            pthread_sigmask(SIG_SETMASK, &previous, nullptr);
            printError(url.message());
            return ExitUsage;
        }
        options.extraEnvironment.emplace_back("PERFWB_API_URL", url.value());
    }
    auto session = record::RecordSession::start(options);
    if (!session) {
        pthread_sigmask(SIG_SETMASK, &previous, nullptr);
        printError(session.message());
        // The report could not be made (a directory, no permission, a full disk): the
        // work failed, as when import cannot write; anything else is a bad request.
        const bool output = session.message().rfind(options.outputPath + ": ", 0) == 0;
        return output ? ExitFailure : ExitUsage;
    }
    if (parser.isSet(serveOpt))
        connectMarks(service, *session.value());
    const int code = waitForRecording(*session.value(), stopSignals);
    service.stop();
    if (code != ExitOk)
        return code;
    const record::RecordSummary summary = session.value()->wait().value();
    std::printf("perfwb: %s\n", summaryLine(summary, options.attachPid != 0).c_str());
    if (options.trackAllocations && summary.allocationError.empty())
        std::printf("perfwb: %llu allocations tracked; %llu CPU samples in the tracker itself left out of the "
                    "profile\n",
                    static_cast<unsigned long long>(summary.allocations),
                    static_cast<unsigned long long>(summary.trackerSamples));
    if (!summary.allocationError.empty())
        std::fprintf(stderr, "perfwb: note: no allocations: %s\n", summary.allocationError.c_str());
    if (summary.allocationFailed) {
        // The report holds what was read, and says so; the recording did not do its job.
        std::fflush(stdout);
        printError(options.outputPath + ": " + summary.allocationIncomplete);
        return ExitFailure;
    }
    if (!summary.allocationIncomplete.empty())
        std::fprintf(stderr, "perfwb: note: %s\n", summary.allocationIncomplete.c_str());
    std::fflush(stdout);
    if (summary.fallback)
        std::fprintf(stderr, "perfwb: note: sampled with %s\n", summary.backend.c_str());
    if (!summary.notes.empty())
        std::fprintf(stderr, "perfwb: note: %s\n", summary.notes.c_str());
    if (profilers->empty())
        return ExitOk;
    // The tools take Ctrl+C themselves, as they would in the terminal.
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    return profilers->run(options.outputPath);
}

} // namespace perfwb::app
