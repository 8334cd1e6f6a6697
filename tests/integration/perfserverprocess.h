// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Starts `perfwb serve` (or any perfwb command that serves /api/perf) as a real process
// with its own config directory, finds the port it printed, and talks HTTP to it: the
// way the API suites reach the service.
#include <QByteArray>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTimer>

#include <memory>

namespace perfwbtest {

struct HttpReply {
    int status = 0; // 0: no answer (connection refused, timeout)
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
    QMap<QByteArray, QByteArray> headers;
};

// One request, waited for (a 20 s guard against a hang, not a speed check).
inline HttpReply http(const QByteArray &method, const QString &url, const QByteArray &body = {},
                      const QList<QPair<QByteArray, QByteArray>> &headers = {})
{
    static QNetworkAccessManager *nam = new QNetworkAccessManager;
    QNetworkRequest request{QUrl(url)};
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    for (const auto &[k, v] : headers)
        request.setRawHeader(k, v);
    std::unique_ptr<QNetworkReply> reply(nam->sendCustomRequest(request, method, body));
    QEventLoop loop;
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(20000, &loop, &QEventLoop::quit);
    loop.exec();
    HttpReply r;
    if (!reply->isFinished()) {
        reply->abort();
        return r;
    }
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    for (const auto &[k, v] : reply->rawHeaderPairs())
        r.headers.insert(k.toLower(), v);
    return r;
}

class PerfServer {
public:
    // args: e.g. {"serve", "--port", "0"}; env: XDG_CONFIG_HOME and the like.
    bool start(const QStringList &args, const QProcessEnvironment &env)
    {
        process_.setProcessEnvironment(env);
        process_.setProcessChannelMode(QProcess::SeparateChannels);
        process_.setReadChannel(QProcess::StandardError); // the "serving" line goes there
        process_.start(QStringLiteral(PERFWB_BINARY), args);
        if (!process_.waitForStarted(30000))
            return false;
        static const QRegularExpression line(QStringLiteral(R"(serving (http://[0-9.]+:(\d+))/api/perf)"));
        while (process_.waitForReadyRead(30000) || process_.state() == QProcess::Running) {
            err_ += process_.readAllStandardError();
            const auto m = line.match(QString::fromUtf8(err_));
            if (m.hasMatch()) {
                base_ = m.captured(1);
                port_ = m.captured(2).toInt();
                return true;
            }
            if (process_.state() != QProcess::Running)
                break;
        }
        err_ += process_.readAllStandardError();
        return false;
    }
    ~PerfServer() { stop(); }
    // SIGTERM, as a service manager would; the exit code.
    int stop()
    {
        if (process_.state() == QProcess::NotRunning)
            return process_.exitCode();
        process_.terminate();
        if (!process_.waitForFinished(20000)) {
            process_.kill();
            process_.waitForFinished();
            return -1;
        }
        err_ += process_.readAllStandardError();
        return process_.exitStatus() == QProcess::NormalExit ? process_.exitCode() : -1;
    }
    QString url(const QString &route) const { return base_ + QStringLiteral("/api/perf") + route; }
    int port() const { return port_; }
    qint64 pid() const { return process_.processId(); }
    QByteArray stderrText()
    {
        err_ += process_.readAllStandardError();
        return err_;
    }
    QProcess &process() { return process_; }

private:
    QProcess process_;
    QByteArray err_;
    QString base_;
    int port_ = 0;
};

} // namespace perfwbtest
