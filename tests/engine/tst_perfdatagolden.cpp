// SPDX-License-Identifier: GPL-3.0-or-later
// Golden perf.data files: small recordings made once with Debian 12's perf 6.1 (frame
// pointers, DWARF, two events, kernel frames, threads), checked in zstd-compressed with
// the dump of what the native reader makes of them. So the perf.data reader is tested
// against fixed files, whatever perf the machine running the tests has (or none).
//
// The dump holds only what the file itself says: metadata, threads, sample times and the
// module path of each stack (consecutive frames of one module as one, so symbols and inline
// frames, which come from the binaries of the machine reading the file, do not matter;
// for DWARF files the leaf's module, as unwinding needs the binaries too).
//
// To re-make the dumps after a deliberate change: PERFWB_UPDATE_GOLDEN=1 tst_perfdatagolden,
// then review `git diff tests/data/perf`.
#include "formats/perfdataimporter.h"
#include "model/profile.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <set>
#include <string>

using namespace perfwb;

namespace {

const QString kGoldenDir = QStringLiteral(PERFWB_TESTDATA_DIR "/perf");

std::string modulePath(const model::Profile &p, std::size_t sample, bool leafOnly)
{
    const auto leafFirst = p.stacks.framesLeafFirst(p.samples.stack(sample));
    if (leafFirst.empty())
        return "(no frames)";
    if (leafOnly)
        return std::string(p.moduleName(leafFirst.front()));
    std::string out;
    std::string_view last;
    for (auto it = leafFirst.rbegin(); it != leafFirst.rend(); ++it) {
        const auto module = p.moduleName(*it);
        if (it != leafFirst.rbegin() && module == last)
            continue;
        out += (out.empty() ? "" : ";") + std::string(module.empty() ? "(none)" : module);
        last = module;
    }
    return out;
}

std::string dump(const model::Profile &p)
{
    const auto &m = p.meta;
    const bool dwarf = m.sampler.callGraph == "dwarf";
    std::string out;
    const auto line = [&out](const std::string &key, const std::string &value) { out += key + ": " + value + "\n"; };
    line("source_format", m.sourceFormat);
    line("event", m.sampler.event);
    line("call_graph", m.sampler.callGraph);
    line("frequency_hz", std::to_string(m.sampler.frequencyHz));
    line("samples", std::to_string(p.samples.size()));
    line("total_weight", std::to_string(p.totalWeight()));
    line("lost", std::to_string(m.lostSamples));
    line("duration_ns", std::to_string(m.durationNs));
    line("first_sample_ns", std::to_string(p.firstSampleTime()));
    line("last_sample_ns", std::to_string(p.lastSampleTime()));
    line("host", m.host);
    std::string command;
    for (const auto &w : m.commandLine)
        command += (command.empty() ? "" : " ") + w;
    line("command", command);
    for (const auto &[key, value] : m.extra) {
        // What the reading machine adds (the file's mtime as perf prints it) stays out.
        if (key.starts_with("perf.") && key != "perf.captured_on" && key != "perf.reader")
            line(key, value);
    }
    std::map<std::string, std::size_t> perThread;
    for (std::size_t i = 0; i < p.samples.size(); ++i) {
        const auto &t = p.thread(p.samples.thread(i));
        perThread[std::to_string(t.pid) + "/" + std::to_string(t.tid) + " " + std::string(p.strings.view(t.name))]++;
    }
    for (const auto &[thread, n] : perThread)
        line("thread " + thread, std::to_string(n));
    std::map<std::string, std::uint64_t> stacks;
    for (std::size_t i = 0; i < p.samples.size(); ++i)
        stacks[modulePath(p, i, dwarf)] += p.samples.weight(i);
    for (const auto &[path, weight] : stacks)
        line(dwarf ? "leaf " + path : "stack " + path, std::to_string(weight));
    return out;
}

} // namespace

class TestPerfDataGolden : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;

private Q_SLOTS:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    void golden_data()
    {
        QTest::addColumn<QString>("name");
        const auto files = QDir(kGoldenDir).entryList({QStringLiteral("*.data.zst")}, QDir::Files, QDir::Name);
        QVERIFY2(files.size() >= 5, qPrintable(kGoldenDir));
        for (const auto &f : files)
            QTest::newRow(qPrintable(f)) << f.chopped(QStringLiteral(".data.zst").size());
    }

    void golden()
    {
        QFETCH(QString, name);
        const QString data = dir_.filePath(name + QStringLiteral(".data"));
        QProcess zstd;
        zstd.start(QStringLiteral("zstd"),
                   {QStringLiteral("-q"), QStringLiteral("-d"), QStringLiteral("-f"),
                    kGoldenDir + "/" + name + QStringLiteral(".data.zst"), QStringLiteral("-o"), data});
        QVERIFY2(zstd.waitForFinished(30000) && zstd.exitCode() == 0, "zstd (set-up installs it) failed");
        model::Profile p;
        const auto st =
            formats::PerfDataImporter(formats::PerfDataImporter::Reader::Native).importFile(data.toStdString(), p);
        QVERIFY2(st.isOk(), st.message().c_str());
        QCOMPARE(p.meta.extra["perf.reader"], std::string("native"));
        const QByteArray got = QByteArray::fromStdString(dump(p));
        QFile expected(kGoldenDir + "/" + name + QStringLiteral(".expected"));
        if (qEnvironmentVariableIsSet("PERFWB_UPDATE_GOLDEN")) {
            QVERIFY(expected.open(QIODevice::WriteOnly));
            expected.write(got);
            return;
        }
        QVERIFY2(expected.open(QIODevice::ReadOnly), qPrintable(expected.fileName()));
        QCOMPARE(QString::fromUtf8(got), QString::fromUtf8(expected.readAll()));
    }
};

QTEST_GUILESS_MAIN(TestPerfDataGolden)
#include "tst_perfdatagolden.moc"
