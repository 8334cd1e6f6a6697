// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Profiles for report tests, built in code so every expected value is known, and a
// field-by-field comparison of two profiles (for round trips through any format).
#include "model/profile.h"
#include "store/reportreader.h"

#include <QByteArray>
#include <QFile>
#include <QTest>

#include <limits>
#include <random>
#include <string>
#include <vector>

namespace perfwb::testing {

using model::FrameKind;

inline QByteArray bytes(std::string_view s)
{
    return QByteArray(s.data(), static_cast<qsizetype>(s.size()));
}

// Adds one batch of everything a recording produces: new frames and stacks, samples,
// timeline points, marks, a new thread, and a rename of an old one.
inline void addBatch(model::Profile &p, int batch, std::size_t samples)
{
    std::vector<model::FrameId> frames;
    const std::string module = "libbatch" + std::to_string(batch) + ".so";
    for (int k = 0; k < 40; ++k)
        frames.push_back(p.internFrame("fn_" + std::to_string(batch) + "_" + std::to_string(k), module, "src.cpp",
                                       static_cast<std::uint32_t>(k)));
    const auto main = p.internThread(100, 100, "main");
    const auto worker = p.internThread(100, 100 + batch + 1, "worker-" + std::to_string(batch));
    if (batch > 0) {
        p.internThread(100, 101, "renamed-in-" + std::to_string(batch));
        p.thread(main).endNs = batch * 1'000'000'000LL;
    }
    std::mt19937 rng(static_cast<unsigned>(batch) + 1);
    std::vector<model::StackId> stacks;
    for (int s = 0; s < 200; ++s) {
        std::vector<model::FrameId> path;
        const std::size_t depth = 1 + rng() % 20;
        for (std::size_t d = 0; d < depth; ++d)
            path.push_back(frames[rng() % frames.size()]);
        stacks.push_back(p.stacks.internPath(path));
    }
    const std::int64_t t0 = batch * 1'000'000'000LL;
    for (std::size_t i = 0; i < samples; ++i)
        p.addSample(t0 + static_cast<std::int64_t>(i) * 1000, i % 2 ? worker : main, stacks[i % stacks.size()],
                    1 + i % 3);
    if (p.timelines.empty())
        p.timelines.push_back({"rss", "bytes", {}});
    for (int i = 0; i < 10; ++i)
        p.timelines[0].points.push_back({t0 + i * 100, 1e6 * batch + i});
    if (batch == 1)
        p.timelines.push_back({"cpu", "percent", {{t0, 42.5}}});
    p.marks.push_back({"batch " + std::to_string(batch), "test", t0, t0 + 500, 100});
    p.meta.durationNs = t0 + 1;
    p.meta.lostSamples = static_cast<std::uint64_t>(batch);
}

inline model::Profile makeBatches(int count, std::size_t samplesPerBatch)
{
    model::Profile p;
    for (int b = 0; b < count; ++b)
        addBatch(p, b, samplesPerBatch);
    return p;
}

// A profile that puts something non-default into every table and metadata field.
inline model::Profile makeFullProfile(std::size_t samples)
{
    model::Profile p;
    const auto main = p.internFrame("main", "/usr/bin/app", "main.cpp", 10);
    const auto draw = p.internFrame("Renderer::draw(int)", "libgfx.so", "draw.cpp", 200, FrameKind::Native, true);
    const auto sys = p.internFrame("do_syscall_64", "[kernel.kallsyms]", {}, 0, FrameKind::Kernel);
    const auto py = p.internFrame("<module>", "script.py", "script.py", 3, FrameKind::Python);
    // Names are bytes: an embedded NUL and invalid UTF-8 must survive.
    const auto jit = p.internFrame(std::string_view("jit\0code\xff", 9), "[jit]", {}, 0, FrameKind::Jit);
    const std::vector<std::vector<model::FrameId>> paths = {{main},          {main, draw}, {main, draw, sys},
                                                            {main, py, jit}, {py},         {main, draw, draw, draw}};
    std::vector<model::StackId> stacks;
    for (const auto &path : paths)
        stacks.push_back(p.stacks.internPath(path));
    const auto t0 = p.internThread(1000, 1000, "app");
    const auto t1 = p.internThread(1000, 1001, "worker");
    p.internThread(1000, 1001, "render-worker");
    p.internThread(1001, 1002); // no name
    p.thread(t1).startNs = 5;
    p.thread(t1).endNs = 9'000'000'000LL;
    p.thread(t1).cpuNs = 4'000'000'000LL; // a CPU time (thread_cpu), t0's unknown
    p.thread(t1).samplesTaken = 3999;
    p.processes.push_back({1000, 1, p.strings.intern("app"), 0, 9'500'000'000LL});
    p.processes.push_back({1001, 1000, p.strings.intern("helper"), 7, model::kUnknownTime});
    for (std::size_t i = 0; i < samples; ++i)
        p.addSample(static_cast<std::int64_t>(i) * 1'000'000 - 3, i % 3 == 0 ? t0 : t1, stacks[i % stacks.size()],
                    i == 7 ? std::numeric_limits<std::uint64_t>::max() : i % 5);
    p.timelines.push_back({"rss", "bytes", {{0, 1e6}, {1000, 2.5e6}, {2000, -1.25}}});
    p.timelines.push_back({"cpu", "percent", {{0, 99.9}}});
    p.timelines.push_back({"empty", "", {}});
    p.marks.push_back({"frame", "render", 100, 200, 1001});
    p.marks.push_back({"checkpoint", "", 300, 300, 0});

    model::RunMetadata &m = p.meta;
    m.commandLine = {"./app", "--fast", "an argument with spaces", ""};
    m.workingDir = "/home/dev/project";
    m.host = "buildbox-7";
    m.startTimeUnixNs = 1'700'000'000'123'456'789LL;
    m.durationNs = 9'876'543'210LL;
    m.exited = true;
    m.exitCode = 3;
    m.exitSignal = 9;
    m.sampler = {"cpu-clock", 999, "dwarf"};
    m.runLabel = "nightly";
    m.lostSamples = 12'345'678'901'234ULL;
    m.sourceFormat = "perfwb-record";
    m.weightUnit = model::WeightKind::Nanoseconds;
    m.extra = {{"FIL_PERF_RUN_LABEL", "nightly"}, {"perf_version", "6.1.0"}, {"empty", ""}};
    m.setEnvironment({{"HOME", "/home/dev"}, {"LANG", "C.UTF-8"}, {"GITHUB_TOKEN", "ghp_x"}});
    // Figures an imported tool measured: a sparse table (frame 0 has no self time).
    const auto calls = p.functionCosts.column("calls", "count");
    const auto self = p.functionCosts.column("self time", "nanoseconds");
    p.functionCosts.set(1, self, 1.5e9);
    p.functionCosts.set(0, calls, 3);
    p.functionCosts.set(1, calls, 12345678901.0);
    return p;
}

// Field by field; QCOMPARE returns from this helper, the caller checks currentTestFailed().
inline void compareProfiles(const model::Profile &a, const model::Profile &b)
{
    QCOMPARE(a.functionCosts.columns().size(), b.functionCosts.columns().size());
    QCOMPARE(a.functionCosts.frames().size(), b.functionCosts.frames().size());
    for (std::size_t c = 0; c < a.functionCosts.columns().size(); ++c) {
        QVERIFY(a.functionCosts.columns()[c] == b.functionCosts.columns()[c]);
        for (const auto f : a.functionCosts.frames())
            QCOMPARE(a.functionCosts.value(f, c), b.functionCosts.value(f, c));
    }
    QCOMPARE(a.strings.size(), b.strings.size());
    for (model::StringId i = 0; i < a.strings.size(); ++i)
        QCOMPARE(bytes(a.strings.view(i)), bytes(b.strings.view(i)));
    QCOMPARE(a.frames.size(), b.frames.size());
    for (model::FrameId i = 0; i < a.frames.size(); ++i)
        QVERIFY2(a.frames.at(i) == b.frames.at(i), qPrintable(QStringLiteral("frame %1").arg(i)));
    QCOMPARE(a.stacks.size(), b.stacks.size());
    for (model::StackId i = 0; i < a.stacks.size(); ++i) {
        QCOMPARE(a.stacks.node(i).parent, b.stacks.node(i).parent);
        QCOMPARE(a.stacks.node(i).frame, b.stacks.node(i).frame);
    }
    QCOMPARE(a.events, b.events);
    QCOMPARE(a.samples.size(), b.samples.size());
    for (std::size_t i = 0; i < a.samples.size(); ++i) {
        QCOMPARE(a.samples.time(i), b.samples.time(i));
        QCOMPARE(a.samples.thread(i), b.samples.thread(i));
        QCOMPARE(a.samples.stack(i), b.samples.stack(i));
        QCOMPARE(a.samples.weight(i), b.samples.weight(i));
        QCOMPARE(a.samples.event(i), b.samples.event(i));
    }
    QCOMPARE(a.threads().size(), b.threads().size());
    for (std::size_t i = 0; i < a.threads().size(); ++i) {
        const auto &x = a.threads()[i];
        const auto &y = b.threads()[i];
        QCOMPARE(x.pid, y.pid);
        QCOMPARE(x.tid, y.tid);
        QCOMPARE(x.name, y.name);
        QCOMPARE(x.startNs, y.startNs);
        QCOMPARE(x.endNs, y.endNs);
        QCOMPARE(x.cpuNs, y.cpuNs);
        if (x.cpuNs >= 0) // stored with the CPU time only
            QCOMPARE(x.samplesTaken, y.samplesTaken);
    }
    QCOMPARE(a.processes.size(), b.processes.size());
    for (std::size_t i = 0; i < a.processes.size(); ++i) {
        const auto &x = a.processes[i];
        const auto &y = b.processes[i];
        QCOMPARE(x.pid, y.pid);
        QCOMPARE(x.parentPid, y.parentPid);
        QCOMPARE(x.name, y.name);
        QCOMPARE(x.startNs, y.startNs);
        QCOMPARE(x.endNs, y.endNs);
    }
    QCOMPARE(a.timelines.size(), b.timelines.size());
    for (std::size_t i = 0; i < a.timelines.size(); ++i) {
        QCOMPARE(bytes(a.timelines[i].name), bytes(b.timelines[i].name));
        QCOMPARE(bytes(a.timelines[i].unit), bytes(b.timelines[i].unit));
        QCOMPARE(a.timelines[i].points.size(), b.timelines[i].points.size());
        for (std::size_t j = 0; j < a.timelines[i].points.size(); ++j) {
            QCOMPARE(a.timelines[i].points[j].timeNs, b.timelines[i].points[j].timeNs);
            QCOMPARE(a.timelines[i].points[j].value, b.timelines[i].points[j].value);
        }
    }
    QCOMPARE(a.marks.size(), b.marks.size());
    for (std::size_t i = 0; i < a.marks.size(); ++i) {
        QCOMPARE(bytes(a.marks[i].name), bytes(b.marks[i].name));
        QCOMPARE(bytes(a.marks[i].category), bytes(b.marks[i].category));
        QCOMPARE(a.marks[i].startNs, b.marks[i].startNs);
        QCOMPARE(a.marks[i].endNs, b.marks[i].endNs);
        QCOMPARE(a.marks[i].tid, b.marks[i].tid);
    }
    const model::RunMetadata &x = a.meta;
    const model::RunMetadata &y = b.meta;
    QCOMPARE(x.commandLine.size(), y.commandLine.size());
    for (std::size_t i = 0; i < x.commandLine.size(); ++i)
        QCOMPARE(bytes(x.commandLine[i]), bytes(y.commandLine[i]));
    QCOMPARE(bytes(x.workingDir), bytes(y.workingDir));
    QCOMPARE(bytes(x.host), bytes(y.host));
    QCOMPARE(x.startTimeUnixNs, y.startTimeUnixNs);
    QCOMPARE(x.durationNs, y.durationNs);
    QCOMPARE(x.exited, y.exited);
    QCOMPARE(x.exitCode, y.exitCode);
    QCOMPARE(x.exitSignal, y.exitSignal);
    QCOMPARE(bytes(x.sampler.event), bytes(y.sampler.event));
    QCOMPARE(x.sampler.frequencyHz, y.sampler.frequencyHz);
    QCOMPARE(bytes(x.sampler.callGraph), bytes(y.sampler.callGraph));
    QCOMPARE(bytes(x.runLabel), bytes(y.runLabel));
    QCOMPARE(x.lostSamples, y.lostSamples);
    QCOMPARE(bytes(x.sourceFormat), bytes(y.sourceFormat));
    QCOMPARE(bytes(x.weightUnit.name()), bytes(y.weightUnit.name()));
    QCOMPARE(x.environment().size(), y.environment().size());
    for (std::size_t i = 0; i < x.environment().size(); ++i) {
        QCOMPARE(bytes(x.environment()[i].first), bytes(y.environment()[i].first));
        QCOMPARE(bytes(x.environment()[i].second), bytes(y.environment()[i].second));
    }
    QCOMPARE(x.extra.size(), y.extra.size());
    for (auto i = x.extra.begin(), j = y.extra.begin(); i != x.extra.end(); ++i, ++j) {
        QCOMPARE(bytes(i->first), bytes(j->first));
        QCOMPARE(bytes(i->second), bytes(j->second));
    }
}

inline QByteArray fileBytes(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

// Reading the report at `file` fails with one line that names it and says `reason`, and
// leaves the file as it was.
inline void readIsRefused(const QString &file, const QString &reason)
{
    const QByteArray before = fileBytes(file);
    model::Profile out;
    const Status st = store::ReportReader::read(file.toStdString(), out);
    QVERIFY(!st);
    const QString message = QString::fromStdString(st.message());
    QVERIFY2(message.startsWith(file + ": "), qPrintable(message));
    QVERIFY2(message.contains(reason), qPrintable(message));
    QVERIFY2(!message.contains(QLatin1Char('\n')), qPrintable(message));
    QCOMPARE(fileBytes(file), before);
}

} // namespace perfwb::testing
