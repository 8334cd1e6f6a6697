// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "allocstreamreader.h"
#include "core/result.h"
#include "model/profile.h"

#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace perfwb::symbolize {
class Symbolizer;
}

namespace perfwb::alloc {

class StreamFollower;

// The recorder's side of `perfwb record --alloc`: where the tracker library is, the
// environment that loads it into the target, and reading its stream at the end.
//
// The tracker writes to a file beside the report (PERFWB_ALLOC_FILE), so the
// launcher needs no inherited descriptor; about 3 bytes per allocation event.
// Usage: prepare() before launching, add environment() to the launch's extra
// environment, follow() once the target runs, and after the target exited call finish()
// with the session's Symbolizer and Profile (before the report's last flush). The file
// is removed.
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

    // LD_PRELOAD (the tracker first, then any LD_PRELOAD of ours), PERFWB_ALLOC_FILE and
    // PERFWB_ALLOC_COUNTS (the shared counts file, REPORT.alloc.counts), and
    // PERFWB_ALLOC_PYTHON unless setPythonFrames(false).
    std::vector<std::pair<std::string, std::string>> environment() const;
    // Whether a CPython target's allocation stacks get its Python frames (the tracker
    // reads them in-process with perfwb's layouts, PERFWB_ALLOC_PYTHON). Default on.
    void setPythonFrames(bool on) { pythonFrames_ = on; }
    // PERFWB_ALLOC_PYTHON's value: "11:v,v,...;12:v,v,...".
    static std::string pythonLayouts();
    const std::string &streamPath() const { return streamPath_; }

    // Reads the stream while the target writes it, on a thread of its own (StreamFollower),
    // so finish() has only the tracker's last buffer left to read.
    void follow();
    // Symbolizes what the stream named so far, so the modules and their debug info are
    // open before the target ends (libc's compressed DWARF took 75 ms after it); finish()
    // then finds them in the symbolizer's caches. From the thread that owns `symbolizer`,
    // while following; `profileLock` guards `profile`.
    void warmSymbols(symbolize::Symbolizer &symbolizer, model::Profile &profile, std::mutex &profileLock);

    // Reads the stream into profile.allocations and the "heap" timeline. Summary.complete
    // is false when the stream lacks the tracker's end record (see incompleteReason());
    // lostEvents and missedCalls count what never reached it.
    Result<AllocStreamReader::Summary> finish(symbolize::Symbolizer &symbolizer, model::Profile &profile);

    // Why a stream without its end record is short, for a target that ended with `signal`
    // (0: it exited normally, so the tracker stopped writing on the way, or it exec'd a
    // program the tracker does not follow). `failure` is set when the stream's file system
    // is full: allocations were lost to the recording itself.
    static std::string incompleteReason(const std::string &streamDir, const AllocStreamReader::Summary &summary,
                                        int signal, bool &failure);

    // $PERFWB_ALLOCTRACK_LIB, else lib/libperfwb_alloctrack.so beside our bin/ (or
    // app/) directory, as installed and as built. Error names the places looked at.
    static Result<std::string> trackerPath();

    // "N allocation events lost (...)" from a summary's counts, or empty when none were.
    static std::string lostText(const AllocStreamReader::Summary &summary);

private:
    static void removeOrphanStreams(const std::string &dir);
    static std::string countsPathFor(const std::string &streamPath) { return streamPath + ".counts"; }
    void readCounts(AllocStreamReader::Summary &summary) const;
    void removeFiles();

    std::string trackerPath_;
    std::string streamPath_;
    bool pythonFrames_ = true;
    std::unique_ptr<StreamFollower> follower_;
};

} // namespace perfwb::alloc
