// Special files given to info/import/diff: a FIFO and a shell's process substitution are
// read once as a stream (they used to hang, or be "empty"); /dev/null and a directory are
// one clear line. Every run has a timeout, so a hang fails the test instead of CI.
#include "perfwbrunner.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace perfwbtest;

class TestSpecialFiles : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        folded_ = dir_.filePath(QStringLiteral("s.folded"));
        QFile f(folded_);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("main;parse;read 30\nmain;render 70\n");
        f.close();
        tmp_ = dir_.filePath(QStringLiteral("tmp"));
        QVERIFY(QDir().mkpath(tmp_));
    }

    void streams_data()
    {
        QTest::addColumn<QString>("script"); // bash; $P = perfwb, $F = the folded file, $D = a scratch dir
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("expected"); // on stdout, or the one stderr line
        QTest::newRow("info <(…)") << R"($P info <(cat "$F"))" << 0 << "samples:   2 (total weight 100";
        QTest::newRow("info FIFO") << R"(mkfifo "$D/f"; cat "$F" > "$D/f" & $P info "$D/f")" << 0
                                   << "samples:   2 (total weight 100";
        QTest::newRow("import <(…)") << R"($P import <(cat "$F") -o "$D/i.perfwb" && $P info "$D/i.perfwb")" << 0
                                     << "source:    folded";
        QTest::newRow("diff <(…) <(…)") << R"($P diff <(cat "$F") <(cat "$F"))" << 0 << "render";
        QTest::newRow("stdin as /dev/stdin") << R"($P info /dev/stdin < "$F")" << 0 << "total weight 100";
        QTest::newRow("/dev/null") << R"($P info /dev/null)" << 2 << "perfwb: /dev/null: file is empty\n";
        QTest::newRow("directory") << R"($P info "$D")" << 2 << "is a directory\n";
    }
    void streams()
    {
        QFETCH(QString, script);
        QFETCH(int, exitCode);
        QFETCH(QString, expected);
        QTemporaryDir scratch;
        RunOptions options;
        options.env.insert(QStringLiteral("P"), QStringLiteral(PERFWB_BINARY));
        options.env.insert(QStringLiteral("F"), folded_);
        options.env.insert(QStringLiteral("D"), scratch.path());
        options.env.insert(QStringLiteral("TMPDIR"), tmp_);
        options.timeoutMs = 20000;
        const Run r = runProcess(QStringLiteral("bash"), {QStringLiteral("-c"), script}, options);
        QVERIFY2(r.finished, qPrintable(QStringLiteral("hung: ") + r.describe()));
        QVERIFY2(r.exitCode == exitCode, qPrintable(r.describe()));
        if (exitCode == 0) {
            QVERIFY2(r.out.contains(expected.toUtf8()), qPrintable(r.describe()));
        } else {
            QVERIFY2(r.err.count('\n') == 1 && r.err.endsWith(expected.toUtf8()), qPrintable(r.describe()));
        }
        // The stream's temporary copy is gone.
        QVERIFY2(QDir(tmp_).isEmpty(),
                 qPrintable(QDir(tmp_).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).join(u' ')));
    }

private:
    QTemporaryDir dir_;
    QString folded_;
    QString tmp_;
};

QTEST_MAIN(TestSpecialFiles)
#include "tst_specialfiles.moc"
