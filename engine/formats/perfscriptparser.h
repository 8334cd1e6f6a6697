// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "core/result.h"
#include "model/profile.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace perfwb::formats {

// Streaming parser for the text `perf script` prints. Chunks may split lines anywhere;
// complete lines are parsed straight from the chunk, only a line cut by a chunk edge
// is copied. Frames are cached by the text of their callchain line, so a repeated call
// site costs one hash lookup; a stack equal to the previous sample's costs nothing.
//
// Understood:
//   "# key : value"                       header lines (perf script --header)
//   "comm pid/tid [cpu] secs.frac: [period] event: [ip sym (dso)]"  sample header;
//       comm may contain spaces, "/tid" and "[cpu]" and period are optional, and
//       without a callchain the one frame follows on the same line
//   "\t addr sym+off (dso)"               callchain lines, leaf first
//   "... PERF_RECORD_LOST lost N"         (--show-lost-events) adds N lost samples
//   other "PERF_RECORD_*" side-band lines are skipped; a blank line ends a sample.
// Anything else is an error naming the line number.
class PerfScriptParser {
public:
    explicit PerfScriptParser(model::Profile &out);

    Status feed(std::string_view chunk);
    // Ends the last sample and writes what was learnt into out.meta (sampler event,
    // frequency, duration, lost samples, header facts). Fails on input with no samples.
    Status finish();

    std::uint64_t sampleCount() const { return samples_; }
    std::uint64_t lostCount() const { return lost_; }
    std::size_t lineCount() const { return lineNo_; }
    // "# key : value" lines, in file order.
    const std::vector<std::pair<std::string, std::string>> &header() const { return header_; }

    // True for a sample line: "... SECONDS.FRACTION: [period] event:" (for sniffing).
    static bool isSampleLine(std::string_view line);
    // True for a sample line without the time field (`perf script -F comm,pid,tid,ip,sym`):
    // "COMM PID[/TID] [[CPU]]" and nothing after.
    static bool isTimelessSampleLine(std::string_view line);

private:
    struct EventStats {
        std::string name;
        std::uint64_t samples = 0;
        std::uint64_t period = 0;
    };
    struct StringHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
    };

    Status parseLine(std::string_view line);
    Status parseSampleHeader(std::string_view line);
    Status parseTimelessHeader(std::string_view line);
    Status parseInlineFrame(std::string_view rest);
    Status framelessTimeless() const;
    Status parseFrame(std::string_view text);
    Result<model::FrameId> internFrameLine(std::string_view text);
    void parseHeaderComment(std::string_view line);
    void endSample();
    void setThread(std::int32_t pid, std::int32_t tid, std::string_view comm);
    bool setEvent(std::string_view name, std::uint64_t period); // false past 65,535 events
    Status beginSample(std::int32_t pid, std::int32_t tid, std::string_view comm, std::string_view event,
                       std::uint64_t period);
    std::vector<const EventStats *> eventsInFileOrder() const;
    void fillEvents();
    void fillMetadata();
    Error lineError(std::string_view what) const;

    model::Profile &out_;
    std::string carry_; // a line cut by the end of the last chunk
    Status failed_;     // sticky: once an error is seen, every later call reports it
    std::size_t lineNo_ = 0;
    bool headerDone_ = false;

    // The sample being read.
    bool inSample_ = false;
    std::int64_t time_ = 0;
    // Output without the time field: samples get their index as time. A "sample" without
    // a callchain line is then no perf script at all (folded stacks look the same), so
    // endSample notes the header's line and parseLine fails on it.
    bool timeless_ = false;
    std::size_t sampleLine_ = 0;
    std::size_t framelessTimelessLine_ = 0;
    model::ThreadIndex thread_ = 0;
    std::vector<model::FrameId> leafFirst_;

    // Caches that keep the common case free of allocations and map look-ups.
    std::unordered_map<std::string, model::FrameId, StringHash, std::equal_to<>> frameCache_;
    std::vector<std::pair<std::string, model::FrameId>> lastLines_; // by depth, leaf = 0
    std::vector<model::FrameId> lastRootFirst_;
    std::vector<model::FrameId> rootFirst_;
    model::StackId lastStack_ = model::kEmptyStack;
    bool haveLastStack_ = false;
    std::int32_t lastPid_ = 0;
    std::int32_t lastTid_ = 0;
    std::string lastComm_;
    bool haveThread_ = false;
    std::vector<EventStats> events_;
    std::size_t event_ = 0;

    std::uint64_t samples_ = 0;
    std::uint64_t lost_ = 0;
    std::int64_t firstTime_ = 0;
    std::int64_t lastTime_ = 0;
    std::size_t maxDepth_ = 0;
    std::vector<std::pair<std::string, std::string>> header_;
};

} // namespace perfwb::formats
