// SPDX-License-Identifier: GPL-3.0-or-later
#include "foldedimporter.h"

#include "io/fileio.h"
#include "pythonlocation.h"
#include "textlines.h"
#include "utf16text.h"

#include <limits>
#include <optional>
#include <unordered_map>
#include <vector>

namespace perfwb::formats {

namespace {

using textlines::allDigits;
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
        if (name.ends_with("_[k]")) {
            kind = model::FrameKind::Kernel;
            name.remove_suffix(4);
        } else if (name.ends_with("_[j]")) {
            kind = model::FrameKind::Jit;
            name.remove_suffix(4);
        } else if (name.ends_with("_[i]")) {
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
        // py-spy: the name keeps the location, so two functions of the same name in
        // different files stay apart, as py-spy shows them.
        std::string_view file;
        std::uint32_t line = 0;
        if (const auto where = pythonLocationInName(name)) {
            file = where->file;
            line = where->line;
            kind = model::FrameKind::Python;
        }
        return profile_.internFrame(name, module, file, line, kind, inlined);
    }

    // Looked up by view, stored as strings: a streamed file's chunks do not outlive it.
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };

    model::Profile &profile_;
    std::unordered_map<std::string, model::FrameId, Hash, std::equal_to<>> cache_;
};

} // namespace

