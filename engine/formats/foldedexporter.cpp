// SPDX-License-Identifier: GPL-3.0-or-later
#include "foldedexporter.h"

#include "pythonlocation.h"

#include "analysis/stackweights.h"

#include <map>
#include <vector>

namespace perfwb::formats {

namespace {
void appendEscaped(std::string &out, std::string_view text, bool replaceBacktick)
{
    for (const char c : text) {
        if (c == ';')
            out += ':';
        else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) // line breaks; readers take the rest as binary
            out += ' ';
        else if (c == '`' && replaceBacktick)
            out += '\'';
        else
            out += c;
    }
}
} // namespace

std::string FoldedExporter::frameText(std::string_view function, std::string_view module, model::FrameKind kind,
                                      bool inlined)
{
    std::string text;
    text.reserve(function.size() + module.size() + 5);
    if (!module.empty()) {
        appendEscaped(text, module, true);
        text += '`';
    }
    if (function.empty())
        text += "[unknown]";
    else
        appendEscaped(text, function, module.empty()); // no module: a '`' would start one
    if (inlined)
        text += "_[i]";
    else if (kind == model::FrameKind::Kernel && !module.starts_with("[kernel"))
        text += "_[k]";
    else if (kind == model::FrameKind::Jit)
        text += "_[j]";
    return text;
}

std::string FoldedExporter::pythonFrameText(std::string_view function, std::string_view file, std::uint32_t line)
{
    std::string text;
    appendEscaped(text, function.empty() ? std::string_view("[unknown]") : function, true);
    text += " (";
    appendEscaped(text, file, true);
    text += ':';
    text += std::to_string(line);
    text += ')';
    return text;
}

Status FoldedExporter::write(const model::Profile &profile, const ExportOptions &options, std::string &out) const
{
    const auto weights = analysis::StackWeights::compute(profile, options.filter);
    const auto &trie = profile.stacks;

    // Text of each frame once, not once per stack that holds it.
    std::vector<std::string> frameTexts;
    frameTexts.reserve(profile.frames.size());
    for (const auto &frame : profile.frames.all()) {
        const std::string_view file = profile.strings.view(frame.file);
        const std::string_view function = profile.strings.view(frame.function);
        // Frames imported from py-spy already carry the location in their names.
        if (frame.kind == model::FrameKind::Python && file.ends_with(".py") && frame.line > 0 &&
            !pythonLocationInName(function))
            frameTexts.push_back(pythonFrameText(function, file, frame.line));
        else
            frameTexts.push_back(frameText(function, profile.strings.view(frame.module), frame.kind, frame.inlined));
    }

    // Two trie nodes can print the same (frames that differ only in file, line or kind),
    // so weights are summed by text; std::map gives the sorted, reproducible order.
    std::map<std::string, std::uint64_t> lines;
    std::vector<model::FrameId> leafFirst;
    std::string line;
    for (std::size_t i = 1; i < weights.self.size(); ++i) {
        if (weights.self[i] == 0)
            continue;
        leafFirst.clear();
        for (auto s = static_cast<model::StackId>(i); s != model::kEmptyStack; s = trie.node(s).parent)
            leafFirst.push_back(trie.node(s).frame);
        line.clear();
        for (auto it = leafFirst.rbegin(); it != leafFirst.rend(); ++it) {
            if (it != leafFirst.rbegin())
                line += ';';
            line += frameTexts[*it];
        }
        lines[line] += weights.self[i];
    }

    out.clear();
    for (const auto &[stack, weight] : lines) {
        out += stack;
        out += ' ';
        out += std::to_string(weight);
        out += '\n';
    }
    return {};
}

} // namespace perfwb::formats
