// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <cstdint>
#include <memory>
#include <optional>

namespace perfwb::budgets {

class Nvml;

struct HostMetrics {
    double cpuPercent = 0; // all cores, since the previous sample
    double memUsedMb = 0;  // MemTotal - MemAvailable
    double memTotalMb = 0;
    std::optional<double> vramUsedMb; // nullopt without NVML: unknown, never 0
    std::optional<double> vramTotalMb;
    std::int64_t sampledAtUnixMs = 0;
};

// Samples the host: CPU from /proc/stat (the busy share of the jiffies since the last
// call), memory from /proc/meminfo, VRAM from NVML when libnvidia-ml can be loaded.
class HostMetricsSampler {
public:
    HostMetricsSampler();
    ~HostMetricsSampler();
    HostMetricsSampler(const HostMetricsSampler &) = delete;
    HostMetricsSampler &operator=(const HostMetricsSampler &) = delete;

    HostMetrics sample();
    // Why VRAM is unknown ("libnvidia-ml.so.1 not found"), empty when NVML works.
    const char *vramUnavailableReason() const;

    // Parses /proc/stat's first line into (busy, total) jiffies; false when malformed.
    static bool parseCpuLine(const char *line, std::uint64_t *busy, std::uint64_t *total);

private:
    std::uint64_t lastBusy_ = 0;
    std::uint64_t lastTotal_ = 0;
    std::unique_ptr<Nvml> nvml_;
};

} // namespace perfwb::budgets
