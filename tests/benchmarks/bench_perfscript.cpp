// SPDX-License-Identifier: GPL-3.0-or-later
// Speed of the perf importers. Usage: bench_perfscript FILE [repeats]
// - FILE is perf script text: PerfScriptParser alone, fed in 256 KiB chunks as
//   PerfDataImporter feeds it from the pipe. Make the text with
//   perf script -i perf.data -F comm,pid,tid,time,period,event,ip,sym,symoff,dso --no-inline --ns > FILE
// - FILE is a perf.data: PerfDataImporter::importFile (perf script + parser) side by
//   side with the same `perf script` writing to /dev/null, the floor for this design.
#include "formats/perfdataimporter.h"
#include "formats/perfscriptparser.h"
#include "io/fileio.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

double seconds(std::chrono::steady_clock::time_point since)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

int benchPerfData(const std::string &path, int repeats)
{
    auto perf = perfwb::formats::PerfDataImporter::findPerf();
    if (!perf) {
        std::fprintf(stderr, "%s\n", perf.message().c_str());
        return 2;
    }
    std::string command = perf.value();
    for (const auto &arg : perfwb::formats::PerfDataImporter::scriptArguments(path))
        command += " '" + arg + "'";
    command += " > /dev/null 2>&1";
    double bestImport = 1e99;
    double bestScript = 1e99;
    std::size_t samples = 0;
    for (int r = 0; r < repeats; ++r) {
        auto start = std::chrono::steady_clock::now();
        if (std::system(command.c_str()) != 0) {
            std::fprintf(stderr, "failed: %s\n", command.c_str());
            return 1;
        }
        bestScript = std::min(bestScript, seconds(start));
        perfwb::model::Profile profile;
        start = std::chrono::steady_clock::now();
        if (auto st = perfwb::formats::PerfDataImporter().importFile(path, profile); !st) {
            std::fprintf(stderr, "%s\n", st.message().c_str());
            return 1;
        }
        bestImport = std::min(bestImport, seconds(start));
        samples = profile.samples.size();
    }
    std::printf("%zu samples: perf script alone %.3f s, PerfDataImporter %.3f s (ratio %.2f), %.2f M samples/s\n",
                samples, bestScript, bestImport, bestImport / bestScript,
                static_cast<double>(samples) / bestImport / 1e6);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s PERF_SCRIPT_TEXT [repeats]\n", argv[0]);
        return 2;
    }
    const int repeats = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
    auto text = perfwb::io::readWholeFile(argv[1]);
    if (!text) {
        std::fprintf(stderr, "%s\n", text.message().c_str());
        return 2;
    }
    const std::string &data = text.value();
    if (data.starts_with("PERFILE2"))
        return benchPerfData(argv[1], repeats);
    double best = 1e99;
    std::uint64_t samples = 0;
    for (int r = 0; r < repeats; ++r) {
        perfwb::model::Profile profile;
        perfwb::formats::PerfScriptParser parser(profile);
        const auto start = std::chrono::steady_clock::now();
        constexpr std::size_t kChunk = 256 * 1024;
        for (std::size_t pos = 0; pos < data.size(); pos += kChunk) {
            if (auto st = parser.feed(std::string_view(data).substr(pos, kChunk)); !st) {
                std::fprintf(stderr, "%s\n", st.message().c_str());
                return 1;
            }
        }
        if (auto st = parser.finish(); !st) {
            std::fprintf(stderr, "%s\n", st.message().c_str());
            return 1;
        }
        const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
        best = std::min(best, took.count());
        samples = parser.sampleCount();
    }
    std::printf("%llu samples, %.1f MB of text: best of %d %.3f s = %.2f M samples/s, %.0f MB/s\n",
                static_cast<unsigned long long>(samples), static_cast<double>(data.size()) / 1e6, repeats, best,
                static_cast<double>(samples) / best / 1e6, static_cast<double>(data.size()) / best / 1e6);
    return 0;
}
