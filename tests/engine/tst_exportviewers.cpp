// SPDX-License-Identifier: GPL-3.0-or-later
// Exports checked by the programs that read them: speedscope JSON against speedscope's
// published schema (ajv and the speedscope npm package, installed into the build tree),
// and the SVG flamegraph in a real headless Chromium: URL fragments, clicks, keys, and a
// screenshot (tst_exportviewers-output/flamegraph.png in the build tree) to look at.
#include "exporttestprofiles.h"
#include "formats/formatregistry.h"
#include "formats/speedscopeexporter.h"
#include "formats/svgexporter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace perfwb;
using namespace exporttest;

class TestExportViewers : public QObject {
    Q_OBJECT

    QString outputDir_;
    QTemporaryDir tmp_;
    model::Profile imported_; // the 70/30 profile read from a folded file by the folded importer

    QString runChromium(const QStringList &args)
    {
        QTemporaryDir profileDir;
        QProcess p;
        p.setProgram(QStandardPaths::findExecutable(QStringLiteral("chromium")));
        p.setArguments(QStringList{QStringLiteral("--headless"), QStringLiteral("--no-sandbox"),
                                   QStringLiteral("--disable-gpu"), QStringLiteral("--disable-background-networking"),
                                   QStringLiteral("--disable-component-update"), QStringLiteral("--disable-sync"),
                                   QStringLiteral("--no-first-run"),
                                   QStringLiteral("--user-data-dir=") + profileDir.path()} +
                       args);
        p.start();
        if (!p.waitForFinished(120000)) {
            p.kill();
            p.waitForFinished();
            return QStringLiteral("chromium timed out");
        }
        return QString::fromUtf8(p.readAllStandardOutput());
    }

    // The 70/30 profile, imported from folded stacks, as an SVG in the output directory.
    QString writeSplitSvg()
    {
        const QString path = outputDir_ + QStringLiteral("/cpusplit-flamegraph.svg");
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        const auto svg = exportWith(formats::SvgExporter(), imported_);
        f.write(svg.data(), static_cast<qint64>(svg.size()));
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(tmp_.isValid());
        outputDir_ = QCoreApplication::applicationDirPath() + QStringLiteral("/tst_exportviewers-output");
        QVERIFY(QDir().mkpath(outputDir_));
        const QString folded = tmp_.filePath(QStringLiteral("cpusplit.folded"));
        QFile f(folded);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("cpusplit`_start;cpusplit`main;cpusplit`hot_70 700\n"
                "cpusplit`_start;cpusplit`main;cpusplit`warm_30 300\n");
        f.close();
        const auto *importer = formats::FormatRegistry::importer("folded");
        QVERIFY2(importer != nullptr, "no folded importer registered");
        const auto st = importer->importFile(folded.toStdString(), imported_);
        QVERIFY2(st.isOk(), st.message().c_str());
    }

