// SPDX-License-Identifier: GPL-3.0-or-later
#include "perfdatafile.h"

#include "perfrecorddecoder.h"

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace perfwb::perf {

namespace {

constexpr std::string_view kMagic = "PERFILE2";
constexpr std::string_view kMagicSwapped = "2ELIFREP";
constexpr std::uint64_t kHeaderSize = 104;     // struct perf_file_header
constexpr std::uint64_t kPipeHeaderSize = 16;  // struct perf_pipe_file_header
constexpr std::uint64_t kSectionSize = 16;     // struct perf_file_section
constexpr std::uint64_t kMaxAttrSize = 4096;   // far above any perf_event_attr so far
constexpr std::uint64_t kMaxEvents = 1 << 15;  // perf record -e takes far fewer; fits a sample's 16-bit event
constexpr std::uint64_t kMaxStrings = 1 << 16; // words of a command line

// HEADER_* feature bits (tools/perf/util/header.h).
enum Feature {
    kHostname = 3,
    kOsRelease = 4,
    kVersion = 5,
    kArch = 6,
    kNrCpus = 7,
    kCpuDesc = 8,
    kCmdline = 11,
    kEventDesc = 12,
    kAuxtrace = 18,
    kDirFormat = 24,
    kCompressed = 27,
};

// The name perf report --header-only gives a section, for warnings.
std::string featureName(int bit)
{
    switch (bit) {
    case kHostname:
        return "hostname";
    case kOsRelease:
        return "os release";
    case kVersion:
        return "perf version";
    case kArch:
        return "arch";
    case kNrCpus:
        return "nrcpus";
    case kCpuDesc:
        return "cpudesc";
    case kCmdline:
        return "cmdline";
    case kEventDesc:
        return "event desc";
    default:
        return "feature " + std::to_string(bit);
    }
}

std::uint64_t u64At(std::string_view bytes, std::uint64_t offset)
{
    std::uint64_t v = 0;
    std::memcpy(&v, bytes.data() + offset, sizeof v);
    return v;
}

// True when [offset, offset + size) lies inside `total` bytes (no overflow).
bool fits(std::uint64_t offset, std::uint64_t size, std::uint64_t total)
{
    return offset <= total && size <= total - offset;
}

// Bounds-checked reading of a feature section.
class Reader {
public:
    explicit Reader(std::string_view bytes)
        : bytes_(bytes)
    {}
    bool u32(std::uint32_t &v)
    {
        if (bytes_.size() - pos_ < 4)
            return false;
        std::memcpy(&v, bytes_.data() + pos_, 4);
        pos_ += 4;
        return true;
    }
    bool skip(std::uint64_t n)
    {
        if (bytes_.size() - pos_ < n)
            return false;
        pos_ += n;
        return true;
    }
    // perf's do_write_string: u32 length (padded, with the NUL), then the bytes.
    bool string(std::string &out)
    {
        std::uint32_t len = 0;
        if (!u32(len) || bytes_.size() - pos_ < len)
            return false;
        const char *s = bytes_.data() + pos_;
        out.assign(s, strnlen(s, len));
        pos_ += len;
        return true;
    }
    bool u64s(std::uint64_t n, std::vector<std::uint64_t> &out)
    {
        if ((bytes_.size() - pos_) / 8 < n)
            return false;
        out.resize(n);
        if (n != 0)
            std::memcpy(out.data(), bytes_.data() + pos_, n * 8);
        pos_ += n * 8;
        return true;
    }

private:
    std::string_view bytes_;
    std::size_t pos_ = 0;
};

std::string sampleFieldNames(std::uint64_t bits)
{
    static constexpr std::pair<std::uint64_t, const char *> kNames[] = {
        {PERF_SAMPLE_READ, "READ"},
        {PERF_SAMPLE_BRANCH_STACK, "BRANCH_STACK"},
    };
    std::string out;
    for (const auto &[bit, name] : kNames) {
        if (bits & bit) {
            out += out.empty() ? "" : "|";
            out += name;
            bits &= ~bit;
        }
    }
    if (bits != 0) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(bits));
        out += out.empty() ? "" : "|";
        out += buf;
    }
    return out;
}

} // namespace

