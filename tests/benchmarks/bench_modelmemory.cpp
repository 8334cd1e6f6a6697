// SPDX-License-Identifier: GPL-3.0-or-later
// Memory of the profile model per sample, for a 10 M-sample profile: from
// SampleTable::bytesUsed() (the capacity of its columns) and from the process RSS
// (VmRSS in /proc/self/status) before and after the samples arrive.
//
// Two ways samples arrive: appended one by one (recording, importers), and read from
// a .perfwb report (sized once up front).
//
// Usage: bench_modelmemory [SAMPLES] [DIR]   (defaults: 10000000, the system temp dir)
#include "store/reportreader.h"
#include "store/reportwriter.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

using namespace perfwb;

namespace {

long rssKiB()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0)
            return std::strtol(line.c_str() + 6, nullptr, 10);
    }
    return -1;
}

// ~20 k stack nodes up to 40 deep, 8 threads: the tables samples refer to.
void addStacks(model::Profile &p, std::vector<model::StackId> &leaves, std::vector<model::ThreadIndex> &threads)
{
    std::mt19937_64 rng(42);
    std::vector<model::FrameId> frames;
    for (int i = 0; i < 600; ++i)
        frames.push_back(p.internFrame("fn_" + std::to_string(i), "libm" + std::to_string(i % 30) + ".so"));
    while (p.stacks.size() < 20000) {
        std::vector<model::FrameId> path{frames[rng() % 4]};
        const std::size_t depth = 2 + rng() % 39;
        for (std::size_t d = 1; d < depth; ++d)
            path.push_back(frames[(path.back() * 7 + rng() % 3 + d) % frames.size()]);
        leaves.push_back(p.stacks.internPath(path));
    }
    for (int t = 0; t < 8; ++t)
        threads.push_back(p.internThread(1, 1 + t, "t" + std::to_string(t)));
}

void addSamples(model::Profile &p, std::size_t n, const std::vector<model::StackId> &leaves,
                const std::vector<model::ThreadIndex> &threads)
{
    for (std::size_t i = 0; i < n; ++i)
        p.addSample(static_cast<std::int64_t>(i) * 1'001'001, threads[i % threads.size()],
                    leaves[(i * 2654435761U) % leaves.size()], 1);
}

void printFigure(const char *what, double bytes, std::size_t n)
{
    std::printf("  %-46s %8.1f MiB  %6.2f bytes/sample\n", what, bytes / 1048576.0, bytes / static_cast<double>(n));
}

} // namespace

int main(int argc, char **argv)
{
    const std::size_t n = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 10'000'000;
    const std::filesystem::path dir = argc > 2 ? argv[2] : std::filesystem::temp_directory_path();
    const std::string file = (dir / "bench_modelmemory.perfwb").string();
    std::printf("%zu samples over ~20 k stack nodes, 8 threads\n", n);

    {
        const long start = rssKiB();
        model::Profile p;
        std::vector<model::StackId> leaves;
        std::vector<model::ThreadIndex> threads;
        addStacks(p, leaves, threads);
        const long beforeSamples = rssKiB();
        addSamples(p, n, leaves, threads);
        const long appended = rssKiB();
        std::printf("appended one by one (addSample):\n");
        printFigure("SampleTable::bytesUsed() (capacity)", static_cast<double>(p.samples.bytesUsed()), n);
        printFigure("RSS delta of the samples", (appended - beforeSamples) * 1024.0, n);
        p.samples.shrinkToFit();
        const long shrunk = rssKiB();
        std::printf("after SampleTable::shrinkToFit():\n");
        printFigure("SampleTable::bytesUsed()", static_cast<double>(p.samples.bytesUsed()), n);
        printFigure("RSS delta of the samples", (shrunk - beforeSamples) * 1024.0, n);
        printFigure("RSS delta of the whole profile", (shrunk - start) * 1024.0, n);

        if (Status st = store::ReportWriter::save(file, p); !st) {
            std::fprintf(stderr, "%s\n", st.message().c_str());
            return 1;
        }
    }
    {
        const long start = rssKiB();
        model::Profile p;
        if (Status st = store::ReportReader::read(file, p); !st) {
            std::fprintf(stderr, "%s\n", st.message().c_str());
            return 1;
        }
        const long loaded = rssKiB();
        std::printf("read from a .perfwb report (ReportReader::read):\n");
        printFigure("SampleTable::bytesUsed()", static_cast<double>(p.samples.bytesUsed()), n);
        printFigure("RSS delta of the whole profile", (loaded - start) * 1024.0, n);
    }
    std::filesystem::remove(file);
    return 0;
}
