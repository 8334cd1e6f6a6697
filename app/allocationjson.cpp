// SPDX-License-Identifier: GPL-3.0-or-later
#include "allocationjson.h"

#include <QJsonArray>

#include <algorithm>
#include <cstdlib>
#include <utility>
#include <vector>

namespace perfwb::app {

namespace {

QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}
qint64 num(std::uint64_t v)
{
    return static_cast<qint64>(v);
}

struct PerFunction {
    model::AllocationStats self;
    std::uint64_t totalCalls = 0;
    std::uint64_t totalBytes = 0;
    std::size_t lastStackRow = SIZE_MAX; // counts a function once per stack (recursion)
};

} // namespace

QJsonObject allocationsJson(const model::Profile &p, const analysis::FunctionTable &functions, int top)
{
    const auto &t = p.allocations;
    QJsonObject o;
    o[QStringLiteral("calls")] = num(t.totals.calls);
    o[QStringLiteral("bytes")] = num(t.totals.bytes);
    o[QStringLiteral("peak_bytes")] = num(t.totals.peakBytes);
    o[QStringLiteral("peak_time_ns")] = static_cast<qint64>(t.peakTimeNs);
    o[QStringLiteral("leaked_bytes")] = num(t.totals.leakedBytes);
    o[QStringLiteral("leaked_blocks")] = num(t.totals.leakedBlocks);
    o[QStringLiteral("temporary")] = num(t.totals.temporary);
    // What never reached the stream (perfwb record counts it with the tracker).
    for (const auto &[key, name] :
         {std::pair{"alloc_events_lost", "events_lost"}, {"alloc_calls_missed", "calls_missed"}})
        if (const auto it = p.meta.extra.find(key); it != p.meta.extra.end())
            o[QLatin1String(name)] = num(std::strtoull(it->second.c_str(), nullptr, 10));

    std::vector<PerFunction> fns(functions.size());
    for (std::size_t row = 0; row < t.size(); ++row) {
        const model::StackId stack = t.stacks[row];
        const auto &s = t.stats[row];
        if (stack == model::kEmptyStack)
            continue;
        fns[functions.functionOfStack(stack)].self.add(s);
        for (model::StackId n = stack; n != model::kEmptyStack; n = p.stacks.node(n).parent) {
            auto &f = fns[functions.functionOf(p.stacks.node(n).frame)];
            if (f.lastStackRow == row)
                continue;
            f.lastStackRow = row;
            f.totalCalls += s.calls;
            f.totalBytes += s.bytes;
        }
    }
    std::vector<analysis::FunctionId> order;
    for (analysis::FunctionId id = 0; id < fns.size(); ++id)
        if (fns[id].totalCalls > 0 || fns[id].self.leakedBlocks > 0)
            order.push_back(id);
    std::sort(order.begin(), order.end(), [&](analysis::FunctionId a, analysis::FunctionId b) {
        if (fns[a].self.bytes != fns[b].self.bytes)
            return fns[a].self.bytes > fns[b].self.bytes;
        if (fns[a].totalBytes != fns[b].totalBytes)
            return fns[a].totalBytes > fns[b].totalBytes;
        return a < b;
    });
    if (order.size() > static_cast<std::size_t>(top))
        order.resize(static_cast<std::size_t>(top));
    QJsonArray list;
    for (analysis::FunctionId id : order) {
        const auto &f = fns[id];
        list.append(QJsonObject{{QStringLiteral("name"), qs(functions.name(id))},
                                {QStringLiteral("module"), qs(functions.module(id))},
                                {QStringLiteral("calls"), num(f.self.calls)},
                                {QStringLiteral("bytes"), num(f.self.bytes)},
                                {QStringLiteral("leaked_bytes"), num(f.self.leakedBytes)},
                                {QStringLiteral("leaked_blocks"), num(f.self.leakedBlocks)},
                                {QStringLiteral("temporary"), num(f.self.temporary)},
                                {QStringLiteral("total_calls"), num(f.totalCalls)},
                                {QStringLiteral("total_bytes"), num(f.totalBytes)}});
    }
    o[QStringLiteral("functions")] = list;
    return o;
}

} // namespace perfwb::app
