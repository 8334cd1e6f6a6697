#include "allocrecording.h"

#include "allocstreamreader.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>
#include <unistd.h>

namespace perfwb::alloc {

namespace fs = std::filesystem;

AllocRecording::~AllocRecording()
{
    if (!streamPath_.empty()) {
        std::error_code ec;
        fs::remove(streamPath_, ec);
    }
}

AllocRecording::AllocRecording(AllocRecording &&other) noexcept
    : trackerPath_(std::move(other.trackerPath_))
    , streamPath_(std::exchange(other.streamPath_, {}))
{}

AllocRecording &AllocRecording::operator=(AllocRecording &&other) noexcept
{
    if (this != &other) {
        trackerPath_ = std::move(other.trackerPath_);
        streamPath_ = std::exchange(other.streamPath_, {});
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
    return r;
}

std::vector<std::pair<std::string, std::string>> AllocRecording::environment() const
{
    std::string preload = trackerPath_;
    if (const char *ours = std::getenv("LD_PRELOAD"); ours && *ours)
        preload += std::string(":") + ours;
    return {{"LD_PRELOAD", preload}, {"PERFWB_ALLOC_FILE", streamPath_}};
}

Status AllocRecording::finish(symbolize::Symbolizer &symbolizer, model::Profile &profile)
{
    std::error_code ec;
    if (!fs::exists(streamPath_, ec))
        return makeError(streamPath_ + ": the target wrote no allocation stream (statically linked, or "
                                       "LD_PRELOAD removed by the program?)");
    auto r = AllocStreamReader::readFile(streamPath_, symbolizer, profile);
    fs::remove(streamPath_, ec);
    streamPath_.clear();
    if (!r)
        return makeError(r.message());
    return {};
}

} // namespace perfwb::alloc
