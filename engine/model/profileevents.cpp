// SPDX-License-Identifier: GPL-3.0-or-later
#include "profileevents.h"

namespace perfwb::model {

namespace {
std::string_view baseName(std::string_view name)
{
    return name.substr(0, name.find(':'));
}
} // namespace

std::vector<EventType> ProfileEvents::list(const Profile &profile)
{
    if (!profile.events.empty())
        return profile.events;
    return {EventType{profile.meta.sampler.event, profile.meta.weightUnit}};
}

std::vector<std::uint64_t> ProfileEvents::sampleCounts(const Profile &profile)
{
    std::vector<std::uint64_t> out(std::max<std::size_t>(profile.events.size(), 1), 0);
    for (std::size_t i = 0; i < profile.samples.size(); ++i)
        if (const auto e = profile.samples.event(i); e < out.size())
            ++out[e];
    return out;
}

std::vector<std::uint64_t> ProfileEvents::weights(const Profile &profile)
{
    std::vector<std::uint64_t> out(std::max<std::size_t>(profile.events.size(), 1), 0);
    for (std::size_t i = 0; i < profile.samples.size(); ++i)
        if (const auto e = profile.samples.event(i); e < out.size())
            out[e] += profile.samples.weight(i);
    return out;
}

std::optional<std::size_t> ProfileEvents::find(const Profile &profile, std::string_view name)
{
    const auto events = list(profile);
    for (std::size_t i = 0; i < events.size(); ++i)
        if (events[i].name == name || baseName(events[i].name) == baseName(name))
            return i;
    return std::nullopt;
}

std::string ProfileEvents::names(const Profile &profile)
{
    std::string out;
    for (const auto &e : list(profile))
        out += (out.empty() ? "" : ", ") + (e.name.empty() ? std::string("(unnamed)") : e.name);
    return out;
}

void ProfileEvents::keepOnly(Profile &profile, std::size_t index)
{
    if (profile.events.empty() || index >= profile.events.size())
        return;
    SampleTable kept;
    const auto &all = profile.samples;
    std::size_t count = 0;
    for (std::size_t i = 0; i < all.size(); ++i)
        count += all.event(i) == index ? 1 : 0;
    kept.reserve(count);
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (all.event(i) != index)
            continue;
        auto s = all.at(i);
        s.event = 0;
        kept.add(s);
    }
    profile.samples = std::move(kept);
    profile.meta.extra["events"] = names(profile);
    profile.meta.sampler.event = profile.events[index].name;
    profile.meta.weightUnit = profile.events[index].unit;
    profile.events.clear();
}

} // namespace perfwb::model
