// SPDX-License-Identifier: GPL-3.0-or-later
// pprof and Chrome trace exports of real recordings (`perfwb record` of the workloads):
// the pprof file is un-gzipped and parsed back with libprotobuf from the same schema,
// the Chrome trace parsed with QJsonDocument and checked against the documented Trace
// Event Format.
#include "analysis/functionstats.h"
#include "analysis/functiontable.h"
#include "analysis/stackweights.h"
#include "formats/formatregistry.h"
#include "formats/profileloader.h"
#include "profile.pb.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <zlib.h>

#include <map>
#include <set>

using namespace perfwb;
using namespace Qt::StringLiterals;

namespace {

std::string gunzip(const std::string &in)
{
    z_stream zs{};
    if (inflateInit2(&zs, 15 + 16) != Z_OK)
        return {};
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.data()));
    zs.avail_in = static_cast<uInt>(in.size());
    std::string out;
    char buf[65536];
    int rc = Z_OK;
    while (rc == Z_OK) {
        zs.next_out = reinterpret_cast<Bytef *>(buf);
        zs.avail_out = sizeof buf;
        rc = inflate(&zs, Z_NO_FLUSH);
        out.append(buf, sizeof buf - zs.avail_out);
    }
    inflateEnd(&zs);
    return rc == Z_STREAM_END ? out : std::string();
}

} // namespace

