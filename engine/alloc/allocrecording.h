#pragma once
#include "core/result.h"
#include "model/profile.h"

#include <string>
#include <utility>
#include <vector>

namespace perfwb::symbolize {
class Symbolizer;
}

namespace perfwb::alloc {

// The recorder's side of `perfwb record --alloc`: where the tracker library is, the
// environment that loads it into the target, and reading its stream at the end.
//
// The tracker writes to a file beside the report (PERFWB_ALLOC_FILE), so the
// launcher needs no inherited descriptor; about 3 bytes per allocation event.
// Usage: prepare() before launching, add environment() to the launch's extra
// environment, and after the target exited call finish() with the session's
// Symbolizer and Profile (before the report's last flush). The file is removed.
class AllocRecording {
public:
    AllocRecording() = default;
    ~AllocRecording();
    AllocRecording(AllocRecording &&other) noexcept;
    AllocRecording &operator=(AllocRecording &&other) noexcept;
    AllocRecording(const AllocRecording &) = delete;
    AllocRecording &operator=(const AllocRecording &) = delete;

    // `reportPath`: the report being written; the stream goes to REPORT.alloc beside it.
    static Result<AllocRecording> prepare(const std::string &reportPath);

    // LD_PRELOAD (the tracker first, then any LD_PRELOAD of ours) and PERFWB_ALLOC_FILE.
    std::vector<std::pair<std::string, std::string>> environment() const;
    const std::string &streamPath() const { return streamPath_; }

    // Reads the stream into profile.allocations and the "heap" timeline.
    Status finish(symbolize::Symbolizer &symbolizer, model::Profile &profile);

    // $PERFWB_ALLOCTRACK_LIB, else lib/libperfwb_alloctrack.so beside our bin/ (or
    // app/) directory, as installed and as built. Error names the places looked at.
    static Result<std::string> trackerPath();

private:
    std::string trackerPath_;
    std::string streamPath_;
};

} // namespace perfwb::alloc