PerfDataFile::~PerfDataFile()
{
    if (mapping_ != nullptr)
        ::munmap(mapping_, mappingSize_);
}

void PerfDataFile::release(const char *p) const
{
    if (mapping_ == nullptr)
        return;
    static const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
    const auto begin = std::max(reinterpret_cast<std::uintptr_t>(mapping_), releasedTo_);
    const auto end = reinterpret_cast<std::uintptr_t>(p) & ~(page - 1);
    if (end <= begin)
        return;
    // Page arithmetic on the mapping's own addresses, back to a pointer for madvise.
    ::madvise(reinterpret_cast<void *>(begin), end - begin, MADV_DONTNEED); // NOLINT(performance-no-int-to-ptr)
    releasedTo_ = end;
}

Status PerfDataFile::corrupt(const std::string &what) const
{
    return makeError(name_ + ": perf.data is corrupt: " + what);
}

Status PerfDataFile::truncated(const std::string &what) const
{
    return makeError(name_ + ": perf.data is truncated: " + what);
}

Status PerfDataFile::open(const std::string &path)
{
    // O_NONBLOCK: a FIFO is refused below instead of waiting for a writer.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return makeError(path + ": cannot open: " + std::strerror(errno));
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        const int err = errno;
        ::close(fd);
        return makeError(path + ": cannot read: " + std::strerror(err));
    }
    if (!S_ISREG(st.st_mode)) {
        ::close(fd);
        return makeError(path + (S_ISDIR(st.st_mode) ? ": is a directory (perf record --threads writes one; "
                                                       "read it with perf)"
                                                     : ": not a regular file"));
    }
    const auto size = static_cast<std::size_t>(st.st_size);
    if (size == 0) {
        ::close(fd);
        return makeError(path + ": file is empty");
    }
    void *map = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    const int err = errno;
    ::close(fd);
    if (map == MAP_FAILED)
        return makeError(path + ": cannot map the file: " + std::strerror(err));
    ::madvise(map, size, MADV_SEQUENTIAL);
    mapping_ = map;
    mappingSize_ = size;
    return parse(std::string_view(static_cast<const char *>(map), size), path);
}

Status PerfDataFile::parse(std::string_view bytes, const std::string &name)
{
    name_ = name;
    bytes_ = bytes;
    if (bytes.empty())
        return makeError(name_ + ": file is empty");
    if (bytes.starts_with(kMagicSwapped)) {
        unsupported_ = "perf.data in the other byte order (recorded on a big-endian machine)";
        return {};
    }
    if (!bytes.starts_with(kMagic))
        return makeError(name_ + ": not a perf.data file (no PERFILE2 magic at its start)");
    if (bytes.size() < 16)
        return truncated("the file header is incomplete");
    const std::uint64_t headerSize = u64At(bytes, 8);
    if (headerSize == kPipeHeaderSize) {
        unsupported_ = "pipe-mode perf.data (perf record -o -)";
        return {};
    }
    if (headerSize != kHeaderSize)
        return corrupt("file header size " + std::to_string(headerSize) + ", expected 104");
    if (bytes.size() < kHeaderSize)
        return truncated("the file header is incomplete");

    const std::uint64_t total = bytes.size();
    const std::uint64_t attrSize = u64At(bytes, 16);
    std::uint64_t dataOffset = u64At(bytes, 40);
    std::uint64_t dataSize = u64At(bytes, 48);
    std::uint64_t bits[4];
    std::memcpy(bits, bytes.data() + 72, sizeof bits);

    // Data size 0: perf record was killed before it rewrote the header. Its records
    // run to the end of the file and there are no feature sections, as perf assumes.
    const bool killed = dataSize == 0;
    if (dataOffset < kHeaderSize || dataOffset > total)
        return dataOffset > total ? truncated("its data section starts at " + std::to_string(dataOffset) +
                                              ", the file has " + std::to_string(total) + " bytes")
                                  : corrupt("data section offset " + std::to_string(dataOffset));
    if (killed)
        dataSize = total - dataOffset;
    if (!fits(dataOffset, dataSize, total))
        return truncated("its data section needs " + std::to_string(dataOffset + dataSize) + " bytes, the file has " +
                         std::to_string(total));
    data_ = bytes.substr(dataOffset, dataSize);
    dataOffset_ = dataOffset;

    if (Status st = parseAttrs(attrSize, u64At(bytes, 24), u64At(bytes, 32)); !st)
        return st;
    if (killed)
        headerWarning = "perf record did not finish this file (killed?): it has no header sections, so host, "
                        "kernel, CPU and perf version are unknown";
    else
        parseFeatures(bits, dataOffset + dataSize);
    if (unsupported_.empty())
        checkSupported();
    return {};
}

