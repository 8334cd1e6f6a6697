#include "foldedimporter.h"

#include "textlines.h"

#include <limits>
#include <unordered_map>
#include <vector>

namespace perfwb::report {

namespace {

using textlines::allDigits;
using textlines::isBlank;
using textlines::trim;

// Control bytes other than tab never occur in stack text: their presence means the
// file is binary, and saying so is clearer than "no sample count".
bool hasBinary(std::string_view s)
{
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t' && c != '\r') || u == 0x7f)
            return true;
    }
    return false;
}

struct SplitLine {
    std::string_view stack;
    std::string_view count;
    bool hasSeparator = false;
};

// Count after the LAST blank: frames themselves may contain spaces.
SplitLine splitLine(std::string_view line)
{
    const auto sep = line.find_last_of(" \t");
    if (sep == std::string_view::npos)
        return {{}, line, false};
    return {trim(line.substr(0, sep)), line.substr(sep + 1), true};
}

bool endsWith(std::string_view s, std::string_view suffix)
{
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string lineError(std::size_t lineNo, std::string_view what)
{
    return "line " + std::to_string(lineNo) + ": " + std::string(what);
}

class FrameCache {
public:
    explicit FrameCache(model::Profile &profile)
        : profile_(profile)
    {}

    model::FrameId frame(std::string_view text)
    {
        if (auto it = cache_.find(text); it != cache_.end())
            return it->second;
        const auto id = intern(text);
        cache_.emplace(text, id);
        return id;
    }

private:
    model::FrameId intern(std::string_view name)
    {
        auto kind = model::FrameKind::Native;
        bool inlined = false;
        // stackcollapse-perf.pl --all / --kernel annotations.
        if (endsWith(name, "_[k]")) {
            kind = model::FrameKind::Kernel;
            name.remove_suffix(4);
        } else if (endsWith(name, "_[j]")) {
            kind = model::FrameKind::Jit;
            name.remove_suffix(4);
        } else if (endsWith(name, "_[i]")) {
            inlined = true;
            name.remove_suffix(4);
        }
        std::string_view module;
        if (const auto tick = name.find('`'); tick != std::string_view::npos) {
            module = name.substr(0, tick);
            name.remove_prefix(tick + 1);
            if (module.starts_with("[kernel"))
                kind = model::FrameKind::Kernel;
        }
        if (name.empty())
            name = "[unknown]";
        std::string_view file;
        std::uint32_t line = 0;
        parsePythonLocation(name, file, line, kind);
        return profile_.internFrame(name, module, file, line, kind, inlined);
    }

    // py-spy: "function (path/file.py:LINE)". The name keeps the location so two
    // functions of the same name in different files stay apart, as py-spy shows them.
    static void parsePythonLocation(std::string_view name, std::string_view &file, std::uint32_t &line,
                                    model::FrameKind &kind)
    {
        if (name.empty() || name.back() != ')')
            return;
        const auto open = name.rfind(" (");
        if (open == std::string_view::npos)
            return;
        const auto inside = name.substr(open + 2, name.size() - open - 3);
        const auto colon = inside.rfind(':');
        if (colon == std::string_view::npos)
            return;
        const auto path = inside.substr(0, colon);
        const auto digits = inside.substr(colon + 1);
        if (!endsWith(path, ".py") || !allDigits(digits) || digits.size() > 9)
            return;
        std::uint32_t value = 0;
        for (const char c : digits)
            value = value * 10 + static_cast<std::uint32_t>(c - '0');
        file = path;
        line = value;
        kind = model::FrameKind::Python;
    }

    model::Profile &profile_;
    // Keys are views into the input, which outlives the parse.
    std::unordered_map<std::string_view, model::FrameId> cache_;
};

} // namespace

int FoldedImporter::sniff(std::string_view head) const
{
    // The head may end in the middle of a line: judge complete lines only.
    head = textlines::completeLines(head);
    std::size_t lines = 0;
    std::size_t good = 0;
    std::size_t withSemicolon = 0;
    textlines::LineCursor cursor(head);
    std::string_view line;
    while (cursor.next(line)) {
        if (hasBinary(line))
            return 0;
        ++lines;
        const auto split = splitLine(line);
        if (split.hasSeparator && !split.stack.empty() && allDigits(split.count)) {
            ++good;
            if (split.stack.find(';') != std::string_view::npos)
                ++withSemicolon;
        }
    }
    if (lines == 0 || good * 10 < lines * 9)
        return 0;
    if (withSemicolon == 0)
        return 20; // "main 12" alone could be many things
    return good == lines ? 80 : 60;
}

Status FoldedImporter::parse(std::string_view data, model::Profile &out) const
{
    out.meta.sourceFormat = "folded";
    out.meta.weightUnit = "samples";
    FrameCache frames(out);
    const auto thread = out.internThread(0, 0, "all");
    std::vector<model::FrameId> path;
    std::uint64_t total = 0;
    std::size_t stackLines = 0;
    std::size_t lineNo = 0;
    std::size_t pos = 0;
    while (pos < data.size()) {
        auto nl = data.find('\n', pos);
        if (nl == std::string_view::npos)
            nl = data.size();
        const auto line = trim(data.substr(pos, nl - pos));
        pos = nl + 1;
        ++lineNo;
        if (line.empty())
            continue;
        if (hasBinary(line))
            return makeError(lineError(lineNo, "binary data, not folded stacks"));
        const auto split = splitLine(line);
        if (!split.hasSeparator) {
            return makeError(lineError(lineNo, allDigits(line) ? "no stack before the sample count"
                                                               : "no sample count at end of line"));
        }
        if (split.stack.empty())
            return makeError(lineError(lineNo, "no stack before the sample count"));
        if (split.count.size() > 1 && split.count.front() == '-' && allDigits(split.count.substr(1)))
            return makeError(lineError(lineNo, "negative sample count " + std::string(split.count)));
        if (!allDigits(split.count))
            return makeError(lineError(lineNo, "no sample count at end of line"));
        std::uint64_t count = 0;
        for (const char c : split.count) {
            const auto digit = static_cast<std::uint64_t>(c - '0');
            if (count > (std::numeric_limits<std::uint64_t>::max() - digit) / 10)
                return makeError(lineError(lineNo, "sample count " + std::string(split.count) + " is too large"));
            count = count * 10 + digit;
        }
        if (count > std::numeric_limits<std::uint64_t>::max() - total)
            return makeError(lineError(lineNo, "the sum of the sample counts is too large"));
        total += count;
        ++stackLines;
        if (count == 0)
            continue;

        path.clear();
        std::string_view rest = split.stack;
        for (;;) {
            const auto semi = rest.find(';');
            path.push_back(frames.frame(rest.substr(0, semi)));
            if (semi == std::string_view::npos)
                break;
            rest.remove_prefix(semi + 1);
        }
        out.addSample(static_cast<std::int64_t>(lineNo - 1), thread, out.stacks.internPath(path), count);
    }
    if (stackLines == 0)
        return makeError("no stacks found (expected lines like 'main;parse;read 12')");
    return {};
}

} // namespace perfwb::report
