// SPDX-License-Identifier: GPL-3.0-or-later
#include "perfmap.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sys/stat.h>

namespace perfwb::symbolize {

PerfMap::PerfMap(std::int32_t pid)
    : path_("/tmp/perf-" + std::to_string(pid) + ".map")
{}

bool PerfMap::exists()
{
    reloadIfChanged();
    return !entries_.empty();
}

long PerfMap::lookup(std::uint64_t address)
{
    long index = find(address);
    if (index < 0 && reloadIfChanged())
        index = find(address);
    return index;
}

void PerfMap::clearFrameSlots()
{
    std::fill(frameIds_.begin(), frameIds_.end(), kNoFrame);
}

long PerfMap::find(std::uint64_t address) const
{
    auto it = std::upper_bound(entries_.begin(), entries_.end(), address,
                               [](std::uint64_t a, const Entry &e) { return a < e.start; });
    if (it == entries_.begin())
        return -1;
    --it;
    return address < it->end ? static_cast<long>(it - entries_.begin()) : -1;
}

bool PerfMap::reloadIfChanged()
{
    struct stat st;
    if (::stat(path_.c_str(), &st) != 0)
        return false;
    const std::int64_t mtime = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    if (mtime == mtimeNs_ && st.st_size == size_)
        return false;
    FILE *f = std::fopen(path_.c_str(), "re");
    if (!f)
        return false;
    mtimeNs_ = mtime;
    size_ = st.st_size;
    std::vector<Entry> entries;
    char *line = nullptr;
    std::size_t capacity = 0;
    ssize_t length = 0;
    while ((length = ::getline(&line, &capacity, f)) > 0) {
        char *p = line;
        char *end = nullptr;
        const unsigned long long start = std::strtoull(p, &end, 16);
        if (end == p || *end != ' ')
            continue;
        p = end + 1;
        const unsigned long long size = std::strtoull(p, &end, 16);
        if (end == p || *end != ' ' || size == 0)
            continue;
        std::string name(end + 1);
        while (!name.empty() && (name.back() == '\n' || name.back() == '\r'))
            name.pop_back();
        if (name.empty())
            continue;
        entries.push_back({start, start + size, std::move(name)});
    }
    std::free(line);
    std::fclose(f);
    // Code gets recompiled into the same place: the line written last wins.
    std::stable_sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) { return a.start < b.start; });
    std::vector<Entry> unique;
    unique.reserve(entries.size());
    for (auto &e : entries) {
        if (!unique.empty() && unique.back().start == e.start)
            unique.back() = std::move(e);
        else
            unique.push_back(std::move(e));
    }
    entries_ = std::move(unique);
    frameIds_.assign(entries_.size(), kNoFrame);
    return true;
}

} // namespace perfwb::symbolize
