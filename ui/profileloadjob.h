// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "model/profile.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

class QWidget;

namespace perfwb::ui {

class BackgroundJob;

// Loads reports or importable profiles off the GUI thread through the engine's
// ProfileLoader: what opening a file, comparing two runs and taking in a finished
// recording share. The files load in order; the first that fails ends the job.
class ProfileLoadJob {
public:
    using Profiles = std::vector<std::shared_ptr<model::Profile>>;

    ProfileLoadJob() = delete;
    // `done` gets one profile per path, in the order given; `failed` gets the engine's
    // one-line message, which names the file. Either runs on the GUI thread, neither
    // when the user cancelled. The job is a child of `parent`, like every BackgroundJob.
    static BackgroundJob *start(QWidget *parent, const QString &label, const QStringList &paths,
                                std::function<void(Profiles)> done, std::function<void(const QString &)> failed);
};

} // namespace perfwb::ui
