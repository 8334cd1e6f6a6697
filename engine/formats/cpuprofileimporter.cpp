// SPDX-License-Identifier: GPL-3.0-or-later
#include "cpuprofileimporter.h"

#include "chromejson.h"
#include "v8cpuprofile.h"

#include <QJsonObject>

namespace perfwb::formats {

using chromejson::describe;
using chromejson::fail;

int CpuProfileImporter::sniff(std::string_view head) const
{
    if (chromejson::firstCharacter(head) != '{')
        return 0;
    // A Chrome trace carries the same node objects inside ProfileChunk events.
    if (head.find("\"traceEvents\"") != std::string_view::npos)
        return 0;
    if (head.find("\"nodes\"") != std::string_view::npos && head.find("\"callFrame\"") != std::string_view::npos)
        return 90;
    return 0;
}

Status CpuProfileImporter::parse(std::string_view data, model::Profile &out) const
{
    auto doc = chromejson::parse(data, "a .cpuprofile file");
    if (!doc)
        return doc.status();
    if (!doc->isObject())
        return makeError("not a .cpuprofile file: the top level is not a JSON object");
    const auto root = doc->object();
    const auto nodes = root.value(QLatin1String("nodes"));
    if (nodes.isUndefined())
        return fail("nodes", "missing (not a .cpuprofile file?)");

    V8CpuProfile profile(out);
    const auto start = root.value(QLatin1String("startTime"));
    const auto startNs = chromejson::microsToNanos(start);
    if (!startNs)
        return fail("startTime", "expected a time in microseconds, got " + describe(start));
    profile.setStartNs(*startNs);
    const auto end = root.value(QLatin1String("endTime"));
    if (!end.isUndefined()) {
        const auto endNs = chromejson::microsToNanos(end);
        if (!endNs)
            return fail("endTime", "expected a time in microseconds, got " + describe(end));
        if (*endNs < *startNs)
            return fail("endTime", "is before startTime");
        profile.setEndNs(*endNs);
    }
    if (Status st = profile.addNodes(nodes, "nodes"); !st)
        return st;
    const auto samples = root.value(QLatin1String("samples"));
    const auto deltas = root.value(QLatin1String("timeDeltas"));
    if (samples.isUndefined())
        return fail("samples", "missing (a profile without samples carries no times)");
    if (Status st = profile.addSamples(samples, deltas, "samples", "timeDeltas"); !st)
        return st;
    if (profile.sampleCount() == 0)
        return fail("samples", "no samples");
    const auto thread = out.internThread(0, 1, "main");
    if (Status st = profile.emit(thread); !st)
        return st;

    out.meta.sourceFormat = "cpuprofile";
    out.meta.weightUnit = model::WeightKind::Nanoseconds;
    out.meta.durationNs = profile.endNs() - profile.startNs();
    return {};
}

} // namespace perfwb::formats
