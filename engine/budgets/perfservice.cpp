// SPDX-License-Identifier: GPL-3.0-or-later
#include "perfservice.h"

#include "settings/configfile.h"

#include <QTimer>

#include <spdlog/spdlog.h>

#include <sys/stat.h>

namespace perfwb::budgets {

namespace {
// What changes when the config file is written: perfwb config and the GUI save through a
// rename (a new inode each time); an editor's in-place write changes size or mtime (ns).
QString stampOf(const std::string &path)
{
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        return {};
    return QStringLiteral("%1/%2/%3.%4").arg(st.st_ino).arg(st.st_size).arg(st.st_mtim.tv_sec).arg(st.st_mtim.tv_nsec);
}
} // namespace

PerfService::PerfService(Options options, QObject *parent)
    : QObject(parent)
    , options_(std::move(options))
    , budgets_(std::make_unique<BudgetManager>(hooks_, options_.metrics))
    , profiler_(std::make_unique<PerfProfiler>(hooks_))
{
    if (options_.configPath.empty())
        options_.configPath = settings::ConfigFile::defaultPath();
    reloadFlags();
    timer_ = new QTimer(this);
    timer_->setSingleShot(true);
    connect(timer_, &QTimer::timeout, this, [this] {
        if (flags().budgetsEnabled())
            budgets_->evaluate();
        scheduleEvaluation();
    });
    scheduleEvaluation();
    if (options_.watchConfig) {
        // A poll, not a file watcher: the file and its directory may not exist yet, and
        // editors replace files by renaming. One stat() every half second is nothing.
        configStamp_ = stampOf(options_.configPath);
        auto *poll = new QTimer(this);
        connect(poll, &QTimer::timeout, this, [this] {
            const QString stamp = stampOf(options_.configPath);
            if (stamp != configStamp_) {
                configStamp_ = stamp;
                reloadFlags();
            }
        });
        poll->start(kConfigPollMs);
    }
}

PerfService::~PerfService() = default;

void PerfService::scheduleEvaluation()
{
    // The interval is a limit too: a change applies from the next turn.
    timer_->start(static_cast<int>(budgets_->limits().evaluationIntervalS * 1000));
}

FeatureFlags PerfService::flags() const
{
    std::lock_guard guard(flagsLock_);
    return flags_;
}

std::string PerfService::configError() const
{
    std::lock_guard guard(flagsLock_);
    return configError_;
}

bool PerfService::reloadFlags()
{
    std::string error;
    const FeatureFlags next = FeatureFlags::load(options_.configPath, &error);
    bool changed = false;
    {
        std::lock_guard guard(flagsLock_);
        changed = !(next == flags_);
        if (!error.empty() && error != configError_)
            spdlog::warn("{}", error);
        flags_ = next;
        configError_ = error;
    }
    if (changed) {
        spdlog::info("perf features: budgets {}, profiler {}", next.budgetsEnabled() ? "on" : "off",
                     next.profilerEnabled() ? "on" : "off");
        Q_EMIT flagsChanged();
    }
    return changed;
}

Status PerfService::setEnablePerf(bool on)
{
    auto config = settings::ConfigFile::load(options_.configPath);
    if (!config)
        return config.status();
    if (Status st = config->setValue(QStringLiteral("features.enable_perf"), on); !st)
        return st;
    if (Status st = config->save(); !st)
        return st;
    reloadFlags();
    return {};
}

QJsonObject PerfService::healthJson() const
{
    const FeatureFlags f = flags();
    QJsonObject o{{QStringLiteral("feature_flag"), f.enablePerf},
                  {QStringLiteral("budgets_enabled"), f.budgetsEnabled()},
                  {QStringLiteral("profiler_enabled"), f.profilerEnabled()},
                  {QStringLiteral("version"), QStringLiteral(PERFWB_VERSION)},
                  {QStringLiteral("budgets"), budgets_->healthJson()},
                  {QStringLiteral("profiler"), profiler_->healthJson()}};
    if (const std::string error = configError(); !error.empty())
        o.insert(QStringLiteral("config_error"), QString::fromStdString(error));
    return o;
}

} // namespace perfwb::budgets
