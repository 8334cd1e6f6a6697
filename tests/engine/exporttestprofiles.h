// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Profiles with exactly known stacks and weights, shared by the exporter tests.
#include "formats/exporter.h"
#include "model/profile.h"

#include <QString>
#include <QtGlobal>

#include <string>
#include <vector>

namespace exporttest {

using namespace perfwb;

// The 70/30 profile: _start;main;hot_70 weighs 70, _start;main;warm_30 weighs 30,
// over two threads and five instants, so filters select known parts of it.
//   t=1000 T0 hot 30 | t=2000 T0 warm 10 | t=3000 T0 hot 20 | t=4000 T1 hot 20 | t=5000 T1 warm 20
inline model::Profile makeSplit(std::string_view unit = "samples")
{
    model::Profile p;
    p.meta.weightUnit = model::WeightUnit::fromName(unit);
    p.meta.runLabel = "nightly";
    p.meta.commandLine = {"./cpusplit", "2000"};
    const auto start = p.internFrame("_start", "cpusplit");
    const auto main = p.internFrame("main", "cpusplit");
    const auto hot = p.internFrame("hot_70", "cpusplit", "cpusplit.c", 12);
    const auto warm = p.internFrame("warm_30", "cpusplit", "cpusplit.c", 20);
    const std::vector<model::FrameId> a{start, main, hot};
    const std::vector<model::FrameId> b{start, main, warm};
    const auto sa = p.stacks.internPath(a);
    const auto sb = p.stacks.internPath(b);
    const auto t0 = p.internThread(100, 100, "cpusplit");
    const auto t1 = p.internThread(100, 101, "worker");
    p.addSample(1000, t0, sa, 30);
    p.addSample(2000, t0, sb, 10);
    p.addSample(3000, t0, sa, 20);
    p.addSample(4000, t1, sa, 20);
    p.addSample(5000, t1, sb, 20);
    return p;
}

inline analysis::SampleFilter threadFilter(const model::Profile &p, model::ThreadIndex only)
{
    analysis::SampleFilter f;
    f.threads.assign(p.threads().size(), false);
    f.threads[only] = true;
    return f;
}

inline analysis::SampleFilter timeFilter(std::int64_t begin, std::int64_t end)
{
    analysis::SampleFilter f;
    f.beginNs = begin;
    f.endNs = end;
    return f;
}

inline std::string exportWith(const formats::Exporter &e, const model::Profile &p, const formats::ExportOptions &o = {})
{
    std::string out;
    const auto st = e.write(p, o, out);
    if (!st)
        qFatal("export failed: %s", st.message().c_str());
    return out;
}

inline QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

} // namespace exporttest
