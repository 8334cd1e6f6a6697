// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordingindicator.h"

#include "recordingcontroller.h"

#include "model/profile.h"

#include <QLocale>

namespace perfwb::ui {

RecordingIndicator::RecordingIndicator(const RecordingController *recorder, QWidget *parent)
    : QLabel(parent)
    , recorder_(recorder)
{
    setObjectName(QStringLiteral("recording-indicator"));
    setTextFormat(Qt::RichText);
    clock_.setInterval(500);
    connect(&clock_, &QTimer::timeout, this, &RecordingIndicator::refresh);
    clock_.start();
    refresh();
}

void RecordingIndicator::observe(const model::Profile &profile)
{
    samples_ = profile.sampleCount();
    lost_ = profile.meta.lostSamples;
    refresh();
}

QString RecordingIndicator::textFor(qint64 elapsedMs, qulonglong samples, qulonglong lost)
{
    const qint64 s = elapsedMs / 1000;
    const QString clock = s >= 3600 ? QStringLiteral("%1:%2:%3")
                                          .arg(s / 3600)
                                          .arg(s / 60 % 60, 2, 10, QLatin1Char('0'))
                                          .arg(s % 60, 2, 10, QLatin1Char('0'))
                                    : QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    // %n picks the plural form; %L1 the locale's digit grouping.
    const QString sampleText = tr("%Ln sample(s)", nullptr, static_cast<int>(std::min<qulonglong>(samples, INT_MAX)));
    const QString lostText = tr("%Ln lost", nullptr, static_cast<int>(std::min<qulonglong>(lost, INT_MAX)));
    return tr("Recording %1 · %2 · %3").arg(clock, sampleText, lostText);
}

void RecordingIndicator::refresh()
{
    const QString dot = QStringLiteral("<span style='color:#d32f2f'>●</span> ");
    const QString text = textFor(recorder_->elapsedMs(), samples_, lost_).toHtmlEscaped();
    // Lost samples are worth a second look: say so in the warning colour.
    setText(dot + (lost_ > 0 ? QStringLiteral("<span style='color:#b26a00'>%1</span>").arg(text) : text));
}

} // namespace perfwb::ui
