// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "core/result.h"
#include "model/profile.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace perfwb::symbolize {
class Symbolizer;
}

namespace perfwb::alloc {

// Turns the stream of libperfwb_alloctrack.so (format: tracker/allocstream.h) into
// the profile's allocation table and its "heap" timeline. Stacks are symbolized
// through the recording's Symbolizer with the mappings the tracker sent, so they
// share frames with the CPU samples of the same run.
//
// Incremental: feed() the stream's bytes as they come (a recording reads it while the
// target writes it), then finish(). One pass; each trace's bytes at the heap's peak are
// kept as the heap reaches it. read()/readFile() do both for a whole stream.
class AllocStreamReader {
public:
    struct Summary {
        std::int32_t pid = 0;
        std::uint64_t events = 0;
        std::uint64_t traceNodes = 0;
        std::uint64_t unmatchedFrees = 0; // frees of blocks allocated before tracking began
        bool complete = false;            // the stream ends with the tracker's end record
        int crashSignal = 0;              // the tracker wrote it all when the process died of this
        std::string execPath;             // the program the process last exec'd (not followed)
        // From the tracker's shared counts (AllocRecording::finish), when it had them:
        bool counted = false;
        std::uint64_t lostEvents = 0;  // recorded into its buffer but never in the stream
        std::uint64_t missedCalls = 0; // calls after a failed write stopped the stream
    };

    // What a stream named since it was last asked (takeSymbolWork): for a symbolizer to
    // open the modules and their debug info while the target runs, not after it ends.
    struct SymbolWork {
        struct Mapping {
            std::uint64_t start = 0, length = 0, pgoff = 0;
            std::string path;
        };
        std::int32_t pid = 0;
        std::vector<Mapping> mappings;
        std::vector<std::uint64_t> returnAddresses; // of new trace nodes (Python frames left out)
        bool empty() const { return mappings.empty() && returnAddresses.empty(); }
    };

    AllocStreamReader();
    ~AllocStreamReader();
    AllocStreamReader(AllocStreamReader &&) noexcept;
    AllocStreamReader &operator=(AllocStreamReader &&) noexcept;

    // Replays the whole records at the start of `data`, the stream's next bytes (from its
    // header on); returns how many bytes they took. The rest is a record cut short: give
    // it again with what follows. An error for what is not a stream or is malformed.
    // Touches no symbolizer: it may run on its own thread while the recording goes on.
    Result<std::size_t> feed(std::string_view data);
    // Appends to `out` the mappings and trace nodes fed since the last call; on the
    // thread that feeds.
    void takeSymbolWork(SymbolWork &out);
    // The allocation table, stacks and heap timeline into `profile`, symbolized with the
    // mappings the stream sent; then the reader is ready for another stream.
    Result<Summary> finish(symbolize::Symbolizer &symbolizer, model::Profile &profile);

    // `data` is a whole stream; a stream cut short is read up to its last whole record.
    // `consumed`, when set, hears now and then how many bytes from the start of `data`
    // a pass is done with (readFile gives those pages back: bounded memory).
    static Result<Summary> read(std::string_view data, symbolize::Symbolizer &symbolizer, model::Profile &profile,
                                const std::function<void(std::size_t)> &consumed = {});
    static Result<Summary> readFile(const std::string &path, symbolize::Symbolizer &symbolizer,
                                    model::Profile &profile);

    // The stream's header (magic, version, pid) from its first bytes: the pid of the process
    // that wrote it, or an error. `length` gets the header's size.
    static Result<std::int32_t> headerPid(std::string_view head, std::size_t *length = nullptr);

    // Name of the timeline of heap bytes in use.
    static constexpr std::string_view kHeapTimeline = model::timelines::kHeap;

private:
    struct State;
    std::unique_ptr<State> state_;
};

} // namespace perfwb::alloc
