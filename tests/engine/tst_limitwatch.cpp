// SPDX-License-Identifier: GPL-3.0-or-later
// LimitWatch: one crossing per excursion over a limit, with the text a recording's
// timeline shows.
#include "budgets/limitwatch.h"

#include <QTest>

using perfwb::budgets::LimitWatch;

class TestLimitWatch : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void crossings_data()
    {
        QTest::addColumn<QList<double>>("readings");
        QTest::addColumn<double>("limit");
        QTest::addColumn<int>("crossings");
        QTest::newRow("always under") << QList<double>{100, 200, 799} << 800.0 << 0;
        QTest::newRow("at the limit is not over") << QList<double>{800, 800} << 800.0 << 0;
        QTest::newRow("stays over: one") << QList<double>{700, 812, 900, 1000} << 800.0 << 1;
        QTest::newRow("over, back, over: two") << QList<double>{812, 700, 801, 900} << 800.0 << 2;
        QTest::newRow("limit 0 is not checked") << QList<double>{1e9} << 0.0 << 0;
    }
    void crossings()
    {
        QFETCH(QList<double>, readings);
        QFETCH(double, limit);
        QFETCH(int, crossings);
        LimitWatch watch;
        int seen = 0;
        for (double r : readings)
            seen += watch.observe("max_mem_mb", r, limit, "MB") ? 1 : 0;
        QCOMPARE(seen, crossings);
    }

    void text_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<double>("value");
        QTest::addColumn<double>("limit");
        QTest::addColumn<QString>("unit");
        QTest::addColumn<QString>("expected");
        QTest::newRow("memory") << "max_mem_mb" << 812.4 << 800.0 << "MB"
                                << "over max_mem_mb: 812 MB > 800 MB";
        QTest::newRow("cpu") << "max_cpu_percent" << 97.25 << 90.0 << "%"
                             << "over max_cpu_percent: 97.2% > 90%";
    }
    void text()
    {
        QFETCH(QString, key);
        QFETCH(double, value);
        QFETCH(double, limit);
        QFETCH(QString, unit);
        QFETCH(QString, expected);
        LimitWatch watch;
        const auto c = watch.observe(key.toStdString(), value, limit, unit.toStdString());
        QVERIFY(c);
        QCOMPARE(QString::fromStdString(c->text()), expected);
        QVERIFY(watch.isOver(key.toStdString()));
        QVERIFY(!watch.isOver("other"));
    }
};

QTEST_GUILESS_MAIN(TestLimitWatch)
#include "tst_limitwatch.moc"
