// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <QLabel>
#include <QTimer>

#include <memory>

namespace perfwb::model {
class Profile;
}

namespace perfwb::ui {

class RecordingController;

// "● Recording 0:12 · 1,234 samples · 0 lost" at the head of the recording tab: that the
// recording runs, for how long, and whether samples arrive or get lost, at a glance.
// The clock ticks on its own; the counts follow the live snapshots.
class RecordingIndicator : public QLabel {
    Q_OBJECT
public:
    explicit RecordingIndicator(const RecordingController *recorder, QWidget *parent = nullptr);
    void observe(const model::Profile &profile);
    // The text for an elapsed time and counts (also what tests check).
    static QString textFor(qint64 elapsedMs, qulonglong samples, qulonglong lost);

private:
    void refresh();

    const RecordingController *recorder_;
    QTimer clock_;
    qulonglong samples_ = 0;
    qulonglong lost_ = 0;
};

} // namespace perfwb::ui