Status PerfDataFile::parseAttrs(std::uint64_t attrSize, std::uint64_t offset, std::uint64_t size)
{
    // Each perf_file_attr is a perf_event_attr of attrSize - 16 bytes and the section of its ids.
    if (attrSize < PERF_ATTR_SIZE_VER0 + kSectionSize || attrSize > kMaxAttrSize)
        return corrupt("event attribute size " + std::to_string(attrSize));
    if (!fits(offset, size, bytes_.size()))
        return truncated("its event attributes lie beyond the end of the file");
    if (size == 0 || size % attrSize != 0 || size / attrSize > kMaxEvents)
        return corrupt("event attribute section of " + std::to_string(size) + " bytes");
    const std::uint64_t count = size / attrSize;
    events_.resize(count);
    for (std::uint64_t i = 0; i < count; ++i) {
        const char *p = bytes_.data() + offset + i * attrSize;
        Event &e = events_[i];
        const std::uint64_t fileAttrSize = attrSize - kSectionSize;
        std::memcpy(&e.attr, p, std::min<std::uint64_t>(fileAttrSize, sizeof e.attr));
        std::uint64_t idOffset = 0, idSize = 0;
        std::memcpy(&idOffset, p + fileAttrSize, 8);
        std::memcpy(&idSize, p + fileAttrSize + 8, 8);
        if (!fits(idOffset, idSize, bytes_.size()) || idSize % 8 != 0)
            return corrupt("the sample ids of event " + std::to_string(i) + " lie outside the file");
        e.ids.resize(idSize / 8);
        if (idSize != 0)
            std::memcpy(e.ids.data(), bytes_.data() + idOffset, idSize);
    }
    return {};
}

void PerfDataFile::parseFeatures(const std::uint64_t (&bits)[4], std::uint64_t tableOffset)
{
    const auto has = [&](int bit) { return (bits[bit / 64] & (std::uint64_t(1) << (bit % 64))) != 0; };
    // What the native reader cannot read shows in the bits alone, so it is known even
    // when the sections themselves are damaged.
    if (has(kAuxtrace))
        unsupported_ = "AUX area traces (Intel PT, CoreSight)";
    else if (has(kDirFormat))
        unsupported_ = "the directory format (perf record --threads)";
    else if (has(kCompressed))
        unsupported_ = "compressed records (perf record -z)";
    int count = 0;
    for (auto word : bits)
        count += std::popcount(word);
    // A damaged header costs the facts it holds, not the samples: one warning says which.
    if (!fits(tableOffset, std::uint64_t(count) * kSectionSize, bytes_.size())) {
        headerWarning = "perf.data header: its feature sections lie beyond the end of the file (cut short?), so "
                        "host, kernel, CPU, perf version, perf's command line and event names are unknown";
        return;
    }
    std::string damaged;
    std::uint64_t entry = tableOffset;
    for (int bit = 0; bit < 256; ++bit) {
        if (!has(bit))
            continue;
        const std::uint64_t offset = u64At(bytes_, entry);
        const std::uint64_t size = u64At(bytes_, entry + 8);
        entry += kSectionSize;
        if (!fits(offset, size, bytes_.size()) || !parseFeature(bit, bytes_.substr(offset, size)))
            damaged += (damaged.empty() ? "" : ", ") + featureName(bit);
    }
    if (!damaged.empty())
        headerWarning = "perf.data header: damaged section(s) ignored: " + damaged;
}

