// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "budgets/budgetmanager.h"

#include "core/result.h"

#include <QHostAddress>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <string>

class QTimer;

namespace perfwb::budgets {
class PerfService;
}
namespace perfwb::server {
class PerfHttpServer;
}

namespace perfwb::ui {

// The budgets and profiler service the GUI runs while it is open: the same PerfService
// and HTTP API as `perfwb serve`, on loopback, in the GUI thread (requests are small;
// measured in docs/benchmarks.md). The pages read the thread-safe engine objects
// directly; hook events and new metrics reach them as coalesced signals, at most one
// per kCoalesceMs, so a burst of marks does not repaint a view a thousand times.
class WorkbenchService : public QObject {
    Q_OBJECT
public:
    static constexpr int kCoalesceMs = 100;
    static constexpr int kMetricsPollMs = 250;
    struct Options {
        std::string configPath;                             // empty: ConfigFile::defaultPath()
        budgets::BudgetManager::MetricsSource metrics = {}; // empty: sample the host
        bool listen = true;                                 // start the HTTP API on the config file's server.bind/port
    };
    explicit WorkbenchService(Options options, QObject *parent = nullptr);
    ~WorkbenchService() override;

    budgets::PerfService &service() { return *service_; }
    const std::string &configPath() const { return configPath_; }

    // (Re)starts the HTTP API; the base URL or why not. The service keeps running
    // either way: the pages never depend on the socket.
    Result<std::string> listen(const QHostAddress &bind, quint16 port);
    // Listens where the config file says (server.bind, server.port).
    Result<std::string> listenFromConfig();
    void stopListening();
    bool isListening() const { return !url_.isEmpty(); }
    QString url() const { return url_; }
    QString listenError() const { return listenError_; }

Q_SIGNALS:
    void budgetsChanged();  // limits, jobs, assets or metrics changed
    void profilerChanged(); // marks, spans or a reset
    void flagsChanged();
    void listeningChanged();

private:
    void noteEvent(bool budgets);
    void flush();

    std::string configPath_;
    std::unique_ptr<budgets::PerfService> service_;
    std::unique_ptr<server::PerfHttpServer> http_;
    QString url_;
    QString listenError_;
    int hookId_ = 0;
    std::atomic<bool> budgetsDirty_{false};
    std::atomic<bool> profilerDirty_{false};
    std::atomic<bool> flushQueued_{false};
    QTimer *coalesce_ = nullptr;
    std::int64_t lastSampledMs_ = 0;
};

} // namespace perfwb::ui
