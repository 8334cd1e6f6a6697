// SPDX-License-Identifier: GPL-3.0-or-later
#include "hostmetrics.h"

#include "nvml.h"

#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstring>

namespace perfwb::budgets {

HostMetricsSampler::HostMetricsSampler()
    : nvml_(std::make_unique<Nvml>())
{
    (void)sample(); // the first CPU figure needs a previous reading
}

HostMetricsSampler::~HostMetricsSampler() = default;

const char *HostMetricsSampler::vramUnavailableReason() const
{
    return nvml_->unavailableReason();
}

bool HostMetricsSampler::parseCpuLine(const char *line, std::uint64_t *busy, std::uint64_t *total)
{
    std::uint64_t v[8] = {};
    const int n = std::sscanf(
        line, "cpu %" SCNu64 " %" SCNu64 " %" SCNu64 " %" SCNu64 " %" SCNu64 " %" SCNu64 " %" SCNu64 " %" SCNu64, &v[0],
        &v[1], &v[2], &v[3], &v[4], &v[5], &v[6], &v[7]);
    if (n < 4)
        return false;
    // user nice system idle iowait irq softirq steal: idle and iowait are not busy.
    *total = 0;
    for (const std::uint64_t x : v)
        *total += x;
    *busy = *total - v[3] - v[4];
    return true;
}

HostMetrics HostMetricsSampler::sample()
{
    HostMetrics m;
    m.sampledAtUnixMs =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
            .count();
    char line[512];
    if (FILE *f = std::fopen("/proc/stat", "re")) {
        std::uint64_t busy = 0;
        std::uint64_t total = 0;
        if (std::fgets(line, sizeof line, f) != nullptr && parseCpuLine(line, &busy, &total)) {
            if (total > lastTotal_ && lastTotal_ != 0)
                m.cpuPercent = 100.0 * static_cast<double>(busy - lastBusy_) / static_cast<double>(total - lastTotal_);
            lastBusy_ = busy;
            lastTotal_ = total;
        }
        std::fclose(f);
    }
    if (FILE *f = std::fopen("/proc/meminfo", "re")) {
        std::uint64_t totalKb = 0;
        std::uint64_t availableKb = 0;
        while (std::fgets(line, sizeof line, f) != nullptr) {
            std::uint64_t kb = 0;
            if (std::sscanf(line, "MemTotal: %" SCNu64, &kb) == 1)
                totalKb = kb;
            else if (std::sscanf(line, "MemAvailable: %" SCNu64, &kb) == 1)
                availableKb = kb;
        }
        std::fclose(f);
        m.memTotalMb = static_cast<double>(totalKb) / 1024.0;
        m.memUsedMb = static_cast<double>(totalKb - std::min(totalKb, availableKb)) / 1024.0;
    }
    if (auto vram = nvml_->memory()) {
        m.vramUsedMb = vram->usedMb;
        m.vramTotalMb = vram->totalMb;
    }
    return m;
}

} // namespace perfwb::budgets
