// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordingcontroller.h"

#include "record/threadpriority.h"

#include <spdlog/spdlog.h>

#include <QMetaObject>

#include <chrono>

namespace perfwb::ui {

RecordingController::RecordingController(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<std::shared_ptr<const model::Profile>>();
    timer_.setInterval(400);
    connect(&timer_, &QTimer::timeout, this, &RecordingController::takeSnapshot);
    // One snapshot at a time: a slow copy delays the next one instead of piling up.
    snapshots_.setMaxThreadCount(1);
}

RecordingController::~RecordingController()
{
    stop();
    if (worker_.joinable())
        worker_.join();
    snapshots_.waitForDone();
}

bool RecordingController::start(const record::RecordOptions &options)
{
    if (recording_)
        return false;
    if (worker_.joinable())
        worker_.join(); // the previous recording's worker has already delivered its end
    options_ = options;
    if (watchFactory_ && !options_.watchReadings)
        options_.watchReadings = watchFactory_();
    stopRequested_ = false;
    recording_ = true;
    lastSnapshot_.reset();
    clock_.start();
    raiseWindowPriority(); // before the worker starts: it reads what this sets
    worker_ = std::thread([this, options = options_] { run(options); });
    timer_.start();
    return true;
}

void RecordingController::raiseWindowPriority()
{
    if (priorityRaised_)
        return;
    userNice_ = record::threadNice();
    if (auto nice = record::raiseThreadPriority(kWindowNice); nice)
        priorityRaised_ = nice.value() < userNice_;
    else
        spdlog::info("the window stays at nice {} while recording: {}", userNice_, nice.message());
}

void RecordingController::stop()
{
    stopRequested_ = true;
    std::lock_guard guard(lock_);
    if (session_)
        session_->stop();
}

bool RecordingController::addMark(model::Mark mark)
{
    std::lock_guard guard(lock_);
    if (!session_)
        return false;
    session_->addMark(std::move(mark));
    return true;
}

void RecordingController::run(const record::RecordOptions &options)
{
    // Started from the window's thread, this one inherited its raised priority, and the
    // target launched from here would inherit it in turn.
    record::lowerThreadPriority(userNice_);
    auto started = record::RecordSession::start(options);
    if (!started) {
        const QString message = explain(QString::fromStdString(started.message()));
        QMetaObject::invokeMethod(
            this, [this, message] { onEnded(false, message, {}); }, Qt::QueuedConnection);
        return;
    }
    std::shared_ptr<record::RecordSession> session(std::move(started.value()));
    {
        std::lock_guard guard(lock_);
        session_ = session;
    }
    // stop() may have come while the session was starting.
    if (stopRequested_)
        session->stop();
    QMetaObject::invokeMethod(
        this, [this] { Q_EMIT this->started(); }, Qt::QueuedConnection);

    auto summary = session->wait();
    QString message, text;
    if (summary) {
        const auto &s = summary.value();
        // One %n per tr(): each count gets its own plural form.
        const auto count = [](std::uint64_t n) { return static_cast<int>(std::min<std::uint64_t>(n, INT_MAX)); };
        text = tr("%1, %2, %3, %4")
                   .arg(tr("%Ln sample(s)", nullptr, count(s.samples)), tr("%Ln lost", nullptr, count(s.lost)),
                        tr("%L1 s").arg(double(s.durationNs) / 1e9, 0, 'f', 2),
                        tr("%Ln thread(s)", nullptr, count(s.threads)));
        if (s.exited && s.exitSignal != 0)
            text += tr(", target killed by signal %1").arg(s.exitSignal);
        else if (s.exited && s.exitCode != 0)
            text += tr(", target exit code %1").arg(s.exitCode);
        if (s.fallback)
            text += tr(" (sampled with ptrace: %1)").arg(QString::fromStdString(s.backend));
        if (!s.notes.empty())
            text += QStringLiteral(" — ") + QString::fromStdString(s.notes);
        message = QString::fromStdString(s.outputPath.empty() ? options.outputPath : s.outputPath);
    } else {
        message = explain(QString::fromStdString(summary.message()));
    }
    const bool ok = summary.isOk();
    QMetaObject::invokeMethod(
        this, [this, ok, message, text] { onEnded(ok, message, text); }, Qt::QueuedConnection);
}

void RecordingController::onEnded(bool ok, const QString &message, const QString &summary)
{
    timer_.stop();
    // Back to the user's priority: what the window starts from now on (a browser for an
    // export, a tool) inherits it.
    if (priorityRaised_ && record::lowerThreadPriority(userNice_))
        priorityRaised_ = false;
    std::shared_ptr<record::RecordSession> session;
    {
        std::lock_guard guard(lock_);
        session = std::move(session_);
    }
    // Let an in-flight snapshot finish before the session goes away.
    snapshots_.waitForDone();
    session.reset();
    if (worker_.joinable())
        worker_.join();
    recording_ = false;
    if (ok)
        Q_EMIT finished(message, summary);
    else
        Q_EMIT failed(message);
}

void RecordingController::takeSnapshot()
{
    std::shared_ptr<record::RecordSession> session;
    {
        std::lock_guard guard(lock_);
        session = session_;
    }
    if (!session || snapshotInFlight_.exchange(true))
        return;
    // The copy runs on a worker so the GUI thread never waits for the sampler's lock.
    snapshots_.start([this, session] {
        const auto begin = std::chrono::steady_clock::now();
        auto profile = session->snapshot();
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - begin).count();
        QMetaObject::invokeMethod(
            this,
            [this, profile, ms] {
                snapshotInFlight_ = false;
                lastSnapshotMs_ = ms;
                if (!recording_)
                    return;
                lastSnapshot_ = profile;
                Q_EMIT snapshotReady(profile);
            },
            Qt::QueuedConnection);
    });
}

QString RecordingController::explain(const QString &engineMessage)
{
    const QString lower = engineMessage.toLower();
    QString hint;
    if (lower.contains(QLatin1String("not found")) || lower.contains(QLatin1String("no such file")))
        hint = tr("Check the command's spelling, give its full path, or add its directory to PATH.");
    else if ((lower.contains(QLatin1String("permission")) || lower.contains(QLatin1String("not permitted"))) &&
             !lower.contains(QLatin1String("paranoid")) && !lower.contains(QLatin1String("ptrace_scope")))
        hint = tr("Run perfwb as root, or allow profiling: sysctl kernel.perf_event_paranoid=1 and "
                  "kernel.yama.ptrace_scope=0 (or grant CAP_PERFMON and CAP_SYS_PTRACE).");
    else if (lower.contains(QLatin1String("no process")))
        hint = tr("The process may have exited; refresh the process list and pick another.");
    else if (lower.contains(QLatin1String("zombie")))
        hint = tr("Pick a running process: a zombie has nothing left to sample.");
    if (hint.isEmpty())
        return engineMessage;
    QString first = engineMessage;
    if (!first.isEmpty() && !first.endsWith(QLatin1Char('.')))
        first += QLatin1Char('.');
    return first + QLatin1Char(' ') + hint;
}

} // namespace perfwb::ui
