// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "addresscache.h"
#include "addressspace.h"
#include "modulecache.h"

#include <array>
#include <cstdint>
#include <elfutils/libdw.h>
#include <span>
#include <vector>

namespace perfwb::symbolize {

// DWARF CFI unwinder for x86_64 user stacks as perf delivers them (registers at the
// sample + a copy of the stack from SP upwards). Works frame by frame over libdw's
// dwarf_cfi_addrframe on the modules' .eh_frame/.debug_frame, and caches the
// register rules per code address, so a recurring return address costs one hash
// lookup instead of a CFI parse. Code without CFI (JIT, hand-written stubs) is
// stepped over with the frame pointer when RBP points into the stack copy,
// or else with a return address found in the first words of the stack.
class DwarfUnwinder {
public:
    static constexpr std::size_t kMaxDepth = 512;

    explicit DwarfUnwinder(ModuleCache &modules)
        : modules_(modules)
    {}

    // perf_event_attr.sample_regs_user: every general-purpose register and IP.
    static std::uint64_t requiredRegsMask();

    // Appends the PCs, leaf first (the leaf is the sampled IP itself).
    void unwind(AddressSpace &space, std::int32_t pid, std::uint64_t regsMask, std::span<const std::uint64_t> regs,
                std::span<const std::uint8_t> stack, std::vector<std::uint64_t> &ips);

    std::size_t cachedRules() const { return cache_.size(); }

private:
    static constexpr int kRegisters = 17; // DWARF x86_64: rax..r15 = 0..15, return address = 16
    static constexpr int kReturnAddress = 16;
    static constexpr int kStackPointer = 7;
    static constexpr int kFramePointer = 6;

    struct Registers {
        std::array<std::uint64_t, kRegisters> value{};
        std::uint32_t valid = 0; // bit per register
        bool has(int r) const { return valid & (1u << r); }
        void set(int r, std::uint64_t v)
        {
            value[static_cast<std::size_t>(r)] = v;
            valid |= 1u << r;
        }
    };
    enum class RuleKind : std::uint8_t { Undefined, Same, Location, Value };
    struct Rule {
        std::uint32_t opsOffset = 0;
        std::uint16_t opsCount = 0;
        RuleKind kind = RuleKind::Undefined;
    };
    struct Rules {
        bool found = false; // false: no CFI covers the address
        bool signalFrame = false;
        Rule cfa;
        std::array<Rule, kRegisters> regs{};
    };
    struct Memory {
        AddressSpace &space;
        std::int32_t pid;
        std::uint64_t stackStart;
        std::span<const std::uint8_t> stack;
    };

    const Rules &rulesFor(ElfModule *module, std::uint64_t address);
    Rules compile(Dwarf_Frame *frame);
    Rule store(RuleKind kind, const Dwarf_Op *ops, std::size_t count);
    bool step(const Rules &rules, const Registers &in, Registers &out, Memory &memory);
    bool stepFramePointer(const Registers &in, Registers &out, Memory &memory);
    bool stepWithoutCfi(const Registers &in, Registers &out, Memory &memory);
    bool followsCall(Memory &memory, std::uint64_t address);
    bool evaluate(const Rule &rule, const Registers &regs, std::uint64_t cfa, Memory &memory, std::uint64_t &result);
    bool read(Memory &memory, std::uint64_t address, std::uint64_t &value);

    ModuleCache &modules_;
    AddressCache cache_; // (module, ELF address) -> index in rules_
    std::vector<Rules> rules_;
    std::vector<Dwarf_Op> opsPool_; // the expressions of all cached rules, back to back
};

} // namespace perfwb::symbolize
