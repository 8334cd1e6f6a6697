// SPDX-License-Identifier: GPL-3.0-or-later
#include "austinsampleline.h"

#include "textlines.h"

#include <limits>
#include <string>

namespace perfwb::formats {

namespace {

using textlines::allDigits;

// Line numbers are at most 9 digits, so they always fit a uint32.
bool lineNumber(std::string_view s, std::uint32_t &out)
{
    if (!allDigits(s) || s.size() > 9)
        return false;
    std::uint32_t v = 0;
    for (const char c : s)
        v = v * 10 + static_cast<std::uint32_t>(c - '0');
    out = v;
    return true;
}

bool isInteger(std::string_view s)
{
    if (s.starts_with('-'))
        s.remove_prefix(1);
    return allDigits(s);
}

// A quoted piece of the line for an error message: at most 60 characters, no control bytes.
std::string quoted(std::string_view s)
{
    std::string out(s.substr(0, 60));
    for (auto &c : out) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            c = ' ';
    }
    return "'" + out + (s.size() > 60 ? "...'" : "'");
}

Status integer(std::string_view s, std::int64_t &out)
{
    const bool negative = s.starts_with('-');
    if (negative)
        s.remove_prefix(1);
    std::uint64_t v = 0;
    for (const char c : s) {
        const auto digit = static_cast<std::uint64_t>(c - '0');
        if (v > (static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) - digit) / 10)
            return makeError("metric " + quoted(s) + " is out of range");
        v = v * 10 + digit;
    }
    out = negative ? -static_cast<std::int64_t>(v) : static_cast<std::int64_t>(v);
    return {};
}

// The metrics at the end of the line: one number, "a,b,c" (austin 3 -f) or three
// numbers separated by spaces (austin 1 and 2 -f). Frames end in ')', "L<n>" or
// ":<n>", never in a bare number, so trailing numbers are metrics.
Status splitMetrics(std::string_view &body, int expected, AustinSampleLine &out)
{
    std::array<std::string_view, 3> found{};
    int count = 0;
    const auto lastSpace = body.rfind(' ');
    const auto last = lastSpace == std::string_view::npos ? std::string_view{} : body.substr(lastSpace + 1);
    if (last.find(',') != std::string_view::npos) {
        std::string_view rest = last;
        while (count < 3) {
            const auto comma = rest.find(',');
            found[static_cast<std::size_t>(count++)] = rest.substr(0, comma);
            if (comma == std::string_view::npos) {
                rest = {};
                break;
            }
            rest.remove_prefix(comma + 1);
        }
        if (count != 3 || !rest.empty())
            return makeError("metrics " + quoted(last) + " are not 'time,idle,memory'");
        for (const auto f : found) {
            if (!isInteger(f))
                return makeError("metrics " + quoted(last) + " are not 'time,idle,memory'");
        }
        out.commaMetrics = true;
        body = body.substr(0, lastSpace);
    } else {
        // Take every trailing number (up to 3) whatever the file's mode, so a line with
        // more numbers than its mode has is an error rather than a frame named "5 0".
        std::array<std::string_view, 3> reversed{};
        while (count < 3) {
            const auto space = body.rfind(' ');
            if (space == std::string_view::npos)
                break;
            const auto token = body.substr(space + 1);
            if (!isInteger(token))
                break;
            reversed[static_cast<std::size_t>(count++)] = token;
            body = body.substr(0, space);
        }
        for (int i = 0; i < count; ++i)
            found[static_cast<std::size_t>(i)] = reversed[static_cast<std::size_t>(count - 1 - i)];
        if (count == 0)
            return makeError("no metric at the end of the line");
    }
    if (expected != 0 && count != expected)
        return makeError(std::to_string(count) + " metric(s) where this file has " + std::to_string(expected));
    if (count == 2)
        return makeError("2 metrics (expected 1, or 3 in full mode)");
    out.metricCount = count;
    for (int i = 0; i < count; ++i) {
        if (Status st = integer(found[static_cast<std::size_t>(i)], out.metrics[static_cast<std::size_t>(i)]); !st)
            return st;
    }
    return {};
}

