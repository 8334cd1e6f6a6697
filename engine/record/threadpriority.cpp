// SPDX-License-Identifier: GPL-3.0-or-later
#include "threadpriority.h"

#include <cerrno>
#include <cstring>
#include <string>
#include <sys/resource.h>
#include <unistd.h>

namespace perfwb::record {

int threadNice()
{
    errno = 0;
    const int current = getpriority(PRIO_PROCESS, static_cast<id_t>(gettid()));
    return current == -1 && errno != 0 ? 0 : current;
}

bool lowerThreadPriority(int nice)
{
    return nice >= threadNice() && setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), nice) == 0;
}

Result<int> raiseThreadPriority(int wanted)
{
    // On Linux PRIO_PROCESS with a thread id sets that thread's nice value alone.
    const auto tid = static_cast<id_t>(gettid());
    errno = 0;
    const int current = getpriority(PRIO_PROCESS, tid);
    if (current == -1 && errno != 0)
        return makeError(std::string("cannot read the thread's priority: ") + std::strerror(errno));
    if (current <= wanted)
        return current;
    if (setpriority(PRIO_PROCESS, tid, wanted) == 0)
        return wanted;
    const int refused = errno;
    // Without CAP_SYS_NICE, RLIMIT_NICE allows down to 20 - its soft limit.
    rlimit limit{};
    if (getrlimit(RLIMIT_NICE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur <= 40) {
        const int floor = 20 - static_cast<int>(limit.rlim_cur);
        if (floor < current && floor > wanted && setpriority(PRIO_PROCESS, tid, floor) == 0)
            return floor;
    }
    return makeError("the recorder runs at the target's priority (nice " + std::to_string(current) +
                     "): raising it was refused (" + std::strerror(refused) +
                     "; needs CAP_SYS_NICE or an RLIMIT_NICE above 20)");
}

} // namespace perfwb::record
