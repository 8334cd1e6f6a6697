// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "model/profile.h"
#include "record/recordsession.h"

#include <QElapsedTimer>
#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace perfwb::ui {

// Drives one record::RecordSession for the GUI: starts it off the GUI thread (the
// launch may block briefly), takes live snapshots every 400 ms on a worker thread
// (a snapshot copies the model) and delivers them as signals, waits for the end in a
// worker and reports the finished report or one clear error message.
class RecordingController : public QObject {
    Q_OBJECT
public:
    explicit RecordingController(QObject *parent = nullptr);
    ~RecordingController() override;

    // False (and nothing started) while a recording is already running.
    bool start(const record::RecordOptions &options);
    // Makes each recording's RecordOptions::watchReadings (unless the options bring one):
    // the budgets' crossings, watched on the recorder's thread.
    void setReadingWatchFactory(std::function<record::RecordOptions::ReadingWatch()> factory)
    {
        watchFactory_ = std::move(factory);
    }
    // Ends the recording; finished() or failed() follows once the report is complete.
    void stop();
    // Adds a mark (a program's POST /profiler/mark, a crossed budget) to the running
    // recording; false when none runs. Thread-safe: the service's hook may call it.
    bool addMark(model::Mark mark);
    bool isRecording() const { return recording_; }
    // Milliseconds since start() while recording.
    qint64 elapsedMs() const { return recording_ ? clock_.elapsed() : 0; }
    void setSnapshotInterval(int ms) { timer_.setInterval(ms); }
    int snapshotInterval() const { return timer_.interval(); }
    // How long the last snapshot took to copy (for the status bar and for tuning).
    double lastSnapshotMs() const { return lastSnapshotMs_; }
    std::shared_ptr<const model::Profile> lastSnapshot() const { return lastSnapshot_; }
    QString outputPath() const { return QString::fromStdString(options_.outputPath); }

    // A session error turned into what the user reads: the engine's message plus,
    // for the common causes, what to do about it.
    static QString explain(const QString &engineMessage);

Q_SIGNALS:
    void started();
    void snapshotReady(std::shared_ptr<const model::Profile> profile);
    void finished(QString reportPath, QString summary);
    void failed(QString message);

private:
    // The window's thread while recording, where permitted, as the recorder's threads: a
    // target that keeps every CPU busy left the window at nice 0 stalling for 50 to 150 ms
    // after each refresh (docs/benchmarks.md, "The live view under load").
    static constexpr int kWindowNice = -20;
    void raiseWindowPriority();
    void takeSnapshot();
    void run(const record::RecordOptions &options);
    void onEnded(bool ok, const QString &message, const QString &summary);
    int userNice_ = 0;            // the window thread's nice before it was raised
    bool priorityRaised_ = false; // set and read on the window's thread, before a worker starts

    record::RecordOptions options_;
    std::function<record::RecordOptions::ReadingWatch()> watchFactory_;
    QTimer timer_;
    QElapsedTimer clock_;
    QThreadPool snapshots_;
    std::thread worker_;
    mutable std::mutex lock_;
    std::shared_ptr<record::RecordSession> session_; // guarded by lock_
    std::atomic<bool> stopRequested_{false};
    std::atomic<bool> snapshotInFlight_{false};
    bool recording_ = false;
    double lastSnapshotMs_ = 0;
    std::shared_ptr<const model::Profile> lastSnapshot_;
};

} // namespace perfwb::ui
