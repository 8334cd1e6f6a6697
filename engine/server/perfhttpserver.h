// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "perfapi.h"

#include "core/result.h"

#include <QAbstractHttpServer>
#include <QHostAddress>
#include <QList>
#include <QPointer>

#include <atomic>

class QTcpSocket;
class QTimer;

namespace perfwb::budgets {
class PerfService;
}

namespace perfwb::server {

// The /api/perf service over HTTP/1.1 (Qt HttpServer's connection handling and request
// parsing; our own routing, so 404/405/413 and the event stream are answered exactly).
// Loopback by default; another address only with a bearer token. Lives in the thread
// that created it; hook events from other threads reach the stream through the loop.
class PerfHttpServer : public QAbstractHttpServer {
    Q_OBJECT
public:
    struct Options {
        QHostAddress bind = QHostAddress::LocalHost;
        quint16 port = 8001; // 0: any free port
        QByteArray token;    // required (Authorization: Bearer) when not empty
    };
    explicit PerfHttpServer(budgets::PerfService &service, QObject *parent = nullptr);
    ~PerfHttpServer() override;

    // Listens; the port actually bound, or why not ("address in use").
    Result<quint16> start(const Options &options);
    quint16 port() const { return port_; }
    int eventSubscribers() const { return static_cast<int>(streams_.size()); }

    static constexpr int kMaxStreams = 64;

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    void respond(QTcpSocket *socket, const QHttpServerRequest &request, const ApiResponse &response);
    void openStream(QTcpSocket *socket);
    void broadcast(const QByteArray &frame);

    budgets::PerfService &service_;
    PerfApi api_;
    QByteArray token_;
    quint16 port_ = 0;
    QList<QPointer<QTcpSocket>> streams_;
    std::atomic<int> streamCount_{0}; // read by the hook callback, which may run on another thread
    int hookId_ = 0;
    QTimer *keepAlive_ = nullptr;
};

} // namespace perfwb::server
