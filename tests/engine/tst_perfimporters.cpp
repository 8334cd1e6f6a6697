// SPDX-License-Identifier: GPL-3.0-or-later
// perf.data (through the real perf, on real recordings of the cpusplit workload and
// of dd) and `perf script` text, which PerfDataImporter streams through the same parser.
#include "analysis/functionstats.h"
#include "engine/importertesthelpers.h"
#include "formats/formatregistry.h"
#include "formats/perfdataimporter.h"
#include "formats/perfscriptimporter.h"
#include "formats/perfscriptparser.h"
#include "model/unresolvedname.h"

#include <QTemporaryDir>

using namespace perfwb;
using namespace perfwb::testing;

namespace {

// Self share of the function named `name` in percent of all weight.
double selfPercent(const model::Profile &p, std::string_view name)
{
    analysis::FunctionTable ft(p);
    const auto stats = analysis::FunctionStats::compute(ft, analysis::StackWeights::compute(p));
    std::uint64_t self = 0;
    for (const auto &e : stats.entries) {
        if (ft.name(e.function) == name)
            self += e.self;
    }
    return stats.grandTotal == 0 ? 0 : 100.0 * static_cast<double>(self) / static_cast<double>(stats.grandTotal);
}

// name -> self weight, for comparing two imports of the same recording.
std::map<std::string, std::uint64_t> selfByFunction(const model::Profile &p)
{
    analysis::FunctionTable ft(p);
    const auto stats = analysis::FunctionStats::compute(ft, analysis::StackWeights::compute(p));
    std::map<std::string, std::uint64_t> out;
    for (const auto &e : stats.entries)
        out[std::string(ft.module(e.function)) + "`" + std::string(ft.name(e.function))] += e.self;
    return out;
}

model::FrameId functionFrame(const model::Profile &p, std::string_view name)
{
    for (model::FrameId f = 0; f < p.frames.size(); ++f) {
        if (p.functionName(f) == name)
            return f;
    }
    return 0;
}

bool hasFunction(const model::Profile &p, std::string_view name)
{
    for (model::FrameId f = 0; f < p.frames.size(); ++f) {
        if (p.functionName(f) == name)
            return true;
    }
    return false;
}

// perf.data is read natively unless it uses something the native reader lacks; the
// tests of the perf script path ask for it.
const formats::PerfDataImporter kThroughPerfScript(formats::PerfDataImporter::Reader::PerfScript);

} // namespace

class TestPerfImporters : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QString perfData_;         // perf record -g of cpusplit
    QString perfScript_;       // plain `perf script` of it
    QString kernelData_;       // perf record -g of dd: many syscalls, so kernel frames
    QString perfScriptNoTime_; // perf script -F comm,pid,tid,ip,sym of perfData_
    QString path(const char *name) const { return dir_.filePath(QString::fromLatin1(name)); }

