// SPDX-License-Identifier: GPL-3.0-or-later
// The HTML report and the comparison exports in a real browser: `perfwb record` samples
// hotspot2x (factor 1 and 2), `perfwb export --to html` and `perfwb diff --html/--svg`
// write the pages, and Debian's headless Chromium loads them from file:// with no
// network. Checks: no console errors, the flamegraph is drawn, #search=hot finds
// hot_function, the diff colours it red; screenshots are kept in
// <build>/tests/engine/tst_htmlexport-output/ as artifacts.
#include "formats/formatregistry.h"
#include "formats/profileloader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace perfwb;
using namespace Qt::StringLiterals;

namespace {

struct Page {
    QString dom;
    QString log; // Chromium's stderr with console messages
    QStringList errors() const
    {
        // --enable-logging=stderr --v=0 prints console messages as "...:CONSOLE(line)] "text"".
        QStringList out;
        for (const auto &line : log.split(u'\n')) {
            if (line.contains(u"Uncaught"_s) || (line.contains(u":CONSOLE("_s) && line.contains(u"rror"_s)))
                out << line;
        }
        return out;
    }
};

struct Run {
    int exitCode = -1;
    QByteArray out, err;
};

Run runPerfwb(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(PERFWB_BINARY), args);
    Run r;
    if (p.waitForFinished(120000) && p.exitStatus() == QProcess::NormalExit)
        r.exitCode = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace

class TestHtmlExport : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_out; // artifacts
    QString m_base, m_slow, m_html, m_diffHtml, m_diffSvg;

    static bool haveChromium() { return !QStandardPaths::findExecutable(u"chromium"_s).isEmpty(); }

    Page load(const QString &path, const QString &fragment, const QStringList &extra = {})
    {
        QTemporaryDir profileDir;
        QProcess p;
        p.setProgram(QStandardPaths::findExecutable(u"chromium"_s));
        p.setArguments(QStringList{u"--headless"_s, u"--no-sandbox"_s, u"--disable-gpu"_s,
                                   u"--disable-background-networking"_s, u"--disable-component-update"_s,
                                   u"--disable-sync"_s, u"--no-first-run"_s, u"--enable-logging=stderr"_s, u"--v=0"_s,
                                   u"--user-data-dir="_s + profileDir.path(), u"--window-size=1280,900"_s} +
                       extra + QStringList{QUrl::fromLocalFile(path).toString() + fragment});
        p.start();
        Page page;
        if (!p.waitForFinished(120000)) {
            p.kill();
            p.waitForFinished();
            page.log = u"chromium timed out"_s;
            return page;
        }
        page.dom = QString::fromUtf8(p.readAllStandardOutput());
        page.log = QString::fromUtf8(p.readAllStandardError());
        return page;
    }

    static QJsonObject dataOf(const QString &path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        const QByteArray html = f.readAll();
        const QByteArray open = "<script type=\"application/json\" id=\"perfwb-data\">";
        const qsizetype at = html.indexOf(open);
        const qsizetype end = html.indexOf("</script>", at);
        if (at < 0 || end < 0)
            return {};
        return QJsonDocument::fromJson(html.mid(at + open.size(), end - at - open.size())).object();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_out = QCoreApplication::applicationDirPath() + u"/tst_htmlexport-output"_s;
        QVERIFY(QDir().mkpath(m_out));
        m_base = m_dir.filePath(u"base.perfwb"_s);
        m_slow = m_dir.filePath(u"slow.perfwb"_s);
        for (const auto &[out, factor] : {std::pair{m_base, u"1"_s}, std::pair{m_slow, u"2"_s}}) {
            const Run r = runPerfwb({u"record"_s, u"--label"_s, u"hotspot"_s, u"-o"_s, out, u"--"_s,
                                     QStringLiteral(PERFWB_WORKLOAD_DIR "/hotspot2x"), factor, u"300"_s});
            QVERIFY2(r.exitCode == 0, r.err.constData());
        }
        m_html = m_out + u"/hotspot-report.html"_s;
        Run r = runPerfwb({u"export"_s, u"--to"_s, u"html"_s, u"-o"_s, m_html, m_slow});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        m_diffHtml = m_out + u"/diff.html"_s;
        m_diffSvg = m_out + u"/diff-flamegraph.svg"_s;
        r = runPerfwb({u"diff"_s, u"--html"_s, m_diffHtml, u"--svg"_s, m_diffSvg, u"--svg-reverse"_s,
                       m_out + u"/diff-reverse-flamegraph.svg"_s, m_base, m_slow});
        QVERIFY2(r.exitCode == 1, r.err.constData()); // the slow run regresses
    }

