// SPDX-License-Identifier: GPL-3.0-or-later
#include "pstatsimporter.h"

#include "callgraphstacks.h"
#include "marshalreader.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <deque>
#include <limits>
#include <map>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

namespace perfwb::formats {

namespace {

using Type = MarshalValue::Type;

// Counts beyond this are not exact in a double: no real profile gets there.
constexpr double kMaxCount = 9007199254740992.0;

std::string at(const MarshalValue &v)
{
    return "offset " + std::to_string(v.offset) + ": ";
}

// Text from the file, fit for a one-line message: control bytes become '?', long text is cut.
std::string shown(std::string_view text)
{
    std::string s(text.substr(0, 80));
    for (char &c : s) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            c = '?';
    }
    return text.size() > 80 ? s + "..." : s;
}

std::string numberText(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

bool isNumber(const MarshalValue &v)
{
    return v.type == Type::Int || v.type == Type::Float || v.type == Type::Bool;
}

std::string_view baseName(std::string_view file)
{
    if (file == "~")
        return file;
    const auto slash = file.find_last_of("/\\");
    const auto base = slash == std::string_view::npos ? file : file.substr(slash + 1);
    return base.empty() ? file : base;
}

struct Function {
    std::string_view file;
    std::uint32_t line = 0;
    std::string_view name;
    bool measured = false;
    double cc = 0, nc = 0, tt = 0, ct = 0;
    bool countsOnly = false; // some caller gave a plain call count, no times
};

struct Edge {
    std::uint32_t caller = 0;
    std::uint32_t callee = 0;
    double calls = 0;
    double time = 0; // seconds
};

class StatsReader {
public:
    StatsReader(const MarshalReader &reader, std::size_t inputSize)
        : r_(reader)
        , maxCallerEntries_(inputSize)
    {}

    Status read(const MarshalValue &top)
    {
        if (top.type != Type::Dict)
            return makeError(at(top) + "the top object is " + std::string(MarshalReader::describe(top.type)) +
                             ", not a dict of functions (not a cProfile/profile stats file)");
        if (top.count == 0)
            return makeError(at(top) + "no functions in the stats");
        for (std::uint32_t i = 0; i < top.count; ++i) {
            auto fn = function(r_.dictKey(top, i));
            if (!fn)
                return fn.status();
            if (auto st = entry(fn.value(), r_.dictValue(top, i)); !st)
                return st;
        }
        return {};
    }

    std::vector<Function> functions;
    std::vector<Edge> edges;

private:
    Result<std::uint32_t> function(const MarshalValue &key)
    {
        // The profile module names the code it runs by the code object itself.
        if (key.type != Type::Tuple || key.count != 3 || r_.tupleItem(key, 0).type != Type::String ||
            r_.tupleItem(key, 1).type != Type::Int ||
            (r_.tupleItem(key, 2).type != Type::String && r_.tupleItem(key, 2).type != Type::Code))
            return makeError(at(key) + "function key is not a (file, line, name) tuple");
        const double line = r_.tupleItem(key, 1).number;
        if (!(line >= 0 && line <= 4294967295.0))
            return makeError(at(key) + "line number " + numberText(line) + " out of range");
        const auto file = r_.tupleItem(key, 0).text;
        const auto &nameValue = r_.tupleItem(key, 2);
        std::string_view name = nameValue.text;
        if (nameValue.type == Type::Code) {
            codeNames_.push_back("<code object " + std::string(name) + ">");
            name = codeNames_.back();
        }
        auto id = std::string(file);
        id += '\0';
        id += std::to_string(static_cast<std::uint32_t>(line));
        id += '\0';
        id += name;
        auto [it, added] = index_.try_emplace(std::move(id), static_cast<std::uint32_t>(functions.size()));
        if (added)
            functions.push_back({file, static_cast<std::uint32_t>(line), name});
        return it->second;
    }

    static Status number(const MarshalValue &v, const char *what, double &out, bool count)
    {
        if (!isNumber(v))
            return makeError(at(v) + what + " is " + std::string(MarshalReader::describe(v.type)) + ", not a number");
        if (!std::isfinite(v.number))
            return makeError(at(v) + what + " is not finite");
        if (count && (v.number < 0 || v.number > kMaxCount))
            return makeError(at(v) + what + " " + numberText(v.number) + " out of range");
        out = v.number;
        return {};
    }

    Status entry(std::uint32_t f, const MarshalValue &value)
    {
        Function &fn = functions[f];
        if (fn.measured)
            return makeError(at(value) + "function " + shown(fn.name) + " (" + shown(fn.file) + ":" +
                             std::to_string(fn.line) + ") appears twice");
        if (value.type != Type::Tuple || value.count < 4)
            return makeError(at(value) + "stats of " + shown(fn.name) + " are not a (cc, nc, tt, ct, callers) tuple");
        fn.measured = true;
        double cc = 0, nc = 0, tt = 0, ct = 0;
        for (const auto &[i, what, out, count] :
             {std::tuple{0U, "primitive call count", &cc, true}, std::tuple{1U, "call count", &nc, true},
              std::tuple{2U, "self time", &tt, false}, std::tuple{3U, "total time", &ct, false}}) {
            if (auto st = number(r_.tupleItem(value, i), what, *out, count); !st)
                return st;
        }
        // Reading the callers adds functions: only the index stays valid, not `fn`.
        functions[f].cc = cc;
        functions[f].nc = nc;
        functions[f].tt = tt;
        functions[f].ct = ct;
        if (value.count < 5)
            return {};
        const auto &callers = r_.tupleItem(value, 4);
        if (callers.type != Type::Dict)
            return makeError(at(callers) + "callers of " + shown(functions[f].name) + " is " +
                             std::string(MarshalReader::describe(callers.type)) + ", not a dict");
        // Shared back-references could make a small file describe a huge graph.
        callerEntries_ += callers.count;
        if (callerEntries_ > maxCallerEntries_)
            return makeError(at(callers) + "more caller entries than the file can hold (bad back-references)");
        for (std::uint32_t i = 0; i < callers.count; ++i) {
            auto caller = function(r_.dictKey(callers, i));
            if (!caller)
                return caller.status();
            const auto &v = r_.dictValue(callers, i);
            Edge e{caller.value(), f, 0, 0};
            if (v.type == Type::Tuple && v.count >= 4) {
                if (auto st = number(r_.tupleItem(v, 0), "caller's call count", e.calls, true); !st)
                    return st;
                if (auto st = number(r_.tupleItem(v, 3), "caller's total time", e.time, false); !st)
                    return st;
            } else if (isNumber(v)) {
                // The profile module's callers: a call count only.
                if (auto st = number(v, "caller's call count", e.calls, true); !st)
                    return st;
                functions[f].countsOnly = true;
            } else {
                return makeError(at(v) + "caller entry is " + std::string(MarshalReader::describe(v.type)) +
                                 ", not (nc, cc, tt, ct) or a call count");
            }
            edges.push_back(e);
        }
        return {};
    }

    const MarshalReader &r_;
    std::unordered_map<std::string, std::uint32_t> index_;
    std::deque<std::string> codeNames_; // names made for code objects; a deque keeps views valid
    std::size_t callerEntries_ = 0;
    std::size_t maxCallerEntries_ = 0;
};

std::uint64_t wholeNumber(double v)
{
    v = std::round(v);
    return v > 0 ? static_cast<std::uint64_t>(std::min(v, 1.8e19)) : 0;
}

std::uint64_t nanoseconds(double seconds)
{
    return wholeNumber(seconds * 1e9);
}

// Names for the frames: the function name, or "name (file:line)" where two functions
// would otherwise merge (analysis merges frames by name + module).
std::vector<std::string> frameNames(const std::vector<Function> &functions)
{
    std::map<std::pair<std::string_view, std::string_view>, int> uses;
    for (const auto &f : functions)
        ++uses[{f.name, baseName(f.file)}];
    std::vector<std::string> names;
    names.reserve(functions.size());
    for (const auto &f : functions) {
        if (uses[{f.name, baseName(f.file)}] > 1)
            names.push_back(std::string(f.name) + " (" + std::string(f.file) + ":" + std::to_string(f.line) + ")");
        else
            names.emplace_back(f.name);
    }
    return names;
}

} // namespace

int PstatsImporter::sniff(std::string_view head) const
{
    // A dict ('{', maybe with the reference flag) whose first key is a 3-tuple
    // starting with a string: nothing else begins like that.
    const auto byte = [&head](std::size_t i) { return static_cast<std::uint8_t>(head[i]) & 0x7f; };
    if (head.size() < 8 || byte(0) != '{')
        return 0;
    std::size_t next = 0;
    if (byte(1) == ')' && static_cast<std::uint8_t>(head[2]) == 3)
        next = 3;
    else if (byte(1) == '(' && head.substr(2, 4) == std::string_view("\x03\0\0\0", 4))
        next = 6;
    else
        return 0;
    switch (byte(next)) {
    case 'u':
    case 'a':
    case 'A':
    case 'z':
    case 'Z':
    case 't':
    case 's':
        return 95;
    default:
        return 0;
    }
}

Status PstatsImporter::parse(std::string_view data, model::Profile &out) const
{
    MarshalReader reader(data);
    auto top = reader.readObject();
    if (!top)
        return top.status();
    StatsReader stats(reader, data.size());
    if (auto st = stats.read(reader.value(top.value())); !st)
        return st;

    out.meta.sourceFormat = "pstats";
    out.meta.weightUnit = model::WeightKind::Nanoseconds;
    const auto callsCol = out.functionCosts.column("calls", "count");
    const auto primitiveCol = out.functionCosts.column("primitive calls", "count");
    const auto selfCol = out.functionCosts.column("self time", "nanoseconds");
    const auto totalCol = out.functionCosts.column("total time", "nanoseconds");

    const auto names = frameNames(stats.functions);
    CallGraphStacks graph;
    double totalSelf = 0;
    double totalCalls = 0;
    double primitiveCalls = 0;
    for (std::size_t i = 0; i < stats.functions.size(); ++i) {
        const auto &f = stats.functions[i];
        const bool builtin = f.file == "~";
        const auto frame = out.internFrame(names[i], baseName(f.file), builtin ? std::string_view() : f.file, f.line,
                                           model::FrameKind::Python);
        if (f.measured) {
            out.functionCosts.set(frame, callsCol, f.nc);
            out.functionCosts.set(frame, primitiveCol, f.cc);
            out.functionCosts.set(frame, selfCol, f.tt * 1e9);
            out.functionCosts.set(frame, totalCol, f.ct * 1e9);
            totalSelf += std::max(f.tt, 0.0);
            totalCalls += f.nc;
            primitiveCalls += f.cc;
        }
        graph.addFunction(frame, nanoseconds(f.tt), f.ct * 1e9);
    }
    for (const auto &e : stats.edges) {
        const bool counts = stats.functions[e.callee].countsOnly;
        graph.addEdge(e.caller, e.callee, counts ? e.calls : e.time * 1e9);
    }
    graph.build(out, out.internThread(0, 0, "python"));

    out.meta.durationNs = static_cast<std::int64_t>(
        std::min<std::uint64_t>(nanoseconds(totalSelf), std::numeric_limits<std::int64_t>::max()));
    out.meta.extra["pstats.functions"] = std::to_string(stats.functions.size());
    out.meta.extra["pstats.calls"] = std::to_string(wholeNumber(totalCalls));
    out.meta.extra["pstats.primitive_calls"] = std::to_string(wholeNumber(primitiveCalls));
    return {};
}

} // namespace perfwb::formats