void codeFrame(std::string_view token, AustinFrameText &f)
{
    f = {};
    // austin 1/2: "function (file)" or "function (file:line)"
    if (token.ends_with(')')) {
        if (const auto open = token.rfind(" ("); open != std::string_view::npos) {
            f.function = token.substr(0, open);
            f.file = token.substr(open + 2, token.size() - open - 3);
            if (const auto colon = f.file.rfind(':');
                colon != std::string_view::npos && lineNumber(f.file.substr(colon + 1), f.line))
                f.file = f.file.substr(0, colon);
            return;
        }
    }
    // austin 3: "file:function:line" (the file may hold ':'), or "file:function" before "L<line>"
    const auto last = token.rfind(':');
    if (last == std::string_view::npos) {
        f.function = token;
        return;
    }
    if (lineNumber(token.substr(last + 1), f.line)) {
        const auto head = token.substr(0, last);
        const auto mid = head.rfind(':');
        if (mid == std::string_view::npos) {
            f.function = head;
        } else {
            f.file = head.substr(0, mid);
            f.function = head.substr(mid + 1);
        }
        return;
    }
    f.file = token.substr(0, last);
    f.function = token.substr(last + 1);
}

Status splitFrames(std::string_view body, std::vector<AustinFrameText> &frames)
{
    if (body.empty())
        return {};
    if (body.front() != ';')
        return makeError("expected ';' after the thread, got " + quoted(body));
    body.remove_prefix(1);
    for (;;) {
        const auto semi = body.find(';');
        const auto token = body.substr(0, semi);
        AustinFrameText f;
        std::uint32_t line = 0;
        if (token.size() > 1 && token.front() == 'L' && lineNumber(token.substr(1), line)) {
            // austin's default (1, 2) and -a (3) formats give the line as its own "frame".
            if (frames.empty() || frames.back().kind != AustinFrameText::Kind::Code || frames.back().line != 0)
                return makeError("line marker " + quoted(token) + " without a function before it");
            frames.back().line = line;
        } else {
            if (token == "<idle>")
                f.kind = AustinFrameText::Kind::Idle;
            else if (token == ":INVALID:")
                f.kind = AustinFrameText::Kind::Invalid;
            else if (token == ":GC:")
                f.kind = AustinFrameText::Kind::Gc;
            else if (token == "Bad sample")
                f.kind = AustinFrameText::Kind::Bad;
            else
                codeFrame(token, f);
            frames.push_back(f);
        }
        if (semi == std::string_view::npos)
            break;
        body.remove_prefix(semi + 1);
    }
    return {};
}

} // namespace

Status AustinSampleLine::parse(std::string_view line, int expectedMetrics, AustinSampleLine &out)
{
    out.hasPid = false;
    out.pid = 0;
    out.thread = {};
    out.frames.clear();
    out.metricCount = 0;
    out.commaMetrics = false;
    std::string_view rest;
    if (line.starts_with("Thread ")) {
        rest = line.substr(7);
        const auto end = rest.find_first_of("; ");
        out.thread = rest.substr(0, end);
        rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end);
    } else if (line.starts_with("Bad sample ")) {
        // austin 1 writes this alone when a whole round of samples failed
        out.frames.push_back({AustinFrameText::Kind::Bad, {}, {}, 0});
        rest = line.substr(10);
    } else if (line.starts_with('P')) {
        const auto semi = line.find(';');
        const auto digits = line.substr(1, semi == std::string_view::npos ? std::string_view::npos : semi - 1);
        if (!allDigits(digits) || digits.size() > 10 || std::stoll(std::string(digits)) > 0x7fffffff)
            return makeError("expected 'P<pid>;T<thread>' at the start, got " + quoted(line));
        out.hasPid = true;
        out.pid = static_cast<std::int32_t>(std::stoll(std::string(digits)));
        rest = semi == std::string_view::npos ? std::string_view{} : line.substr(semi + 1);
        if (!rest.starts_with('T'))
            return makeError("expected 'T<thread>' after the process, got " + quoted(rest));
        rest.remove_prefix(1);
        const auto end = rest.find_first_of("; ");
        out.thread = rest.substr(0, end);
        rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end);
    } else {
        return makeError("not an austin sample (expected 'P<pid>;T<thread>;...' or 'Thread <id>;...'), got " +
                         quoted(line));
    }
    if (out.thread.empty() && out.frames.empty())
        return makeError("no thread id in " + quoted(line));
    // austin 1 writes a bad sample with its time alone, even in full mode.
    const bool badSample = !out.frames.empty() || rest.starts_with(";Bad sample ");
    if (Status st = splitMetrics(rest, badSample ? 0 : expectedMetrics, out); !st)
        return st;
    if (!out.frames.empty()) // a bare "Bad sample" has nothing between it and its metric
        return rest.empty() ? Status{} : makeError("unexpected " + quoted(rest) + " in a bad-sample line");
    return splitFrames(rest, out.frames);
}

} // namespace perfwb::formats
