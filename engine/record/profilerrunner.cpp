// SPDX-License-Identifier: GPL-3.0-or-later
#include "profilerrunner.h"

#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

#include <filesystem>

namespace perfwb::record {

namespace {

using settings::ProfilerTool;

std::string toolTitle(ProfilerTool tool)
{
    switch (tool) {
    case ProfilerTool::PySpy:
        return "py-spy";
    case ProfilerTool::Scalene:
        return "Scalene";
    case ProfilerTool::Memray:
        return "Memray";
    case ProfilerTool::CProfile:
        return "cProfile";
    }
    return "the profiler";
}

void removePartials(const ProfilerRunPlan &plan)
{
    std::error_code ec;
    for (const auto &o : plan.outputs)
        std::filesystem::remove(o.partialPath, ec);
}

bool nonEmptyFile(const std::string &path)
{
    std::error_code ec;
    return std::filesystem::is_regular_file(path, ec) && std::filesystem::file_size(path, ec) > 0 && !ec;
}

// Runs one step; returns its exit code or an error, and appends its stderr to `err`.
Result<int> runStep(const std::vector<std::string> &argv, const QProcessEnvironment &env,
                    const ProfilerRunner::Log &log, std::string &err)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::ForwardedOutputChannel);
    p.setInputChannelMode(QProcess::ForwardedInputChannel);
    QStringList args;
    for (std::size_t i = 1; i < argv.size(); ++i)
        args << QString::fromStdString(argv[i]);
    p.start(QString::fromStdString(argv[0]), args);
    if (!p.waitForStarted(-1))
        return makeError(argv[0] + " did not start: " + p.errorString().toStdString());
    QByteArray pending;
    const auto drain = [&](bool all) {
        pending += p.readAllStandardError();
        qsizetype nl = 0;
        while ((nl = pending.indexOf('\n')) >= 0 || (all && !pending.isEmpty())) {
            const qsizetype n = nl >= 0 ? nl : pending.size();
            const std::string line = pending.left(n).toStdString();
            pending.remove(0, nl >= 0 ? nl + 1 : n);
            err += line + "\n";
            if (log)
                log(line);
        }
    };
    while (p.state() != QProcess::NotRunning) {
        p.waitForReadyRead(200);
        drain(false);
    }
    drain(true);
    if (p.exitStatus() != QProcess::NormalExit)
        return makeError(argv[0] + " was killed");
    return p.exitCode();
}

} // namespace

Status ProfilerRunner::checkInstalled(const ProfilerRunPlan &plan)
{
    const QString exe = QString::fromStdString(plan.executable);
    const bool found =
        exe.contains(QLatin1Char('/')) ? QFileInfo(exe).isExecutable() : !QStandardPaths::findExecutable(exe).isEmpty();
    if (!found)
        return makeError(toolTitle(plan.tool) + " is not installed (no " + plan.executable +
                         " on PATH): " + plan.installHint);
    return {};
}

std::string ProfilerRunner::permissionAdvice(ProfilerTool tool, const std::string &stderrText)
{
    const bool refused = stderrText.find("Permission denied") != std::string::npos ||
                         stderrText.find("Operation not permitted") != std::string::npos ||
                         stderrText.find("EPERM") != std::string::npos;
    if (!refused)
        return {};
    if (tool == ProfilerTool::PySpy)
        return "py-spy was refused ptrace: run as root, or allow it with sysctl kernel.yama.ptrace_scope=1 (0 for "
               "--pid), or in a container add --cap-add SYS_PTRACE";
    return toolTitle(tool) + " was refused a permission: check that the output directory is writable and, in a "
                             "container, that it runs with --cap-add SYS_PTRACE";
}

Result<ProfilerRunner::Outcome> ProfilerRunner::run(const ProfilerRunPlan &plan,
                                                    const std::vector<std::pair<std::string, std::string>> &env,
                                                    const Log &log)
{
    QProcessEnvironment penv = QProcessEnvironment::systemEnvironment();
    for (const auto &[k, v] : env)
        penv.insert(QString::fromStdString(k), QString::fromStdString(v));
    removePartials(plan); // a stale partial from an interrupted run must not pass for output
    Outcome outcome;
    for (std::size_t i = 0; i < plan.steps.size(); ++i) {
        std::string err;
        auto code = runStep(plan.steps[i], penv, log, err);
        if (!code) {
            removePartials(plan);
            return makeError(code.message());
        }
        if (i == 0)
            outcome.programExit = code.value();
        // The first step runs the program: its failing exit status still leaves a valid
        // profile (cProfile and Scalene write on exit). A missing output is the failure.
        const bool failed = i == 0 ? !nonEmptyFile(plan.outputs.front().partialPath) : code.value() != 0;
        if (failed) {
            removePartials(plan);
            const std::string advice = permissionAdvice(plan.tool, err);
            if (!advice.empty())
                return makeError(advice);
            return makeError(toolTitle(plan.tool) + " failed (" + plan.steps[i][0] + " exited with status " +
                             std::to_string(code.value()) + ") and wrote no output");
        }
    }
    for (const auto &o : plan.outputs) {
        std::error_code ec;
        std::filesystem::rename(o.partialPath, o.finalPath, ec);
        if (ec) {
            removePartials(plan);
            return makeError(o.finalPath + ": cannot write: " + ec.message());
        }
        outcome.files.push_back(o.finalPath);
    }
    return outcome;
}

} // namespace perfwb::record
