// SPDX-License-Identifier: GPL-3.0-or-later
// The German translation is complete and reaches Qt's own dialogs too: every message of
// translations/perfwb_de.ts is finished, perfwb_de.qm and perfwb_en.qm (English plural
// forms) are compiled in, and qtbase's German catalogue is installed where Qt looks.
#include "enginetext.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QLibraryInfo>
#include <QPushButton>
#include <QRegularExpression>
#include <QTest>
#include <QTranslator>

class TestTranslations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyGermanMessageIsFinished()
    {
        QFile ts(QStringLiteral(PERFWB_SOURCE_DIR "/translations/perfwb_de.ts"));
        QVERIFY(ts.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(ts.readAll());
        QVERIFY(text.count(QStringLiteral("<message")) > 400);
        // Unfinished messages name their source: list them all in the failure.
        QStringList unfinished;
        static const QRegularExpression message(
            QStringLiteral("<source>([^<]*)</source>\\s*<translation type=\"unfinished\""),
            QRegularExpression::DotMatchesEverythingOption);
        for (auto it = message.globalMatch(text); it.hasNext();)
            unfinished << it.next().captured(1);
        QVERIFY2(unfinished.isEmpty(), qPrintable(unfinished.join(QStringLiteral(" | "))));
    }

    void catalogues_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("context");
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("german");
        QTest::newRow("perfwb") << ":/i18n/perfwb_de.qm"
                                << "perfwb::ui::ReportView"
                                << "Allocations"
                                << "Allokationen";
        QTest::newRow("qtbase") << QLibraryInfo::path(QLibraryInfo::TranslationsPath) + "/qtbase_de.qm"
                                << "QPlatformTheme"
                                << "Cancel"
                                << "Abbrechen";
    }
    void catalogues()
    {
        QFETCH(QString, file);
        QFETCH(QString, context);
        QFETCH(QString, source);
        QFETCH(QString, german);
        QTranslator translator;
        QVERIFY2(translator.load(file), qPrintable(file + QStringLiteral(" (set-up installs qt6-translations-l10n)")));
        QCOMPARE(translator.translate(context.toUtf8().constData(), source.toUtf8().constData()), german);
    }

    // The engine's English words (metric names, verdicts, "new") in the window's language.
    void engineWords_data()
    {
        QTest::addColumn<QString>("english");
        QTest::addColumn<QString>("german");
        QTest::newRow("verdict") << "fail"
                                 << "nicht bestanden";
        QTest::newRow("new function") << "new"
                                      << "neu";
        QTest::newRow("metric") << "peak RSS"
                                << "RSS-Spitze";
        QTest::newRow("mode") << "change in CPU time"
                              << "Änderung der CPU-Zeit";
        QTest::newRow("numbers stay") << "+12.5 %"
                                      << "+12.5 %";
    }
    void engineWords()
    {
        QFETCH(QString, english);
        QFETCH(QString, german);
        QTranslator de;
        QVERIFY(de.load(QStringLiteral(":/i18n/perfwb_de.qm")));
        QCoreApplication::installTranslator(&de);
        const QString got = perfwb::ui::EngineText::translate(english.toStdString());
        QCoreApplication::removeTranslator(&de);
        QCOMPARE(got, german);
        QCOMPARE(perfwb::ui::EngineText::translate(english.toStdString()), english); // English without it
    }

    // Qt's own buttons follow the installed catalogue.
    void qtDialogsSpeakGerman()
    {
        QTranslator qt;
        QVERIFY(qt.load(QLocale(QLocale::German), QStringLiteral("qtbase"), QStringLiteral("_"),
                        QLibraryInfo::path(QLibraryInfo::TranslationsPath)));
        QCoreApplication::installTranslator(&qt);
        QDialogButtonBox box(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
        QCOMPARE(box.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("Abbrechen"));
        QCoreApplication::removeTranslator(&qt);
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
