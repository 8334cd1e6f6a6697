// SPDX-License-Identifier: GPL-3.0-or-later
#include "profileloadjob.h"

#include "backgroundjob.h"
#include "formats/profileloader.h"

#include <string>

namespace perfwb::ui {

BackgroundJob *ProfileLoadJob::start(QWidget *parent, const QString &label, const QStringList &paths,
                                     std::function<void(Profiles)> done, std::function<void(const QString &)> failed)
{
    // Filled by the worker; read on the GUI thread only after the work has ended.
    struct Outcome {
        std::vector<std::string> files;
        Profiles profiles;
        Status status;
    };
    auto outcome = std::make_shared<Outcome>();
    for (const auto &path : paths) {
        outcome->files.push_back(path.toStdString());
        outcome->profiles.push_back(std::make_shared<model::Profile>());
    }
    return BackgroundJob::start(
        parent, label,
        [outcome] {
            for (std::size_t i = 0; i < outcome->files.size() && outcome->status.isOk(); ++i)
                outcome->status = formats::ProfileLoader::load(outcome->files[i], {}, *outcome->profiles[i]);
        },
        [outcome, done = std::move(done), failed = std::move(failed)] {
            if (outcome->status.isOk())
                done(std::move(outcome->profiles));
            else
                failed(QString::fromStdString(outcome->status.message()));
        });
}

} // namespace perfwb::ui