    void selfContained()
    {
        QFile f(m_html);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString html = QString::fromUtf8(f.readAll());
        // Nothing fetched: no src/href attributes, no URL other than the SVG namespace.
        QVERIFY(!html.contains(QRegularExpression(u"\\s(src|href)\\s*="_s)));
        QVERIFY(!html.contains(QRegularExpression(u"https?://(?!www\\.w3\\.org/2000/svg)"_s)));
        QVERIFY(html.contains(u"default-src 'none'"_s)); // and the page says so to the browser
        const QJsonObject data = dataOf(m_html);
        QCOMPARE(data[u"kind"_s].toString(), u"profile"_s);
        QCOMPARE(data[u"title"_s].toString(), u"hotspot"_s);
        QVERIFY(data[u"total"_s].toInteger() > 100);
        // The call tree, not the samples: a handful of nodes for this workload.
        const auto nodes = data[u"tree"_s].toObject()[u"f"_s].toArray().size();
        QVERIFY2(nodes > 3 && nodes < 200, qPrintable(QString::number(nodes)));
        bool hot = false;
        for (const auto &f : data[u"functions"_s].toArray())
            hot = hot || f.toArray().at(0).toString() == u"hot_function"_s;
        QVERIFY(hot);
    }

    void hostileNamesStayData()
    {
        model::Profile p;
        QVERIFY(formats::ProfileLoader::load(m_base.toStdString(), {}, p).isOk());
        const auto t = p.internThread(1, 1, "main");
        const std::vector<model::FrameId> stack{
            p.internFrame("</script><script>document.title='pwned'</script><!--x", "m</SCRIPT>"),
            p.internFrame("\xff\xfe broken utf8 \"quote\" \\ back", "m")};
        for (int i = 0; i < 5000; ++i) // wide enough to be drawn
            p.addSample(p.lastSampleTime() + 1, t, p.stacks.internPath(stack));
        p.marks.push_back({"</script>mark", "cat", p.firstSampleTime(), p.firstSampleTime() + 1000000, 1});
        std::string html;
        QVERIFY(formats::FormatRegistry::exporter("html")->write(p, {}, html).isOk());
        const auto dataAt = html.find("id=\"perfwb-data\">");
        const auto dataEnd = html.find("</script>", dataAt);
        QVERIFY(html.substr(dataAt, dataEnd - dataAt).find('<') == std::string::npos);
        const QString path = m_out + u"/hostile-report.html"_s;
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(html.data(), qint64(html.size()));
        f.close();
        if (!haveChromium())
            QSKIP("chromium is not installed (apt-get install chromium)");
        const Page page = load(path, {}, {u"--dump-dom"_s});
        QVERIFY2(page.errors().isEmpty(), qPrintable(page.errors().join(u'\n')));
        QVERIFY2(page.dom.contains(u"data-ready=\"1\""_s), qPrintable(page.log.right(2000)));
        QVERIFY(!page.dom.contains(u"pwned"_s.prepend(u"<title>"_s)));
        QVERIFY(page.dom.contains(u"&lt;/script&gt;&lt;script&gt;document.title='pwned'"_s));
    }

