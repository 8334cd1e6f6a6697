// SPDX-License-Identifier: GPL-3.0-or-later
// printable(): what a terminal would act on is shown escaped; everything else, UTF-8
// included, is printed as it is.
#include "core/printable.h"

#include <QTest>

class TestPrintable : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void escapes_data()
    {
        QTest::addColumn<QByteArray>("in");
        QTest::addColumn<QByteArray>("out");
        QTest::newRow("plain") << QByteArray("std::vector<int>::push_back")
                               << QByteArray("std::vector<int>::push_back");
        QTest::newRow("utf-8") << QByteArray("größe_ψ_函数_🔥") << QByteArray("größe_ψ_函数_🔥");
        QTest::newRow("newline breaks no table") << QByteArray("a\nb") << QByteArray("a\\nb");
        QTest::newRow("tab and CR") << QByteArray("a\tb\rc") << QByteArray("a\\tb\\rc");
        QTest::newRow("clear screen") << QByteArray("x\x1b[2Jy") << QByteArray("x\\x1b[2Jy");
        QTest::newRow("window title") << QByteArray("\x1b]0;pwned\x07") << QByteArray("\\x1b]0;pwned\\x07");
        QTest::newRow("bell") << QByteArray("\a") << QByteArray("\\x07");
        QTest::newRow("DEL") << QByteArray("a\x7f") << QByteArray("a\\x7f");
        QTest::newRow("NUL") << QByteArray("a\0b", 3) << QByteArray("a\\x00b");
        QTest::newRow("C1 CSI as UTF-8") << QByteArray("a\xc2\x9b"
                                                       "31mb")
                                         << QByteArray("a\\u009b31mb");
        QTest::newRow("raw CSI byte") << QByteArray("a\x9b"
                                                    "31m")
                                      << QByteArray("a\\x9b31m");
        QTest::newRow("no-break space stays") << QByteArray("a\xc2\xa0"
                                                            "b")
                                              << QByteArray("a\xc2\xa0"
                                                            "b");
        QTest::newRow("overlong") << QByteArray("\xc0\xaf") << QByteArray("\\xc0\\xaf");
        QTest::newRow("truncated sequence") << QByteArray("a\xe2\x82") << QByteArray("a\\xe2\\x82");
        QTest::newRow("surrogate") << QByteArray("\xed\xa0\x80") << QByteArray("\\xed\\xa0\\x80");
        QTest::newRow("backslash unchanged") << QByteArray("C:\\path") << QByteArray("C:\\path");
    }
    void escapes()
    {
        QFETCH(QByteArray, in);
        QFETCH(QByteArray, out);
        const std::string got =
            perfwb::printable(std::string_view(in.constData(), static_cast<std::size_t>(in.size())));
        QCOMPARE(QByteArray::fromStdString(got), out);
    }

    void lines()
    {
        // A multi-line text keeps its newlines; everything else is escaped as above.
        QCOMPARE(perfwb::printableLines("a\x1b[2J\nb\tc\n\n"), std::string("a\\x1b[2J\nb\\tc\n\n"));
        QCOMPARE(perfwb::printableLines(""), std::string());
        QCOMPARE(perfwb::printableLines("no newline"), std::string("no newline"));
    }
};

QTEST_MAIN(TestPrintable)
#include "tst_printable.moc"
