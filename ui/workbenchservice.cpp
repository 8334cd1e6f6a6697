// SPDX-License-Identifier: GPL-3.0-or-later
#include "workbenchservice.h"

#include "budgets/perfevent.h"
#include "budgets/perfservice.h"
#include "server/perfhttpserver.h"
#include "settings/configfile.h"

#include <QTimer>

namespace perfwb::ui {

WorkbenchService::WorkbenchService(Options options, QObject *parent)
    : QObject(parent)
    , configPath_(options.configPath.empty() ? settings::ConfigFile::defaultPath() : options.configPath)
{
    service_ = std::make_unique<budgets::PerfService>(
        budgets::PerfService::Options{configPath_, std::move(options.metrics), true});
    connect(service_.get(), &budgets::PerfService::flagsChanged, this, &WorkbenchService::flagsChanged);
    coalesce_ = new QTimer(this);
    coalesce_->setSingleShot(true);
    coalesce_->setInterval(kCoalesceMs);
    connect(coalesce_, &QTimer::timeout, this, &WorkbenchService::flush);
    // Hook callbacks run on the publishing thread (HTTP requests and the pages: this
    // one; record --serve style hosts: another), so they only set flags.
    hookId_ = service_->hooks().subscribe(
        [this](const budgets::PerfEvent &e) { noteEvent(e.hook == QLatin1String(budgets::PerfEvent::kBudgetState)); });
    // evaluate() samples new metrics without an event unless a job or asset moved.
    auto *poll = new QTimer(this);
    connect(poll, &QTimer::timeout, this, [this] {
        const std::int64_t sampled = service_->budgets().metrics().sampledAtUnixMs;
        if (sampled != lastSampledMs_) {
            lastSampledMs_ = sampled;
            noteEvent(true);
        }
    });
    poll->start(kMetricsPollMs);
    if (options.listen)
        (void)listenFromConfig(); // a busy port is shown by the pages, not fatal
}

WorkbenchService::~WorkbenchService()
{
    service_->hooks().unsubscribe(hookId_);
    http_.reset();
}

void WorkbenchService::noteEvent(bool budgets)
{
    (budgets ? budgetsDirty_ : profilerDirty_).store(true);
    if (!flushQueued_.exchange(true))
        QMetaObject::invokeMethod(coalesce_, qOverload<>(&QTimer::start), Qt::QueuedConnection);
}

void WorkbenchService::flush()
{
    flushQueued_.store(false);
    if (budgetsDirty_.exchange(false))
        Q_EMIT budgetsChanged();
    if (profilerDirty_.exchange(false))
        Q_EMIT profilerChanged();
}

Result<std::string> WorkbenchService::listen(const QHostAddress &bind, quint16 port)
{
    stopListening();
    auto http = std::make_unique<server::PerfHttpServer>(*service_);
    auto bound = http->start(server::PerfHttpServer::Options{bind, port, {}});
    if (!bound) {
        listenError_ = QString::fromStdString(bound.message());
        Q_EMIT listeningChanged();
        return makeError(bound.message());
    }
    http_ = std::move(http);
    const QString host = bind.protocol() == QAbstractSocket::IPv6Protocol ? QStringLiteral("[%1]").arg(bind.toString())
                                                                          : bind.toString();
    url_ = QStringLiteral("http://%1:%2").arg(host).arg(bound.value());
    listenError_.clear();
    Q_EMIT listeningChanged();
    return url_.toStdString();
}

Result<std::string> WorkbenchService::listenFromConfig()
{
    auto config = settings::ConfigFile::load(configPath_);
    if (!config) {
        stopListening();
        listenError_ = QString::fromStdString(config.message());
        Q_EMIT listeningChanged();
        return makeError(config.message());
    }
    const QString bindText = config->value(QStringLiteral("server.bind")).toString();
    const QHostAddress bind(bindText);
    if (bind.isNull()) {
        const std::string why = "server.bind '" + bindText.toStdString() + "' is not an IP address";
        stopListening();
        listenError_ = QString::fromStdString(why);
        Q_EMIT listeningChanged();
        return makeError(why);
    }
    const int port = config->value(QStringLiteral("server.port")).toInt();
    return listen(bind, static_cast<quint16>(port));
}

void WorkbenchService::stopListening()
{
    if (!http_ && url_.isEmpty())
        return;
    http_.reset();
    url_.clear();
    Q_EMIT listeningChanged();
}

} // namespace perfwb::ui