    void consoleErrorsAreSeen()
    {
        // The check below must be able to fail: a page that throws is caught by it.
        if (!haveChromium())
            QSKIP("chromium is not installed (apt-get install chromium)");
        const QString path = m_dir.filePath(u"throws.html"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("<!DOCTYPE html><script>throw new Error('probe');</script>");
        f.close();
        QVERIFY(!load(path, {}, {u"--dump-dom"_s}).errors().isEmpty());
    }

    void reportInBrowser()
    {
        if (!haveChromium())
            QSKIP("chromium is not installed (apt-get install chromium)");
        const Page page = load(m_html, u"#search=hot"_s, {u"--dump-dom"_s});
        QVERIFY2(page.errors().isEmpty(), qPrintable(page.errors().join(u'\n')));
        QVERIFY2(page.dom.contains(u"data-ready=\"1\""_s), qPrintable(page.log.right(3000)));
        // The flamegraph is drawn: frames with rectangles, hot_function among them, matched.
        QVERIFY(page.dom.count(u"<rect "_s) > 4);
        static const QRegularExpression match(u"<g class=\"f match\" data-i=\"\\d+\" data-f=\"hot_function\">"_s);
        QVERIFY2(page.dom.contains(match), qPrintable(page.dom.left(4000)));
        QVERIFY(!page.dom.contains(u"class=\"f match\" data-i=\"\\d+\" data-f=\"steady_function\""_s));
        static const QRegularExpression matched(u"<span id=\"matched\">Matched: (\\d+\\.\\d+) %</span>"_s);
        const auto m = matched.match(page.dom);
        QVERIFY2(m.hasMatch(), qPrintable(page.dom.left(4000)));
        const double share = m.captured(1).toDouble(); // 2:1 of the CPU time
        QVERIFY2(share > 55 && share < 78, qPrintable(m.captured(0)));
        QVERIFY(page.dom.contains(u"<title>hotspot</title>"_s));
        QVERIFY(page.dom.contains(u"<h1 id=\"title\">hotspot</h1>"_s));
        // The table lists the functions; the run section shows the command.
        QVERIFY(page.dom.contains(u"<td class=\"name\">hot_function</td>"_s));
        QVERIFY(page.dom.contains(u"hotspot2x 2 300"_s));
    }

    void reportScreenshot()
    {
        if (!haveChromium())
            QSKIP("chromium is not installed (apt-get install chromium)");
        for (const auto &[page, png] : {std::pair{m_html, u"report.png"_s}, std::pair{m_diffHtml, u"diff.png"_s}}) {
            const QString shot = m_out + u'/' + png;
            QFile::remove(shot);
            const Page p = load(page, u"#search=hot"_s, {u"--screenshot="_s + shot});
            QVERIFY2(p.errors().isEmpty(), qPrintable(p.errors().join(u'\n')));
            QFile f(shot);
            QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(shot));
            QVERIFY(f.read(8).startsWith("\x89PNG"));
        }
    }

    // `perfwb diff --html`, by default (both runs recorded at the same rate: absolute) and
    // with --mode share: the page names the mode it shows, and hot_function (2x the CPU
    // time) is red in both; steady_function (same CPU time, a smaller share) is the
    // neutral grey with a border in absolute mode and blue in share mode.
    void diffPageInBrowser_data()
    {
        QTest::addColumn<QString>("mode"); // empty: the default
        QTest::addColumn<QString>("legend");
        QTest::addColumn<QString>("steadyFill"); // a regular expression
        QTest::newRow("default") << QString() << u"colour: change in CPU time"_s
                                 << u"#d9d9d9\" style=\"stroke:#8c8c8c;stroke-width:0.6"_s;
        QTest::newRow("share") << u"share"_s << u"colour: change in share of total"_s << u"#[0-9a-f]{4}ff"_s;
    }
    void diffPageInBrowser()
    {
        QFETCH(QString, mode);
        QFETCH(QString, legend);
        QFETCH(QString, steadyFill);
        QString html = m_diffHtml;
        if (!mode.isEmpty()) {
            html = m_out + u"/diff-"_s + mode + u".html"_s;
            const Run r = runPerfwb({u"diff"_s, u"--mode"_s, mode, u"--html"_s, html, m_base, m_slow});
            QVERIFY2(r.exitCode == 1, r.err.constData()); // hot_function regressed in either mode
            QVERIFY2(r.out.contains("mode: share, change in share of total (default absolute: both runs sampled at"),
                     r.out.constData());
        }
        const QJsonObject data = dataOf(html);
        QCOMPARE(data[u"kind"_s].toString(), u"diff"_s);
        QCOMPARE(data[u"verdict"_s].toString(), u"fail"_s);
        QCOMPARE(data[u"mode"_s].toString(), mode.isEmpty() ? u"absolute"_s : mode);
        QVERIFY2(data[u"legend"_s].toString().startsWith(legend), qPrintable(data[u"legend"_s].toString()));
        if (!haveChromium())
            QSKIP("chromium is not installed (apt-get install chromium)");
        for (const QString &fragment : {u""_s, u"#view=reverse"_s}) {
            const Page page = load(html, fragment, {u"--dump-dom"_s});
            QVERIFY2(page.errors().isEmpty(), qPrintable(page.errors().join(u'\n')));
            QVERIFY2(page.dom.contains(u"data-ready=\"1\""_s), qPrintable(page.log.right(3000)));
            QVERIFY(page.dom.contains(u"<span class=\"verdict fail\">FAIL</span>"_s));
            QVERIFY2(page.dom.contains(u"<div id=\"legend\">"_s + legend), qPrintable(page.dom.left(5000)));
            static const QRegularExpression hot(u"data-f=\"hot_function\"><rect [^>]*fill=\"#ff([0-9a-f]{2})"_s);
            const QRegularExpression steady(u"data-f=\"steady_function\"><rect [^>]*fill=\""_s + steadyFill);
            const auto h = hot.match(page.dom);
            QVERIFY2(h.hasMatch() && h.captured(1).toInt(nullptr, 16) < 200, qPrintable(page.dom.left(5000)));
            QVERIFY2(steady.match(page.dom).hasMatch(), qPrintable(page.dom.left(5000)));
            QVERIFY(page.dom.contains(u"<tr class=\"fail\"><td class=\"name\">hot_function [hotspot2x]</td>"_s));
        }
    }

