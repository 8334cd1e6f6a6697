// SPDX-License-Identifier: GPL-3.0-or-later
#include "allocrecording.h"

#include "alloc/tracker/allocstream.h"
#include "allocstreamreader.h"
#include "streamfollower.h"
#include "symbolize/cpythonlayout.h"
#include "symbolize/symbolizer.h"

#include <spdlog/spdlog.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sys/statvfs.h>
#include <system_error>
#include <unistd.h>

namespace perfwb::alloc {

namespace fs = std::filesystem;

AllocRecording::~AllocRecording()
{
    follower_.reset(); // its thread reads the stream: stop it before the file goes
    removeFiles();
}

void AllocRecording::removeFiles()
{
    if (streamPath_.empty())
        return;
    std::error_code ec;
    fs::remove(streamPath_, ec);
    fs::remove(countsPathFor(streamPath_), ec);
    streamPath_.clear();
}

AllocRecording::AllocRecording(AllocRecording &&other) noexcept
    : trackerPath_(std::move(other.trackerPath_))
    , streamPath_(std::exchange(other.streamPath_, {}))
    , follower_(std::move(other.follower_))
{}

AllocRecording &AllocRecording::operator=(AllocRecording &&other) noexcept
{
    if (this != &other) {
        follower_.reset();
        removeFiles();
        trackerPath_ = std::move(other.trackerPath_);
        streamPath_ = std::exchange(other.streamPath_, {});
        follower_ = std::move(other.follower_);
    }
    return *this;
}

Result<std::string> AllocRecording::trackerPath()
{
    if (const char *env = std::getenv("PERFWB_ALLOCTRACK_LIB"); env && *env) {
        if (::access(env, R_OK) != 0)
            return makeError(std::string("PERFWB_ALLOCTRACK_LIB: cannot read ") + env);
        return std::string(env);
    }
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec)
        return makeError("cannot find the allocation tracker: /proc/self/exe: " + ec.message());
    const fs::path candidate = exe.parent_path().parent_path() / "lib" / "libperfwb_alloctrack.so";
    if (::access(candidate.c_str(), R_OK) != 0)
        return makeError("cannot find the allocation tracker " + candidate.string() +
                         " (set PERFWB_ALLOCTRACK_LIB to its path)");
    return candidate.string();
}

Result<AllocRecording> AllocRecording::prepare(const std::string &reportPath)
{
    auto tracker = trackerPath();
    if (!tracker)
        return makeError(tracker.message());
    AllocRecording r;
    r.trackerPath_ = tracker.value();
    r.streamPath_ = reportPath + ".alloc";
    std::error_code ec;
    fs::remove(r.streamPath_, ec); // a stale stream of an earlier run must not be read
    removeOrphanStreams(fs::path(reportPath).parent_path().string());
    // The tracker maps this shared: its counts survive the target however it ends.
    const std::string counts = countsPathFor(r.streamPath_);
    std::ofstream zeros(counts, std::ios::binary | std::ios::trunc);
    zeros << std::string(PWBA_COUNTS_SIZE, '\0');
    zeros.close();
    if (!zeros)
        return makeError(counts + ": cannot create: " + std::strerror(errno));
    return r;
}

// A perfwb killed with SIGKILL during --alloc leaves REPORT.alloc behind (hundreds of MB):
// the next --alloc recording into the same directory removes every stream whose target
// process is gone. A stream whose target still runs (another recording) is left alone.
void AllocRecording::removeOrphanStreams(const std::string &dir)
{
    std::error_code ec;
    for (const auto &entry : fs::directory_iterator(dir.empty() ? "." : dir, ec)) {
        const fs::path &path = entry.path();
        if (path.extension() != ".alloc" || !entry.is_regular_file(ec))
            continue;
        std::ifstream in(path, std::ios::binary);
        char head[32] = {};
        in.read(head, sizeof head);
        const auto pid = AllocStreamReader::headerPid(std::string_view(head, static_cast<std::size_t>(in.gcount())));
        if (!pid)
            continue; // not one of ours
        if (pid.value() <= 0 || (::kill(pid.value(), 0) != 0 && errno == ESRCH)) {
            fs::remove(countsPathFor(path.string()), ec);
            if (fs::remove(path, ec))
                spdlog::info("removed {}: allocation stream of an ended recording (PID {})", path.string(),
                             pid.value());
        }
    }
}

void AllocRecording::follow()
{
    if (!follower_ && !streamPath_.empty())
        follower_ = std::make_unique<StreamFollower>(streamPath_);
}

void AllocRecording::warmSymbols(symbolize::Symbolizer &symbolizer, model::Profile &profile, std::mutex &profileLock)
{
    if (!follower_)
        return;
    AllocStreamReader::SymbolWork work;
    follower_->takeSymbolWork(work);
    if (work.empty())
        return;
    for (const auto &m : work.mappings)
        symbolizer.addMapping(work.pid, m.start, m.length, m.pgoff, m.path);
    std::vector<model::FrameId> frames;
    std::lock_guard guard(profileLock);
    for (const std::uint64_t ip : work.returnAddresses) {
        frames.clear();
        symbolizer.resolve(work.pid, ip, true, false, profile, frames);
    }
}

std::vector<std::pair<std::string, std::string>> AllocRecording::environment() const
{
    std::string preload = trackerPath_;
    if (const char *ours = std::getenv("LD_PRELOAD"); ours && *ours)
        preload += std::string(":") + ours;
    std::vector<std::pair<std::string, std::string>> env{{"LD_PRELOAD", preload},
                                                         {"PERFWB_ALLOC_FILE", streamPath_},
                                                         {"PERFWB_ALLOC_COUNTS", countsPathFor(streamPath_)}};
    if (pythonFrames_)
        env.emplace_back("PERFWB_ALLOC_PYTHON", pythonLayouts());
    return env;
}

