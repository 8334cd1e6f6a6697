// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenariorunner.h"

#include "ci/runmeasure.h"
#include "formats/profileloader.h"
#include "record/pythoncommand.h"
#include "settings/outputdirectory.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>

#include <cstdio>

namespace perfwb::app {

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

// The Python profilers perfwb record runs after its own recording when enabled.
constexpr const char *kProfilerSwitches[] = {"FIL_PERF_ENABLE_PYSPY", "FIL_PERF_ENABLE_SCALENE",
                                             "FIL_PERF_ENABLE_MEMRAY", "FIL_PERF_ENABLE_CPROFILE"};

// The last "perfwb: ..." line of a run's log: what perfwb record said went wrong.
std::string lastErrorLine(const QString &logPath)
{
    QFile f(logPath);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    std::string found;
    while (!f.atEnd()) {
        const QByteArray line = f.readLine().trimmed();
        if (line.startsWith("perfwb: "))
            found = line.mid(8).toStdString();
    }
    return found;
}

} // namespace

std::string ScenarioRunner::runOnce(const ci::Scenario &scenario, const Options &options, int i, bool profilers,
                                    ci::RunMetrics &out)
{
    const QString dir = qs(options.outputDir) + QLatin1Char('/') + qs(scenario.name);
    const QString report = dir + QStringLiteral("/run-%1.perfwb").arg(i);
    const QString log = dir + QStringLiteral("/run-%1.log").arg(i);
    QFile::remove(report);

    QStringList args{QStringLiteral("record"), QStringLiteral("--label"), qs(scenario.name), QStringLiteral("-o"),
                     report};
    for (const auto &opt : scenario.recordOptions)
        args << qs(opt);
    if (!scenario.preset.empty())
        args << QStringLiteral("--preset") << qs(scenario.preset);
    args << QStringLiteral("--");
    for (const auto &word : scenario.command)
        args << qs(word);

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const auto &[name, value] : scenario.env)
        env.insert(qs(name), qs(value));
    // The profilers' own outputs land beside the reports.
    env.insert(qs(std::string(settings::OutputDirectory::kVariable)), dir);
    if (!profilers) {
        for (const char *name : kProfilerSwitches)
            env.insert(QLatin1String(name), QStringLiteral("false"));
    }

    QProcess p;
    p.setProcessEnvironment(env);
    p.setProgram(options.perfwb);
    p.setArguments(args);
    p.setStandardOutputFile(log);
    p.setStandardErrorFile(log, QIODevice::Append);
    if (!scenario.workingDir.empty())
        p.setWorkingDirectory(qs(scenario.workingDir));
    p.start();
    if (!p.waitForStarted(-1))
        return "cannot start perfwb record: " + p.errorString().toStdString();
    p.waitForFinished(-1);
    if (p.exitStatus() != QProcess::NormalExit)
        return "perfwb record crashed (see " + log.toStdString() + ")";
    if (p.exitCode() != 0) {
        const std::string why = lastErrorLine(log);
        return why.empty() ? "perfwb record exited with code " + std::to_string(p.exitCode()) : why;
    }
    model::Profile profile;
    if (Status st = formats::ProfileLoader::load(report.toStdString(), "", profile); !st)
        return st.message();
    if (std::string failure = ci::targetFailure(profile); !failure.empty())
        return failure + " (output in " + log.toStdString() + ")";
    out = ci::measureRun(profile, report.toStdString());
    return {};
}

ci::ScenarioResult ScenarioRunner::run(const ci::Scenario &scenario, const Options &options)
{
    ci::ScenarioResult result;
    result.name = scenario.name;
    result.command = scenario.command;
    const QString dir = qs(options.outputDir) + QLatin1Char('/') + qs(scenario.name);
    if (!QDir().mkpath(dir)) {
        result.error = dir.toStdString() + ": cannot create the directory";
        return result;
    }
    // Profilers are for looking at, not for timing: they run once, on the first run, and
    // only for Python commands (they refuse other ones).
    const bool python = static_cast<bool>(record::PythonCommand::parse(scenario.command));
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : kProfilerSwitches) {
        const QString v = env.value(QLatin1String(name)).toLower();
        const bool on = v == QLatin1String("1") || v == QLatin1String("true") || v == QLatin1String("yes") ||
                        v == QLatin1String("on");
        if (on) {
            result.notes.push_back(python ? std::string(name) + ": the profiler ran on run 1 only (outputs beside it)"
                                          : std::string(name) + " left out: not a Python command");
        }
    }
    for (int i = 1; i <= options.runs; ++i) {
        ci::RunMetrics metrics;
        std::string error = runOnce(scenario, options, i, python && i == 1, metrics);
        if (!error.empty()) {
            result.error = "run " + std::to_string(i) + ": " + error;
            return result;
        }
        const auto wall = metrics.values.find("wall_time");
        std::fprintf(stderr, "ci: %s run %d/%d: %.3f s\n", scenario.name.c_str(), i, options.runs,
                     wall != metrics.values.end() ? wall->second / 1e9 : 0.0);
        result.runs.push_back(std::move(metrics));
    }
    result.chooseMedianRun();
    return result;
}

} // namespace perfwb::app
