// SPDX-License-Identifier: GPL-3.0-or-later
#include "speedscopeexporter.h"

#include "textescape.h"

#include <algorithm>
#include <numeric>
#include <unordered_map>
#include <vector>

namespace perfwb::formats {

namespace {
constexpr std::uint32_t kNotUsed = ~std::uint32_t{0};

std::string defaultName(const model::Profile &profile, const ExportOptions &options)
{
    if (!options.title.empty())
        return options.title;
    if (!profile.meta.runLabel.empty())
        return profile.meta.runLabel;
    std::string command;
    for (const auto &arg : profile.meta.commandLine) {
        if (!command.empty())
            command += ' ';
        command += arg;
    }
    return command.empty() ? std::string("perfwb profile") : command;
}

std::string threadName(const model::Profile &profile, model::ThreadIndex t)
{
    const auto &info = profile.thread(t);
    const auto name = profile.strings.view(info.name);
    const std::string tid = "tid " + std::to_string(info.tid);
    return name.empty() ? tid : std::string(name) + " (" + tid + ")";
}

struct ThreadSamples {
    std::vector<std::size_t> indices; // into the sample table, in time order after sorting
    std::uint64_t weight = 0;
};
} // namespace

std::string_view SpeedscopeExporter::speedscopeUnit(const model::WeightUnit &weightUnit)
{
    switch (weightUnit.kind()) {
    case model::WeightKind::Nanoseconds:
        return "nanoseconds";
    case model::WeightKind::Bytes:
        return "bytes";
    case model::WeightKind::Samples:
    case model::WeightKind::Other:
        break;
    }
    return "none";
}

Status SpeedscopeExporter::write(const model::Profile &profile, const ExportOptions &options, std::string &out) const
{
    const auto &samples = profile.samples;
    const auto &trie = profile.stacks;
    const std::string_view unit = speedscopeUnit(profile.meta.weightUnit);
    const bool timeUnit = unit == "nanoseconds";

    std::vector<ThreadSamples> perThread(profile.threads().size());
    for (std::size_t i = 0; i < samples.size(); ++i) {
        if (!options.filter.accepts(samples, i) || samples.thread(i) >= perThread.size())
            continue;
        auto &ts = perThread[samples.thread(i)];
        ts.indices.push_back(i);
        ts.weight += samples.weight(i);
    }

    // Shared frames: only those the exported samples use, numbered by first use.
    std::vector<std::uint32_t> frameIndex(profile.frames.size(), kNotUsed);
    std::vector<model::FrameId> usedFrames;
    // Each stack's "[...]" text once: many samples share few stacks.
    std::unordered_map<model::StackId, std::string> stackText;
    std::vector<model::FrameId> leafFirst;
    const auto stackArray = [&](model::StackId stack) -> const std::string & {
        auto [it, added] = stackText.try_emplace(stack);
        if (!added)
            return it->second;
        leafFirst = trie.framesLeafFirst(stack);
        std::string &text = it->second;
        text += '[';
        for (auto f = leafFirst.rbegin(); f != leafFirst.rend(); ++f) {
            if (frameIndex[*f] == kNotUsed) {
                frameIndex[*f] = static_cast<std::uint32_t>(usedFrames.size());
                usedFrames.push_back(*f);
            }
            if (f != leafFirst.rbegin())
                text += ',';
            text += std::to_string(frameIndex[*f]);
        }
        text += ']';
        return text;
    };

    std::string profiles;
    std::size_t exported = 0;
    std::size_t heaviest = 0;
    std::uint64_t heaviestWeight = 0;
    for (model::ThreadIndex t = 0; t < perThread.size(); ++t) {
        auto &ts = perThread[t];
        if (ts.indices.empty())
            continue;
        std::stable_sort(ts.indices.begin(), ts.indices.end(),
                         [&](std::size_t a, std::size_t b) { return samples.time(a) < samples.time(b); });
        if (ts.weight > heaviestWeight) {
            heaviestWeight = ts.weight;
            heaviest = exported;
        }
        std::string sampleList;
        std::string weightList;
        for (std::size_t k = 0; k < ts.indices.size();) {
            const model::StackId stack = samples.stack(ts.indices[k]);
            std::uint64_t w = 0;
            for (; k < ts.indices.size() && samples.stack(ts.indices[k]) == stack; ++k)
                w += samples.weight(ts.indices[k]);
            if (!sampleList.empty()) {
                sampleList += ',';
                weightList += ',';
            }
            sampleList += stackArray(stack);
            weightList += std::to_string(w);
        }
        // Times only mean something when the weights are times; otherwise the axis is
        // the running sum of weights.
        std::int64_t start = 0;
        std::int64_t end = static_cast<std::int64_t>(ts.weight);
        if (timeUnit) {
            start = samples.time(ts.indices.front());
            const std::size_t last = ts.indices.back();
            end = samples.time(last) + static_cast<std::int64_t>(samples.weight(last));
        }
        if (exported > 0)
            profiles += ',';
        profiles += "\n    {\"type\":\"sampled\",\"name\":";
        textescape::appendJsonString(profiles, threadName(profile, t));
        profiles += ",\"unit\":\"";
        profiles += unit;
        profiles += "\",\"startValue\":" + std::to_string(start) + ",\"endValue\":" + std::to_string(end);
        profiles += ",\n     \"samples\":[" + sampleList + "],\n     \"weights\":[" + weightList + "]}";
        ++exported;
    }

    out.clear();
    out += "{\"$schema\":\"https://www.speedscope.app/file-format-schema.json\",\n";
    out += " \"exporter\":\"perfwb " PERFWB_VERSION "\",\n";
    out += " \"name\":";
    textescape::appendJsonString(out, defaultName(profile, options));
    out += ",\n \"activeProfileIndex\":" + std::to_string(heaviest) + ",\n";
    out += " \"shared\":{\"frames\":[";
    for (std::size_t i = 0; i < usedFrames.size(); ++i) {
        const auto &frame = profile.frames.at(usedFrames[i]);
        out += i == 0 ? "\n    " : ",\n    ";
        out += "{\"name\":";
        const auto function = profile.strings.view(frame.function);
        textescape::appendJsonString(out, function.empty() ? std::string_view("[unknown]") : function);
        // speedscope has no module field: the module stands in for an unknown source file,
        // so functions of the same name in different libraries stay apart.
        const auto file = profile.strings.view(frame.file);
        const auto where = file.empty() ? profile.strings.view(frame.module) : file;
        if (!where.empty()) {
            out += ",\"file\":";
            textescape::appendJsonString(out, where);
        }
        if (frame.line > 0)
            out += ",\"line\":" + std::to_string(frame.line);
        // What speedscope's frame cannot say (kind, inlined, a module beside a file) goes
        // in a "perfwb" object: the schema allows more properties and speedscope ignores
        // them, and a round trip through perfwb keeps every frame as it was.
        const auto module = profile.strings.view(frame.module);
        if (frame.kind != model::FrameKind::Native || frame.inlined || (!file.empty() && !module.empty())) {
            out += ",\"perfwb\":{\"kind\":\"";
            out += model::frameKindName(frame.kind);
            out += "\",\"module\":";
            textescape::appendJsonString(out, module);
            if (frame.inlined)
                out += ",\"inlined\":true";
            out += '}';
        }
        out += '}';
    }
    out += "]},\n \"profiles\":[";
    out += profiles;
    out += "]}\n";
    return {};
}

} // namespace perfwb::formats
