// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "core/result.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace perfwb::formats {

// What a callgrind (or cachegrind) profile says, per function and per call edge.
// Strings are views into the parsed text, which must outlive this.
struct CallgrindData {
    struct Function {
        std::string_view object; // ob= (full path), empty in cachegrind files
        std::string_view file;   // fl= of the function
        std::string_view name;
        std::uint32_t line = 0; // lowest line of its own cost lines in its own file, 0 if none
        bool called = false;    // target of some calls= line
        std::uint64_t calls = 0;
    };
    struct Edge {
        std::uint32_t caller = 0;
        std::uint32_t callee = 0;
        std::uint64_t count = 0;
        std::uint64_t cost = 0; // inclusive cost of the first event
    };

    std::vector<std::string_view> events;
    std::string_view creator;
    std::string_view command;
    std::int64_t pid = 0;
    std::vector<std::uint64_t> summary; // summary: or totals:, empty when the file has neither

    std::vector<Function> functions;
    std::vector<Edge> edges;
    // Per function, events.size() values each: own cost, cost of the calls it received,
    // cost of the calls it made.
    std::vector<std::uint64_t> self;
    std::vector<std::uint64_t> callsIn;
    std::vector<std::uint64_t> callsOut;

    // callgrind_annotate --inclusive=yes: the calls a function received if it received
    // any, else its own cost plus the calls it made.
    std::uint64_t inclusive(std::size_t function, std::size_t event) const;
};

// The callgrind profile format (https://valgrind.org/docs/manual/cl-format.html):
// headers ("events:", "positions:", "summary:", ...), ob=/fl=/fi=/fe=/fn= and
// cob=/cfi=/cfl=/cfn= with "(id) name" compression, calls= followed by the call's
// inclusive cost line, relative subpositions (+N, -N, *), hex addresses, cost lines with
// fewer columns than events (the rest are zero). jump=/jcnd= lines are read and ignored.
// A function is (object, file, name), as callgrind writes them; a call's target without
// cob=/cfi= is in the caller's object and the current (fi=/fe=) file. Errors name the
// line: "line 12: calls= without a cfn= before it".
class CallgrindParser {
public:
    static constexpr std::size_t kMaxEvents = 64;
    // functions x events: keeps a small hostile file from asking for gigabytes.
    static constexpr std::size_t kMaxCells = std::size_t(1) << 24;

    Result<CallgrindData> parse(std::string_view text);

private:
    enum class Kind { Object, File, Function };

    Status line(std::string_view line);
    Status header(std::string_view key, std::string_view value);
    Status body(std::string_view key, std::string_view value);
    Status costLine(std::string_view line);
    Result<std::string_view> name(Kind kind, std::string_view value);
    Result<std::uint32_t> function(std::string_view object, std::string_view file, std::string_view name);
    Status numbers(std::string_view text, std::vector<std::uint64_t> &out, const char *what);
    Status position(std::string_view token, std::uint64_t &last);
    Error fail(const std::string &what) const;

    CallgrindData d_;
    std::size_t lineNo_ = 0;
    std::size_t positions_ = 1; // subpositions per cost line
    bool hasLine_ = true;
    bool bodyStarted_ = false;
    std::unordered_map<std::uint64_t, std::string_view> names_[3];
    std::unordered_map<std::string, std::uint32_t> functionIndex_;

    std::string_view object_;
    std::string_view fnFile_;  // fl=
    std::string_view curFile_; // fl=, fi= or fe=
    std::uint32_t current_ = UINT32_MAX;
    bool haveCalleeObject_ = false, haveCalleeFile_ = false;
    std::string_view calleeObject_, calleeFile_;
    std::uint32_t callee_ = UINT32_MAX;
    bool callPending_ = false; // the next cost line is a call's cost
    bool jumpPending_ = false; // the next cost line is a jump's source position
    std::uint64_t callCount_ = 0;
    std::uint64_t lastPos_[2] = {0, 0};
    std::unordered_map<std::uint64_t, std::uint32_t> edgeIndex_;
    std::vector<std::uint64_t> costs_;
};

} // namespace perfwb::formats
