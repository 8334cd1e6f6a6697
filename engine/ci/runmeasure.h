// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "ciresults.h"
#include "model/profile.h"

#include <cstddef>
#include <string>
#include <vector>

namespace perfwb::ci {

// What a recorded report says about its run, as perf CI metrics:
//   wall_time    the target's run, launch to exit (the report's duration);
//   cpu_time     user + system CPU of the target and its children (wait4), else the
//                samples x the sampling period;
//   peak_rss     the highest RSS reading of the process tree (polled, every 50 ms by
//                default: a command shorter than that has none);
//   cpu_percent  cpu_time / wall_time;
//   samples, lost_samples.
RunMetrics measureRun(const model::Profile &profile, const std::string &reportPath);

// The `count` functions with the most self weight, with their shares of the total.
std::vector<FunctionShare> topFunctionShares(const model::Profile &profile, std::size_t count);

// "" when the target ran to a clean exit, else "the command exited with code 3" /
// "the command was killed by signal 9".
std::string targetFailure(const model::Profile &profile);

} // namespace perfwb::ci