// False when the section is malformed; what it held stays unknown (Reader assigns
// nothing it could not read whole).
bool PerfDataFile::parseFeature(int bit, std::string_view section)
{
    Reader r(section);
    switch (bit) {
    case kHostname:
        return r.string(hostname);
    case kOsRelease:
        return r.string(osRelease);
    case kVersion:
        return r.string(perfVersion);
    case kArch:
        return r.string(arch);
    case kCpuDesc:
        return r.string(cpuDesc);
    case kNrCpus: {
        std::uint32_t available = 0, online = 0;
        if (!r.u32(available) || !r.u32(online))
            return false;
        cpusAvailable = available;
        cpusOnline = online;
        return true;
    }
    case kCmdline: {
        std::uint32_t n = 0;
        if (!r.u32(n) || n > kMaxStrings)
            return false;
        commandLine.resize(n);
        for (auto &word : commandLine) {
            if (!r.string(word)) {
                commandLine.clear();
                return false;
            }
        }
        return true;
    }
    case kEventDesc: {
        // nr, attr size, then per event: attr, nr_ids, name, ids (in the attrs' order).
        std::uint32_t n = 0, attrSize = 0;
        if (!r.u32(n) || !r.u32(attrSize) || n > kMaxEvents)
            return false;
        std::vector<std::uint64_t> ids;
        for (std::uint32_t i = 0; i < n; ++i) {
            std::uint32_t nrIds = 0;
            std::string name;
            if (!r.skip(attrSize) || !r.u32(nrIds) || !r.string(name) || !r.u64s(nrIds, ids))
                return false;
            // Matched by id where there are ids, else by position.
            Event *match = i < events_.size() ? &events_[i] : nullptr;
            for (auto &e : events_) {
                if (!ids.empty() && !e.ids.empty() && e.ids.front() == ids.front())
                    match = &e;
            }
            if (match != nullptr)
                match->name = name;
        }
        return true;
    }
    default:
        return true; // topology, build ids, ...: nothing a profile needs
    }
}

void PerfDataFile::checkSupported()
{
    if (!arch.empty() && arch != "x86_64") {
        unsupported_ = "a recording from another architecture (" + arch + ")";
        return;
    }
    const std::uint64_t first = events_.front().attr.sample_type;
    bool sameLayout = true;
    bool allIdentifier = true;
    for (const auto &e : events_) {
        const std::uint64_t type = e.attr.sample_type;
        const std::uint64_t decoded = type & ~kTrailingSampleFields;
        if (!perf::PerfRecordDecoder::supportsSampleType(decoded)) {
            const std::uint64_t known = PERF_SAMPLE_IDENTIFIER | PERF_SAMPLE_IP | PERF_SAMPLE_TID | PERF_SAMPLE_TIME |
                                        PERF_SAMPLE_ADDR | PERF_SAMPLE_ID | PERF_SAMPLE_STREAM_ID | PERF_SAMPLE_CPU |
                                        PERF_SAMPLE_PERIOD | PERF_SAMPLE_CALLCHAIN | PERF_SAMPLE_RAW |
                                        PERF_SAMPLE_REGS_USER | PERF_SAMPLE_STACK_USER;
            unsupported_ = "sample fields " + sampleFieldNames(decoded & ~known);
            return;
        }
        if (!e.attr.sample_id_all) {
            unsupported_ = "records without sample_id_all (a very old perf or kernel)";
            return;
        }
        sameLayout = sameLayout && type == first;
        allIdentifier = allIdentifier && (type & PERF_SAMPLE_IDENTIFIER);
    }
    if (events_.size() > 1) {
        // Records are told apart by their sample id; it must sit in the same place in every event's records.
        const bool idInSameSpot = sameLayout && (first & (PERF_SAMPLE_ID | PERF_SAMPLE_IDENTIFIER));
        if (!idInSameSpot && !allIdentifier)
            unsupported_ = "several events whose records carry no sample id in a common place";
    }
}

std::string_view eventBaseName(std::string_view event)
{
    const auto colon = event.rfind(':');
    if (colon == std::string_view::npos || colon + 1 >= event.size())
        return event;
    const auto mods = event.substr(colon + 1);
    const bool onlyModifiers = std::all_of(mods.begin(), mods.end(), [](char c) {
        return std::string_view("ukhHGpPSIDWeb").find(c) != std::string_view::npos;
    });
    return onlyModifiers ? event.substr(0, colon) : event;
}

} // namespace perfwb::perf
