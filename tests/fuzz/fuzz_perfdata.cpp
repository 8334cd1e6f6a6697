// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: PerfDataFile::parse and PerfDataReader::read on arbitrary bytes (the
// seeds are tiny real `perf record` files). Neither may crash, hang or read out of
// bounds; an error is one line; a profile read is consistent.
#include "fuzzcheck.h"
#include "perf/perfdatafile.h"
#include "perf/perfdatareader.h"

#include <cstring>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    // A mapped file starts page-aligned; records are read in place, so give them the same 8-byte alignment.
    std::vector<std::uint64_t> aligned((size + 7) / 8);
    if (size != 0)
        std::memcpy(aligned.data(), data, size);
    const std::string_view bytes(reinterpret_cast<const char *>(aligned.data()), size);

    perfwb::perf::PerfDataFile file;
    const perfwb::Status parsed = file.parse(bytes, "fuzz.data");
    if (!parsed) {
        perfwb::fuzz::require(!parsed.message().empty() && parsed.message().find('\n') == std::string::npos);
        return 0;
    }
    perfwb::model::Profile profile;
    std::string unsupported;
    const perfwb::Status read = perfwb::perf::PerfDataReader::read(file, profile, unsupported);
    if (!read)
        perfwb::fuzz::require(!read.message().empty() && read.message().find('\n') == std::string::npos);
    else if (unsupported.empty())
        perfwb::fuzz::checkProfile(profile);
    return 0;
}
