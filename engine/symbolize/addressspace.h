// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace perfwb::symbolize {

class ElfModule;

// One mapping of a process: [start, end) shows the file `path` from `pgoff` on.
struct Mapping {
    enum class Kind : std::uint8_t {
        File,      // a file on disk
        Anonymous, // "//anon", "" or "[anon:...]": JIT code lives here
        Vdso,      // "[vdso]"
        Special,   // "[stack]", "[heap]", "[vsyscall]", ...
    };
    std::uint64_t start = 0;
    std::uint64_t end = 0;
    std::uint64_t pgoff = 0;
    std::string path;
    Kind kind = Kind::File;
    // Resolved on first use by ModuleCache::moduleFor (modules live as long as the cache).
    ElfModule *module = nullptr;
    bool moduleResolved = false;

    static Kind kindOf(std::string_view path);
};

// The mappings of one process, sorted and non-overlapping: a new mapping replaces
// whatever it overlaps, as mmap(MAP_FIXED) does.
class AddressSpace {
public:
    void add(std::uint64_t start, std::uint64_t length, std::uint64_t pgoff, std::string_view path);
    Mapping *find(std::uint64_t address)
    {
        // Samples hit the same mapping over and over: check the last one first.
        if (last_ < mappings_.size() &&
            address - mappings_[last_].start < mappings_[last_].end - mappings_[last_].start)
            return &mappings_[last_];
        return findSlow(address);
    }
    void clear();
    const std::vector<Mapping> &mappings() const { return mappings_; }

private:
    Mapping *findSlow(std::uint64_t address);
    std::vector<Mapping> mappings_;
    std::size_t last_ = 0;
};

} // namespace perfwb::symbolize
