// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "samplerbackend.h"

#include <chrono>
#include <thread>

namespace perfwb::record {

// `perfwb record --alloc --no-cpu`: the session runs as usual (launcher, /proc poller,
// allocation tracker, report) but takes no CPU samples. poll() only paces the loop.
class NoSamplingBackend : public SamplerBackend {
public:
    std::string name() const override { return "none (--no-cpu)"; }
    Status attach(pid_t, bool, const perf::SamplingOptions &) override { return {}; }
    Result<std::size_t> poll(perf::RecordSink &, int timeoutMs) override
    {
        std::this_thread::sleep_for(std::chrono::milliseconds(timeoutMs > 0 ? timeoutMs : 0));
        return std::size_t{0};
    }
    void stop(perf::RecordSink &) override {}
};

} // namespace perfwb::record