int FoldedImporter::sniff(std::string_view head) const
{
    std::string decoded;
    head = Utf16Text::asUtf8(head, decoded);
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
        if (line.front() == '#')
            continue;
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

namespace {

// One line at a time, so a file is parsed as it is read: memory is one chunk plus the
// profile, and the first bad line ends the read there.
class FoldedParser {
public:
    explicit FoldedParser(model::Profile &out)
        : out_(out)
        , frames_(out)
        , thread_(out.internThread(0, 0, "all"))
    {
        out.meta.sourceFormat = "folded";
        out.meta.weightUnit = model::WeightKind::Samples;
    }

    // Whole lines; the last one may lack its newline.
    Status feed(std::string_view text)
    {
        std::size_t pos = 0;
        while (pos < text.size()) {
            auto nl = text.find('\n', pos);
            if (nl == std::string_view::npos)
                nl = text.size();
            if (Status st = line(text.substr(pos, nl - pos)); !st)
                return st;
            pos = nl + 1;
        }
        return {};
    }

    // A line still without its end: binary data is refused before the file's end is
    // read (a file of NUL bytes has no newline at all), and no line grows without bound.
    Status checkPartial(std::string_view partial) const
    {
        if (hasBinary(partial))
            return makeError(lineError(lineNo_ + 1, "binary data, not folded stacks"));
        if (partial.size() > kMaxLineBytes)
            return makeError(lineError(lineNo_ + 1, "longer than 64 MiB, not folded stacks"));
        return {};
    }

    // Lines that are not "STACK COUNT" were skipped, as flamegraph.pl and speedscope skip
    // them; one warning counts them and names the first.
    Status finish() const
    {
        std::string skipped;
        if (skipped_ > 0) {
            skipped = std::to_string(skipped_) + (skipped_ == 1 ? " line that is" : " lines that are") +
                      " not 'STACK COUNT' skipped";
            if (comments_ > 0)
                skipped += " (" + std::to_string(comments_) + " '#' comments)";
            if (!firstSkipped_.empty())
                skipped += "; the first: " + firstSkipped_;
        }
        if (stackLines_ == 0) {
            return makeError("no stacks found (expected lines like 'main;parse;read 12')" +
                             (skipped.empty() ? std::string() : "; " + skipped));
        }
        if (!skipped.empty())
            out_.meta.addImportWarning(skipped);
        return {};
    }

    static constexpr std::size_t kMaxLineBytes = 64 << 20;

private:
    Status line(std::string_view raw)
    {
        ++lineNo_;
        const auto text = trim(raw);
        if (text.empty())
            return {};
        if (hasBinary(text))
            return makeError(lineError(lineNo_, "binary data, not folded stacks"));
        if (text.front() == '#') {
            ++comments_;
            ++skipped_;
            return {};
        }
        const auto split = splitLine(text);
        if (!split.hasSeparator)
            return skip(allDigits(text) ? "no stack before the sample count" : "no sample count at end of line");
        if (split.stack.empty())
            return skip("no stack before the sample count");
        if (split.count.size() > 1 && split.count.front() == '-' && allDigits(split.count.substr(1)))
            return skip("negative sample count " + std::string(split.count));
        if (!allDigits(split.count))
            return skip("no sample count at end of line");
        std::uint64_t count = 0;
        for (const char c : split.count) {
            const auto digit = static_cast<std::uint64_t>(c - '0');
            if (count > (std::numeric_limits<std::uint64_t>::max() - digit) / 10)
                return makeError(lineError(lineNo_, "sample count " + std::string(split.count) + " is too large"));
            count = count * 10 + digit;
        }
        if (count > std::numeric_limits<std::uint64_t>::max() - total_)
            return makeError(lineError(lineNo_, "the sum of the sample counts is too large"));
        total_ += count;
        ++stackLines_;
        if (count == 0)
            return {};
        path_.clear();
        std::string_view rest = split.stack;
        for (;;) {
            const auto semi = rest.find(';');
            path_.push_back(frames_.frame(rest.substr(0, semi)));
            if (semi == std::string_view::npos)
                break;
            rest.remove_prefix(semi + 1);
        }
        out_.addSample(static_cast<std::int64_t>(lineNo_ - 1), thread_, out_.stacks.internPath(path_), count);
        return {};
    }

    Status skip(const std::string &why)
    {
        if (firstSkipped_.empty())
            firstSkipped_ = lineError(lineNo_, why);
        ++skipped_;
        return {};
    }

    model::Profile &out_;
    FrameCache frames_;
    model::ThreadIndex thread_;
    std::vector<model::FrameId> path_;
    std::uint64_t total_ = 0;
    std::size_t stackLines_ = 0;
    std::size_t lineNo_ = 0;
    std::size_t skipped_ = 0;
    std::size_t comments_ = 0;
    std::string firstSkipped_; // "line N: why", for the one warning
};

} // namespace

Status FoldedImporter::parse(std::string_view data, model::Profile &out) const
{
    FoldedParser parser(out);
    std::string decoded;
    data = Utf16Text::asUtf8(data, decoded);
    if (Status st = parser.feed(data); !st)
        return st;
    return parser.finish();
}

Status FoldedImporter::importFile(const std::string &path, model::Profile &out) const
{
    FoldedParser parser(out);
    std::string pending; // the chunk's last line, until its newline comes
    bool empty = true;
    std::optional<Utf16Text> utf16; // from the first chunk's byte-order mark
    Status read = io::readFileInChunks(path, kChunkBytes, [&](std::string_view chunk) -> Status {
        if (empty) {
            Utf16Text::Order order{};
            if (Utf16Text::fromBom(chunk, order))
                utf16.emplace(order);
            else
                chunk.remove_prefix(Utf16Text::utf8BomLength(chunk));
        }
        empty = false;
        if (utf16)
            utf16->decode(chunk, pending);
        else
            pending.append(chunk);
        const auto last = pending.rfind('\n');
        if (last == std::string::npos)
            return parser.checkPartial(pending);
        Status st = parser.feed(std::string_view(pending).substr(0, last + 1));
        pending.erase(0, last + 1);
        return st ? parser.checkPartial(pending) : st;
    });
    if (read && empty)
        return makeError(path + ": file is empty");
    if (read)
        read = parser.feed(pending);
    if (read)
        read = parser.finish();
    if (!read && !read.message().starts_with(path + ": "))
        return makeError(path + ": " + read.message());
    return read;
}

} // namespace perfwb::formats
