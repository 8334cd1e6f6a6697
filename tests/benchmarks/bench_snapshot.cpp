// SPDX-License-Identifier: GPL-3.0-or-later
// Cost of RecordSession::snapshot() while recording: a copy of the whole profile
// (std::make_shared<model::Profile>(profile), as PerfRecorder does under its lock, so
// this is also how long the building thread may wait for the lock).
//
// The profile is a recording-like one: SAMPLES samples on 8 threads over ~20 k stack
// nodes and 5 k frames, RSS/CPU/threads timelines at 50 ms; or, given a REPORT, that
// report as read from disk. Prints the median of 15 copies and its cost per sample.
//
// Usage: bench_snapshot [SAMPLES] [REPORT]   (default 100000, synthetic)
#include "store/reportreader.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <random>
#include <string>
#include <vector>

using namespace perfwb;

namespace {

void buildProfile(model::Profile &p, std::size_t samples)
{
    std::mt19937_64 rng(7);
    std::vector<model::FrameId> frames;
    for (int i = 0; i < 5000; ++i)
        frames.push_back(p.internFrame("function_" + std::to_string(i), "libmodule" + std::to_string(i % 40) + ".so",
                                       "/src/file" + std::to_string(i % 300) + ".cpp", 10 + i % 900));
    std::vector<model::StackId> leaves;
    while (p.stacks.size() < 20000) {
        std::vector<model::FrameId> path{frames[rng() % 8]};
        const std::size_t depth = 4 + rng() % 40;
        for (std::size_t d = 1; d < depth; ++d)
            path.push_back(frames[(path.back() * 13 + rng() % 5 + d) % frames.size()]);
        leaves.push_back(p.stacks.internPath(path));
    }
    std::vector<model::ThreadIndex> threads;
    for (int t = 0; t < 8; ++t)
        threads.push_back(p.internThread(100, 100 + t, "worker-" + std::to_string(t)));
    for (std::size_t i = 0; i < samples; ++i)
        p.addSample(static_cast<std::int64_t>(i) * 1'001'001, threads[i % threads.size()],
                    leaves[(i * 2654435761U) % leaves.size()], 1);
    // 50 ms polls over the recording's length (samples at 999 Hz on one CPU).
    const std::size_t points = samples / 50 + 1;
    for (const char *name : {"rss", "cpu", "threads"}) {
        model::Timeline t{name, "x", {}};
        for (std::size_t i = 0; i < points; ++i)
            t.points.push_back({static_cast<std::int64_t>(i) * 50'000'000, double(i)});
        p.timelines.push_back(std::move(t));
    }
    p.meta.commandLine = {"/usr/bin/app", "--flag"};
}

} // namespace

int main(int argc, char **argv)
{
    const std::size_t samples = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 100000;
    model::Profile profile;
    if (argc > 2) {
        if (Status st = store::ReportReader::read(argv[2], profile); !st) {
            std::fprintf(stderr, "%s\n", st.message().c_str());
            return 1;
        }
    } else {
        buildProfile(profile, samples);
    }
    std::vector<double> ms;
    for (int i = 0; i < 15; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        auto copy = std::make_shared<model::Profile>(profile);
        const auto t1 = std::chrono::steady_clock::now();
        ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
        if (copy->samples.size() != profile.samples.size())
            return 1;
    }
    std::sort(ms.begin(), ms.end());
    const double median = ms[ms.size() / 2];
    std::printf("snapshot of %zu samples, %zu stack nodes, %zu frames, %zu strings: median %.2f ms "
                "(min %.2f, max %.2f), %.1f ns per sample\n",
                profile.samples.size(), profile.stacks.size(), profile.frames.size(), profile.strings.size(), median,
                ms.front(), ms.back(), median * 1e6 / double(std::max<std::size_t>(1, profile.samples.size())));
    return 0;
}
