// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "core/result.h"

namespace perfwb::record {

// Raises the calling thread (only it, and the threads it starts later) to nice `wanted`,
// or as far towards it as RLIMIT_NICE allows. The recorder's threads are two against every
// thread of the target: at nice 0, 1,000 busy threads on 2 CPUs left the ring reader 0.2 %
// of a CPU and 90 % of the DWARF samples were lost; at nice -20, none. Returns the nice
// value the thread runs at, or why it could not be raised (no CAP_SYS_NICE, RLIMIT_NICE 0).
Result<int> raiseThreadPriority(int wanted);
// The calling thread's nice value.
int threadNice();
// Sets the calling thread's nice value to `nice`, which must not be below it (lowering a
// priority needs no privilege): a thread about to launch a target gives back what it
// inherited from a raised thread, so the target runs at the user's priority.
bool lowerThreadPriority(int nice);

} // namespace perfwb::record
