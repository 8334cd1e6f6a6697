// SPDX-License-Identifier: GPL-3.0-or-later
// The Summary page on a real `perf record` of cpusplit read natively: the inlined spin
// loop is listed once per caller (hot_70's copy, warm_30's copy), and the perf.data
// header's host, kernel, CPU and perf version are shown as `perf report --header-only`
// prints them, also after saving the report and opening it again. The importer's
// warnings are listed, and so are the samples each thread missed by its CPU time.
#include "engine/perfreportheader.h"
#include "formats/perfdataimporter.h"
#include "reportdocument.h"
#include "store/reportreader.h"
#include "store/reportwriter.h"
#include "summaryview.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace perfwb;

namespace {

std::shared_ptr<const ui::ReportAnalysis> analyse(model::Profile profile)
{
    return ui::ReportAnalysis::compute(std::make_shared<const model::Profile>(std::move(profile)), {});
}

// label -> self % of the Summary's top list.
QMap<QString, double> topShares(const ui::SummaryView &view)
{
    QMap<QString, double> out;
    for (const QString &row : view.topFunctions())
        out[row.section(QLatin1Char('|'), 0, 0)] = row.section(QLatin1Char('|'), 1).toDouble();
    return out;
}

} // namespace

class TestSummaryView : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    QString data_;

    // The header facts and the split top list, as perf and the workload's shape say.
    void checkPerfSummary(const ui::SummaryView &view)
    {
        const auto header = testing::perfReportHeader(data_);
        QVERIFY2(header.contains(QStringLiteral("hostname")), "perf report --header-only printed no header");
        QCOMPARE(view.field(QStringLiteral("Host")), header[QStringLiteral("hostname")]);
        QCOMPARE(view.field(QStringLiteral("Kernel")),
                 QStringLiteral("%1 (%2)").arg(header[QStringLiteral("os release")], header[QStringLiteral("arch")]));
        QCOMPARE(view.field(QStringLiteral("CPU")), header[QStringLiteral("cpudesc")]);
        const QString online = header[QStringLiteral("nrcpus online")];
        const QString available = header[QStringLiteral("nrcpus avail")];
        QCOMPARE(view.field(QStringLiteral("CPUs")),
                 online == available ? online : QStringLiteral("%1 online, %2 available").arg(online, available));
        QCOMPARE(view.field(QStringLiteral("perf version")), header[QStringLiteral("perf version")]);
        QCOMPARE(view.field(QStringLiteral("Command")), header[QStringLiteral("cmdline")]);
        QCOMPARE(view.field(QStringLiteral("Import warnings")), QString());

        const auto shares = topShares(view);
        const double hot = shares.value(QStringLiteral("spin_for (inlined in hot_70)"));
        const double warm = shares.value(QStringLiteral("spin_for (inlined in warm_30)"));
        QVERIFY2(hot > 55 && hot < 78, qPrintable(view.topFunctions().join(QLatin1Char(' '))));
        QVERIFY2(warm > 18 && warm < 38, qPrintable(view.topFunctions().join(QLatin1Char(' '))));
        QVERIFY(!shares.contains(QStringLiteral("spin_for")));
        QVERIFY(view.topFunctions().first().startsWith(QLatin1String("spin_for (inlined in hot_70)|")));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        data_ = dir_.filePath(QStringLiteral("cpusplit.data"));
        QProcess perf;
        perf.start(QStringLiteral("perf"),
                   {QStringLiteral("record"), QStringLiteral("-q"), QStringLiteral("-g"), QStringLiteral("-F"),
                    QStringLiteral("999"), QStringLiteral("-o"), data_, QStringLiteral("--"),
                    QStringLiteral(PERFWB_WORKLOAD_DIR "/cpusplit"), QStringLiteral("1000")});
        QVERIFY2(perf.waitForFinished(60000), "perf record did not finish");
        QVERIFY2(perf.exitStatus() == QProcess::NormalExit && perf.exitCode() == 0,
                 perf.readAllStandardError().constData());
    }

    void importedPerfData()
    {
        model::Profile profile;
        const auto st = formats::PerfDataImporter(formats::PerfDataImporter::Reader::Native)
                            .importFile(data_.toStdString(), profile);
        QVERIFY2(st.isOk(), st.message().c_str());
        ui::SummaryView view;
        view.setAnalysis(analyse(std::move(profile)));
        checkPerfSummary(view);
    }

    // The header facts live in the report's metadata, so a saved report shows them too.
    void savedAndReopened()
    {
        model::Profile profile;
        QVERIFY(formats::PerfDataImporter(formats::PerfDataImporter::Reader::Native)
                    .importFile(data_.toStdString(), profile)
                    .isOk());
        const std::string saved = dir_.filePath(QStringLiteral("cpusplit.perfwb")).toStdString();
        QVERIFY(store::ReportWriter::save(saved, profile).isOk());
        model::Profile reopened;
        const auto st = store::ReportReader::read(saved, reopened);
        QVERIFY2(st.isOk(), st.message().c_str());
        ui::SummaryView view;
        view.setAnalysis(analyse(std::move(reopened)));
        checkPerfSummary(view);
    }

    // Whatever an importer warned about is listed, one line each, and survives saving.
    void importWarningsListed()
    {
        model::Profile profile;
        const auto thread = profile.internThread(1, 1, "t");
        profile.addSample(1, thread, profile.stacks.internPath(std::vector{profile.internFrame("main")}));
        profile.meta.addImportWarning("perf.data header: damaged section(s) ignored: hostname");
        profile.meta.addImportWarning("3 of 9 samples could not be unwound with DWARF");
        const std::string saved = dir_.filePath(QStringLiteral("warnings.perfwb")).toStdString();
        QVERIFY(store::ReportWriter::save(saved, profile).isOk());
        model::Profile reopened;
        QVERIFY(store::ReportReader::read(saved, reopened).isOk());
        ui::SummaryView view;
        view.setAnalysis(analyse(std::move(reopened)));
        QCOMPARE(view.field(QStringLiteral("Import warnings")),
                 QStringLiteral("perf.data header: damaged section(s) ignored: hostname\n"
                                "3 of 9 samples could not be unwound with DWARF"));
        QCOMPARE(view.field(QStringLiteral("Host")), QString());
        QCOMPARE(view.topFunctions(), QStringList{QStringLiteral("main|100.00")});
    }

    // Threads with a CPU time: what they missed, the most first; none without CPU times.
    void missedSamplesPerThread()
    {
        model::Profile profile;
        profile.meta.sampler.frequencyHz = 1000;
        const auto stack = profile.stacks.internPath(std::vector{profile.internFrame("main")});
        const char *names[] = {"main", "render-1", "render-2", "io"};
        const std::int64_t cpuMs[] = {10, 200, 100, 50};
        const std::uint64_t taken[] = {10, 40, 99, 0};
        for (int i = 0; i < 4; ++i) {
            const auto t = profile.internThread(7, 7 + i, names[i]);
            profile.thread(t).cpuNs = cpuMs[i] * 1'000'000;
            profile.thread(t).samplesTaken = taken[i];
            for (std::uint64_t n = 0; n < taken[i]; ++n)
                profile.addSample(static_cast<std::int64_t>(n), t, stack);
        }
        ui::SummaryView plain;
        plain.setAnalysis(analyse(profile));
        const std::string saved = dir_.filePath(QStringLiteral("missed.perfwb")).toStdString();
        QVERIFY(store::ReportWriter::save(saved, profile).isOk());
        model::Profile reopened;
        QVERIFY(store::ReportReader::read(saved, reopened).isOk());
        ui::SummaryView view;
        view.setAnalysis(analyse(std::move(reopened)));
        // render-1: 199 expected, 40 taken; io: 49 expected, none; the others within the jitter.
        const QString expected = QStringLiteral("208 in 2 of 4 threads with a CPU time; most: render-1 (TID 8): 159, "
                                                "io (TID 10): 49");
        QCOMPARE(view.field(QStringLiteral("Missed samples")), expected);
        QCOMPARE(plain.field(QStringLiteral("Missed samples")), expected);

        model::Profile unknown;
        unknown.meta.sampler.frequencyHz = 1000;
        unknown.addSample(1, unknown.internThread(1, 1, "t"),
                          unknown.stacks.internPath(std::vector{unknown.internFrame("main")}));
        ui::SummaryView none;
        none.setAnalysis(analyse(std::move(unknown)));
        QCOMPARE(none.field(QStringLiteral("Missed samples")), QString());
    }
};

QTEST_MAIN(TestSummaryView)
#include "tst_summaryview.moc"
