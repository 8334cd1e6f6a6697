// SPDX-License-Identifier: GPL-3.0-or-later
// FIL_PERF_* settings, presets and the profiler run plans: every boolean word pydantic
// accepts, every bad value one error naming the variable, defaults < preset <
// environment with the source of each, presets on disk (versioned, damaged files,
// built-ins), Python command lines taken apart, and each setting mapped to the real
// tool's flag.
#include "record/profilerrunplan.h"
#include "record/pythoncommand.h"
#include "settings/performancesettings.h"
#include "settings/presetstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace perfwb;
using settings::PerformanceSettings;
using settings::ProfilerTool;
using settings::SettingSource;

namespace {

QString joined(const std::vector<std::string> &argv)
{
    QStringList parts;
    for (const auto &a : argv)
        parts << QString::fromStdString(a);
    return parts.join(QLatin1Char(' '));
}

PerformanceSettings resolved(const PerformanceSettings::Environment &env,
                             const PerformanceSettings::Values &preset = {})
{
    auto values = PerformanceSettings::valuesFromEnvironment(env);
    if (!values)
        qFatal("%s", values.message().c_str());
    auto s = PerformanceSettings::resolve(preset, preset.empty() ? "" : "p", values.value());
    if (!s)
        qFatal("%s", s.message().c_str());
    return s.value();
}

} // namespace

class TestPerformanceSettings : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;

