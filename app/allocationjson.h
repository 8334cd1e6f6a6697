// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "analysis/functiontable.h"
#include "model/profile.h"

#include <QJsonObject>

namespace perfwb::app {

// The `allocations` object of `perfwb info --json` (schema in docs/cli.md): totals,
// the peak, what was not freed at exit, and the `top` functions by bytes allocated.
// Per function, "calls"/"bytes"/"leaked_bytes"/"temporary" count the allocations the
// function made itself (it called the allocator); "total_calls"/"total_bytes" also
// count those of its callees.
QJsonObject allocationsJson(const model::Profile &profile, const analysis::FunctionTable &functions, int top);

} // namespace perfwb::app
