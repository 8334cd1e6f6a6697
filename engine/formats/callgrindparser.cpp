// SPDX-License-Identifier: GPL-3.0-or-later
#include "callgrindparser.h"

#include "textlines.h"

#include <algorithm>
#include <limits>

namespace perfwb::formats {

namespace {

using textlines::trim;

// Token separators: a carriage return too, so CRLF lines split like LF ones.
bool isBlank(char c)
{
    return textlines::isBlank(c) || c == '\r';
}

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();

// Splits off the next blank-separated token.
std::string_view nextToken(std::string_view &rest)
{
    rest = trim(rest);
    std::size_t end = 0;
    while (end < rest.size() && !isBlank(rest[end]))
        ++end;
    const auto token = rest.substr(0, end);
    rest.remove_prefix(end);
    return token;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Decimal, or hexadecimal with 0x; false on anything else or overflow.
bool parseNumber(std::string_view s, std::uint64_t &out)
{
    unsigned base = 10;
    if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        base = 16;
        s.remove_prefix(2);
    }
    if (s.empty())
        return false;
    std::uint64_t v = 0;
    for (const char c : s) {
        unsigned digit = 0;
        if (isDigit(c))
            digit = static_cast<unsigned>(c - '0');
        else if (base == 16 && c >= 'a' && c <= 'f')
            digit = static_cast<unsigned>(c - 'a' + 10);
        else if (base == 16 && c >= 'A' && c <= 'F')
            digit = static_cast<unsigned>(c - 'A' + 10);
        else
            return false;
        if (v > (kMax - digit) / base)
            return false;
        v = v * base + digit;
    }
    out = v;
    return true;
}

bool addTo(std::uint64_t &sum, std::uint64_t v)
{
    if (sum > kMax - v)
        return false;
    sum += v;
    return true;
}

// Text from the file, fit for a one-line message: control bytes become '?', long text is cut.
std::string quoted(std::string_view s)
{
    std::string text(s.substr(0, 40));
    for (char &c : text) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            c = '?';
    }
    return "'" + text + (s.size() > 40 ? "...'" : "'");
}

} // namespace

std::uint64_t CallgrindData::inclusive(std::size_t function, std::size_t event) const
{
    const std::size_t i = function * events.size() + event;
    if (functions[function].called)
        return callsIn[i];
    return self[i] > kMax - callsOut[i] ? kMax : self[i] + callsOut[i];
}

Error CallgrindParser::fail(const std::string &what) const
{
    return makeError("line " + std::to_string(lineNo_) + ": " + what);
}

Result<CallgrindData> CallgrindParser::parse(std::string_view text)
{
    std::size_t pos = 0;
    while (pos < text.size()) {
        auto nl = text.find('\n', pos);
        if (nl == std::string_view::npos)
            nl = text.size();
        const auto l = trim(text.substr(pos, nl - pos));
        pos = nl + 1;
        ++lineNo_;
        if (l.empty() || l.front() == '#')
            continue;
        if (auto st = line(l); !st)
            return Error{st.message()};
    }
    if (callPending_)
        return fail("the file ends after calls= without the call's cost line");
    if (d_.events.empty())
        return makeError("no 'events:' line (not a callgrind profile)");
    if (d_.functions.empty())
        return makeError("no functions (no 'fn=' lines)");
    return std::move(d_);
}

Status CallgrindParser::line(std::string_view l)
{
    const char c = l.front();
    if (isDigit(c) || c == '+' || c == '-' || c == '*')
        return costLine(l);
    const auto sep = l.find_first_of(":=");
    const auto key = l.substr(0, sep == std::string_view::npos ? 0 : sep);
    const bool keyOk = !key.empty() && std::all_of(key.begin(), key.end(), [](char k) {
        return (k >= 'a' && k <= 'z') || (k >= 'A' && k <= 'Z') || k == '_';
    });
    if (!keyOk) {
        const bool binary = std::any_of(l.begin(), l.end(), [](char k) {
            return (static_cast<unsigned char>(k) < 0x20 && k != '\t') || k == 0x7f;
        });
        return fail(binary ? std::string("binary data, not a callgrind profile")
                           : "not a callgrind line: " + quoted(l));
    }
    if (callPending_)
        return fail("calls= is not followed by the call's cost line");
    const auto value = trim(l.substr(sep + 1));
    return l[sep] == ':' ? header(key, value) : body(key, value);
}

