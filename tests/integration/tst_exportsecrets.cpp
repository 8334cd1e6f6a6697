// SPDX-License-Identifier: GPL-3.0-or-later
// No export carries a secret: `perfwb record` of cpusplit run with secret-looking
// environment variables (API_TOKEN, MYSQL_PWD, GH_PAT, SESSION_COOKIE, AUTH, URL passwords
// in DATABASE_URL and HTTP_PROXY) and secret-looking arguments (--password V, --api-key=V,
// a user:password@ URL, a bearer header, `sh -c` strings with -pV and --password V), then
// the report file, every `perfwb export` format, `perfwb info --json` and every
// `perfwb diff` output are searched for the secret values, which must be absent (while
// the command itself is still there). SecretRedactor's own table is tst_secretredactor.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QByteArray kEnvSecret = "env-s3cr3t-7f1d2a";
const QByteArray kArgSecret = "arg-hunter2-9c3e";
const QByteArray kKeySecret = "key-b4d5e6-0a1b";
const QByteArray kUrlSecret = "url-pa55-4411";
// Environment variables the first rules missed (name -> value holding the secret).
const QList<QPair<QString, QByteArray>> kEnvForms = {
    {QStringLiteral("MYSQL_PWD"), "mysqlpwd-5e1"},
    {QStringLiteral("GH_PAT"), "ghpat-77a0"},
    {QStringLiteral("SESSION_COOKIE"), "cookie-91be"},
    {QStringLiteral("AUTH"), "auth-3c3c"},
    {QStringLiteral("DATABASE_URL"), "postgres://app:dburl-0d0d@db/prod"},
    {QStringLiteral("HTTP_PROXY"), "http://me:proxy-4f4f@10.0.0.1:3128"},
};
// Arguments in shell strings and headers; the secret is the part after the last marker.
const QByteArray kBearerSecret = "bearer-a1b2c3";
const QByteArray kShellPSecret = "shellp-6d6d";
const QByteArray kShellPasswordSecret = "shellpw-8e8e";

QList<QByteArray> allSecrets()
{
    QList<QByteArray> out{kEnvSecret,    kArgSecret,           kKeySecret,   kUrlSecret,  kBearerSecret,
                          kShellPSecret, kShellPasswordSecret, "dburl-0d0d", "proxy-4f4f"};
    for (const auto &[name, value] : kEnvForms) {
        if (!value.contains("://"))
            out << value;
    }
    return out;
}

struct Run {
    int exitCode = -1;
    QByteArray out, err;
};

Run perfwb(const QStringList &args, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(PERFWB_BINARY), args);
    Run r;
    if (p.waitForFinished(120000) && p.exitStatus() == QProcess::NormalExit)
        r.exitCode = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestExportSecrets : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    QString report_;

    void verifyClean(const QString &what, const QByteArray &bytes)
    {
        QVERIFY2(!bytes.isEmpty(), qPrintable(what + QStringLiteral(" is empty")));
        for (const auto &secret : allSecrets())
            QVERIFY2(!bytes.contains(secret), qPrintable(what + QStringLiteral(" carries ") + secret));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        report_ = dir_.filePath(QStringLiteral("run.perfwb"));
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("API_TOKEN"), QString::fromLatin1(kEnvSecret));
        for (const auto &[name, value] : kEnvForms)
            env.insert(name, QString::fromLatin1(value));
        // cpusplit reads only its first argument; the rest are there to be recorded.
        const Run r = perfwb(
            {QStringLiteral("record"), QStringLiteral("--label"), QStringLiteral("secrets"), QStringLiteral("-o"),
             report_, QStringLiteral("--"), QStringLiteral(PERFWB_WORKLOAD_DIR "/cpusplit"), QStringLiteral("300"),
             QStringLiteral("--password"), QString::fromLatin1(kArgSecret),
             QStringLiteral("--api-key=") + QString::fromLatin1(kKeySecret),
             QStringLiteral("https://me:") + QString::fromLatin1(kUrlSecret) + QStringLiteral("@example.org/x"),
             QStringLiteral("Authorization: Bearer ") + QString::fromLatin1(kBearerSecret),
             QStringLiteral("mysql -uroot -p") + QString::fromLatin1(kShellPSecret) + QStringLiteral(" app"),
             QStringLiteral("./tool --password ") + QString::fromLatin1(kShellPasswordSecret)},
            env);
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    void reportFileIsClean()
    {
        // The SQLite file as bytes (WAL checkpointed at finish).
        verifyClean(QStringLiteral("the report"), readAll(report_));
        const Run info = perfwb({QStringLiteral("info"), QStringLiteral("--json"), report_});
        QCOMPARE(info.exitCode, 0);
        verifyClean(QStringLiteral("info --json"), info.out);
        // What is not secret is still there.
        QVERIFY(info.out.contains("cpusplit"));
        QVERIFY(info.out.contains("--password"));
        QVERIFY(info.out.contains("example.org"));
        QVERIFY(info.out.contains("mysql -uroot -p<redacted> app"));
        QVERIFY(info.out.contains("MYSQL_PWD")); // the name stays, the value goes
    }

    void everyExportIsClean_data()
    {
        QTest::addColumn<QString>("format");
        for (const char *f : {"html", "svg", "speedscope", "folded", "chrome", "pprof"})
            QTest::newRow(f) << QString::fromLatin1(f);
    }
    void everyExportIsClean()
    {
        QFETCH(QString, format);
        const QString out = dir_.filePath(QStringLiteral("export.") + format);
        const Run r =
            perfwb({QStringLiteral("export"), QStringLiteral("--to"), format, QStringLiteral("-o"), out, report_});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QByteArray bytes = readAll(out);
        if (format == QLatin1String("pprof")) {
            // profile.proto is gzip-compressed: look at the protobuf itself.
            QProcess gunzip;
            gunzip.start(QStringLiteral("gzip"), {QStringLiteral("-dc"), out});
            QVERIFY(gunzip.waitForFinished(30000));
            bytes = gunzip.readAllStandardOutput();
        }
        verifyClean(format, bytes);
    }

    void diffOutputsAreClean()
    {
        const QString html = dir_.filePath(QStringLiteral("diff.html"));
        const QString md = dir_.filePath(QStringLiteral("diff.md"));
        const QString svg = dir_.filePath(QStringLiteral("diff.svg"));
        const Run r = perfwb({QStringLiteral("diff"), QStringLiteral("--json"), QStringLiteral("--html"), html,
                              QStringLiteral("--markdown"), md, QStringLiteral("--svg"), svg, report_, report_});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        verifyClean(QStringLiteral("diff --json"), r.out);
        verifyClean(QStringLiteral("diff --html"), readAll(html));
        verifyClean(QStringLiteral("diff --markdown"), readAll(md));
        verifyClean(QStringLiteral("diff --svg"), readAll(svg));
    }
};

QTEST_GUILESS_MAIN(TestExportSecrets)
#include "tst_exportsecrets.moc"