    void diffPageShowsUnknownMetricsAsNa()
    {
        // One run with allocation tracking, one without: the page says n/a, never 0.
        const QString plain = m_dir.filePath(u"plain.perfwb"_s);
        const QString tracked = m_dir.filePath(u"tracked.perfwb"_s);
        const QString workload = QStringLiteral(PERFWB_WORKLOAD_DIR "/allocpattern");
        Run r = runPerfwb({u"record"_s, u"-o"_s, plain, u"--"_s, workload, u"pattern"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        qputenv("PERFWB_ALLOCTRACK_LIB", PERFWB_ALLOCTRACK_LIB);
        r = runPerfwb({u"record"_s, u"--alloc"_s, u"-o"_s, tracked, u"--"_s, workload, u"pattern"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString html = m_out + u"/diff-alloc.html"_s;
        r = runPerfwb(
            {u"diff"_s, u"--fail-above"_s, u"1000"_s, u"--warn-above"_s, u"1000"_s, u"--html"_s, html, plain, tracked});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        if (!haveChromium())
            QSKIP("chromium is not installed (apt-get install chromium)");
        const Page page = load(html, {}, {u"--dump-dom"_s});
        QVERIFY2(page.errors().isEmpty(), qPrintable(page.errors().join(u'\n')));
        static const QRegularExpression row(
            u"<td class=\"name\">allocations</td><td>n/a</td><td>[0-9,]+</td><td>n/a</td>"_s);
        QVERIFY2(row.match(page.dom).hasMatch(), qPrintable(page.dom.left(6000)));
        static const QRegularExpression leaked(
            u"<td class=\"name\">leaked bytes</td><td>n/a</td><td>[0-9.]+ (B|KiB|MiB)</td>"_s);
        QVERIFY2(leaked.match(page.dom).hasMatch(), qPrintable(page.dom.left(6000)));
    }

    void diffSvgInBrowser()
    {
        QFile f(m_diffSvg);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString svg = QString::fromUtf8(f.readAll());
        // Absolute mode (same rate): CPU time before and after, and the subtitle says so.
        static const QRegularExpression tip(
            u"data-f=\"hot_function\"[^>]*><title>hot_function \\[hotspot2x\\]: before (\\d+\\.\\d+) ms, after "
            "(\\d+\\.\\d+) ms, delta \\+\\d+\\.\\d+ ms \\(\\+\\d+\\.\\d %\\)</title><rect [^>]*fill=\"#ff"_s);
        const auto m = tip.match(svg);
        QVERIFY2(m.hasMatch(), qPrintable(svg.left(4000)));
        QVERIFY(m.captured(2).toDouble() > 1.5 * m.captured(1).toDouble());
        QVERIFY2(svg.contains(u"colour: change in CPU time"_s), qPrintable(svg.left(4000)));
        if (!haveChromium())
            QSKIP("chromium is not installed (apt-get install chromium)");
        const Page page = load(m_diffSvg, u"#search=hot"_s, {u"--dump-dom"_s});
        QVERIFY2(page.errors().isEmpty(), qPrintable(page.errors().join(u'\n')));
        QVERIFY2(page.dom.contains(u"class=\"f match\" data-f=\"hot_function\""_s), qPrintable(page.dom.left(3000)));
    }
};

QTEST_GUILESS_MAIN(TestHtmlExport)
#include "tst_htmlexport.moc"
