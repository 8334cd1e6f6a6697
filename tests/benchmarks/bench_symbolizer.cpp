// SPDX-License-Identifier: GPL-3.0-or-later
// Symbolizer speed, measured (never asserted):
//  1. resolve() of addresses seen for the first time (symbol table + DWARF lines and
//     inline chains), per module: libc.so.6 (full debug info from libc6-dbg) and
//     libQt6Core.so.6 (symbols only);
//  2. resolve() on a warmed cache, over a large and a small set of addresses;
//  3. unwind() per sample on real stacks: registers + 64 KiB stack copies taken with
//     ptrace from the qsortcb workload (no frame pointers, callbacks from libc's qsort),
//     first pass (CFI parsed) and warmed passes, and unwind + resolve together.
//
// Usage: bench_symbolizer [QSORTCB] [SAMPLES]   (defaults: build/.../tests/workloads/qsortcb, 300)
// Needs ptrace rights over a child (the default for your own children).
#include "engine/stackcapture.h"
#include "symbolize/symbolizer.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <random>
#include <signal.h>
#include <spawn.h>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace perfwb;
using Clock = std::chrono::steady_clock;

namespace {

double secondsSince(Clock::time_point t0)
{
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

// Addresses spread over the executable mappings of one of our own modules.
std::vector<std::uint64_t> codeAddresses(const char *module, std::size_t wanted)
{
    std::ifstream maps("/proc/self/maps");
    std::string line;
    std::uint64_t start = 0, end = 0;
    while (std::getline(maps, line)) {
        unsigned long long s = 0, e = 0;
        char perms[8] = {};
        if (line.find(module) != std::string::npos && std::sscanf(line.c_str(), "%llx-%llx %7s", &s, &e, perms) == 3 &&
            std::strchr(perms, 'x')) {
            start = s;
            end = e;
        }
    }
    std::vector<std::uint64_t> out;
    if (end <= start)
        return out;
    const std::uint64_t stride = std::max<std::uint64_t>(1, (end - start) / wanted) | 1; // odd: not only aligned starts
    for (std::uint64_t a = start; a < end && out.size() < wanted; a += stride)
        out.push_back(a);
    return out;
}

void benchResolve(const char *module, std::size_t count)
{
    auto addresses = codeAddresses(module, count);
    if (addresses.empty()) {
        std::printf("%s: not mapped here, skipped\n", module);
        return;
    }
    const int pid = getpid(); // not in the loop: getpid() is a system call
    symbolize::Symbolizer s;
    if (!s.loadProcessMaps(pid))
        return;
    model::Profile profile;
    std::vector<model::FrameId> out;
    auto t0 = Clock::now();
    for (auto a : addresses) {
        out.clear();
        s.resolve(pid, a, false, false, profile, out);
    }
    const double cold = secondsSince(t0);
    std::printf("%-16s first resolve: %zu addresses in %.3f s = %.1f us/address (%zu distinct frames)\n", module,
                addresses.size(), cold, cold * 1e6 / double(addresses.size()), profile.frames.size());

    for (std::size_t hot : {addresses.size(), std::size_t(1000)}) {
        std::mt19937_64 rng(42);
        std::vector<std::uint64_t> sequence(4000000);
        for (auto &a : sequence)
            a = addresses[rng() % std::min(hot, addresses.size())];
        std::size_t frames = 0;
        t0 = Clock::now();
        for (auto a : sequence) {
            out.clear();
            s.resolve(pid, a, false, false, profile, out);
            frames += out.size();
        }
        const double warm = secondsSince(t0);
        std::printf("%-16s cached resolve over %zu distinct: %.2f M addresses/s (%.0f ns each, %.2f frames each)\n",
                    module, std::min(hot, addresses.size()), double(sequence.size()) / warm / 1e6,
                    warm * 1e9 / double(sequence.size()), double(frames) / double(sequence.size()));
    }
}

void benchUnwind(const std::string &program, int samples)
{
    char *argv[] = {const_cast<char *>(program.c_str()), const_cast<char *>("600000"), nullptr};
    pid_t pid = 0;
    if (posix_spawn(&pid, program.c_str(), nullptr, nullptr, argv, environ) != 0) {
        std::printf("cannot start %s\n", program.c_str());
        return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    symbolize::Symbolizer s;
    std::vector<testing::StackCapture> captures;
    if (ptrace(PTRACE_SEIZE, pid, nullptr, nullptr) == 0 && s.loadProcessMaps(pid)) {
        const std::uint64_t top = testing::stackTop(pid);
        for (int i = 0; i < samples; ++i) {
            int status = 0;
            if (ptrace(PTRACE_INTERRUPT, pid, nullptr, nullptr) != 0 || waitpid(pid, &status, __WALL) != pid)
                break;
            testing::StackCapture c;
            if (testing::captureStopped(pid, top, c))
                captures.push_back(std::move(c));
            ptrace(PTRACE_CONT, pid, nullptr, nullptr);
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
    }
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, __WALL);
    if (captures.empty()) {
        std::printf("no stacks captured (ptrace refused?)\n");
        return;
    }

    std::vector<std::uint64_t> ips;
    std::size_t frames = 0;
    auto t0 = Clock::now();
    for (const auto &c : captures) {
        ips.clear();
        s.unwind(pid, c.mask, c.regs, c.stack, ips);
        frames += ips.size();
    }
    const double cold = secondsSince(t0);
    std::printf("unwind first pass: %zu samples, %.1f frames/sample, %.1f us/sample\n", captures.size(),
                double(frames) / double(captures.size()), cold * 1e6 / double(captures.size()));

    // Warmed: the fastest of several passes (this machine may be busy).
    const int passes = 50;
    double warm = 1e9;
    for (int pass = 0; pass < passes; ++pass) {
        t0 = Clock::now();
        for (const auto &c : captures) {
            ips.clear();
            s.unwind(pid, c.mask, c.regs, c.stack, ips);
        }
        warm = std::min(warm, secondsSince(t0));
        if (pass < 3)
            std::printf("  pass %d: %.2f us/sample\n", pass + 1, secondsSince(t0) * 1e6 / double(captures.size()));
    }
    std::printf("unwind warmed:     %.2f us/sample (%.0f ns/frame)\n", warm * 1e6 / double(captures.size()),
                warm * 1e9 / double(frames));

    model::Profile profile;
    std::vector<model::FrameId> ids;
    double full = 1e9;
    std::vector<model::FrameId> rootFirst;
    for (int pass = 0; pass < passes; ++pass) {
        t0 = Clock::now();
        for (const auto &c : captures) {
            ips.clear();
            ids.clear();
            s.unwind(pid, c.mask, c.regs, c.stack, ips);
            for (std::size_t i = 0; i < ips.size(); ++i)
                s.resolve(pid, ips[i], i > 0, false, profile, ids);
            rootFirst.assign(ids.rbegin(), ids.rend());
            profile.stacks.internPath(rootFirst);
        }
        full = std::min(full, secondsSince(t0));
    }
    std::printf("unwind + resolve + intern stack, warmed: %.2f us/sample\n", full * 1e6 / double(captures.size()));
}

} // namespace

int main(int argc, char **argv)
{
    std::string qsortcb = argc > 1 ? argv[1] : std::string();
    if (qsortcb.empty()) {
        char self[4096] = {};
        const ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
        std::string dir = n > 0 ? std::string(self, static_cast<std::size_t>(n)) : std::string();
        dir = dir.substr(0, dir.rfind('/'));
        qsortcb = dir + "/../workloads/qsortcb";
    }
    const int samples = argc > 2 ? std::atoi(argv[2]) : 300;
    benchResolve("libc.so.6", 20000);
    benchResolve("libQt6Core.so.6", 20000);
    benchUnwind(qsortcb, samples);
    return 0;
}
