// SPDX-License-Identifier: GPL-3.0-or-later
#include "trackerframefilter.h"

namespace perfwb::perf {

TrackerFrameFilter::TrackerFrameFilter(const model::Profile &profile)
    : profile_(profile)
{}

bool TrackerFrameFilter::isTrackerModule(std::string_view module)
{
    constexpr std::string_view kName = "libperfwb_alloctrack.so";
    return module.size() >= kName.size() && module.substr(module.size() - kName.size()) == kName &&
           (module.size() == kName.size() || module[module.size() - kName.size() - 1] == '/');
}

bool TrackerFrameFilter::isTracker(model::FrameId frame)
{
    if (frame >= tracker_.size())
        tracker_.resize(frame + 1, -1);
    if (tracker_[frame] < 0)
        tracker_[frame] = isTrackerModule(profile_.strings.view(profile_.frames.at(frame).module)) ? 1 : 0;
    return tracker_[frame] == 1;
}

bool TrackerFrameFilter::apply(std::vector<model::FrameId> &leafFirst)
{
    // The outermost tracker frame is the interposed entry point the program called.
    std::size_t entry = leafFirst.size();
    for (std::size_t i = leafFirst.size(); i-- > 0;) {
        if (isTracker(leafFirst[i])) {
            entry = i;
            break;
        }
    }
    if (entry == leafFirst.size())
        return true;
    // Kept only when the wrapper's callee is the libc function of the same name (malloc
    // calling malloc), i.e. the allocation itself, not the tracker's bookkeeping.
    const auto name = [&](std::size_t i) { return profile_.strings.view(profile_.frames.at(leafFirst[i]).function); };
    if (entry == 0 || isTracker(leafFirst[entry - 1]) || name(entry - 1) != name(entry)) {
        ++dropped_;
        return false;
    }
    for (std::size_t i = 0; i + 1 < entry; ++i) {
        if (isTracker(leafFirst[i])) { // tracker code called from inside libc (a hook): overhead too
            ++dropped_;
            return false;
        }
    }
    leafFirst.erase(leafFirst.begin() + static_cast<std::ptrdiff_t>(entry));
    return true;
}

} // namespace perfwb::perf
