// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What a Chrome trace file says about itself, computed straight from its JSON and not
// through ChromeTraceImporter, to check an import against (tst_chrometraceimporter):
// per thread, the time its duration events cover (the union of their intervals) and
// the length of its sampled CPU profile.
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <vector>

namespace perfwb::testing {

using TraceThread = std::pair<int, int>; // pid, tid

struct TraceFacts {
    std::map<TraceThread, qint64> sliceNs;   // threads without a sampled profile
    std::map<TraceThread, qint64> profileNs; // threads with one: its largest profile
    std::map<TraceThread, int> profiles;     // sampled profiles per thread
    std::map<TraceThread, qint64> samples;   // samples of the largest profile
    qint64 marks = 0;                        // instant events + slices of sampled threads
};

inline qint64 traceNs(double micros)
{
    return std::llround(micros * 1000.0);
}

inline TraceFacts traceFacts(const QJsonArray &events)
{
    struct Interval {
        qint64 start, end;
    };
    struct Profile {
        TraceThread thread;
        qint64 startUs = 0;
        qint64 endUs = -1;
        std::vector<qint64> deltasUs;
    };
    std::map<TraceThread, std::vector<Interval>> slices;
    std::map<TraceThread, std::vector<std::pair<qint64, bool>>> boundaries; // time, is B
    std::map<TraceThread, qint64> last;
    std::map<std::pair<int, QString>, Profile> profiles;
    TraceFacts facts;
    for (const auto &value : events) {
        const auto e = value.toObject();
        const QString ph = e.value(QLatin1String("ph")).toString();
        const TraceThread key{e.value(QLatin1String("pid")).toInt(), e.value(QLatin1String("tid")).toInt()};
        const qint64 ts = traceNs(e.value(QLatin1String("ts")).toDouble());
        const auto data = e.value(QLatin1String("args")).toObject().value(QLatin1String("data")).toObject();
        if (ph == QLatin1String("X")) {
            const qint64 end = ts + traceNs(e.value(QLatin1String("dur")).toDouble());
            slices[key].push_back({ts, end});
            last[key] = std::max(last.count(key) ? last[key] : end, end);
        } else if (ph == QLatin1String("B") || ph == QLatin1String("E")) {
            boundaries[key].push_back({ts, ph == QLatin1String("B")});
            last[key] = std::max(last.count(key) ? last[key] : ts, ts);
        } else if (ph == QLatin1String("i") || ph == QLatin1String("I") || ph == QLatin1String("R")) {
            ++facts.marks;
        } else if (ph == QLatin1String("P")) {
            const QString id = e.value(QLatin1String("id")).toString();
            Profile &p = profiles[{key.first, id}];
            if (e.value(QLatin1String("name")).toString() == QLatin1String("Profile")) {
                p.thread = key;
                p.startUs = data.value(QLatin1String("startTime")).toInteger();
            } else {
                for (const auto &d : data.value(QLatin1String("timeDeltas")).toArray())
                    p.deltasUs.push_back(d.toInteger());
                if (data.contains(QLatin1String("endTime")))
                    p.endUs = data.value(QLatin1String("endTime")).toInteger();
            }
        }
    }
    // B/E pairs: E closes the latest B; a B never closed ends at the thread's last event.
    for (auto &[key, list] : boundaries) {
        std::stable_sort(list.begin(), list.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        std::vector<qint64> open;
        for (const auto &[t, isBegin] : list) {
            if (isBegin) {
                open.push_back(t);
            } else if (!open.empty()) {
                slices[key].push_back({open.back(), t});
                open.pop_back();
            }
        }
        for (const qint64 t : open)
            slices[key].push_back({t, last[key]});
    }
    // Each sample lasts until the next one, the last until endTime.
    for (auto &[id, p] : profiles) {
        if (p.deltasUs.empty())
            continue;
        std::vector<qint64> times;
        qint64 t = p.startUs;
        for (const qint64 d : p.deltasUs)
            times.push_back(t += d);
        std::sort(times.begin(), times.end());
        qint64 total = 0;
        for (std::size_t i = 0; i + 1 < times.size(); ++i)
            total += times[i + 1] - times[i];
        if (p.endUs > times.back())
            total += p.endUs - times.back();
        ++facts.profiles[p.thread];
        if (!facts.samples.count(p.thread) || facts.samples[p.thread] < qint64(p.deltasUs.size())) {
            facts.samples[p.thread] = qint64(p.deltasUs.size());
            facts.profileNs[p.thread] = total * 1000;
        }
    }
    for (auto &[key, list] : slices) {
        if (facts.profiles.count(key)) {
            facts.marks += qint64(list.size());
            continue;
        }
        std::sort(list.begin(), list.end(), [](const Interval &a, const Interval &b) { return a.start < b.start; });
        qint64 covered = 0;
        qint64 reach = std::numeric_limits<qint64>::min();
        for (const Interval &i : list) {
            const qint64 from = std::max(i.start, reach);
            if (i.end > from)
                covered += i.end - from;
            reach = std::max(reach, i.end);
        }
        facts.sliceNs[key] = covered;
    }
    return facts;
}

} // namespace perfwb::testing
