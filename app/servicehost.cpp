// SPDX-License-Identifier: GPL-3.0-or-later
#include "servicehost.h"

#include "budgets/perfservice.h"
#include "server/perfhttpserver.h"

#include <QEventLoop>
#include <QThread>

#include <future>

namespace perfwb::app {

struct ServiceHost::State {
    QThread *thread = nullptr;
    QEventLoop *loop = nullptr; // lives in `thread`
    budgets::PerfService *service = nullptr;
    std::string describe;
};

ServiceHost::ServiceHost()
    : state_(std::make_unique<State>())
{}

ServiceHost::~ServiceHost()
{
    stop();
}

Result<std::string> ServiceHost::start(const QHostAddress &bind, quint16 port)
{
    std::promise<Result<std::string>> started;
    auto ready = started.get_future();
    State *st = state_.get();
    st->thread = QThread::create([st, bind, port, &started] {
        budgets::PerfService service(budgets::PerfService::Options{});
        server::PerfHttpServer server(service);
        auto bound = server.start(server::PerfHttpServer::Options{bind, port, {}});
        if (!bound) {
            started.set_value(makeError(bound.message()));
            return;
        }
        const budgets::FeatureFlags f = service.flags();
        st->describe = std::string("budgets ") + (f.budgetsEnabled() ? "on" : "off") + ", profiler " +
                       (f.profilerEnabled() ? "on" : "off") +
                       (service.configError().empty() ? std::string() : "; " + service.configError());
        QEventLoop loop;
        st->loop = &loop;
        st->service = &service;
        started.set_value(std::string("http://") + bind.toString().toStdString() + ":" + std::to_string(bound.value()));
        loop.exec();
        st->service = nullptr;
    });
    st->thread->start();
    Result<std::string> result = ready.get();
    if (!result)
        stop();
    return result;
}

void ServiceHost::stop()
{
    if (state_->thread == nullptr)
        return;
    if (state_->loop != nullptr)
        QMetaObject::invokeMethod(state_->loop, &QEventLoop::quit, Qt::QueuedConnection);
    state_->thread->wait();
    delete state_->thread;
    state_->thread = nullptr;
    state_->loop = nullptr;
}

budgets::PerfProfiler &ServiceHost::profiler()
{
    return state_->service->profiler();
}

std::string ServiceHost::describe() const
{
    return state_->describe;
}

} // namespace perfwb::app
