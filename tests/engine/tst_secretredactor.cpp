// SPDX-License-Identifier: GPL-3.0-or-later
// What counts as a secret, form by form: variable names, free text (values, `sh -c`
// strings, header lines), command lines. Each row is a form a secret reaches perfwb in;
// the rows marked "kept" are the look-alikes that must stay readable.
#include "model/secretredactor.h"

#include <QTest>

using perfwb::model::SecretRedactor;

namespace {
const QString r = QStringLiteral("<redacted>");

QStringList toList(const std::vector<std::string> &v)
{
    QStringList out;
    for (const auto &s : v)
        out << QString::fromStdString(s);
    return out;
}
} // namespace

class TestSecretRedactor : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void names_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("secret");
        for (const char *n : {"GITHUB_TOKEN",
                              "DB_PASSWORD",
                              "API_KEY",
                              "aws_secret_access_key",
                              "MySecretThing",
                              "LDAP_PASSWD",
                              "GOOGLE_APPLICATION_CREDENTIALS",
                              "SSH_KEYFILE",
                              "MYSQL_PWD",
                              "GH_PAT",
                              "ghPat",
                              "SESSION_COOKIE",
                              "AUTH",
                              "OAUTH_CLIENT",
                              "Authorization",
                              "REDIS_PASS",
                              "SMTP_PW",
                              "GPG_PASSPHRASE",
                              "PRIVATE_PEM",
                              "x-session-id"})
            QTest::newRow(n) << QString::fromLatin1(n) << true;
        for (const char *n : {"HOME", "PATH", "PWD", "OLDPWD", "LD_PRELOAD", "TOKE", "GIT_AUTHOR_NAME", "PATCH_LEVEL",
                              "PASSES", "COMPASS", "SPAN", ""})
            QTest::newRow(qPrintable(QStringLiteral("kept: ") + QString::fromLatin1(n)))
                << QString::fromLatin1(n) << false;
    }
    void names()
    {
        QFETCH(QString, name);
        QFETCH(bool, secret);
        QCOMPARE(SecretRedactor::isSecretName(name.toStdString()), secret);
    }

    void text_data()
    {
        QTest::addColumn<QString>("in");
        QTest::addColumn<QString>("out");
        QTest::newRow("url password") << "https://u:pw@h/x"
                                      << "https://u:" + r + "@h/x";
        QTest::newRow("url inside text") << "clone https://me:hunter2@git.example.org/a.git now"
                                         << "clone https://me:" + r + "@git.example.org/a.git now";
        QTest::newRow("DATABASE_URL") << "postgres://app:s3cr3t@db:5432/prod"
                                      << "postgres://app:" + r + "@db:5432/prod";
        QTest::newRow("HTTP_PROXY") << "http://proxy:pr0xy@10.0.0.1:3128"
                                    << "http://proxy:" + r + "@10.0.0.1:3128";
        QTest::newRow("two urls") << "a://x:1@h b://y:2@k"
                                  << "a://x:" + r + "@h b://y:" + r + "@k";
        QTest::newRow("kept: url without password") << "https://me@example.org/a:b"
                                                    << "https://me@example.org/a:b";
        QTest::newRow("kept: url with port") << "http://h:80/x"
                                             << "http://h:80/x";
        QTest::newRow("bearer header") << "Authorization: Bearer eyJhbGciOi.x.y"
                                       << "Authorization: Bearer " + r;
        QTest::newRow("bearer alone") << "curl -H 'bearer abc123' u"
                                      << "curl -H 'bearer " + r + "' u";
        QTest::newRow("basic header") << "Authorization: Basic dXNlcjpwYXNz"
                                      << "Authorization: Basic " + r;
        QTest::newRow("token header") << "Authorization: token ghp_x1"
                                      << "Authorization: token " + r;
        QTest::newRow("header without scheme") << "Authorization: abc"
                                               << "Authorization: " + r;
        QTest::newRow("kept: basic as a word") << "run the basic test"
                                               << "run the basic test";
        QTest::newRow("assignment") << "password=abc next"
                                    << "password=" + r + " next";
        QTest::newRow("assignment with spaces") << "api_key = abc"
                                                << "api_key = " + r;
        QTest::newRow("second assignment") << "x=1,password=abc"
                                           << "x=1,password=" + r;
        QTest::newRow("colon") << "session_cookie: xyz;"
                               << "session_cookie: " + r + ";";
        QTest::newRow("quoted value") << "--password='a b c' --fast"
                                      << "--password='" + r + "' --fast";
        QTest::newRow("option=value in sh -c") << "./app --password=hunter2 -v"
                                               << "./app --password=" + r + " -v";
        QTest::newRow("option value in sh -c") << "./app --password hunter2 -v"
                                               << "./app --password " + r + " -v";
        QTest::newRow("option quoted value") << "app --token \"t o k\" x"
                                             << "app --token \"" + r + "\" x";
        QTest::newRow("kept: option then option") << "app --no-secret --fast"
                                                  << "app --no-secret --fast";
        QTest::newRow("mysql -p in sh -c") << "mysql -uroot -phunter2 db"
                                           << "mysql -uroot -p" + r + " db";
        QTest::newRow("mysqldump path") << "/usr/bin/mysqldump -pX db"
                                        << "/usr/bin/mysqldump -p" + r + " db";
        QTest::newRow("sshpass -p") << "sshpass -pHunter ssh h"
                                    << "sshpass -p" + r + " ssh h";
        QTest::newRow("kept: -p elsewhere") << "ssh -p2222 h"
                                            << "ssh -p2222 h";
        QTest::newRow("java property") << "-Dapi.key=xyz"
                                       << "-Dapi.key=" + r;
        QTest::newRow("env assignment") << "MYSQL_PWD=x ./app"
                                        << "MYSQL_PWD=" + r + " ./app";
        QTest::newRow("kept: plain") << "render scene.json --frames 12"
                                     << "render scene.json --frames 12";
        QTest::newRow("kept: path") << "/usr/lib/x86_64-linux-gnu/libc.so.6"
                                    << "/usr/lib/x86_64-linux-gnu/libc.so.6";
        QTest::newRow("kept: redacted stays") << "password=" + r << "password=" + r;
    }
    void text()
    {
        QFETCH(QString, in);
        QFETCH(QString, out);
        QCOMPARE(QString::fromStdString(SecretRedactor::redactText(in.toStdString())), out);
        // Redacting twice changes nothing more.
        QCOMPARE(QString::fromStdString(SecretRedactor::redactText(out.toStdString())), out);
    }

    void arguments_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QStringList>("stored");
        QTest::newRow("option=value") << QStringList{"./app", "--token=abc", "--fast"}
                                      << QStringList{"./app", "--token=" + r, "--fast"};
        QTest::newRow("option value") << QStringList{"./app", "--password", "hunter2", "scene.json"}
                                      << QStringList{"./app", "--password", r, "scene.json"};
        QTest::newRow("kept: option then option")
            << QStringList{"./app", "--no-secret", "--fast"} << QStringList{"./app", "--no-secret", "--fast"};
        QTest::newRow("java property") << QStringList{"java", "-Dapi.key=xyz", "-jar", "a.jar"}
                                       << QStringList{"java", "-Dapi.key=" + r, "-jar", "a.jar"};
        QTest::newRow("assignment") << QStringList{"env", "AWS_SECRET_ACCESS_KEY=xyz", "HOME=/root", "./app"}
                                    << QStringList{"env", "AWS_SECRET_ACCESS_KEY=" + r, "HOME=/root", "./app"};
        QTest::newRow("url password") << QStringList{"./sync", "https://me:pa55@example.org/repo",
                                                     "--url=ftp://a:b@h/x"}
                                      << QStringList{"./sync", "https://me:" + r + "@example.org/repo",
                                                     "--url=ftp://a:" + r + "@h/x"};
        QTest::newRow("kept: url without password") << QStringList{"./sync", "https://me@example.org/a:b"}
                                                    << QStringList{"./sync", "https://me@example.org/a:b"};
        QTest::newRow("kept: program name") << QStringList{"./keytool", "list"} << QStringList{"./keytool", "list"};
        QTest::newRow("kept: secret flag last") << QStringList{"./app", "--token"} << QStringList{"./app", "--token"};
        QTest::newRow("mysql -pX") << QStringList{"mysql", "-uroot", "-phunter2", "db"}
                                   << QStringList{"mysql", "-uroot", "-p" + r, "db"};
        QTest::newRow("kept: -pX elsewhere") << QStringList{"ssh", "-p2222", "h"} << QStringList{"ssh", "-p2222", "h"};
        QTest::newRow("sshpass -p X") << QStringList{"sshpass", "-p", "pw", "ssh", "h"}
                                      << QStringList{"sshpass", "-p", r, "ssh", "h"};
        QTest::newRow("sh -c with --password")
            << QStringList{"sh", "-c", "./app --password hunter2"} << QStringList{"sh", "-c", "./app --password " + r};
        QTest::newRow("sh -c with mysql") << QStringList{"bash", "-c", "mysql -phunter2 -e 'select 1'"}
                                          << QStringList{"bash", "-c", "mysql -p" + r + " -e 'select 1'"};
        QTest::newRow("curl header") << QStringList{"curl", "-H", "Authorization: Bearer abc.def", "https://api"}
                                     << QStringList{"curl", "-H", "Authorization: Bearer " + r, "https://api"};
        QTest::newRow("GH_PAT option") << QStringList{"./ci", "--gh-pat", "ghp_1"}
                                       << QStringList{"./ci", "--gh-pat", r};
    }
    void arguments()
    {
        QFETCH(QStringList, args);
        QFETCH(QStringList, stored);
        std::vector<std::string> in;
        for (const auto &a : args)
            in.push_back(a.toStdString());
        QCOMPARE(toList(SecretRedactor::redactArguments(in)), stored);
    }

    void variables_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("stored");
        QTest::newRow("secret name") << "MYSQL_PWD"
                                     << "hunter2" << r;
        QTest::newRow("empty secret") << "SECRET"
                                      << "" << r;
        QTest::newRow("url in a value") << "DATABASE_URL"
                                        << "mysql://root:pw@db/app"
                                        << "mysql://root:" + r + "@db/app";
        QTest::newRow("option in a value") << "MYSQL_OPTS"
                                           << "--password=pw --quick"
                                           << "--password=" + r + " --quick";
        QTest::newRow("kept: PWD") << "PWD"
                                   << "/work/app"
                                   << "/work/app";
        QTest::newRow("kept: PATH") << "PATH"
                                    << "/usr/bin:/bin"
                                    << "/usr/bin:/bin";
    }
    void variables()
    {
        QFETCH(QString, name);
        QFETCH(QString, value);
        QFETCH(QString, stored);
        QCOMPARE(QString::fromStdString(SecretRedactor::redactVariable(name.toStdString(), value.toStdString())),
                 stored);
    }
};

QTEST_GUILESS_MAIN(TestSecretRedactor)
#include "tst_secretredactor.moc"
