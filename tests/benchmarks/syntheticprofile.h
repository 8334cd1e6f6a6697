// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The synthetic profile the report benchmarks share (bench_reportfile, bench_ui_reportopen):
// recording-like, deterministic, any number of samples.
#include "model/profile.h"

#include <algorithm>
#include <random>
#include <string>
#include <vector>

namespace perfwb::benchmarks {

// Call paths grow from a few hundred functions in ~30 modules: a random walk over a
// trie, so prefixes are shared the way real call stacks share them.
inline model::Profile makeSyntheticProfile(std::size_t samples)
{
    model::Profile p;
    std::mt19937_64 rng(42);
    std::vector<model::FrameId> frames;
    for (int i = 0; i < 600; ++i)
        frames.push_back(p.internFrame("ns::Class" + std::to_string(i % 40) + "::method_" + std::to_string(i) + "(int)",
                                       "/usr/lib/libmodule" + std::to_string(i % 30) + ".so",
                                       "src/file" + std::to_string(i % 90) + ".cpp", 10 + i));
    std::vector<model::StackId> leaves;
    while (p.stacks.size() < 20000) {
        std::vector<model::FrameId> path{frames[rng() % 4]}; // a few entry points
        const std::size_t depth = 2 + rng() % 39;            // up to 40 deep
        for (std::size_t d = 1; d < depth; ++d)
            path.push_back(frames[(path.back() * 7 + rng() % 3 + d) % frames.size()]);
        leaves.push_back(p.stacks.internPath(path));
    }
    std::vector<model::ThreadIndex> threads;
    for (int t = 0; t < 8; ++t)
        threads.push_back(p.internThread(4242, 4242 + t, "worker-" + std::to_string(t)));
    p.samples.reserve(samples);
    // Skewed stack popularity, as in real profiles: a few hot paths, a long tail.
    std::geometric_distribution<std::size_t> hot(0.002);
    for (std::size_t i = 0; i < samples; ++i)
        p.addSample(1'000'000'000LL + static_cast<std::int64_t>(i) * 1'001'001, threads[i % threads.size()],
                    leaves[std::min(hot(rng), leaves.size() - 1)], 1);
    p.timelines.push_back({"rss", "bytes", {}});
    for (std::size_t i = 0; i < samples / 100; ++i)
        p.timelines[0].points.push_back({static_cast<std::int64_t>(i) * 100'100'100, 1e8 + static_cast<double>(i)});
    p.meta.commandLine = {"./render", "--scene", "big.scn"};
    p.meta.sampler = {"cpu-clock", 999, "fp"};
    return p;
}

} // namespace perfwb::benchmarks