private Q_SLOTS:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    void booleans_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("value");
        for (const char *t : {"1", "true", "TRUE", "True", "yes", "YES", "on", "On", "t", "y", " true "})
            QTest::newRow(t) << QString::fromLatin1(t) << true;
        for (const char *f : {"0", "false", "False", "no", "NO", "off", "OFF", "f", "n"})
            QTest::newRow(f) << QString::fromLatin1(f) << false;
    }

    void booleans()
    {
        QFETCH(QString, text);
        QFETCH(bool, value);
        const auto s = resolved({{"FIL_PERF_ENABLE_PYSPY", text.toStdString()}});
        QCOMPARE(s.enabled(ProfilerTool::PySpy), value);
        QCOMPARE(s.entry("ENABLE_PYSPY").source, SettingSource::Environment);
    }

    void badValues_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("accepts");
        QTest::newRow("maybe") << "FIL_PERF_ENABLE_PYSPY"
                               << "maybe"
                               << "a boolean (1/0, true/false, yes/no, on/off)";
        QTest::newRow("empty bool") << "FIL_PERF_ENABLE_CPROFILE"
                                    << ""
                                    << "a boolean";
        QTest::newRow("2 is not a bool") << "FIL_PERF_SPY_NATIVE"
                                         << "2"
                                         << "a boolean";
        QTest::newRow("rate not a number") << "FIL_PERF_SPY_RATE"
                                           << "fast"
                                           << "a whole number from 1 to 10000";
        QTest::newRow("rate 0") << "FIL_PERF_SPY_RATE"
                                << "0"
                                << "a whole number from 1 to 10000";
        QTest::newRow("rate fraction") << "FIL_PERF_SPY_RATE"
                                       << "1.5"
                                       << "a whole number";
        QTest::newRow("rate too high") << "FIL_PERF_SPY_RATE"
                                       << "10001"
                                       << "a whole number";
        QTest::newRow("format") << "FIL_PERF_SPY_FORMAT"
                                << "svg"
                                << "one of speedscope,flamegraph,raw,chrometrace";
        QTest::newRow("interval nan") << "FIL_PERF_SCALENE_PROFILE_INTERVAL"
                                      << "nan"
                                      << "a number";
        QTest::newRow("interval negative") << "FIL_PERF_SCALENE_PROFILE_INTERVAL"
                                           << "-1"
                                           << "a number";
        QTest::newRow("sort") << "FIL_PERF_CPROFILE_SORT"
                              << "fastest"
                              << "one of cumulative,";
        QTest::newRow("top") << "FIL_PERF_CPROFILE_TOP"
                             << "-3"
                             << "a whole number";
        QTest::newRow("empty output dir") << "FIL_PERF_OUTPUT_DIR"
                                          << "  "
                                          << "a non-empty value";
        QTest::newRow("label with a slash") << "FIL_PERF_RUN_LABEL"
                                            << "../x"
                                            << "a name without '/'";
        QTest::newRow("unknown") << "FIL_PERF_ENABLE_PYSPI"
                                 << "1"
                                 << "unknown setting FIL_PERF_ENABLE_PYSPI";
    }

    void badValues()
    {
        QFETCH(QString, name);
        QFETCH(QString, value);
        QFETCH(QString, accepts);
        const auto r = PerformanceSettings::valuesFromEnvironment(
            {{"PATH", "/bin"}, {name.toStdString(), value.toStdString()}, {"FIL_PERF_ENABLE_SCALENE", "1"}});
        QVERIFY(!r);
        const QString msg = QString::fromStdString(r.message());
        QVERIFY2(msg.contains(name), qPrintable(msg));
        QVERIFY2(msg.contains(accepts), qPrintable(msg));
        QVERIFY(!msg.contains(QLatin1Char('\n')));
    }

    void everythingOffByDefault()
    {
        const auto s = resolved({{"HOME", "/root"}, {"PERF_X", "1"}, {"FILPERF_Y", "2"}});
        QVERIFY(s.enabledTools().empty());
        QCOMPARE(s.outputDir(), std::string("outputs/perf"));
        QCOMPARE(s.runLabel("app.py"), std::string("app.py"));
        for (const auto &e : s.entries())
            QCOMPARE(e.source, SettingSource::Default);
        QCOMPARE(QString::fromStdString(s.shellExports()), QStringLiteral("# every FIL_PERF_ setting is at its default "
                                                                          "(all profilers off)\n"));
    }

    void environmentOverridesPreset()
    {
        const auto s = resolved({{"FIL_PERF_SPY_RATE", "250"}, {"FIL_PERF_ENABLE_SCALENE", "off"}},
                                {{"ENABLE_SCALENE", "true"}, {"ENABLE_PYSPY", "yes"}, {"SPY_RATE", "50"}});
        QCOMPARE(s.enabledTools(), std::vector<ProfilerTool>{ProfilerTool::PySpy});
        QCOMPARE(s.value("SPY_RATE"), std::string("250"));
        QCOMPARE(s.entry("SPY_RATE").source, SettingSource::Environment);
        QCOMPARE(s.entry("ENABLE_PYSPY").source, SettingSource::Preset);
        QCOMPARE(s.entry("ENABLE_PYSPY").value, std::string("true")); // canonical
        QCOMPARE(s.entry("ENABLE_SCALENE").source, SettingSource::Environment);
        QCOMPARE(s.entry("SPY_IDLE").source, SettingSource::Default);
        QVERIFY(QString::fromStdString(s.text()).contains(QStringLiteral("preset p")));
        const auto changed = s.changedValues();
        QCOMPARE(changed.size(), std::size_t(3));
    }

    void badPresetValueNamesThePreset()
    {
        const auto r = PerformanceSettings::resolve({{"SPY_RATE", "lots"}}, "mine", {});
        QVERIFY(!r);
        QVERIFY2(r.message().find("preset mine") != std::string::npos, r.message().c_str());
        QVERIFY(r.message().find("FIL_PERF_SPY_RATE") != std::string::npos);
    }

    void shellExportsQuote()
    {
        const auto s = resolved({{"FIL_PERF_RUN_LABEL", "it's mine"}, {"FIL_PERF_ENABLE_CPROFILE", "1"}});
        QCOMPARE(QString::fromStdString(s.shellExports()),
                 QStringLiteral("export FIL_PERF_ENABLE_CPROFILE='true'\nexport FIL_PERF_RUN_LABEL='it'\\''s mine'\n"));
    }

    // The `docker run` line for the perf-tools image: its text, and what a real shell
    // makes of it (printf in place of docker), so the quoting is proven, not assumed.
    void containerCommand_data()
    {
        QTest::addColumn<QStringList>("env");
        QTest::addColumn<QStringList>("command");
        QTest::addColumn<QString>("text");     // IMAGE for the default image
        QTest::addColumn<QStringList>("argv"); // as the shell splits it; CWD for $PWD
        const QString mount = QStringLiteral("CWD/outputs/perf:/workspace/outputs/perf");
        QTest::newRow("defaults") << QStringList{} << QStringList{"python3", "app.py"}
                                  << "docker run --rm \\\n"
                                     "  -v \"$PWD/outputs/perf:/workspace/outputs/perf\" \\\n"
                                     "  IMAGE python3 app.py\n"
                                  << QStringList{"run", "--rm", "-v", mount, "IMAGE", "python3", "app.py"};
        QTest::newRow("py-spy needs ptrace")
            << QStringList{"FIL_PERF_SPY_RATE=250", "FIL_PERF_ENABLE_PYSPY=yes"} << QStringList{"python3", "app.py"}
            << "docker run --rm --cap-add SYS_PTRACE \\\n"
               "  -v \"$PWD/outputs/perf:/workspace/outputs/perf\" \\\n"
               "  -e FIL_PERF_ENABLE_PYSPY=true \\\n"
               "  -e FIL_PERF_SPY_RATE=250 \\\n"
               "  IMAGE python3 app.py\n"
            << QStringList{"run",       "--rm",
                           "--cap-add", "SYS_PTRACE",
                           "-v",        mount,
                           "-e",        "FIL_PERF_ENABLE_PYSPY=true",
                           "-e",        "FIL_PERF_SPY_RATE=250",
                           "IMAGE",     "python3",
                           "app.py"};
        QTest::newRow("quoting") << QStringList{"FIL_PERF_RUN_LABEL=it's mine", "FIL_PERF_ENABLE_CPROFILE=1"}
                                 << QStringList{"python3", "my app.py", "--home=$HOME"}
                                 << "docker run --rm \\\n"
                                    "  -v \"$PWD/outputs/perf:/workspace/outputs/perf\" \\\n"
                                    "  -e FIL_PERF_ENABLE_CPROFILE=true \\\n"
                                    "  -e FIL_PERF_RUN_LABEL='it'\\''s mine' \\\n"
                                    "  IMAGE python3 'my app.py' '--home=$HOME'\n"
                                 << QStringList{"run",       "--rm",
                                                "-v",        mount,
                                                "-e",        "FIL_PERF_ENABLE_CPROFILE=true",
                                                "-e",        "FIL_PERF_RUN_LABEL=it's mine",
                                                "IMAGE",     "python3",
                                                "my app.py", "--home=$HOME"};
        // The output directory is the mount's host side, never an -e: inside the image
        // the outputs must land on the mount.
        QTest::newRow("relative output dir")
            << QStringList{"FIL_PERF_OUTPUT_DIR=out dir/$x\"y"} << QStringList{"python3", "app.py"}
            << "docker run --rm \\\n"
               "  -v \"$PWD/out dir/\\$x\\\"y:/workspace/outputs/perf\" \\\n"
               "  IMAGE python3 app.py\n"
            << QStringList{"run",   "--rm",    "-v",    "CWD/out dir/$x\"y:/workspace/outputs/perf",
                           "IMAGE", "python3", "app.py"};
        QTest::newRow("absolute output dir, own image")
            << QStringList{"FIL_PERF_OUTPUT_DIR=/data/perf", "FIL_PERF_CONTAINER_IMAGE=registry.example/perf:2"}
            << QStringList{"./render"}
            << "docker run --rm \\\n"
               "  -v /data/perf:/workspace/outputs/perf \\\n"
               "  registry.example/perf:2 ./render\n"
            << QStringList{"run",     "--rm", "-v", "/data/perf:/workspace/outputs/perf", "registry.example/perf:2",
                           "./render"};
    }
    void containerCommand()
    {
        QFETCH(QStringList, env);
        QFETCH(QStringList, command);
        QFETCH(QString, text);
        QFETCH(QStringList, argv);
        PerformanceSettings::Environment e;
        for (const auto &kv : env)
            e.emplace_back(kv.section(QLatin1Char('='), 0, 0).toStdString(),
                           kv.section(QLatin1Char('='), 1).toStdString());
        std::vector<std::string> cmd;
        for (const auto &a : command)
            cmd.push_back(a.toStdString());
        const QString image = QString::fromLatin1(settings::SettingSpec::find("CONTAINER_IMAGE")->defaultValue.data());
        const QString got = QString::fromStdString(resolved(e).containerCommand(cmd));
        QCOMPARE(got, QString(text).replace(QStringLiteral("IMAGE"), image));

        // printf prints each word the shell passes to "docker" on its own line.
        QProcess sh;
        sh.setWorkingDirectory(dir_.path());
        sh.start(QStringLiteral("/bin/sh"),
                 {QStringLiteral("-c"), QStringLiteral("docker() { printf '%s\\n' \"$@\"; }\n") + got});
        QVERIFY(sh.waitForFinished(10000));
        QCOMPARE(sh.exitCode(), 0);
        const QString cwd = QFileInfo(dir_.path()).canonicalFilePath();
        QStringList expected;
        for (const auto &word : argv)
            expected << QString(word).replace(QStringLiteral("CWD"), cwd).replace(QStringLiteral("IMAGE"), image);
        QCOMPARE(QString::fromUtf8(sh.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts), expected);
    }

    void jsonNamesSourcesAndFlags()
    {
        const auto s = resolved({{"FIL_PERF_SPY_RATE", "250"}});
        const QString json = QString::fromStdString(s.json());
        QVERIFY(json.contains(QStringLiteral("\"FIL_PERF_SPY_RATE\"")));
        QVERIFY(json.contains(QStringLiteral("\"--rate\"")));
        QVERIFY(json.contains(QStringLiteral("\"environment\"")));
    }

    void presetsRoundTrip()
    {
        const settings::PresetStore store(dir_.filePath(QStringLiteral("presets")).toStdString());
        QCOMPARE(store.list().size(), std::size_t(2)); // the built-ins
        settings::Preset p{"nightly",
                           "the nightly render",
                           {{"ENABLE_PYSPY", "true"}, {"SPY_RATE", "250"}, {"CPROFILE_SORT", "tottime"}}};
        QVERIFY(store.save(p));
        auto back = store.load("nightly");
        QVERIFY2(back, back ? "" : back.message().c_str());
        QCOMPARE(back->values, p.values);
        QCOMPARE(back->description, p.description);
        QFile f(QString::fromStdString(store.pathFor("nightly")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.contains("\"FIL_PERF_SPY_RATE\": 250")); // typed in the file
        QVERIFY(bytes.contains("\"FIL_PERF_ENABLE_PYSPY\": true"));
        QVERIFY(bytes.contains("\"version\": 1"));
        QCOMPARE(store.list().size(), std::size_t(3));
        QVERIFY(store.remove("nightly"));
        QVERIFY(!store.load("nightly"));
    }

    void builtInsCannotBeDeletedButReplaced()
    {
        const settings::PresetStore store(dir_.filePath(QStringLiteral("builtins")).toStdString());
        auto ci = store.load("ci");
        QVERIFY(ci);
        QVERIFY(ci->builtIn);
        QCOMPARE(ci->values.at("ENABLE_PYSPY"), std::string("true"));
        QCOMPARE(ci->values.at("ENABLE_SCALENE"), std::string("true"));
        auto memory = store.load("memory");
        QVERIFY(memory);
        QCOMPARE(memory->values.at("ENABLE_MEMRAY"), std::string("true"));
        QCOMPARE(memory->values.at("ENABLE_CPROFILE"), std::string("true"));
        const auto del = store.remove("ci");
        QVERIFY(!del);
        QVERIFY(del.message().find("built in") != std::string::npos);
        QVERIFY(store.save({"ci", "mine", {{"ENABLE_CPROFILE", "true"}}}));
        auto mine = store.load("ci");
        QVERIFY(mine && !mine->builtIn);
        QCOMPARE(mine->values.size(), std::size_t(1));
    }

    void badPresetFiles_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("error");
        QTest::newRow("not JSON") << QByteArray("{\"format\": ") << "not valid JSON";
        QTest::newRow("other JSON") << QByteArray("{\"a\": 1}") << "not a perfwb preset";
        QTest::newRow("future version") << QByteArray(
                                               "{\"format\": \"perfwb-preset\", \"version\": 9, \"settings\": {}}")
                                        << "version 9";
        QTest::newRow("unknown setting")
            << QByteArray("{\"format\": \"perfwb-preset\", \"version\": 1, \"settings\": {\"FIL_PERF_X\": 1}}")
            << "unknown setting FIL_PERF_X";
        QTest::newRow("bad value") << QByteArray("{\"format\": \"perfwb-preset\", \"version\": 1, \"settings\": "
                                                 "{\"FIL_PERF_SPY_RATE\": \"quick\"}}")
                                   << "FIL_PERF_SPY_RATE='quick' is not valid";
        QTest::newRow("array value") << QByteArray("{\"format\": \"perfwb-preset\", \"version\": 1, \"settings\": "
                                                   "{\"FIL_PERF_SPY_NATIVE\": [1]}}")
                                     << "FIL_PERF_SPY_NATIVE: expected a boolean";
    }

    void badPresetFiles()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, error);
        const QString dir = dir_.filePath(QStringLiteral("bad-%1").arg(QString::fromLatin1(QTest::currentDataTag())));
        const settings::PresetStore store(dir.toStdString());
        QVERIFY(store.save({"x", "", {{"ENABLE_PYSPY", "1"}}}));
        QFile f(QString::fromStdString(store.pathFor("x")));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(bytes);
        f.close();
        const auto r = store.load("x");
        QVERIFY(!r);
        QVERIFY2(QString::fromStdString(r.message()).contains(error), r.message().c_str());
        std::vector<std::string> problems;
        QCOMPARE(store.list(&problems).size(), std::size_t(2)); // the built-ins still list
        QCOMPARE(problems.size(), std::size_t(1));
    }

    void presetNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("ok");
        QTest::newRow("plain") << "nightly-2" << true;
        QTest::newRow("dots") << "v1.2_x" << true;
        QTest::newRow("slash") << "../etc" << false;
        QTest::newRow("hidden") << ".x" << false;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("space") << "my preset" << false;
    }

    void presetNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, ok);
        QCOMPARE(settings::PresetStore::checkName(name.toStdString()).isOk(), ok);
    }

    void pythonCommands_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::addColumn<QString>("parsed"); // interpreter|options|target|module|args, or "error: ..."
        QTest::newRow("script") << QStringList{"python3", "app.py", "-x", "1"} << "python3||app.py|0|-x 1";
        QTest::newRow("options") << QStringList{"/usr/bin/python3.11", "-u", "-X", "importtime", "app.py"}
                                 << "/usr/bin/python3.11|-u -X importtime|app.py|0|";
        QTest::newRow("module") << QStringList{"python", "-m", "http.server", "8000"} << "python||http.server|1|8000";
        QTest::newRow("bare script") << QStringList{"./render.py", "--fast"} << "python3||./render.py|0|--fast";
        QTest::newRow("-c") << QStringList{"python3", "-c", "print(1)"} << "error: put the code in a file";
        QTest::newRow("no program") << QStringList{"python3", "-u"} << "error: give a script or -m MODULE";
        QTest::newRow("-m alone") << QStringList{"python3", "-m"} << "error: needs a module name";
        QTest::newRow("not python") << QStringList{"./render", "x"} << "error: is not a Python command";
    }

    void pythonCommands()
    {
        QFETCH(QStringList, command);
        QFETCH(QString, parsed);
        std::vector<std::string> argv;
        for (const auto &a : command)
            argv.push_back(a.toStdString());
        const auto r = record::PythonCommand::parse(argv);
        if (parsed.startsWith(QStringLiteral("error: "))) {
            QVERIFY(!r);
            QVERIFY2(QString::fromStdString(r.message()).contains(parsed.mid(7)), r.message().c_str());
            return;
        }
        QVERIFY2(r, r ? "" : r.message().c_str());
        const QString got =
            QStringLiteral("%1|%2|%3|%4|%5")
                .arg(QString::fromStdString(r->interpreter), joined(r->interpreterOptions),
                     QString::fromStdString(r->target), QString::number(int(r->isModule)), joined(r->args));
        QCOMPARE(got, parsed);
    }

    void runPlans_data()
    {
        QTest::addColumn<QString>("tool");
        QTest::addColumn<QStringList>("env");
        QTest::addColumn<QStringList>("steps"); // with OUT for the output directory
        QTest::newRow("py-spy defaults")
            << "pyspy" << QStringList{}
            << QStringList{"py-spy record -o OUT/.partial-demo-pyspy.speedscope.json --rate 100 --format speedscope -- "
                           "python3 app.py a"};
        QTest::newRow("py-spy every flag")
            << "pyspy"
            << QStringList{"FIL_PERF_SPY_RATE=250",        "FIL_PERF_SPY_NATIVE=1", "FIL_PERF_SPY_IDLE=yes",
                           "FIL_PERF_SPY_SUBPROCESSES=on", "FIL_PERF_SPY_GIL=true", "FIL_PERF_SPY_NONBLOCKING=1",
                           "FIL_PERF_SPY_FORMAT=raw"}
            << QStringList{"py-spy record -o OUT/.partial-demo-pyspy.folded --rate 250 --native --idle "
                           "--subprocesses --gil --nonblocking --format raw -- python3 app.py a"};
        QTest::newRow("scalene")
            << "scalene"
            << QStringList{"FIL_PERF_SCALENE_CPU_ONLY=1",
                           "FIL_PERF_SCALENE_REDUCED_PROFILE=1",
                           "FIL_PERF_SCALENE_PROFILE_INTERVAL=2.5",
                           "FIL_PERF_SCALENE_PROFILE_ONLY=render,io",
                           "FIL_PERF_SCALENE_CPU_SAMPLING_RATE=0.01",
                           "FIL_PERF_SCALENE_MALLOC_THRESHOLD=1000",
                           "FIL_PERF_SCALENE_USE_VIRTUAL_TIME=1"}
            << QStringList{"scalene --cli --json --outfile OUT/.partial-demo-scalene.json --cpu-only "
                           "--reduced-profile --profile-interval 2.5 --profile-only render,io "
                           "--cpu-sampling-rate 0.01 --malloc-threshold 1000 --use-virtual-time --program-path CWD "
                           "app.py --- a"};
        QTest::newRow("scalene profile all")
            << "scalene" << QStringList{"FIL_PERF_SCALENE_PROFILE_ALL=1"}
            << QStringList{"scalene --cli --json --outfile OUT/.partial-demo-scalene.json --profile-all app.py --- a"};
        QTest::newRow("memray") << "memray"
                                << QStringList{"FIL_PERF_MEMRAY_NATIVE=1", "FIL_PERF_MEMRAY_TRACE_PYTHON_ALLOCATORS=1",
                                               "FIL_PERF_MEMRAY_FOLLOW_FORK=1", "FIL_PERF_MEMRAY_AGGREGATE=1"}
                                << QStringList{
                                       "memray run -o OUT/.partial-demo-memray.bin --native --trace-python-allocators "
                                       "--follow-fork --aggregate app.py a",
                                       "memray stats --json -f -o OUT/.partial-demo-memray-stats.json "
                                       "OUT/.partial-demo-memray.bin",
                                       "memray flamegraph -f -o OUT/.partial-demo-memray-flamegraph.html "
                                       "OUT/.partial-demo-memray.bin"};
        QTest::newRow("cprofile") << "cprofile" << QStringList{"FIL_PERF_CPROFILE_SORT=tottime"}
                                  << QStringList{"python3 -m cProfile -o OUT/.partial-demo-cprofile.pstats app.py a"};
    }

    void runPlans()
    {
        QFETCH(QString, tool);
        QFETCH(QStringList, env);
        QFETCH(QStringList, steps);
        PerformanceSettings::Environment e;
        for (const auto &kv : env)
            e.emplace_back(kv.section(QLatin1Char('='), 0, 0).toStdString(),
                           kv.section(QLatin1Char('='), 1).toStdString());
        const auto s = resolved(e);
        const auto plan = record::ProfilerRunPlan::make(*settings::profilerToolFromName(tool.toStdString()), s,
                                                        {"python3", "app.py", "a"}, "OUT", "demo");
        QVERIFY2(plan, plan ? "" : plan.message().c_str());
        QStringList got;
        for (const auto &step : plan->steps)
            got << joined(step).replace(QDir::currentPath(), QStringLiteral("CWD"));
        QCOMPARE(got, steps);
        QVERIFY(plan->importable() != nullptr);
        for (const auto &o : plan->outputs)
            QVERIFY(QString::fromStdString(o.finalPath).startsWith(QStringLiteral("OUT/demo-%1").arg(tool)));
    }

    // docs/performance/overview.md has one table row per setting, with its flag and default.
    void docsTablesMatch()
    {
        QFile f(QStringLiteral(PERFWB_SOURCE_DIR "/docs/performance/overview.md"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
        for (const auto &spec : settings::SettingSpec::all()) {
            const QString var = QString::fromStdString(spec.variable());
            const QStringList rows = lines.filter(QStringLiteral("| `%1` |").arg(var));
            QVERIFY2(rows.size() == 1, qPrintable(var + QStringLiteral(": no single docs row")));
            const QStringList cells = rows.first().split(QLatin1Char('|'));
            QVERIFY2(cells.size() >= 5, qPrintable(rows.first()));
            if (!spec.toolFlag.empty())
                QCOMPARE(cells[3].trimmed(), QStringLiteral("`%1`").arg(QString::fromLatin1(spec.toolFlag.data())));
            else
                QCOMPARE(cells[3].trimmed(), QString());
            if (!spec.defaultValue.empty() && spec.name != "CONTAINER_IMAGE")
                QCOMPARE(cells[2].trimmed(), QStringLiteral("`%1`").arg(QString::fromLatin1(spec.defaultValue.data())));
        }
    }

    void scaleneNeedsAScript()
    {
        const auto s = resolved({});
        const auto plan = record::ProfilerRunPlan::make(ProfilerTool::Scalene, s, {"./render", "x"}, "OUT", "demo");
        QVERIFY(!plan);
        QVERIFY2(plan.message().rfind("scalene: ", 0) == 0, plan.message().c_str());
        // py-spy takes any command.
        QVERIFY(record::ProfilerRunPlan::make(ProfilerTool::PySpy, s, {"./render", "x"}, "OUT", "demo"));
    }
};

QTEST_GUILESS_MAIN(TestPerformanceSettings)
#include "tst_performancesettings.moc"
