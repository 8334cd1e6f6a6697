// SPDX-License-Identifier: GPL-3.0-or-later
#include "perfhttpserver.h"

#include "budgets/perfservice.h"

#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QMetaObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <spdlog/spdlog.h>

namespace perfwb::server {

namespace {

QByteArray methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    default:
        return "OTHER";
    }
}

const char *reason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 413:
        return "Payload Too Large";
    case 429:
        return "Too Many Requests";
    default:
        return "Internal Server Error";
    }
}

// Compares without an early exit, so the time taken says nothing about the token.
bool sameToken(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

} // namespace

PerfHttpServer::PerfHttpServer(budgets::PerfService &service, QObject *parent)
    : QAbstractHttpServer(parent)
    , service_(service)
    , api_(service)
{
    // Hook events may come from any thread (a recording's, the GUI's): the stream writes
    // happen in ours.
    hookId_ = service_.hooks().subscribe([this](const budgets::PerfEvent &e) {
        if (streamCount_.load(std::memory_order_relaxed) == 0)
            return; // nobody listens: no JSON to build
        QByteArray frame = "event: " + e.hook.toUtf8() +
                           "\ndata: " + QJsonDocument(e.toJson()).toJson(QJsonDocument::Compact) + "\n\n";
        QMetaObject::invokeMethod(
            this, [this, frame = std::move(frame)] { broadcast(frame); }, Qt::QueuedConnection);
    });
    keepAlive_ = new QTimer(this);
    keepAlive_->setInterval(15000);
    connect(keepAlive_, &QTimer::timeout, this, [this] { broadcast(": keep-alive\n\n"); });
}

PerfHttpServer::~PerfHttpServer()
{
    service_.hooks().unsubscribe(hookId_);
}

Result<quint16> PerfHttpServer::start(const Options &options)
{
    if (!options.bind.isLoopback() && options.token.isEmpty())
        return makeError("refusing to listen on " + options.bind.toString().toStdString() +
                         " without a token: give --token-file, or keep the default 127.0.0.1");
    token_ = options.token;
    auto *tcp = new QTcpServer(this);
    if (!tcp->listen(options.bind, options.port)) {
        const std::string why = tcp->errorString().toStdString();
        delete tcp;
        return makeError("cannot listen on " + options.bind.toString().toStdString() + ":" +
                         std::to_string(options.port) + ": " + why);
    }
    bind(tcp);
    port_ = tcp->serverPort();
    return port_;
}

void PerfHttpServer::respond(QTcpSocket *socket, const QHttpServerRequest &request, const ApiResponse &response)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reason(response.status) +
                     "\r\nContent-Type: " + response.contentType +
                     "\r\nContent-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    for (const auto &[key, value] : response.headers)
        out += key + ": " + value + "\r\n";
    const bool close = request.value("connection").compare("close", Qt::CaseInsensitive) == 0;
    if (close)
        out += "Connection: close\r\n";
    out += "\r\n";
    out += response.body;
    socket->write(out);
    if (close)
        socket->disconnectFromHost();
}

bool PerfHttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // Answers are small and written whole: no Nagle delay against a client's delayed ACK.
    if (!socket->property("perfwb.nodelay").toBool()) {
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        socket->setProperty("perfwb.nodelay", true);
    }
    ApiRequest api{methodName(request.method()), request.url().path(), request.query(), request.body()};
    if (!token_.isEmpty()) {
        const QByteArray auth = request.value("authorization");
        if (!auth.startsWith("Bearer ") || !sameToken(auth.mid(7).trimmed(), token_)) {
            ApiResponse r = api_.error(401, "missing or wrong bearer token");
            r.headers.append(qMakePair(QByteArray("WWW-Authenticate"), QByteArray("Bearer")));
            respond(socket, request, r);
            return true;
        }
    }
    if (api.path == QLatin1String("/api/perf/events") || api.path == QLatin1String("/api/perf/events/")) {
        if (api.method != "GET") {
            ApiResponse r = api_.error(405, "use GET for /events");
            r.headers.append(qMakePair(QByteArray("Allow"), QByteArray("GET")));
            respond(socket, request, r);
        } else if (streams_.size() >= kMaxStreams) {
            respond(socket, request, api_.error(429, "too many event subscribers"));
        } else {
            openStream(socket);
        }
        return true;
    }
    respond(socket, request, api_.handle(api));
    return true;
}

void PerfHttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    respond(socket, request, api_.error(404, "no route"));
}

void PerfHttpServer::openStream(QTcpSocket *socket)
{
    socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
                  "Connection: keep-alive\r\n\r\n: perfwb events\n\n");
    streams_.append(QPointer<QTcpSocket>(socket));
    streamCount_.store(static_cast<int>(streams_.size()));
    connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
        streams_.removeIf([socket](const QPointer<QTcpSocket> &s) { return s.isNull() || s == socket; });
        streamCount_.store(static_cast<int>(streams_.size()));
        if (streams_.isEmpty())
            keepAlive_->stop();
    });
    if (!keepAlive_->isActive())
        keepAlive_->start();
    spdlog::debug("event stream opened ({} subscribers)", streams_.size());
}

void PerfHttpServer::broadcast(const QByteArray &frame)
{
    streams_.removeIf([](const QPointer<QTcpSocket> &s) { return s.isNull(); });
    streamCount_.store(static_cast<int>(streams_.size()));
    for (const QPointer<QTcpSocket> &s : streams_) {
        // A subscriber that stops reading is dropped rather than buffered without end.
        if (s->bytesToWrite() > qint64{4} * 1024 * 1024) {
            s->abort();
            continue;
        }
        s->write(frame);
    }
}

} // namespace perfwb::server
