// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "core/result.h"
#include "model/profile.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace perfwb::formats {

// heaptrack's data file: the text heaptrack_interpret writes (file format versions 1-3,
// heaptrack 1.0 and later), plain, gzip or zstd. One record per line, numbers in hex:
//   v HEAPTRACK_VERSION FILE_VERSION   X command line   I page_size pages
//   s [LENGTH] string                  strings, numbered from 1 (0 = none)
//   i ip module [function file line]…  instruction pointers, from 1; inlined frames follow
//   t ip parent                        trace (call tree) nodes, from 1 (0 = the root)
//   a size trace                       allocation infos, from 0
//   + info / - info                    an allocation / a free of a block of that info
//   c milliseconds                     R rss_pages   A (attached)   S suppression   # comment
//
// Costs are computed as heaptrack_print computes them: calls = '+' records; peak = the
// most bytes live at once (and each stack's live bytes at that moment, from a second
// pass that replays up to it); leaked = live at the end; temporary = a '-' right after a
// '+' of the same info. Like heaptrack, trace nodes whose function is operator new are
// folded into their caller, so C++ stacks end at the allocating function. Leaks that
// heaptrack's built-in or embedded suppressions hide are still counted here.
//
// Model: Profile::allocations per stack, timelines "heap" (at every 'c') and "rss";
// samples weighted by bytes allocated (weight unit "bytes"), one per stack and time
// slice (at most ~200 slices per run), so flame graphs and time filters work. Frames:
// the function (or "0x<ip>" when heaptrack had no symbol), the module's file name, the
// source file and line; inlined frames are marked inlined. One thread, named after the
// program. Errors name the line: "line 12: ...".
class HeaptrackReader {
public:
    explicit HeaptrackReader(model::Profile &out)
        : out_(out)
    {}
    Status read(std::string_view data);

    // True when the first line of `text` is heaptrack's version record.
    static bool looksLikeHeaptrack(std::string_view text);

private:
    struct Ip {
        std::uint32_t firstFrame = 0; // into ipFrames_, root first
        std::uint32_t frameCount = 0;
        bool operatorNew = false;
    };
    struct Info {
        std::uint64_t size = 0;
        std::uint32_t trace = 0;
    };

    Status forEachLine(std::string_view data, bool (HeaptrackReader::*wanted)(char) const,
                       Status (HeaptrackReader::*handle)(std::string_view));
    bool allRecords(char) const { return true; }
    bool replayRecords(char mode) const { return mode == '+' || mode == '-' || mode == 'c'; }
    Status firstPass(std::string_view line);
    Status secondPass(std::string_view line);
    Error bad(const std::string &what) const;

    Status readVersion(std::string_view rest);
    Status readString(std::string_view rest);
    Status readIp(std::string_view rest);
    Status readTrace(std::string_view rest);
    Status readInfo(std::string_view rest);
    Status readAllocation(std::string_view rest);
    Status readFree(std::string_view rest);
    Status readTime(std::string_view rest, std::int64_t &ms) const;
    Status readRss(std::string_view rest);
    Status readSystemInfo(std::string_view rest);
    Result<std::uint64_t> infoIndex(std::string_view rest) const;

    model::StackId stackOfTrace(std::uint32_t trace);
    void flushSlice();
    void finish();

    model::Profile &out_;
    std::size_t lineNo_ = 0;
    bool sawVersion_ = false;
    std::uint64_t heaptrackVersion_ = 0;
    std::uint64_t fileVersion_ = 0;
    std::string command_;
    std::vector<std::string> strings_;
    std::vector<std::uint64_t> operatorNewStrings_;
    std::vector<model::FrameId> ipFrames_;
    std::vector<Ip> ips_;
    std::vector<model::StackId> traceStacks_{model::kEmptyStack}; // trace 0: the root
    std::vector<Info> infos_;
    std::vector<std::uint64_t> live_; // blocks live per info
    std::vector<model::AllocationStats> perTrace_;
    model::StackId unknownStack_ = model::kEmptyStack;

    // Pass one: totals and the moment of the peak.
    std::uint64_t heap_ = 0;
    std::uint64_t peak_ = 0;
    std::uint64_t ordinal_ = 0; // '+' and '-' records applied so far
    std::uint64_t peakOrdinal_ = 0;
    std::int64_t nowMs_ = 0;
    std::int64_t lastMs_ = 0;
    std::int64_t peakMs_ = 0;
    std::uint64_t lastAllocated_ = ~std::uint64_t(0); // info of the latest '+', none after a '-'
    std::uint64_t pageSize_ = 0;
    std::uint64_t peakRssPages_ = 0;
    std::uint64_t unmatchedFrees_ = 0;
    bool attached_ = false;
    model::Timeline heapTimeline_{std::string(model::timelines::kHeap), std::string(model::timelines::kBytes), {}};
    model::Timeline rssTimeline_{std::string(model::timelines::kRss), std::string(model::timelines::kBytes), {}};

    // Pass two: live blocks at the peak, bytes allocated per stack and time slice.
    std::vector<std::uint64_t> replayLive_;
    std::vector<std::uint64_t> sliceBytes_; // per stack
    std::vector<model::StackId> sliceStacks_;
    std::int64_t sliceMs_ = 1;
    std::int64_t slice_ = 0;
    model::ThreadIndex thread_ = 0;
};

} // namespace perfwb::formats
