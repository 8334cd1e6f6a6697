// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the perf CI files. ScenarioFile::parse and CiResults::fromJson on
// arbitrary bytes must give a value or one error line, never crash or hang; a results file
// that parses must render to JSON that parses again.
#include "ci/ciresults.h"
#include "ci/scenariofile.h"

#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char *>(data), size);
    const auto file = perfwb::ci::ScenarioFile::parse(text, "fuzz.json");
    if (!file && (file.message().empty() || file.message().find('\n') != std::string::npos))
        std::abort();
    const auto results = perfwb::ci::CiResults::fromJson(text, "fuzz.json");
    if (results) {
        if (!perfwb::ci::CiResults::fromJson(results->toJson(), "again.json"))
            std::abort();
    } else if (results.message().empty() || results.message().find('\n') != std::string::npos) {
        std::abort();
    }
    return 0;
}
