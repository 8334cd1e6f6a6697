// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli.h"
#include "commandline.h"
#include "commands.h"

#include "budgets/perfservice.h"
#include "server/perfhttpserver.h"
#include "settings/configfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QSocketNotifier>

#include <sys/signalfd.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>

namespace perfwb::app {

namespace {

// SIGINT/SIGTERM end the service through the event loop, so it stops between requests.
class StopSignals {
public:
    StopSignals()
    {
        sigemptyset(&set_);
        sigaddset(&set_, SIGINT);
        sigaddset(&set_, SIGTERM);
        pthread_sigmask(SIG_BLOCK, &set_, nullptr);
        fd_ = ::signalfd(-1, &set_, SFD_CLOEXEC | SFD_NONBLOCK);
        notifier_ = std::make_unique<QSocketNotifier>(fd_, QSocketNotifier::Read);
        QObject::connect(notifier_.get(), &QSocketNotifier::activated, [this] {
            signalfd_siginfo info{};
            while (::read(fd_, &info, sizeof info) == sizeof info)
                received_ = static_cast<int>(info.ssi_signo);
            QCoreApplication::quit();
        });
    }
    ~StopSignals()
    {
        notifier_.reset();
        ::close(fd_);
        pthread_sigmask(SIG_UNBLOCK, &set_, nullptr);
    }
    StopSignals(const StopSignals &) = delete;
    StopSignals &operator=(const StopSignals &) = delete;
    int received() const { return received_; }

private:
    sigset_t set_{};
    int fd_ = -1;
    int received_ = 0;
    std::unique_ptr<QSocketNotifier> notifier_;
};

std::optional<QByteArray> readToken(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("--token-file %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    const QByteArray token = file.read(4096).trimmed();
    if (token.size() < 16 || token.contains('\n') || token.contains(' ')) {
        *error = QStringLiteral("--token-file %1: expected one line of at least 16 characters").arg(path);
        return std::nullopt;
    }
    return token;
}

} // namespace

int runServeCommand(const QStringList &args)
{
    auto config = settings::ConfigFile::load();
    const settings::ConfigFile defaults; // a damaged file: its error is said once, below
    const settings::ConfigFile &cfg = config ? config.value() : defaults;
    QCommandLineParser parser;
    const QCommandLineOption portOpt(
        QStringLiteral("port"),
        QStringLiteral("Port (default server.port from the config file, else 8001; 0 = any free port)."),
        QStringLiteral("PORT"));
    const QCommandLineOption bindOpt(QStringLiteral("bind"),
                                     QStringLiteral("Address to listen on (default 127.0.0.1). Any other than "
                                                    "loopback needs --token-file."),
                                     QStringLiteral("ADDRESS"));
    const QCommandLineOption tokenOpt(QStringLiteral("token-file"),
                                      QStringLiteral("File holding the bearer token every request must carry "
                                                     "(Authorization: Bearer TOKEN)."),
                                      QStringLiteral("FILE"));
    parser.addOptions({portOpt, bindOpt, tokenOpt});
    if (auto code = parseCommandLine(parser, args,
                                     QStringLiteral("Serve the budgets and profiler API (/api/perf) until SIGINT or "
                                                    "SIGTERM. The feature flags come from perfwb's config file."),
                                     QString(), 0, 0))
        return *code;

    server::PerfHttpServer::Options options;
    options.port = static_cast<quint16>(cfg.value(QStringLiteral("server.port")).toInt());
    options.bind = QHostAddress(cfg.value(QStringLiteral("server.bind")).toString());
    if (parser.isSet(portOpt)) {
        const auto port = parsePort(parser.value(portOpt));
        if (!port) {
            printError(QStringLiteral("bad --port value '%1': expected 0 to 65535").arg(parser.value(portOpt)));
            return ExitUsage;
        }
        options.port = *port;
    }
    if (parser.isSet(bindOpt))
        options.bind = QHostAddress(parser.value(bindOpt));
    if (options.bind.isNull()) {
        printError(QStringLiteral("bad bind address '%1': expected an IP address such as 127.0.0.1")
                       .arg(parser.isSet(bindOpt) ? parser.value(bindOpt)
                                                  : cfg.value(QStringLiteral("server.bind")).toString()));
        return ExitUsage;
    }
    if (parser.isSet(tokenOpt)) {
        QString error;
        auto token = readToken(parser.value(tokenOpt), &error);
        if (!token) {
            printError(error);
            return ExitUsage;
        }
        options.token = *token;
    }

    StopSignals signals;
    budgets::PerfService service(budgets::PerfService::Options{});
    if (!service.configError().empty())
        printError(service.configError());
    server::PerfHttpServer server(service);
    auto port = server.start(options);
    if (!port) {
        printError(port.message());
        return ExitFailure;
    }
    const budgets::FeatureFlags f = service.flags();
    std::fprintf(stderr, "perfwb: serving http://%s:%u/api/perf (budgets %s, profiler %s)\n",
                 options.bind.protocol() == QAbstractSocket::IPv6Protocol
                     ? qPrintable(QLatin1Char('[') + options.bind.toString() + QLatin1Char(']'))
                     : qPrintable(options.bind.toString()),
                 static_cast<unsigned>(port.value()), f.budgetsEnabled() ? "on" : "off",
                 f.profilerEnabled() ? "on" : "off");
    std::fflush(stderr);
    QCoreApplication::exec();
    std::fprintf(stderr, "perfwb: stopped (signal %d)\n", signals.received());
    return ExitOk;
}

} // namespace perfwb::app