std::string AllocRecording::pythonLayouts()
{
    std::string spec;
    for (unsigned minor : {11u, 12u}) {
        const symbolize::CPythonLayout *l = symbolize::cpythonLayout(3, minor);
        if (l == nullptr)
            continue;
        // The order of allocstream.h's PWBA_PY_* indexes.
        const std::uint32_t values[PWBA_PY_LAYOUT_SIZE] = {
            l->threadCFrame,  l->cframeCurrentFrame, l->frameCode,        l->framePrevious, l->framePrevInstr,
            l->frameOwner,    l->frameIsEntry,       l->ownedByCStack,    l->codeFirstLine, l->codeFilename,
            l->codeQualname,  l->codeLinetable,      l->codeInstructions, l->bytesSize,     l->bytesData,
            l->unicodeLength, l->unicodeState,       l->asciiHeader,      l->compactHeader};
        spec += (spec.empty() ? "" : ";") + std::to_string(minor) + ':';
        for (std::size_t i = 0; i < PWBA_PY_LAYOUT_SIZE; ++i)
            spec += (i == 0 ? "" : ",") + std::to_string(values[i]);
    }
    return spec;
}

void AllocRecording::readCounts(AllocStreamReader::Summary &summary) const
{
    std::ifstream in(countsPathFor(streamPath_), std::ios::binary);
    pwba_counts counts{};
    in.read(reinterpret_cast<char *>(&counts), sizeof counts);
    if (in.gcount() != sizeof counts ||
        std::string_view(counts.magic, sizeof counts.magic) != std::string_view(PWBA_COUNTS_MAGIC))
        return; // a tracker that never started (static binary, exec before it ran)
    summary.counted = true;
    summary.lostEvents = counts.recorded > summary.events ? counts.recorded - summary.events : 0;
    summary.missedCalls = counts.missed;
}

std::string AllocRecording::lostText(const AllocStreamReader::Summary &summary)
{
    if (summary.lostEvents == 0 && summary.missedCalls == 0)
        return {};
    std::string text;
    if (summary.lostEvents > 0)
        text = std::to_string(summary.lostEvents) + " allocation events lost (in the tracker's buffer when it ended)";
    if (summary.missedCalls > 0)
        text += (text.empty() ? "" : ", ") + std::to_string(summary.missedCalls) +
                " allocation calls not recorded (after the stream stopped)";
    return text;
}

Result<AllocStreamReader::Summary> AllocRecording::finish(symbolize::Symbolizer &symbolizer, model::Profile &profile)
{
    std::error_code ec;
    if (!fs::exists(streamPath_, ec))
        return makeError(streamPath_ + ": the target wrote no allocation stream (statically linked, or "
                                       "LD_PRELOAD removed by the program?)");
    // An empty stream: the target ended (crashed, exec'd) before the tracker's first write.
    if (fs::file_size(streamPath_, ec) == 0 && !ec) {
        AllocStreamReader::Summary empty;
        readCounts(empty);
        removeFiles();
        return empty;
    }
    Result<AllocStreamReader::Summary> r = makeError("");
    if (follower_) {
        // Most of it was read while the target ran; the rest is the tracker's last buffer.
        Status drained = follower_->drain();
        if (!drained)
            r = makeError(drained.message());
        else if (r = follower_->reader().finish(symbolizer, profile); !r)
            r = makeError(streamPath_ + ": " + r.message());
        follower_.reset();
    } else {
        r = AllocStreamReader::readFile(streamPath_, symbolizer, profile);
    }
    if (!r) {
        removeFiles();
        return makeError(r.message());
    }
    AllocStreamReader::Summary summary = r.value();
    readCounts(summary);
    removeFiles();
    return summary;
}

std::string AllocRecording::incompleteReason(const std::string &streamDir, const AllocStreamReader::Summary &summary,
                                             int signal, bool &failure)
{
    const std::string read = std::to_string(summary.events) + " events read";
    failure = false;
    if (signal != 0) {
        // The target's own end: what it had not yet handed over is gone with it.
        const char *name = ::sigabbrev_np(signal);
        return "allocation stream incomplete: the target was killed by signal " + std::to_string(signal) +
               (name != nullptr ? std::string(" (SIG") + name + ")" : std::string()) +
               " before the tracker finished it; allocations after its last write (at most 64 KiB of events) are "
               "missing (" +
               read + ")";
    }
    if (!summary.execPath.empty()) {
        // A wrapper that execs the real program (a shell's exec, pyenv's shims) looks like this.
        return "allocation stream ends early: the target exec'd " + summary.execPath +
               ", which the tracker does not follow: its allocations are not recorded (" + read +
               "); give perfwb the program that does the work (for a pyenv shim: pyenv which python3)";
    }
    // It exited normally, so the tracker stopped writing on the way: on a full file system
    // that is a failed recording; else a write failed for another reason, or the program
    // exec'd or closed the stream's descriptor (the tracker cannot tell us which).
    struct statvfs fs {};
    const bool full = ::statvfs(streamDir.c_str(), &fs) == 0 &&
                      static_cast<std::uint64_t>(fs.f_bavail) * fs.f_frsize < 1024ULL * 1024;
    if (full) {
        failure = true;
        return "allocation stream cut short while the target ran on (" + streamDir + ": " + std::strerror(ENOSPC) +
               "); allocations after that are missing (" + read + ")";
    }
    return "allocation stream ends early: the tracker stopped writing while the target ran on (a failed write, or "
           "the program exec'd or closed the stream); later allocations are missing (" +
           read + ")";
}

} // namespace perfwb::alloc