private Q_SLOTS:
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        const QString workload = QStringLiteral(PERFWB_WORKLOAD_DIR "/cpusplit");
        QVERIFY2(QFile::exists(workload), "build the cpusplit target first (tests/workloads)");
        perfData_ = path("cpusplit.data");
        run("perf", {"record", "-g", "-F", "999", "-o", perfData_, workload, "1500"});
        perfScript_ = path("cpusplit.perfscript.txt");
        run("perf", {"script", "-i", perfData_}, perfScript_);
        perfScriptNoTime_ = path("cpusplit.notime.txt");
        run("perf", {"script", "-F", "comm,pid,tid,ip,sym", "-i", perfData_}, perfScriptNoTime_);
        kernelData_ = path("dd.data");
        run("perf", {"record", "-g", "-F", "999", "-o", kernelData_, "--", "dd", "if=/dev/zero", "of=/dev/null", "bs=1",
                     "count=300000"});
    }

    void perfData()
    {
        // Through perf script (--no-inline: the self time is in hot_70/warm_30); the native
        // reader is checked in tst_perfdatafile.
        model::Profile p;
        const auto st = kThroughPerfScript.importFile(perfData_.toStdString(), p);
        QVERIFY2(st.isOk(), st.message().c_str());
        QVERIFY2(p.samples.size() > 1000, qPrintable(QString::number(p.samples.size())));
        const double hot = selfPercent(p, "hot_70");
        const double warm = selfPercent(p, "warm_30");
        QVERIFY2(hot >= 63 && hot <= 77, qPrintable(QString("hot_70 self %1 %").arg(hot)));
        QVERIFY2(warm >= 23 && warm <= 37, qPrintable(QString("warm_30 self %1 %").arg(warm)));
        QVERIFY(hasFunction(p, "main"));
        // modules named as perfwb's recorder names them: the mapping's file name
        QCOMPARE(std::string(p.moduleName(functionFrame(p, "hot_70"))), std::string("cpusplit"));
        QCOMPARE(std::string(p.moduleName(functionFrame(p, "__libc_start_call_main"))), std::string("libc.so.6"));
        QVERIFY(hasFunction(p, "run_split"));
        bool named = false;
        for (const auto &t : p.threads())
            named = named || p.strings.view(t.name) == "cpusplit";
        QVERIFY(named);
        QCOMPARE(p.meta.sourceFormat, std::string("perf"));
        QCOMPARE(p.meta.sampler.event, std::string("cpu-clock"));
        QCOMPARE(p.meta.sampler.frequencyHz, 999);
        QCOMPARE(p.meta.sampler.callGraph, std::string("fp"));
        QVERIFY(p.meta.durationNs > 1000000000LL);
        QVERIFY(!p.meta.host.empty());
        QVERIFY(p.meta.extra.count("perf.version") == 1);
        // ns precision from --ns: times are not all multiples of 1000
        bool subMicro = false;
        for (std::size_t i = 0; i < p.samples.size(); ++i)
            subMicro = subMicro || p.samples.time(i) % 1000 != 0;
        QVERIFY(subMicro);
    }

    void perfDataKernelFrames()
    {
        model::Profile p;
        const auto st = formats::PerfDataImporter().importFile(kernelData_.toStdString(), p);
        QVERIFY2(st.isOk(), st.message().c_str());
        std::size_t kernel = 0;
        for (model::FrameId f = 0; f < p.frames.size(); ++f) {
            const auto &frame = p.frames.at(f);
            QVERIFY2(!p.functionName(f).empty(), "a frame without a name");
            if (p.moduleName(f) == "[kernel]")
                QCOMPARE(frame.kind, model::FrameKind::Kernel);
            if (frame.kind == model::FrameKind::Kernel)
                ++kernel;
        }
        QVERIFY2(kernel > 0, "dd spends its time in read/write syscalls: kernel frames expected");
    }

    void perfDataTruncated()
    {
        QFile in(perfData_);
        QVERIFY(in.open(QIODevice::ReadOnly));
        const QByteArray all = in.readAll();
        const QString cut = path("half.data");
        writeFile(cut, all.left(all.size() / 2));
        model::Profile p;
        const auto st = formats::PerfDataImporter().importFile(cut.toStdString(), p);
        QVERIFY(!st.isOk());
        QVERIFY2(QString::fromStdString(st.message()).contains("truncated"), st.message().c_str());
        QVERIFY(QString::fromStdString(st.message()).startsWith(cut));
        // Cut inside the header: still a clear error.
        writeFile(cut, all.left(40));
        QVERIFY(!formats::PerfDataImporter().importFile(cut.toStdString(), p).isOk());
    }

    void perfDataDamagedData()
    {
        // Header intact, data section overwritten: perf itself fails; its reason is passed on.
        QFile in(perfData_);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QByteArray all = in.readAll();
        for (qsizetype i = 300; i < all.size() / 2; ++i)
            all[i] = char(0xff);
        const QString bad = path("damaged.data");
        writeFile(bad, all);
        model::Profile p;
        const auto st = formats::PerfDataImporter().importFile(bad.toStdString(), p);
        QVERIFY(!st.isOk());
        QVERIFY2(QString::fromStdString(st.message()).contains("perf"), st.message().c_str());
    }

    void perfMissing()
    {
        const QByteArray old = qgetenv("PERFWB_PERF");
        qputenv("PERFWB_PERF", "/nonexistent");
        model::Profile p;
        const auto st = kThroughPerfScript.importFile(perfData_.toStdString(), p);
        if (old.isNull())
            qunsetenv("PERFWB_PERF");
        else
            qputenv("PERFWB_PERF", old);
        QVERIFY(!st.isOk());
        QVERIFY2(st.message().starts_with(formats::PerfDataImporter::kMissingPerf), st.message().c_str());
    }

    void perfNamedByEnvironment()
    {
        // PERFWB_PERF may name the binary on PATH by its name.
        const QByteArray old = qgetenv("PERFWB_PERF");
        qputenv("PERFWB_PERF", "perf");
        auto perf = formats::PerfDataImporter::findPerf();
        qputenv("PERFWB_PERF", "no-such-perf-binary");
        auto missing = formats::PerfDataImporter::findPerf();
        if (old.isNull())
            qunsetenv("PERFWB_PERF");
        else
            qputenv("PERFWB_PERF", old);
        QVERIFY2(perf.isOk(), perf.isOk() ? "" : perf.message().c_str());
        QVERIFY(perf.value().ends_with("/perf"));
        QVERIFY(!missing.isOk());
    }

    void perfScriptMatchesPerfData()
    {
        model::Profile fromData;
        model::Profile fromText;
        QVERIFY(kThroughPerfScript.importFile(perfData_.toStdString(), fromData).isOk());
        const auto st = formats::PerfScriptImporter().importFile(perfScript_.toStdString(), fromText);
        QVERIFY2(st.isOk(), st.message().c_str());
        QCOMPARE(fromText.samples.size(), fromData.samples.size());
        QCOMPARE(fromText.totalWeight(), fromData.totalWeight());
        QCOMPARE(selfByFunction(fromText), selfByFunction(fromData));
        QCOMPARE(stacksText(fromText), stacksText(fromData));
        QCOMPARE(fromText.meta.sourceFormat, std::string("perf-script"));
        QCOMPARE(fromText.meta.sampler.event, std::string("cpu-clock"));
    }

    // `perf script -F comm,pid,tid,ip,sym` (no time, no event, no dso) of the same
    // recording: the same samples and functions; samples stand in file order.
    void perfScriptWithoutTime()
    {
        model::Profile timed;
        model::Profile timeless;
        QVERIFY(formats::PerfScriptImporter().importFile(perfScript_.toStdString(), timed).isOk());
        const auto st = formats::PerfScriptImporter().importFile(perfScriptNoTime_.toStdString(), timeless);
        QVERIFY2(st.isOk(), st.message().c_str());
        QCOMPARE(timeless.samples.size(), timed.samples.size());
        const auto byName = [](const model::Profile &p) {
            std::map<std::string, std::uint64_t> out;
            for (const auto &[key, self] : selfByFunction(p))
                out[key.substr(key.find('`') + 1)] += self;
            return out;
        };
        QCOMPARE(byName(timeless), byName(timed));
        for (std::size_t i = 0; i < timeless.samples.size(); ++i)
            QCOMPARE(timeless.samples.time(i), std::int64_t(i));
        QCOMPARE(timeless.meta.durationNs, std::int64_t(timeless.samples.size() - 1));
        QVERIFY(timeless.meta.extra.count("perf.time") == 1);
        QCOMPARE(timeless.strings.view(timeless.thread(timeless.samples.thread(0)).name),
                 timed.strings.view(timed.thread(timed.samples.thread(0)).name));
    }

    // Older perf names kernel frames by the image: a vmlinux path or a module's .ko, with
    // addresses relative to it. They are kernel frames, not a user module "vmlinux".
    void perfScriptKernelByImagePath()
    {
        const std::string text = "a 7/8 1.0: 1 e: \n"
                                 "\t 4a0 ext4_file_read_iter (/lib/modules/4.19.0-6-amd64/kernel/fs/ext4/ext4.ko)\n"
                                 "\t 8123 entry_SYSCALL_64 (/usr/lib/debug/boot/vmlinux-4.19.0-6-amd64)\n"
                                 "\t 10 main (/usr/bin/app)\n\n";
        model::Profile p;
        QVERIFY(formats::PerfScriptImporter().parse(text, p).isOk());
        QCOMPARE(stacksText(p), QString("app`main;[kernel]`entry_SYSCALL_64;[kernel]`ext4_file_read_iter=1"));
        const auto leaf = p.stacks.framesLeafFirst(p.samples.stack(0));
        QCOMPARE(p.frames.at(leaf[0]).kind, model::FrameKind::Kernel);
        QCOMPARE(p.frames.at(leaf[1]).kind, model::FrameKind::Kernel);
        QCOMPARE(p.frames.at(leaf[2]).kind, model::FrameKind::Native);
    }

    // `perf record --call-graph=lbr` (no PMU here to make one: the header is written as
    // perf 6.1 prints it) is reported as lbr, not as frame pointers.
    void perfScriptCallGraphMode_data()
    {
        QTest::addColumn<QString>("attr");
        QTest::addColumn<QString>("mode");
        QTest::newRow("lbr") << "sample_type = IP|TID|TIME|CALLCHAIN|PERIOD|BRANCH_STACK, read_format = ID, "
                                "disabled = 1, freq = 1, branch_sample_type = USER|CALL_STACK|NO_FLAGS|NO_CYCLES"
                             << "lbr";
        QTest::newRow("dwarf") << "sample_type = IP|TID|TIME|CALLCHAIN|PERIOD|REGS_USER|STACK_USER, freq = 1"
                               << "dwarf";
        QTest::newRow("fp") << "sample_type = IP|TID|TIME|CALLCHAIN|PERIOD, freq = 1"
                            << "fp";
        QTest::newRow("branch stack without call stack")
            << "sample_type = IP|TID|TIME|CALLCHAIN|PERIOD|BRANCH_STACK, freq = 1, branch_sample_type = ANY"
            << "fp";
    }

    void perfScriptCallGraphMode()
    {
        QFETCH(QString, attr);
        QFETCH(QString, mode);
        const std::string text = "# ========\n# event : name = cycles:u, , id = { 12 }, type = 0 (PERF_TYPE_HARDWARE), "
                                 "size = 136, { sample_period, sample_freq } = 4000, " +
                                 attr.toStdString() +
                                 "\n# ========\n#\na 7/8 1.0: 1 cycles:u: \n\t 10 f (/m)\n\t 20 main (/m)\n\n";
        model::Profile p;
        const auto st = formats::PerfScriptImporter().parse(text, p);
        QVERIFY2(st.isOk(), st.message().c_str());
        QCOMPARE(QString::fromStdString(p.meta.sampler.callGraph), mode);
    }

    // Several events are listed in the file's order (its header), whichever sampled first.
    void perfScriptEventsInHeaderOrder()
    {
        const std::string text = "# event : name = cpu-clock:u, , id = { 1 }, type = 1, size = 136\n"
                                 "# event : name = task-clock:u, , id = { 2 }, type = 1, size = 136\n"
                                 "#\na 7/8 1.0: 1 task-clock:u: \n\t 10 f (/m)\n\n"
                                 "a 7/8 1.1: 1 cpu-clock:u: \n\t 10 f (/m)\n\n";
        model::Profile p;
        QVERIFY(formats::PerfScriptImporter().parse(text, p).isOk());
        QCOMPARE(p.meta.sampler.event, std::string("cpu-clock,task-clock"));
        QCOMPARE(p.meta.extra["perf.event"], std::string("cpu-clock:u,task-clock:u"));
    }

    void perfScriptChunked()
    {
        // The parser must give the same profile however the stream is cut.
        QFile f(perfScript_);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray all = f.readAll();
        model::Profile whole;
        QVERIFY(formats::PerfScriptImporter().parse(std::string_view(all.constData(), all.size()), whole).isOk());
        for (const qsizetype chunk : {qsizetype(1), qsizetype(7), qsizetype(4096)}) {
            model::Profile p;
            formats::PerfScriptParser parser(p);
            for (qsizetype i = 0; i < all.size(); i += chunk)
                QVERIFY(parser.feed(std::string_view(all.constData() + i, std::min(chunk, all.size() - i))).isOk());
            QVERIFY(parser.finish().isOk());
            QCOMPARE(p.samples.size(), whole.samples.size());
            QCOMPARE(stacksText(p, true), stacksText(whole, true));
        }
    }

    void perfScriptVariants_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("stacks");
        QTest::newRow("pid/tid, period")
            << QByteArray("app 10/11 1.000001: 250000 cpu-clock:pppH: \n"
                          "\t 1204 leaf+0x44 (/usr/bin/app)\n\t 12c6 main+0x26 (/usr/bin/app)\n\n")
            << "app|app`main;app`leaf=1";
        QTest::newRow("tid only, no period, cpu")
            << QByteArray("app  11 [001]   1.000001: cycles:u: \n\t 1204 leaf (/usr/bin/app)\n\n") << "app|app`leaf=1";
        QTest::newRow("comm with spaces")
            << QByteArray("Web Content 2.0 77/78 12.5: 1 task-clock: \n\t 10 f (/lib/x.so)\n\n")
            << "Web Content 2.0|x.so`f=1";
        QTest::newRow("right-aligned comm, frame on the header line")
            << QByteArray("        cpusplit  8027/8027    411.562810044:    1000000 cpu-clock:      556fb3a64204 "
                          "hot_70+0x44 (/w/cpusplit)\n")
            << "cpusplit|cpusplit`hot_70=1";
        QTest::newRow("unknown symbol named by dso and address")
            << QByteArray("dd 5 1.0: 1 cpu-clock: \n\t 5b7c [unknown] (/usr/bin/dd)\n\t 7f54 [unknown] ([unknown])\n\n")
            << "dd|[unknown]`[unknown];dd`[dd]=1";
        QTest::newRow("unresolved addresses of one module are one frame")
            << QByteArray("dd 5 1.0: 1 cpu-clock: \n\t 5b7c [unknown] (/usr/bin/dd)\n\n"
                          "dd 5 1.1: 1 cpu-clock: \n\t 5b90 [unknown] (/usr/bin/dd)\n\n")
            << "dd|dd`[dd]=2";
        QTest::newRow("C++ symbol with parentheses, deleted dso")
            << QByteArray("a 1 1.0: 1 e: \n\t 10 ns::f(int, char) const+0x1 (/tmp/lib.so (deleted))\n\n")
            << "a|lib.so (deleted)`ns::f(int, char) const=1";
        QTest::newRow("several samples, no blank line between, CRLF")
            << QByteArray("a 1 1.0: 1 e: \r\n\t 10 f (/m)\r\na 1 2.0: 1 e: \r\n\t 10 f (/m)\r\n") << "a|m`f=2";
        QTest::newRow("lost records and header comments")
            << QByteArray("# ========\n# hostname : box\n# ========\n#\n"
                          "a 1 1.0: 1 e: \n\t 10 f (/m)\n\na 1 1.5: PERF_RECORD_LOST lost 14\n\n")
            << "a|m`f=1";
    }

    void perfScriptVariants()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, stacks);
        model::Profile p;
        const auto st = formats::PerfScriptImporter().parse(std::string_view(input.constData(), input.size()), p);
        QVERIFY2(st.isOk(), st.message().c_str());
        QCOMPARE(stacksText(p, true), stacks);
    }

    // perfwb --addresses: one frame per unresolved address, named by module and address.
    void perfScriptKeepsAddresses()
    {
        model::setKeepUnresolvedAddresses(true);
        const std::string input = "dd 5 1.0: 1 cpu-clock: \n\t 5b7c [unknown] (/usr/bin/dd)\n\t 7f54 [unknown] "
                                  "([unknown])\n\ndd 5 1.1: 1 cpu-clock: \n\t 5b90 [unknown] (/usr/bin/dd)\n\n";
        model::Profile p;
        const auto st = formats::PerfScriptImporter().parse(input, p);
        model::setKeepUnresolvedAddresses(false);
        QVERIFY2(st.isOk(), st.message().c_str());
        QCOMPARE(stacksText(p, true), QStringLiteral("dd|[unknown]`[unknown]+0x7f54;dd`dd+0x5b7c=1 dd|dd`dd+0x5b90=1"));
    }

    void perfScriptDetails()
    {
        const std::string text = "# hostname : box\n"
                                 "a 7/8 1.000000500: 5 e: \n"
                                 "\tffffffff82259c96 do_syscall_64+0x46 ([kernel.kallsyms])\n"
                                 "\tffffffffc0001234 some_module_fn+0x4 ([nf_tables])\n"
                                 "\t 7f00 jitted_fn (/tmp/perf-8.map)\n\n"
                                 "a 7/8 2.5: PERF_RECORD_LOST lost 14\n";
        model::Profile p;
        QVERIFY(formats::PerfScriptImporter().parse(text, p).isOk());
        QCOMPARE(p.samples.size(), std::size_t(1));
        QCOMPARE(p.samples.time(0), std::int64_t(1000000500));
        QCOMPARE(p.meta.lostSamples, std::uint64_t(14));
        QCOMPARE(p.meta.host, std::string("box"));
        QCOMPARE(p.meta.sampler.event, std::string("e"));
        const auto leaf = p.stacks.framesLeafFirst(p.samples.stack(0));
        QCOMPARE(leaf.size(), std::size_t(3));
        QCOMPARE(p.frames.at(leaf[0]).kind, model::FrameKind::Kernel);
        QCOMPARE(p.frames.at(leaf[1]).kind, model::FrameKind::Kernel); // by address
        QCOMPARE(p.frames.at(leaf[2]).kind, model::FrameKind::Jit);
        QCOMPARE(p.moduleName(leaf[0]), std::string_view("[kernel]"));
        QCOMPARE(p.moduleName(leaf[1]), std::string_view("[kernel]"));
        QCOMPARE(p.moduleName(leaf[2]), std::string_view("[jit]"));
        QCOMPARE(p.thread(p.samples.thread(0)).pid, 7);
        QCOMPARE(p.thread(p.samples.thread(0)).tid, 8);
    }

    void perfScriptBad_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("error");
        QTest::newRow("empty") << QByteArray() << "empty input";
        QTest::newRow("only header comments") << QByteArray("# hostname : x\n") << "no samples";
        QTest::newRow("not perf script") << QByteArray("hello world\n") << "line 1: not a perf script sample";
        QTest::newRow("callchain line first")
            << QByteArray("\t 10 f (/m)\n") << "line 1: callchain line without a sample";
        QTest::newRow("garbage callchain line")
            << QByteArray("a 1 1.0: 1 e: \n\t zz not a frame\n") << "line 2: expected a callchain line";
        QTest::newRow("binary") << QByteArray("a 1 1.0: 1 e:\n\0\0\0\n", 18) << "line 2: binary data";
        QTest::newRow("folded stacks") << QByteArray("main;a 1\n") << "line 1: not a perf script sample";
        QTest::newRow("folded stacks, several")
            << QByteArray("main;a 1\nmain;b 2\n") << "line 1: not a perf script sample";
        QTest::newRow("a time field after samples without one")
            << QByteArray("a 1/1\n\t 10 f\n\na 1/1 1.0: 1 e: \n\t 10 f\n") << "line 4: a time field after";
        QTest::newRow("endless line") << QByteArray(2 << 20, 'x') << "line 1: line longer than 1 MiB";
    }

    void perfScriptBad()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, error);
        model::Profile p;
        const auto st = formats::PerfScriptImporter().parse(std::string_view(input.constData(), input.size()), p);
        QVERIFY(!st.isOk());
        QVERIFY2(QString::fromStdString(st.message()).contains(error), st.message().c_str());
    }

    // A real recording exported with FoldedExporter / SpeedscopeExporter and imported
    // again keeps every stack and weight.
    void roundTrip_data()
    {
        QTest::addColumn<QString>("via");
        QTest::newRow("folded") << "folded";
        QTest::newRow("speedscope") << "speedscope";
    }

    void roundTrip()
    {
        QFETCH(QString, via);
        for (const QString &file : {perfData_, kernelData_}) {
            // perf script frames have no source lines; speedscope keeps a frame's module only
            // when it has none (its "file" holds one or the other).
            model::Profile first;
            QVERIFY(kThroughPerfScript.importFile(file.toStdString(), first).isOk());
            std::string text;
            formats::ExportOptions options;
            options.title = "round trip"; // else the title comes from the command line, which text formats drop
            QVERIFY(formats::FormatRegistry::exporter(via.toStdString())->write(first, options, text).isOk());
            const auto *reader =
                dynamic_cast<const formats::TextImporter *>(formats::FormatRegistry::importer(via.toStdString()));
            QVERIFY(reader != nullptr);
            model::Profile second;
            const auto st = reader->parse(text, second);
            QVERIFY2(st.isOk(), st.message().c_str());
            QCOMPARE(stacksText(second), stacksText(first));
            QCOMPARE(selfByFunction(second), selfByFunction(first));
            std::string again;
            QVERIFY(formats::FormatRegistry::exporter(via.toStdString())->write(second, options, again).isOk());
            QVERIFY2(again == text, "export -> import -> export changed the bytes");
        }
    }

    // ---- sniffing and forced formats ----

    void sniff_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("format");
        QTest::newRow("perf.data") << perfData_ << "perf";
        QTest::newRow("perf.data with kernel frames") << kernelData_ << "perf";
        QTest::newRow("perf script") << perfScript_ << "perf-script";
        QTest::newRow("perf script without the time field") << perfScriptNoTime_ << "perf-script";
    }

    void sniff()
    {
        QFETCH(QString, file);
        QFETCH(QString, format);
        auto found = formats::FormatRegistry::sniff(file.toStdString());
        QVERIFY2(found.isOk(), found.isOk() ? "" : found.message().c_str());
        QCOMPARE(QString::fromLatin1(found.value()->format().data(), found.value()->format().size()), format);
    }

    void forcedWrongFormat_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("error");
        const QString folded = path("forced.folded");
        QTest::newRow("perf given folded") << "perf" << folded << "not a perf.data file";
        QTest::newRow("perf-script given folded") << "perf-script" << folded << "line 1: not a perf script sample";
        QTest::newRow("perf-script given perf.data") << "perf-script" << perfData_ << "line 1: binary data";
        QTest::newRow("folded given perf.data") << "folded" << perfData_ << "binary data";
        QTest::newRow("speedscope given perf.data") << "speedscope" << perfData_ << "not valid JSON";
        QTest::newRow("perf given perf script text") << "perf" << perfScript_ << "not a perf.data file";
    }

    void forcedWrongFormat()
    {
        QFETCH(QString, format);
        QFETCH(QString, file);
        QFETCH(QString, error);
        writeFile(path("forced.folded"), "main;parse;read 12\n");
        const auto *importer = formats::FormatRegistry::importer(format.toStdString());
        QVERIFY(importer != nullptr);
        model::Profile p;
        const auto st = importer->importFile(file.toStdString(), p);
        QVERIFY(!st.isOk());
        const auto message = QString::fromStdString(st.message());
        QVERIFY2(message.contains(error), qPrintable(message));
        QVERIFY2(message.startsWith(file), qPrintable(message)); // names the file
        QVERIFY2(!message.contains('\n'), qPrintable(message));  // one line
    }
};

QTEST_GUILESS_MAIN(TestPerfImporters)
#include "tst_perfimporters.moc"
