// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "core/result.h"

#include <cstdint>
#include <linux/perf_event.h>
#include <string>
#include <string_view>
#include <vector>

namespace perfwb::perf {

// "cpu-clock:pppH" -> "cpu-clock": perf's event modifiers are not part of the name.
std::string_view eventBaseName(std::string_view event);

// The container of a perf.data file as `perf record` writes it (file mode, this
// machine's byte order): the file header, the event attributes with their sample ids,
// the data section that holds the records, and the feature sections that describe the
// run. Records themselves are decoded elsewhere (PerfDataReader). Every offset and size
// read from the file is checked against the bytes, so a damaged file is an error, never
// a read out of bounds.
class PerfDataFile {
public:
    struct Event {
        perf_event_attr attr{}; // as much of the file's attr as this struct holds, the rest zero
        std::vector<std::uint64_t> ids;
        std::string name; // from HEADER_EVENT_DESC ("cpu-clock:pppH"); empty when absent
    };

    // Sample fields laid out after STACK_USER, the last one the decoder reads: a SAMPLE
    // record decodes the same without them (perf record --call-graph dwarf adds DATA_SRC).
    static constexpr std::uint64_t kTrailingSampleFields =
        PERF_SAMPLE_WEIGHT | PERF_SAMPLE_DATA_SRC | PERF_SAMPLE_TRANSACTION | PERF_SAMPLE_REGS_INTR |
        PERF_SAMPLE_PHYS_ADDR | (1ULL << 20) /* AUX */ | (1ULL << 21) /* CGROUP */ | (1ULL << 22) /* DATA_PAGE_SIZE */ |
        (1ULL << 23) /* CODE_PAGE_SIZE */ | (1ULL << 24) /* WEIGHT_STRUCT */;

    PerfDataFile() = default;
    ~PerfDataFile();
    PerfDataFile(const PerfDataFile &) = delete;
    PerfDataFile &operator=(const PerfDataFile &) = delete;

    // Maps the file read-only and parses it; errors name the file.
    Status open(const std::string &path);
    // Parses bytes that outlive this object (the fuzz target's input). `name` starts
    // every error message.
    Status parse(std::string_view bytes, const std::string &name);

    // Non-empty when the file is well-formed but uses something the native reader does
    // not handle (pipe mode, the other byte order, compressed or AUX records, sample
    // fields the decoder does not know): the caller reads it another way.
    const std::string &unsupported() const { return unsupported_; }

    const std::vector<Event> &events() const { return events_; }
    std::string_view data() const { return data_; } // the records of the data section
    std::uint64_t dataOffset() const { return dataOffset_; }
    const std::string &name() const { return name_; }
    // Gives the mapped pages below `p` (inside data()) back to the kernel: records already
    // delivered need no memory, and they would be read from the file again if touched.
    // Does nothing for bytes handed to parse().
    void release(const char *p) const;

    // From the feature sections; empty when the file has no such section.
    std::string hostname;
    std::string osRelease;
    std::string perfVersion;
    std::string arch;
    std::string cpuDesc;
    std::uint32_t cpusOnline = 0;    // HEADER_NRCPUS; 0 when absent
    std::uint32_t cpusAvailable = 0; // online or not
    std::vector<std::string> commandLine;
    // One line when the feature sections are missing or damaged: the samples are still
    // read, only the facts above (or some of them) are unknown. Empty when all is well.
    std::string headerWarning;

private:
    Status corrupt(const std::string &what) const;
    Status truncated(const std::string &what) const;
    Status parseAttrs(std::uint64_t attrSize, std::uint64_t offset, std::uint64_t size);
    void parseFeatures(const std::uint64_t (&bits)[4], std::uint64_t tableOffset);
    bool parseFeature(int bit, std::string_view section);
    void checkSupported();

    std::string name_;
    std::string_view bytes_;
    std::string_view data_;
    std::uint64_t dataOffset_ = 0;
    std::vector<Event> events_;
    std::string unsupported_;
    void *mapping_ = nullptr;
    std::size_t mappingSize_ = 0;
    mutable std::uintptr_t releasedTo_ = 0;
};

} // namespace perfwb::perf
