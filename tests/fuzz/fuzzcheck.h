// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Shared by the fuzz targets: run one importer on the input, then check that what it
// built is consistent, so a silent corruption is a crash the fuzzer can report.
#include "formats/importer.h"
#include "model/profileevents.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace perfwb::fuzz {

inline void require(bool ok)
{
    if (!ok)
        std::abort();
}

inline void checkProfile(const model::Profile &p)
{
    for (std::size_t i = 0; i < p.samples.size(); ++i) {
        require(p.samples.stack(i) < p.stacks.size());
        require(p.samples.thread(i) < p.threads().size());
    }
    for (std::size_t s = 1; s < p.stacks.size(); ++s) {
        require(p.stacks.node(static_cast<model::StackId>(s)).parent < s);
        require(p.stacks.node(static_cast<model::StackId>(s)).frame < p.frames.size());
    }
    for (const auto &f : p.frames.all())
        require(f.function < p.strings.size() && f.module < p.strings.size() && f.file < p.strings.size());
    for (const auto frame : p.functionCosts.frames())
        require(frame < p.frames.size());
    for (std::size_t i = 0; i < p.allocations.size(); ++i)
        require(p.allocations.stacks[i] < p.stacks.size());
    // Events: none listed (one event) or several, every sample of a listed one, and
    // choosing one keeps exactly its samples.
    require(p.events.size() != 1);
    const auto counts = model::ProfileEvents::sampleCounts(p);
    std::uint64_t counted = 0;
    for (const auto c : counts)
        counted += c;
    require(counted == p.samples.size());
    if (!p.events.empty()) {
        model::Profile last = p;
        model::ProfileEvents::keepOnly(last, p.events.size() - 1);
        require(last.samples.size() == counts.back() && last.events.empty());
    }
}

inline int runImporter(const formats::TextImporter &importer, const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    const int score = importer.sniff(text);
    require(score >= 0 && score <= 100);
    model::Profile profile;
    const Status st = importer.parse(text, profile);
    if (st)
        checkProfile(profile);
    else
        require(!st.message().empty() && st.message().find('\n') == std::string::npos);
    return 0;
}

} // namespace perfwb::fuzz
