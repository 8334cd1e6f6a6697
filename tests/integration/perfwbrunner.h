// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Runs a program (the perfwb binary, or a tool such as perf) the way a user or CI would
// and keeps what it said: the one way the integration suites start processes.
#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <functional>

namespace perfwbtest {

struct Run {
    bool finished = false; // ended within the timeout (normally or not)
    int exitCode = -1;     // -1 when it crashed, was killed or never started
    QByteArray out;
    QByteArray err;
    QString describe() const
    {
        return QStringLiteral("finished=%1 exit=%2 stderr=[%3] stdout=[%4]")
            .arg(finished)
            .arg(exitCode)
            .arg(QString::fromLocal8Bit(err.trimmed()), QString::fromLocal8Bit(out.trimmed().left(1500)));
    }
};

struct RunOptions {
    QString workDir = {}; // empty: ours
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    int timeoutMs = 300000;                   // a guard against hangs, not a speed check
    std::function<void()> childModifier = {}; // runs in the child between fork and exec
};

inline Run runProcess(const QString &program, const QStringList &args, const RunOptions &options = {})
{
    QProcess p;
    p.setProcessEnvironment(options.env);
    if (!options.workDir.isEmpty())
        p.setWorkingDirectory(options.workDir);
    if (options.childModifier)
        p.setChildProcessModifier(options.childModifier);
    p.start(program, args);
    Run r;
    if (!p.waitForStarted(30000)) {
        r.err = p.errorString().toLocal8Bit();
        return r;
    }
    p.closeWriteChannel();
    r.finished = p.waitForFinished(options.timeoutMs);
    if (!r.finished) {
        p.kill();
        p.waitForFinished();
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

inline Run runPerfwb(const QStringList &args, const RunOptions &options = {})
{
    return runProcess(QStringLiteral(PERFWB_BINARY), args, options);
}

} // namespace perfwbtest