class TestPprofChrome : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    model::Profile m_cpusplit;
    model::Profile m_inlined;

    void record(const QString &out, const QStringList &command, model::Profile &profile)
    {
        QProcess p;
        p.start(QStringLiteral(PERFWB_BINARY), QStringList{u"record"_s, u"-o"_s, out, u"--"_s} + command);
        QVERIFY(p.waitForFinished(120000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        const Status st = formats::ProfileLoader::load(out.toStdString(), {}, profile);
        QVERIFY2(st.isOk(), st.message().c_str());
        QVERIFY(profile.samples.size() > 20);
    }

    perftools::profiles::Profile exportPprof(const model::Profile &profile)
    {
        const auto *exporter = formats::FormatRegistry::exporter("pprof");
        std::string gz;
        const Status st = exporter->write(profile, {}, gz);
        if (!st.isOk())
            qFatal("pprof export failed: %s", st.message().c_str());
        perftools::profiles::Profile p;
        if (gz.size() < 2 || static_cast<unsigned char>(gz[0]) != 0x1f || static_cast<unsigned char>(gz[1]) != 0x8b)
            qFatal("pprof export is not gzip");
        if (!p.ParseFromString(gunzip(gz)))
            qFatal("pprof export does not parse as perftools.profiles.Profile");
        return p;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        record(m_dir.filePath(u"cpusplit.perfwb"_s), {QStringLiteral(PERFWB_WORKLOAD_DIR "/cpusplit"), u"400"_s},
               m_cpusplit);
        record(m_dir.filePath(u"inlined.perfwb"_s), {QStringLiteral(PERFWB_WORKLOAD_DIR "/inlined"), u"1000"_s},
               m_inlined);
    }

    void pprofSamplesAndTypes()
    {
        const auto p = exportPprof(m_cpusplit);
        QVERIFY(p.string_table_size() > 0);
        QCOMPARE(p.string_table(0), std::string());
        const auto str = [&](std::int64_t i) { return p.string_table(static_cast<int>(i)); };
        QCOMPARE(p.sample_type_size(), 2); // recordings know their frequency
        QCOMPARE(str(p.sample_type(0).type()), std::string("samples"));
        QCOMPARE(str(p.sample_type(0).unit()), std::string("count"));
        QCOMPARE(str(p.sample_type(1).type()), std::string("cpu"));
        QCOMPARE(str(p.sample_type(1).unit()), std::string("nanoseconds"));
        QCOMPARE(p.period(), 1000000000LL / m_cpusplit.meta.sampler.frequencyHz);
        std::int64_t count = 0;
        std::int64_t cpu = 0;
        std::set<std::uint64_t> locationIds;
        for (const auto &l : p.location())
            locationIds.insert(l.id());
        for (const auto &s : p.sample()) {
            QCOMPARE(s.value_size(), 2);
            count += s.value(0);
            cpu += s.value(1);
            QCOMPARE(s.value(1), s.value(0) * p.period());
            for (const auto id : s.location_id())
                QVERIFY(locationIds.count(id) == 1);
        }
        // Every recorded sample is in the export, none invented.
        QCOMPARE(static_cast<std::uint64_t>(count), m_cpusplit.totalWeight());
        QCOMPARE(cpu, count * p.period());
        QCOMPARE(p.duration_nanos(), m_cpusplit.meta.durationNs);
    }

    void pprofFunctionsAndShares()
    {
        const auto p = exportPprof(m_cpusplit);
        std::map<std::uint64_t, std::string> fnName;
        for (const auto &f : p.function())
            fnName[f.id()] = p.string_table(static_cast<int>(f.name()));
        // cpusplit's spin loop is an inline function: the leaf Location is
        // [spin_for (inlined), hot_70 or warm_30], innermost first.
        std::map<std::uint64_t, std::string> innermost, outermost;
        std::set<std::string> mappings;
        std::map<std::uint64_t, std::string> mappingName;
        for (const auto &m : p.mapping())
            mappingName[m.id()] = p.string_table(static_cast<int>(m.filename()));
        for (const auto &l : p.location()) {
            QVERIFY(l.line_size() >= 1);
            innermost[l.id()] = fnName.at(l.line(0).function_id());
            outermost[l.id()] = fnName.at(l.line(l.line_size() - 1).function_id());
            if (l.mapping_id() != 0)
                mappings.insert(mappingName.at(l.mapping_id()));
        }
        std::map<std::string, std::int64_t> flat, leafCaller;
        std::int64_t all = 0;
        for (const auto &s : p.sample()) {
            QVERIFY(s.location_id_size() > 0);
            flat[innermost.at(s.location_id(0))] += s.value(0);
            leafCaller[outermost.at(s.location_id(0))] += s.value(0);
            all += s.value(0);
        }
        // pprof's flat weight per function is perfwb's own self weight.
        const analysis::FunctionTable functions(m_cpusplit);
        const auto stats = analysis::FunctionStats::compute(functions, analysis::StackWeights::compute(m_cpusplit));
        QVERIFY(!stats.entries.empty());
        for (const auto &e : stats.entries) {
            if (e.self > 0 && functions.module(e.function) == "cpusplit")
                QCOMPARE(flat[std::string(functions.name(e.function))], static_cast<std::int64_t>(e.self));
        }
        const double hot = double(leafCaller["hot_70"]) / double(all);
        const double warm = double(leafCaller["warm_30"]) / double(all);
        QVERIFY2(hot > 0.55 && hot < 0.85, qPrintable(QString::number(hot)));
        QVERIFY2(warm > 0.15 && warm < 0.45, qPrintable(QString::number(warm)));
        QVERIFY(mappings.count("cpusplit") == 1);
    }

    void pprofInlinedLines()
    {
        const auto p = exportPprof(m_inlined);
        std::map<std::uint64_t, std::string> fnName;
        for (const auto &f : p.function())
            fnName[f.id()] = p.string_table(static_cast<int>(f.name()));
        // mix_rounds is inlined into churn: one Location, two Lines, innermost first.
        bool found = false;
        for (const auto &l : p.location()) {
            if (l.line_size() == 2 && fnName.at(l.line(0).function_id()) == "mix_rounds" &&
                fnName.at(l.line(1).function_id()) == "churn") {
                found = true;
                QVERIFY(l.line(0).line() > 0);
                QVERIFY(l.line(1).line() > 0);
            }
            // No Location has churn as a separate frame below an inlined line of its own.
        }
        QVERIFY2(found, "no Location with the inlined mix_rounds line above churn");
        for (const auto &m : p.mapping())
            QVERIFY(m.has_inline_frames());
    }

    void chromeTraceFormat()
    {
        const auto *exporter = formats::FormatRegistry::exporter("chrome");
        QVERIFY(exporter != nullptr);
        std::string json;
        QVERIFY(exporter->write(m_cpusplit, {}, json).isOk());
        QJsonParseError error;
        const auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(json), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        const QJsonObject root = doc.object();
        QCOMPARE(root[u"displayTimeUnit"_s].toString(), u"ns"_s);
        const QJsonArray events = root[u"traceEvents"_s].toArray();
        QVERIFY(!events.isEmpty());
        std::map<QString, int> phases;
        std::set<int> namedThreads;
        std::map<QString, double> durByName;
        double lastEnd = 0;
        for (const auto &v : events) {
            const QJsonObject e = v.toObject();
            const QString ph = e[u"ph"_s].toString();
            ++phases[ph];
            QVERIFY(e.contains(u"name"_s) && e.contains(u"pid"_s) && e.contains(u"tid"_s));
            if (ph == u"M"_s) {
                QVERIFY(e[u"name"_s] == u"thread_name"_s || e[u"name"_s] == u"process_name"_s);
                QVERIFY(e[u"args"_s].toObject().contains(u"name"_s));
                if (e[u"name"_s] == u"thread_name"_s)
                    namedThreads.insert(e[u"tid"_s].toInt());
            } else if (ph == u"X"_s) {
                QVERIFY(e[u"ts"_s].isDouble() && e[u"dur"_s].isDouble());
                QVERIFY(e[u"ts"_s].toDouble() >= 0 && e[u"dur"_s].toDouble() >= 0);
                QVERIFY(namedThreads.count(e[u"tid"_s].toInt()) == 1); // named before use
                durByName[e[u"name"_s].toString()] += e[u"dur"_s].toDouble();
                lastEnd = std::max(lastEnd, e[u"ts"_s].toDouble() + e[u"dur"_s].toDouble());
            } else {
                QFAIL(qPrintable(u"unexpected phase "_s + ph));
            }
        }
        QVERIFY(phases[u"M"_s] >= 1);
        QVERIFY(phases[u"X"_s] > 10);
        // Sample runs merge: hot_70 gets ~70 % of the time of hot_70 + warm_30.
        const double hot = durByName[u"hot_70"_s], warm = durByName[u"warm_30"_s];
        QVERIFY2(hot / (hot + warm) > 0.55 && hot / (hot + warm) < 0.85,
                 qPrintable(QString::number(hot / (hot + warm))));
        // Microseconds: the trace spans about the recording (0.4 s CPU + start-up).
        QVERIFY2(lastEnd > 200000 && lastEnd < 20000000, qPrintable(QString::number(lastEnd)));
    }

    void chromeTraceMarks()
    {
        model::Profile p = m_cpusplit; // a copy with marks from the API's clock
        const std::int64_t t0 = p.firstSampleTime();
        p.marks.push_back({"frame </script> \"quoted\"", "render", t0 + 1000000, t0 + 5000000, 0});
        p.marks.push_back({"checkpoint", "", t0 + 2000000, t0 + 2000000, p.threads().front().tid});
        std::string json;
        QVERIFY(formats::FormatRegistry::exporter("chrome")->write(p, {}, json).isOk());
        QJsonParseError error;
        const QJsonArray events =
            QJsonDocument::fromJson(QByteArray::fromStdString(json), &error).object()[u"traceEvents"_s].toArray();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        bool span = false, instant = false;
        for (const auto &v : events) {
            const QJsonObject e = v.toObject();
            if (e[u"name"_s] == u"frame </script> \"quoted\""_s) {
                span = true;
                QCOMPARE(e[u"ph"_s].toString(), u"X"_s);
                QCOMPARE(e[u"cat"_s].toString(), u"render"_s);
                QCOMPARE(e[u"dur"_s].toDouble(), 4000.0);
            }
            if (e[u"name"_s] == u"checkpoint"_s) {
                instant = true;
                QCOMPARE(e[u"ph"_s].toString(), u"i"_s);
                QCOMPARE(e[u"s"_s].toString(), u"t"_s);
                QCOMPARE(e[u"cat"_s].toString(), u"mark"_s);
            }
        }
        QVERIFY(span && instant);
    }
};

QTEST_GUILESS_MAIN(TestPprofChrome)
#include "tst_pprofchrome.moc"
