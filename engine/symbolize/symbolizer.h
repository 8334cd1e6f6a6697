// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "core/result.h"
#include "model/profile.h"

#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

namespace perfwb::symbolize {

// Turns addresses of sampled processes into model frames, and unwinds user stack
// copies with DWARF CFI. Keeps one address space per process (from MMAP2 records or
// /proc/PID/maps), caches per ELF build-id, and interns frames straight into the
// profile. Not thread-safe: used from the recording thread only.
class Symbolizer {
public:
    Symbolizer();
    ~Symbolizer();
    Symbolizer(const Symbolizer &) = delete;
    Symbolizer &operator=(const Symbolizer &) = delete;

    void addMapping(std::int32_t pid, std::uint64_t start, std::uint64_t length, std::uint64_t pgoff,
                    std::string_view path);
    void forkProcess(std::int32_t parentPid, std::int32_t childPid); // child starts as a copy
    void execProcess(std::int32_t pid);                              // address space replaced
    void exitProcess(std::int32_t pid);
    // Attach mode: mappings of an already running process.
    Status loadProcessMaps(std::int32_t pid);

    // Appends the frames for `ip` (leaf first, inline frames expanded) to `out`.
    // `isReturnAddress`: ip is a return address (every frame but the leaf), so the
    // call instruction is at ip - 1 for line and inline lookup.
    // Frame ids are cached per address for the profile last passed in (one Symbolizer
    // serves one Profile); passing another profile drops that id cache. Resolve a
    // process's samples before exitProcess()/execProcess() for it.
    void resolve(std::int32_t pid, std::uint64_t ip, bool isReturnAddress, bool kernel, model::Profile &profile,
                 std::vector<model::FrameId> &out);

    // DWARF unwinding of one user stack copy (x86_64; regs as perf delivers them for
    // the mask given). Appends instruction pointers, leaf first, to `ips`.
    void unwind(std::int32_t pid, std::uint64_t regsMask, std::span<const std::uint64_t> regs,
                std::span<const std::uint8_t> stack, std::vector<std::uint64_t> &ips);

    // perf_event_attr.sample_regs_user mask the unwinder needs.
    static std::uint64_t requiredRegsMask();

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace perfwb::symbolize
