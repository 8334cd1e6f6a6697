// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "core/result.h"

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace perfwb::formats {

// One frame of an austin sample, as views into the line.
struct AustinFrameText {
    enum class Kind : std::uint8_t {
        Code,    // a Python function: "file:function:line", "function (file);L<line>", ...
        Idle,    // "<idle>" (austin 1 -s: the thread was waiting)
        Invalid, // ":INVALID:" (austin 3: a frame it could not read)
        Gc,      // ":GC:" (austin 3 -g: the garbage collector was running)
        Bad,     // "Bad sample" (austin 1: the whole sample could not be read)
    };
    Kind kind = Kind::Code;
    std::string_view function;
    std::string_view file;
    std::uint32_t line = 0;
};

// One sample line of austin's collapsed-stack output, in any of its dialects:
//   austin 1:  Thread <hex id>;<function> (<file>);L<line>;... <metric(s)>
//              (-a: <function> (<file>:<line>)); -f ends in "<time> <+mem> <-mem>"
//   austin 2:  P<pid>;T<hex id>;<frames as in austin 1> <metric(s)>
//   austin 3:  P<pid>;T[<iid>:]<tid>;<file>:<function>:<line>;... <metric>
//              (-a: <file>:<function>;L<line>); -f ends in "<time>,<idle>,<memory>"
// Frames may contain spaces and ':' (paths), never ';'.
struct AustinSampleLine {
    bool hasPid = false; // "P<pid>;T..." (austin 2 and later) rather than "Thread <id>" (austin 1)
    std::int32_t pid = 0;
    std::string_view thread;             // as written: "7f3a1c", "8374", "0:8374"; empty for a bare "Bad sample"
    std::vector<AustinFrameText> frames; // root (outermost) first
    std::array<std::int64_t, 3> metrics{};
    int metricCount = 0;
    bool commaMetrics = false; // "time,idle,memory" (austin 3 full mode)

    // Splits one line (without its newline). expectedMetrics is 1 or 3 when the mode is
    // known, 0 to take what the line has. On error the message says what is wrong
    // (the caller adds the line number); `out` is reused so its frame vector keeps its capacity.
    static Status parse(std::string_view line, int expectedMetrics, AustinSampleLine &out);
};

} // namespace perfwb::formats