    void speedscopeSchema()
    {
        // ajv and the speedscope package (which ships file-format-schema.json) go into the
        // build tree once; npm is Debian's (the machine's) and the registry is reachable.
        const QString prefix = QCoreApplication::applicationDirPath() + QStringLiteral("/speedscope-schema");
        const QString schema = prefix + QStringLiteral("/node_modules/speedscope/dist/release/file-format-schema.json");
        const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        const QString npm = QStandardPaths::findExecutable(QStringLiteral("npm"));
        QVERIFY2(!node.isEmpty() && !npm.isEmpty(), "node and npm are needed to validate against speedscope's schema");
        if (!QFile::exists(schema) || !QFile::exists(prefix + QStringLiteral("/node_modules/ajv/package.json"))) {
            QVERIFY(QDir().mkpath(prefix));
            QProcess install;
            install.setProcessChannelMode(QProcess::MergedChannels);
            install.start(npm, {QStringLiteral("install"), QStringLiteral("--prefix"), prefix,
                                QStringLiteral("--no-save"), QStringLiteral("--no-audit"), QStringLiteral("--no-fund"),
                                QStringLiteral("ajv@8.20.0"), QStringLiteral("speedscope@1.25.0")});
            QVERIFY(install.waitForFinished(300000));
            QVERIFY2(install.exitCode() == 0 && QFile::exists(schema), install.readAll().constData());
        }

        // Every shape the exporter writes: units, filters, odd names, an empty profile.
        QStringList files;
        const auto save = [&](const QString &name, const std::string &text) {
            const QString path = tmp_.filePath(name);
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(text.data(), static_cast<qint64>(text.size()));
            files << path;
        };
        for (const char *unit : {"samples", "nanoseconds", "bytes"})
            save(QStringLiteral("split-%1.json").arg(QLatin1String(unit)),
                 exportWith(formats::SpeedscopeExporter(), makeSplit(unit)));
        formats::ExportOptions filtered;
        filtered.filter = timeFilter(2000, 4000);
        save(QStringLiteral("filtered.json"), exportWith(formats::SpeedscopeExporter(), makeSplit(), filtered));
        save(QStringLiteral("imported.json"), exportWith(formats::SpeedscopeExporter(), imported_));
        model::Profile odd;
        const std::vector<model::FrameId> stack{odd.internFrame("\"quoted\"\\\n\t\x01"),
                                                odd.internFrame("bad\xff utf8")};
        odd.addSample(0, odd.internThread(1, 1, "\"t\""), odd.stacks.internPath(stack), 1);
        odd.addSample(1, odd.internThread(1, 1), model::kEmptyStack, 1);
        save(QStringLiteral("odd.json"), exportWith(formats::SpeedscopeExporter(), odd));
        save(QStringLiteral("empty.json"), exportWith(formats::SpeedscopeExporter(), model::Profile()));

        const QString validator = QFINDTESTDATA("validate-speedscope.cjs");
        QVERIFY(!validator.isEmpty());
        QProcess run;
        run.start(node, QStringList{validator, prefix} + files);
        QVERIFY(run.waitForFinished(60000));
        const QString out =
            QString::fromUtf8(run.readAllStandardOutput()) + QString::fromUtf8(run.readAllStandardError());
        QVERIFY2(run.exitCode() == 0, qPrintable(out));
        QCOMPARE(out.count(QStringLiteral(": valid\n")), files.size());

        // The validator can fail: a profile without weights and a unit speedscope does not know.
        auto doc =
            QJsonDocument::fromJson(QByteArray::fromStdString(exportWith(formats::SpeedscopeExporter(), makeSplit())));
        auto root = doc.object();
        auto profiles = root[u"profiles"].toArray();
        auto first = profiles[0].toObject();
        first.remove(u"weights");
        profiles[0] = first;
        auto second = profiles[1].toObject();
        second[u"unit"] = QStringLiteral("samples");
        profiles[1] = second;
        root[u"profiles"] = profiles;
        const QString broken = tmp_.filePath(QStringLiteral("broken.json"));
        QFile f(broken);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(root).toJson());
        f.close();
        run.start(node, {validator, prefix, broken});
        QVERIFY(run.waitForFinished(60000));
        const QString bad = QString::fromUtf8(run.readAllStandardOutput());
        QCOMPARE(run.exitCode(), 1);
        QVERIFY2(bad.contains(u"must have required property 'weights'") && bad.contains(u"unit"), qPrintable(bad));
    }

    // The script really runs in a browser: fragments drive search and zoom without clicks.
    void svgInBrowser_data()
    {
        QTest::addColumn<QString>("fragment");
        QTest::addColumn<QStringList>("expected"); // strings the dumped DOM must contain
        QTest::addColumn<QStringList>("absent");
        QTest::newRow("search hot") << "#search=hot" << QStringList{QStringLiteral("Matched: 70.0%")} << QStringList{};
        QTest::newRow("nested matches count once")
            << "#search=main%7Chot" << QStringList{QStringLiteral("Matched: 100.0%")} << QStringList{};
        QTest::newRow("regex") << "#search=%5Ew.*30%24" << QStringList{QStringLiteral("Matched: 30.0%")}
                               << QStringList{};
        QTest::newRow("zoom") << "#zoom=warm_30"
                              << QStringList{QStringLiteral("class=\"f hide\" data-f=\"hot_70\""),
                                             QStringLiteral("class=\"f parent\" data-f=\"main\""),
                                             QStringLiteral("width=\"1180.0\" height=\"15.0\" rx=\"2\" fill=\"#")}
                              << QStringList{QStringLiteral("id=\"reset\" class=\"ctl hide\"")};
        QTest::newRow("no fragment") << ""
                                     << QStringList{QStringLiteral("id=\"reset\" class=\"ctl hide\""),
                                                    QStringLiteral("id=\"matched\" class=\"hide\"")}
                                     << QStringList{QStringLiteral("class=\"f match\""),
                                                    QStringLiteral("class=\"f hide\"")};
    }
    void svgInBrowser()
    {
        QFETCH(QString, fragment);
        QFETCH(QStringList, expected);
        QFETCH(QStringList, absent);
        if (QStandardPaths::findExecutable(QStringLiteral("chromium")).isEmpty())
            QSKIP("chromium is not installed (apt-get install chromium)");
        const QString path = writeSplitSvg();
        QVERIFY(!path.isEmpty());
        const QString dom =
            runChromium({QStringLiteral("--dump-dom"), QUrl::fromLocalFile(path).toString() + fragment});
        for (const auto &e : expected)
            QVERIFY2(dom.contains(e), qPrintable(e + QStringLiteral(" not in: ") + dom.left(3000)));
        for (const auto &a : absent)
            QVERIFY2(!dom.contains(a), qPrintable(a + QStringLiteral(" in: ") + dom.left(3000)));
    }

    // Real mouse and key events through the DevTools protocol (node drives them).
    void svgClicksAndKeys()
    {
        const QString chromium = QStandardPaths::findExecutable(QStringLiteral("chromium"));
        if (chromium.isEmpty())
            QSKIP("chromium is not installed (apt-get install chromium)");
        const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        QVERIFY2(!node.isEmpty(), "node is needed to drive chromium");
        const QString path = writeSplitSvg();
        QVERIFY(!path.isEmpty());
        QTemporaryDir profileDir;
        QProcess browser;
        // Port 0: Chromium picks a free loopback port and writes it to DevToolsActivePort.
        browser.start(chromium,
                      {QStringLiteral("--headless"), QStringLiteral("--no-sandbox"), QStringLiteral("--disable-gpu"),
                       QStringLiteral("--disable-background-networking"), QStringLiteral("--disable-component-update"),
                       QStringLiteral("--disable-sync"), QStringLiteral("--no-first-run"),
                       QStringLiteral("--user-data-dir=") + profileDir.path(), QStringLiteral("--window-size=1200,600"),
                       QStringLiteral("--remote-debugging-port=0"),
                       QStringLiteral("--remote-debugging-address=127.0.0.1"), QUrl::fromLocalFile(path).toString()});
        QVERIFY(browser.waitForStarted());
        const auto stop = qScopeGuard([&browser] {
            browser.kill();
            browser.waitForFinished();
        });
        QFile portFile(profileDir.filePath(QStringLiteral("DevToolsActivePort")));
        QTRY_VERIFY_WITH_TIMEOUT(portFile.exists() && portFile.size() > 0, 60000);
        QVERIFY(portFile.open(QIODevice::ReadOnly));
        const QString port = QString::fromLatin1(portFile.readLine()).trimmed();
        QProcess driver;
        driver.start(node, {QStringLiteral("--experimental-websocket"), QFINDTESTDATA("flamegraph-clicks.mjs"), port});
        QVERIFY(driver.waitForFinished(60000));
        const QByteArray out = driver.readAllStandardOutput();
        QVERIFY2(driver.exitCode() == 0, (out + driver.readAllStandardError()).constData());
        const auto r = QJsonDocument::fromJson(out).object();
        const auto state = [&r](const char *step) {
            const auto o = r[QLatin1String(step)].toObject();
            return QStringList{o[u"warmWidth"].toString(), o[u"hotClass"].toString(),    o[u"resetClass"].toString(),
                               o[u"matched"].toString(),   o[u"searchLabel"].toString(), o[u"hash"].toString()}
                .join(u'|');
        };
        // Clicking warm_30 zooms it to the full 1180 px and hides its sibling.
        QCOMPARE(state("afterZoom"), QStringLiteral("1180.0|f hide|ctl||Search|#zoom=warm_30"));
        QCOMPARE(state("afterReset"), QStringLiteral("354.0|f|ctl hide||Search|"));
        QCOMPARE(r[u"details"].toString(), QStringLiteral("hot_70 [cpusplit]: 700 samples (70.00%)"));
        QCOMPARE(state("afterSearch"), QStringLiteral("354.0|f|ctl hide|Matched: 30.0%|Clear search|#search=warm"));
        QCOMPARE(state("afterClear"), QStringLiteral("354.0|f|ctl hide||Search|"));
        QCOMPARE(state("afterEscape"), QStringLiteral("354.0|f|ctl hide||Search|"));
    }

    void svgScreenshot()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("chromium")).isEmpty())
            QSKIP("chromium is not installed (apt-get install chromium)");
        const QString svgPath = outputDir_ + QStringLiteral("/hostile-flamegraph.svg");
        const QString png = outputDir_ + QStringLiteral("/flamegraph.png");
        // The 70/30 profile with a kernel, an inlined and an XML-hostile frame, searched for "warm".
        auto p = makeSplit();
        const std::vector<model::FrameId> s{
            p.internFrame("_start", "cpusplit"), p.internFrame("main", "cpusplit"),
            p.internFrame("std::vector<int>::operator<<", "cpusplit", {}, 0, model::FrameKind::Native, true),
            p.internFrame("do_syscall_64", "[kernel.kallsyms]", {}, 0, model::FrameKind::Kernel)};
        p.addSample(6000, 0, p.stacks.internPath(s), 25);
        {
            QFile f(svgPath);
            QVERIFY(f.open(QIODevice::WriteOnly));
            const auto svg = exportWith(formats::SvgExporter(), p);
            f.write(svg.data(), static_cast<qint64>(svg.size()));
        }
        QFile::remove(png);
        runChromium({QStringLiteral("--screenshot=") + png, QStringLiteral("--window-size=1200,600"),
                     QUrl::fromLocalFile(svgPath).toString() + QStringLiteral("#search=warm")});
        QFile shot(png);
        QVERIFY2(shot.open(QIODevice::ReadOnly), qPrintable(png));
        QVERIFY(shot.read(8).startsWith("\x89PNG"));
    }
};

QTEST_GUILESS_MAIN(TestExportViewers)
#include "tst_exportviewers.moc"
