// SPDX-License-Identifier: GPL-3.0-or-later
// RunManifest: what a run with profilers leaves beside its files, read back by
// `perfwb info` and the GUI. Written and read here on real files in a temporary folder.
#include "store/runmanifest.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace perfwb;

class TestRunManifest : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

    std::string path(const char *name) const { return dir_.filePath(QString::fromLatin1(name)).toStdString(); }

    void writeText(const char *name, const QByteArray &text) const
    {
        QFile f(QString::fromStdString(path(name)));
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(text), text.size());
    }

    static store::RunManifest demo(const std::string &dir, int files)
    {
        store::RunManifest m;
        m.label = "demo";
        m.command = {"/usr/bin/python3", "app.py", "--frames", "3"};
        m.files.push_back({"perfwb", dir + "/demo-profile.perfwb", true});
        for (int i = 0; i < files; ++i)
            m.files.push_back({"cprofile", dir + "/demo-cprofile-" + std::to_string(i) + ".pstats", true});
        m.files.push_back({"memray", dir + "/demo-memray.bin", false});
        return m;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    // Keys are written sorted, so "format" comes after the file list: a manifest with
    // many files must still be recognised (it was not when only the head was read).
    void roundTrip_data()
    {
        QTest::addColumn<int>("files");
        QTest::newRow("one tool") << 1;
        QTest::newRow("many files, format key past the first KiB") << 40;
    }

    void roundTrip()
    {
        QFETCH(int, files);
        const std::string dir = dir_.path().toStdString();
        const auto written = demo(dir, files);
        const std::string manifest = store::RunManifest::pathFor(dir, "demo");
        QCOMPARE(QString::fromStdString(manifest), dir_.filePath(QStringLiteral("demo-run.json")));
        const Status st = written.write(manifest);
        QVERIFY2(st, st ? "" : st.message().c_str());
        QVERIFY(store::RunManifest::looksLikeManifest(manifest));

        auto read = store::RunManifest::read(manifest);
        QVERIFY2(read, read ? "" : read.message().c_str());
        QCOMPARE(read->label, written.label);
        QCOMPARE(read->command, written.command);
        QCOMPARE(read->files.size(), written.files.size());
        for (std::size_t i = 0; i < written.files.size(); ++i) {
            QCOMPARE(read->files[i].tool, written.files[i].tool);
            QCOMPARE(read->files[i].path, written.files[i].path); // stored relative, read back absolute
            QCOMPARE(read->files[i].open, written.files[i].open);
        }
        // The capture Memray keeps is listed but not opened.
        QCOMPARE(read->openablePaths().size(), written.files.size() - 1);

        // A file of the run finds its manifest; a file of no run finds none.
        QFile(QString::fromStdString(dir + "/demo-profile.perfwb")).open(QIODevice::WriteOnly);
        QCOMPARE(store::RunManifest::findFor(dir + "/demo-profile.perfwb"), manifest);
        QFile(QString::fromStdString(dir + "/other.perfwb")).open(QIODevice::WriteOnly);
        QCOMPARE(store::RunManifest::findFor(dir + "/other.perfwb"), std::string());
        QVERIFY(QFile::remove(QString::fromStdString(manifest)));
    }

    void refused_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("looksLikeOne");
        QTest::addColumn<QString>("error");
        QTest::newRow("not JSON") << QByteArray("perfwb-run") << false << "not a perfwb run manifest";
        QTest::newRow("other JSON") << QByteArray("{\"format\": \"speedscope\"}") << false
                                    << "not a perfwb run manifest";
        QTest::newRow("truncated") << QByteArray("{\"format\": \"perfwb-run\", \"version\": 1, \"files\": [") << true
                                   << "not a perfwb run manifest";
        QTest::newRow("newer version") << QByteArray("{\"format\": \"perfwb-run\", \"version\": 2}") << true
                                       << "run manifest version 2 is not supported";
        QTest::newRow("path outside its folder")
            << QByteArray("{\"format\": \"perfwb-run\", \"version\": 1, \"files\": [{\"tool\": \"x\", \"path\": "
                          "\"../etc/passwd\"}]}")
            << true << "bad file entry '../etc/passwd'";
        QTest::newRow("empty path")
            << QByteArray("{\"format\": \"perfwb-run\", \"version\": 1, \"files\": [{\"tool\": \"x\"}]}") << true
            << "bad file entry ''";
    }

    void refused()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, looksLikeOne);
        QFETCH(QString, error);
        writeText("bad-run.json", text);
        QCOMPARE(store::RunManifest::looksLikeManifest(path("bad-run.json")), looksLikeOne);
        auto read = store::RunManifest::read(path("bad-run.json"));
        QVERIFY(!read);
        QCOMPARE(QString::fromStdString(read.message()), QString::fromStdString(path("bad-run.json")) + ": " + error);
    }

    void missingFile()
    {
        QVERIFY(!store::RunManifest::looksLikeManifest(path("none-run.json")));
        auto read = store::RunManifest::read(path("none-run.json"));
        QVERIFY(!read);
        QVERIFY2(read.message().starts_with(path("none-run.json") + ": "), read.message().c_str());
    }
};

QTEST_GUILESS_MAIN(TestRunManifest)
#include "tst_runmanifest.moc"
