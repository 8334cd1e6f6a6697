// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A RecordSink for tests: keeps a copy of everything a sampler backend delivers, and
// the order of the kinds it arrived in.
#include "perf/rawevents.h"

#include <algorithm>
#include <string>
#include <sys/types.h>
#include <vector>

namespace perfwb::perf {

// Collects everything, and the order of kinds ('S'ample, 'M'map, 'C'omm, 'T'ask, 'L'ost).
class CollectingSink : public RecordSink {
public:
    void onSample(const RawSample &s) override
    {
        samples.push_back(s);
        order.push_back('S');
    }
    void onMmap(const MmapEvent &e) override
    {
        mmaps.push_back(e);
        order.push_back('M');
    }
    void onComm(const CommEvent &e) override
    {
        comms.push_back(e);
        order.push_back('C');
    }
    void onTask(const TaskEvent &e) override
    {
        tasks.push_back(e);
        order.push_back('T');
    }
    void onLost(std::uint64_t count) override
    {
        lost += count;
        order.push_back('L');
    }

    bool hasMmap(pid_t pid, const std::string &path) const
    {
        return std::any_of(mmaps.begin(), mmaps.end(),
                           [&](const MmapEvent &m) { return m.pid == pid && m.executable && m.filename == path; });
    }
    bool hasMmapEndingWith(pid_t pid, const std::string &suffix) const
    {
        return std::any_of(mmaps.begin(), mmaps.end(), [&](const MmapEvent &m) {
            return m.pid == pid && m.executable && m.filename.size() >= suffix.size() &&
                   m.filename.compare(m.filename.size() - suffix.size(), suffix.size(), suffix) == 0;
        });
    }
    const CommEvent *comm(pid_t pid, const std::string &name) const
    {
        for (const auto &c : comms) {
            if (c.pid == pid && c.comm == name)
                return &c;
        }
        return nullptr;
    }

    std::vector<RawSample> samples;
    std::vector<MmapEvent> mmaps;
    std::vector<CommEvent> comms;
    std::vector<TaskEvent> tasks;
    std::uint64_t lost = 0;
    std::string order;
};

} // namespace perfwb::perf
