// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace perfwb::symbolize {

// JIT symbols a runtime writes to /tmp/perf-PID.map ("START SIZE name" lines, hex),
// the convention of perf, V8, the JVM agents, .NET, LuaJIT and Python 3.12. The file
// grows while the program runs: on a miss it is read again if it changed.
class PerfMap {
public:
    static constexpr std::uint32_t kNoFrame = std::numeric_limits<std::uint32_t>::max();

    explicit PerfMap(std::int32_t pid);
    explicit PerfMap(std::string path)
        : path_(std::move(path))
    {}

    bool exists();
    // Index of the entry covering the address, or -1.
    long lookup(std::uint64_t address);
    std::string_view name(long index) const { return entries_[static_cast<std::size_t>(index)].name; }
    // A per-entry slot for the caller's interned frame id (kNoFrame until set);
    // cleared whenever the file is read again.
    std::uint32_t &frameSlot(long index) { return frameIds_[static_cast<std::size_t>(index)]; }
    void clearFrameSlots();
    std::size_t size() const { return entries_.size(); }

private:
    struct Entry {
        std::uint64_t start = 0;
        std::uint64_t end = 0;
        std::string name;
    };
    bool reloadIfChanged();
    long find(std::uint64_t address) const;

    std::string path_;
    std::vector<Entry> entries_;
    std::vector<std::uint32_t> frameIds_;
    std::int64_t mtimeNs_ = -1;
    std::int64_t size_ = -1;
};

} // namespace perfwb::symbolize
