// SPDX-License-Identifier: GPL-3.0-or-later
// perfwb's config file and the feature flags read from it: defaults off, the
// features.enable_perf switch keeps the legacy keys in step, a damaged file is one error
// naming the file (and key) with the flags off, unknown keys and bad values are refused.
#include "budgets/featureflags.h"
#include "settings/configfile.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace perfwb;
using namespace Qt::StringLiterals;

class TestConfigFile : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir;
    std::string path(const char *name) { return dir.filePath(QString::fromLatin1(name)).toStdString(); }
    void write(const std::string &p, const QByteArray &bytes)
    {
        QFile f(QString::fromStdString(p));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }

private Q_SLOTS:
    void freshInstallIsOff()
    {
        std::string error;
        const budgets::FeatureFlags f = budgets::FeatureFlags::load(path("none/config.json"), &error);
        QVERIFY(error.empty());
        QVERIFY(!f.enablePerf && !f.budgetsEnabled() && !f.profilerEnabled());
    }

    void toggleKeepsLegacyKeysInStep()
    {
        const std::string p = path("sub/dir/config.json");
        auto c = settings::ConfigFile::load(p);
        QVERIFY(c);
        QVERIFY(c->set(u"features.enable_perf"_s, u"true"_s));
        QVERIFY(c->save());
        auto back = settings::ConfigFile::load(p);
        QVERIFY(back);
        QVERIFY(back->boolValue(u"features.enable_perf_budgets"_s));
        QVERIFY(back->boolValue(u"features.enable_perf_profiler_dashboard"_s));
        QVERIFY(back->set(u"features.enable_perf"_s, u"off"_s));
        QVERIFY(!back->boolValue(u"features.enable_perf_budgets"_s));
        QVERIFY(!back->boolValue(u"features.enable_perf_profiler_dashboard"_s));
    }

    void legacyKeysEnableTheirOwnPart()
    {
        const std::string p = path("legacy.json");
        write(p, R"({"features":{"enable_perf_budgets":true}})");
        std::string error;
        const budgets::FeatureFlags f = budgets::FeatureFlags::load(p, &error);
        QVERIFY(f.budgetsEnabled());
        QVERIFY(!f.profilerEnabled());
        QVERIFY(!f.enablePerf);
        write(p, R"({"features":{"enable_perf_profiler_dashboard":true}})");
        const budgets::FeatureFlags g = budgets::FeatureFlags::load(p, &error);
        QVERIFY(!g.budgetsEnabled() && g.profilerEnabled());
    }

    void damagedFile_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("says");
        QTest::newRow("not json") << QByteArray("{\"features\": {") << u"damaged JSON"_s;
        QTest::newRow("array") << QByteArray("[1,2]") << u"JSON object"_s;
        QTest::newRow("wrong type") << QByteArray(R"({"features":{"enable_perf":"yes"}})") << u"features.enable_perf"_s;
    }
    void damagedFile()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, says);
        const std::string p = path("damaged.json");
        write(p, bytes);
        std::string error;
        const budgets::FeatureFlags f = budgets::FeatureFlags::load(p, &error);
        QVERIFY(!f.budgetsEnabled() && !f.profilerEnabled());
        QVERIFY2(QString::fromStdString(error).contains(says), error.c_str());
        QVERIFY2(error.find(p) != std::string::npos, error.c_str());
        QVERIFY(error.find('\n') == std::string::npos);
    }

    void refusals()
    {
        auto c = settings::ConfigFile::load(path("r.json"));
        QVERIFY(c);
        QVERIFY(!c->set(u"features.enable_turbo"_s, u"true"_s));
        QVERIFY(!c->set(u"features.enable_perf"_s, u"maybe"_s));
        QVERIFY(!c->set(u"server.port"_s, u"80a"_s));
        QVERIFY(c->set(u"server.port"_s, u"9000"_s));
        QCOMPARE(c->value(u"server.port"_s).toInt(), 9000);
        QCOMPARE(c->value(u"server.bind"_s).toString(), u"127.0.0.1"_s);
        QVERIFY(!c->root().contains(u"features"_s)); // refused sets left nothing behind
    }
};

QTEST_GUILESS_MAIN(TestConfigFile)
#include "tst_configfile.moc"
