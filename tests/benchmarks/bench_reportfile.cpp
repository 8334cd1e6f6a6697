// SPDX-License-Identifier: GPL-3.0-or-later
// .perfwb report file speed: a realistic synthetic profile (1 M samples over about
// 20 k stack nodes up to 40 deep, 8 threads) written with save(), written in
// recording-sized flushes, then read back into the model (median of 5 reads).
//
// Usage: bench_reportfile [SAMPLES] [DIR]   (defaults: 1000000, the system temp dir)
#include "store/reportreader.h"
#include "store/reportwriter.h"
#include "syntheticprofile.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

using namespace perfwb;
using Clock = std::chrono::steady_clock;

namespace {

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    const std::size_t samples = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1'000'000;
    const std::filesystem::path dir = argc > 2 ? argv[2] : std::filesystem::temp_directory_path();
    const std::string saved = (dir / "bench_reportfile_saved.perfwb").string();
    const std::string flushed = (dir / "bench_reportfile_flushed.perfwb").string();

    auto start = Clock::now();
    const model::Profile profile = benchmarks::makeSyntheticProfile(samples);
    std::printf("profile: %zu samples, %zu stack nodes, %zu frames, %zu threads (built in %.2f s)\n",
                profile.samples.size(), profile.stacks.size(), profile.frames.size(), profile.threads().size(),
                secondsSince(start));

    start = Clock::now();
    if (Status st = store::ReportWriter::save(saved, profile); !st) {
        std::fprintf(stderr, "%s\n", st.message().c_str());
        return 1;
    }
    const double saveSeconds = secondsSince(start);
    const auto savedBytes = std::filesystem::file_size(saved);

    // Recording flushes about once a second: at 999 Hz on 8 threads, batches of ~8000 samples.
    const std::size_t batch = 8000;
    std::size_t flushes = 0;
    start = Clock::now();
    {
        auto writer = store::ReportWriter::create(flushed);
        if (!writer) {
            std::fprintf(stderr, "%s\n", writer.message().c_str());
            return 1;
        }
        model::Profile growing;
        // Same tables as `profile`, fed in batches: copy what a recorder would add.
        for (model::StringId i = 1; i < profile.strings.size(); ++i)
            growing.strings.intern(profile.strings.view(i));
        for (const auto &f : profile.frames.all())
            growing.frames.intern(f);
        for (std::size_t i = 1; i < profile.stacks.size(); ++i)
            growing.stacks.intern(profile.stacks.nodes()[i].parent, profile.stacks.nodes()[i].frame);
        for (const auto &t : profile.threads())
            growing.internThread(t.pid, t.tid, profile.strings.view(t.name));
        for (std::size_t i = 0; i < profile.samples.size(); ++i) {
            growing.samples.add(profile.samples.at(i));
            if ((i + 1) % batch == 0 || i + 1 == profile.samples.size()) {
                if (Status st = (*writer)->flush(growing); !st) {
                    std::fprintf(stderr, "%s\n", st.message().c_str());
                    return 1;
                }
                ++flushes;
            }
        }
        if (Status st = (*writer)->finish(growing); !st) {
            std::fprintf(stderr, "%s\n", st.message().c_str());
            return 1;
        }
    }
    const double flushSeconds = secondsSince(start);
    const auto flushedBytes = std::filesystem::file_size(flushed);

    std::vector<double> reads;
    for (int i = 0; i < 5; ++i) {
        model::Profile read;
        start = Clock::now();
        if (Status st = store::ReportReader::read(saved, read); !st) {
            std::fprintf(stderr, "%s\n", st.message().c_str());
            return 1;
        }
        reads.push_back(secondsSince(start));
        if (read.samples.size() != profile.samples.size() || read.stacks.size() != profile.stacks.size()) {
            std::fprintf(stderr, "read back a different profile\n");
            return 1;
        }
    }

    std::printf("save():             %.3f s  (%.2f M samples/s)\n", saveSeconds, samples / saveSeconds / 1e6);
    std::printf("file size:          %.1f MiB  (%.1f bytes/sample)\n", savedBytes / 1048576.0,
                static_cast<double>(savedBytes) / samples);
    std::printf("flush() x %zu:      %.3f s  (batches of %zu samples, WAL, synchronous=NORMAL)\n", flushes,
                flushSeconds, batch);
    std::printf("flushed file size:  %.1f MiB\n", flushedBytes / 1048576.0);
    std::printf("read (median of 5): %.3f s  (min %.3f, max %.3f)\n", median(reads),
                *std::min_element(reads.begin(), reads.end()), *std::max_element(reads.begin(), reads.end()));
    std::filesystem::remove(saved);
    std::filesystem::remove(flushed);
    return 0;
}