Status CallgrindParser::header(std::string_view key, std::string_view value)
{
    if (key == "version") {
        std::uint64_t v = 0;
        if (!parseNumber(value, v) || v > 1)
            return fail("format version " + quoted(value) + " is not supported (only 1)");
    } else if (key == "creator") {
        d_.creator = value;
    } else if (key == "cmd") {
        d_.command = value;
    } else if (key == "pid") {
        std::uint64_t v = 0;
        if (!parseNumber(value, v) || v > std::uint64_t(std::numeric_limits<std::int32_t>::max()))
            return fail("pid " + quoted(value) + " is not a process id");
        d_.pid = static_cast<std::int64_t>(v);
    } else if (key == "positions") {
        std::size_t count = 0;
        bool line = false;
        for (auto rest = value; !trim(rest).empty();) {
            const auto t = nextToken(rest);
            if (t != "instr" && t != "addr" && t != "line")
                return fail("unknown position " + quoted(t) + " (expected instr and/or line)");
            line = line || t == "line";
            ++count;
        }
        if (count == 0 || count > 2)
            return fail("positions: needs one or two of instr, line");
        positions_ = count;
        hasLine_ = line;
    } else if (key == "events") {
        std::vector<std::string_view> events;
        for (auto rest = value; !trim(rest).empty();)
            events.push_back(nextToken(rest));
        if (events.empty())
            return fail("events: names no event");
        if (events.size() > kMaxEvents)
            return fail("events: names " + std::to_string(events.size()) + " events (at most " +
                        std::to_string(kMaxEvents) + ")");
        if (bodyStarted_ && events != d_.events)
            return fail("events: changes after the first cost lines (not supported)");
        d_.events = std::move(events);
        costs_.assign(d_.events.size(), 0);
    } else if (key == "summary" || key == "totals") {
        if (d_.events.empty())
            return fail(std::string(key) + ": before the events: line");
        std::vector<std::uint64_t> values;
        if (auto st = numbers(value, values, key == "summary" ? "summary" : "totals"); !st)
            return st;
        const bool none = std::all_of(d_.summary.begin(), d_.summary.end(), [](std::uint64_t v) { return v == 0; });
        if (key == "summary" || none)
            d_.summary = std::move(values);
    }
    // thread:, part:, desc:, event: and headers of newer versions say nothing we keep.
    return {};
}

Status CallgrindParser::body(std::string_view key, std::string_view value)
{
    if (d_.events.empty())
        return fail(std::string(key) + "= before the events: line");
    bodyStarted_ = true;
    if (key == "ob" || key == "fl" || key == "fi" || key == "fe" || key == "fn" || key == "cob" || key == "cfi" ||
        key == "cfl" || key == "cfn" || key == "jfi" || key == "jfn") {
        const Kind kind = key.ends_with("ob") ? Kind::Object : key.ends_with("fn") ? Kind::Function : Kind::File;
        auto n = name(kind, value);
        if (!n)
            return n.status();
        if (key == "ob") {
            object_ = n.value();
        } else if (key == "fl") {
            fnFile_ = curFile_ = n.value();
        } else if (key == "fi" || key == "fe") {
            curFile_ = n.value();
        } else if (key == "fn") {
            auto f = function(object_, fnFile_, n.value());
            if (!f)
                return f.status();
            current_ = f.value();
        } else if (key == "cob") {
            calleeObject_ = n.value();
            haveCalleeObject_ = true;
        } else if (key == "cfi" || key == "cfl") {
            calleeFile_ = n.value();
            haveCalleeFile_ = true;
        } else if (key == "cfn") {
            auto f = function(haveCalleeObject_ ? calleeObject_ : object_, haveCalleeFile_ ? calleeFile_ : curFile_,
                              n.value());
            if (!f)
                return f.status();
            callee_ = f.value();
            haveCalleeObject_ = haveCalleeFile_ = false;
        }
        return {};
    }
    if (key == "calls") {
        auto rest = value;
        if (!parseNumber(nextToken(rest), callCount_))
            return fail("calls= count " + quoted(value) + " is not a number");
        if (current_ == kNone)
            return fail("calls= before any fn=");
        if (callee_ == kNone)
            return fail("calls= without a cfn= before it");
        callPending_ = true;
    } else if (key == "jump" || key == "jcnd") {
        jumpPending_ = true;
    }
    // ln=, bb= and keys of newer versions carry nothing we keep.
    return {};
}

Result<std::string_view> CallgrindParser::name(Kind kind, std::string_view value)
{
    // "(id) name" defines a name, "(id)" alone repeats it; "(below main)" is a name.
    if (value.empty() || value.front() != '(')
        return value;
    const auto close = value.find(')');
    if (close == std::string_view::npos || close == 1 ||
        !std::all_of(value.begin() + 1, value.begin() + static_cast<std::ptrdiff_t>(close), isDigit))
        return value;
    std::uint64_t id = 0;
    if (!parseNumber(value.substr(1, close - 1), id))
        return Error{fail("name id " + quoted(value.substr(0, close + 1)) + " is too large")};
    const auto rest = trim(value.substr(close + 1));
    auto &table = names_[static_cast<int>(kind)];
    if (rest.empty()) {
        const auto it = table.find(id);
        if (it == table.end())
            return Error{fail("name id (" + std::to_string(id) + ") was never defined")};
        return it->second;
    }
    table[id] = rest;
    return rest;
}

