// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "core/result.h"

#include <QHostAddress>

#include <functional>
#include <memory>
#include <string>

namespace perfwb::budgets {
class PerfProfiler;
}

namespace perfwb::app {

// Runs the /api/perf service (PerfService + PerfHttpServer) on a thread of its own with
// its own event loop, for commands whose main thread is busy (record --serve).
class ServiceHost {
public:
    ServiceHost();
    ~ServiceHost(); // stops the thread
    ServiceHost(const ServiceHost &) = delete;
    ServiceHost &operator=(const ServiceHost &) = delete;

    // Starts the thread and listens; the base URL (http://127.0.0.1:PORT) or why not.
    Result<std::string> start(const QHostAddress &bind, quint16 port);
    void stop();
    // Valid between start() and stop(); the profiler is thread-safe.
    budgets::PerfProfiler &profiler();
    // The flag state and config problem, for one line on stderr.
    std::string describe() const;

private:
    struct State;
    std::unique_ptr<State> state_;
};

} // namespace perfwb::app