Result<std::uint32_t> CallgrindParser::function(std::string_view object, std::string_view file, std::string_view name)
{
    std::string key;
    key.reserve(object.size() + file.size() + name.size() + 2);
    key.append(object).append(1, '\x1f').append(file).append(1, '\x1f').append(name);
    const auto [it, added] =
        functionIndex_.try_emplace(std::move(key), static_cast<std::uint32_t>(d_.functions.size()));
    if (!added)
        return it->second;
    const std::size_t cells = (d_.functions.size() + 1) * d_.events.size();
    if (cells > kMaxCells)
        return Error{fail("more than " + std::to_string(kMaxCells / d_.events.size()) + " functions")};
    d_.functions.push_back({object, file, name});
    d_.self.resize(cells, 0);
    d_.callsIn.resize(cells, 0);
    d_.callsOut.resize(cells, 0);
    return it->second;
}

Status CallgrindParser::numbers(std::string_view text, std::vector<std::uint64_t> &out, const char *what)
{
    out.clear();
    for (auto rest = text; !trim(rest).empty();) {
        const auto t = nextToken(rest);
        std::uint64_t v = 0;
        if (!parseNumber(t, v))
            return fail(std::string(what) + " value " + quoted(t) + " is not a number (or too large)");
        if (out.size() == d_.events.size())
            return fail(std::string(what) + " has more values than the " + std::to_string(d_.events.size()) +
                        " events");
        out.push_back(v);
    }
    return {};
}

Status CallgrindParser::position(std::string_view token, std::uint64_t &last)
{
    std::uint64_t v = 0;
    if (token == "*")
        return {};
    if ((token.front() == '+' || token.front() == '-') && parseNumber(token.substr(1), v)) {
        // Wrapping arithmetic: a position below zero is nonsense but harmless.
        last = token.front() == '+' ? last + v : last - v;
        return {};
    }
    if (!parseNumber(token, v))
        return fail("bad position " + quoted(token));
    last = v;
    return {};
}

Status CallgrindParser::costLine(std::string_view l)
{
    if (d_.events.empty())
        return fail("cost line before the events: line");
    bodyStarted_ = true;
    std::uint64_t pos[2] = {lastPos_[0], lastPos_[1]};
    auto rest = l;
    for (std::size_t i = 0; i < positions_; ++i) {
        const auto token = nextToken(rest);
        if (token.empty())
            return fail("cost line " + quoted(l) + " has fewer than " + std::to_string(positions_) + " positions");
        if (auto st = position(token, pos[i]); !st)
            return st;
    }
    if (auto st = numbers(rest, costs_, "cost line"); !st)
        return st;
    costs_.resize(d_.events.size(), 0); // zero-compressed: missing columns are 0
    const std::size_t events = d_.events.size();
    // Jump and call lines give positions relative to the last cost line without moving it.
    if (jumpPending_) {
        jumpPending_ = false;
        return {};
    }
    if (callPending_) {
        callPending_ = false;
        auto [it, added] = edgeIndex_.try_emplace((std::uint64_t(current_) << 32) | callee_,
                                                  static_cast<std::uint32_t>(d_.edges.size()));
        if (added)
            d_.edges.push_back({current_, callee_, 0, 0});
        auto &edge = d_.edges[it->second];
        auto &callee = d_.functions[callee_];
        callee.called = true;
        bool ok = addTo(edge.count, callCount_) && addTo(edge.cost, costs_[0]) && addTo(callee.calls, callCount_);
        for (std::size_t e = 0; e < events && ok; ++e)
            ok = addTo(d_.callsIn[callee_ * events + e], costs_[e]) &&
                 addTo(d_.callsOut[current_ * events + e], costs_[e]);
        return ok ? Status() : fail("call costs add up to more than 2^64");
    }
    if (current_ == kNone)
        return fail("cost line before any fn=");
    for (std::size_t e = 0; e < events; ++e) {
        if (!addTo(d_.self[current_ * events + e], costs_[e]))
            return fail("costs add up to more than 2^64");
    }
    lastPos_[0] = pos[0];
    lastPos_[1] = pos[1];
    auto &fn = d_.functions[current_];
    const std::uint64_t line = hasLine_ ? pos[positions_ - 1] : 0;
    if (line > 0 && line <= std::numeric_limits<std::uint32_t>::max() && curFile_ == fnFile_ &&
        (fn.line == 0 || line < fn.line))
        fn.line = static_cast<std::uint32_t>(line);
    return {};
}

} // namespace perfwb::formats
