// SPDX-License-Identifier: GPL-3.0-or-later
#include "dwarfunwinder.h"

#include "elfmodule.h"

#include <cstdlib>
#include <cstring>
#include <dwarf.h>

namespace perfwb::symbolize {

namespace {

// perf_regs.h (x86_64) register number -> DWARF register number; -1: not used.
// perf: AX BX CX DX SI DI BP SP IP FLAGS CS SS DS ES FS GS R8..R15
constexpr int kPerfToDwarf[24] = {0, 3, 2, 1, 4, 5, 6, 7, 16, -1, -1, -1, -1, -1, -1, -1, 8, 9, 10, 11, 12, 13, 14, 15};

// Registers a callee must preserve (SysV x86_64): rbx, rbp, r12-r15. CFI without an
// ABI initial rule reports them "undefined" where it means "unchanged".
constexpr std::uint32_t kCalleeSaved = (1u << 3) | (1u << 6) | (1u << 12) | (1u << 13) | (1u << 14) | (1u << 15);

constexpr std::size_t kMaxCachedRules = 1u << 20;
constexpr std::size_t kMaxStack = 64;

} // namespace

std::uint64_t DwarfUnwinder::requiredRegsMask()
{
    std::uint64_t mask = 0;
    for (int perf = 0; perf < 24; ++perf) {
        if (kPerfToDwarf[perf] >= 0)
            mask |= std::uint64_t(1) << perf;
    }
    return mask;
}

void DwarfUnwinder::unwind(AddressSpace &space, std::int32_t pid, std::uint64_t regsMask,
                           std::span<const std::uint64_t> regs, std::span<const std::uint8_t> stack,
                           std::vector<std::uint64_t> &ips)
{
    Registers state;
    std::size_t next = 0;
    for (int perf = 0; perf < 64 && next < regs.size(); ++perf) {
        if (!(regsMask & (std::uint64_t(1) << perf)))
            continue;
        const std::uint64_t value = regs[next++];
        if (perf < 24 && kPerfToDwarf[perf] >= 0)
            state.set(kPerfToDwarf[perf], value);
    }
    if (!state.has(kReturnAddress) || !state.has(kStackPointer))
        return;

    Memory memory{space, pid, state.value[kStackPointer], stack};
    bool exactPc = true; // the sampled IP is exact; return addresses point after a call
    for (std::size_t depth = 0; depth < kMaxDepth; ++depth) {
        const std::uint64_t pc = state.value[kReturnAddress];
        if (pc == 0)
            break;
        ips.push_back(pc);
        Mapping *mapping = space.find(pc);
        if (!mapping)
            break;
        const std::uint64_t lookupPc = exactPc ? pc : pc - 1;
        const Rules *rules = nullptr;
        if (ElfModule *module = modules_.moduleFor(*mapping, pid)) {
            std::uint64_t address = 0;
            if (module->fileOffsetToAddress(lookupPc - mapping->start + mapping->pgoff, address)) {
                const Rules &r = rulesFor(module, address);
                if (r.found)
                    rules = &r;
            }
        }
        Registers caller;
        const bool stepped = rules ? step(*rules, state, caller, memory) : stepWithoutCfi(state, caller, memory);
        // Stacks grow down: a caller's frame lies above its callee's, or the data is bad.
        if (!stepped || !caller.has(kReturnAddress) || !caller.has(kStackPointer) ||
            caller.value[kStackPointer] <= state.value[kStackPointer])
            break;
        exactPc = rules && rules->signalFrame; // after a signal frame comes the interrupted PC
        state = caller;
    }
}

const DwarfUnwinder::Rules &DwarfUnwinder::rulesFor(ElfModule *module, std::uint64_t address)
{
    if (const auto *cached = cache_.find(module, address))
        return rules_[cached->first];
    if (rules_.size() >= kMaxCachedRules) {
        cache_.clear();
        rules_.clear();
        opsPool_.clear();
    }
    Rules rules;
    if (Dwarf_Frame *frame = module->cfiFrame(address)) {
        rules = compile(frame);
        std::free(frame);
    }
    cache_.insert(module, address, {static_cast<std::uint32_t>(rules_.size()), 0});
    rules_.push_back(rules);
    return rules_.back();
}

DwarfUnwinder::Rule DwarfUnwinder::store(RuleKind kind, const Dwarf_Op *ops, std::size_t count)
{
    Rule rule;
    rule.kind = kind;
    rule.opsOffset = static_cast<std::uint32_t>(opsPool_.size());
    rule.opsCount = static_cast<std::uint16_t>(count);
    opsPool_.insert(opsPool_.end(), ops, ops + count);
    return rule;
}

DwarfUnwinder::Rules DwarfUnwinder::compile(Dwarf_Frame *frame)
{
    Rules rules;
    bool signal = false;
    if (dwarf_frame_info(frame, nullptr, nullptr, &signal) != kReturnAddress)
        return rules; // another return address column: not x86_64 CFI
    Dwarf_Op *ops = nullptr;
    std::size_t nops = 0;
    if (dwarf_frame_cfa(frame, &ops, &nops) != 0 || nops == 0)
        return rules;
    rules.found = true;
    rules.signalFrame = signal;
    rules.cfa = store(RuleKind::Value, ops, nops);
    for (int r = 0; r < kRegisters; ++r) {
        Dwarf_Op mem[3];
        ops = nullptr;
        nops = 0;
        Rule &rule = rules.regs[static_cast<std::size_t>(r)];
        if (dwarf_frame_register(frame, r, mem, &ops, &nops) != 0) {
            rule.kind = RuleKind::Undefined;
        } else if (nops == 0) {
            rule.kind = ops == nullptr ? RuleKind::Same : RuleKind::Undefined;
        } else if (ops[nops - 1].atom == DW_OP_stack_value) {
            rule = store(RuleKind::Value, ops, nops - 1);
        } else if (nops == 1 &&
                   (ops[0].atom == DW_OP_regx || (ops[0].atom >= DW_OP_reg0 && ops[0].atom <= DW_OP_reg31))) {
            rule = store(RuleKind::Value, ops, 1); // "in register N": its value
        } else {
            rule = store(RuleKind::Location, ops, nops);
        }
    }
    return rules;
}

bool DwarfUnwinder::step(const Rules &rules, const Registers &in, Registers &out, Memory &memory)
{
    std::uint64_t cfa = 0;
    if (!evaluate(rules.cfa, in, 0, memory, cfa))
        return false;
    out = Registers();
    for (int r = 0; r < kRegisters; ++r) {
        const Rule &rule = rules.regs[static_cast<std::size_t>(r)];
        std::uint64_t value = 0;
        switch (rule.kind) {
        case RuleKind::Same:
            if (in.has(r))
                out.set(r, in.value[static_cast<std::size_t>(r)]);
            break;
        case RuleKind::Undefined:
            if ((kCalleeSaved & (1u << r)) && in.has(r))
                out.set(r, in.value[static_cast<std::size_t>(r)]);
            break;
        case RuleKind::Location:
            if (evaluate(rule, in, cfa, memory, value) && read(memory, value, value))
                out.set(r, value);
            break;
        case RuleKind::Value:
            if (evaluate(rule, in, cfa, memory, value))
                out.set(r, value);
            break;
        }
    }
    // By the x86_64 ABI the CFA is the caller's stack pointer before the call.
    const auto &sp = rules.regs[kStackPointer];
    if (sp.kind == RuleKind::Same || sp.kind == RuleKind::Undefined)
        out.set(kStackPointer, cfa);
    return true;
}

bool DwarfUnwinder::stepFramePointer(const Registers &in, Registers &out, Memory &memory)
{
    // push %rbp; mov %rsp,%rbp: [rbp] = caller's rbp, [rbp+8] = return address.
    if (!in.has(kFramePointer))
        return false;
    const std::uint64_t rbp = in.value[kFramePointer];
    std::uint64_t savedRbp = 0, returnAddress = 0;
    if (rbp < memory.stackStart || !read(memory, rbp, savedRbp) || !read(memory, rbp + 8, returnAddress))
        return false;
    out = Registers();
    for (int r : {3, 12, 13, 14, 15}) {
        if (in.has(r))
            out.set(r, in.value[static_cast<std::size_t>(r)]);
    }
    out.set(kFramePointer, savedRbp);
    out.set(kReturnAddress, returnAddress);
    out.set(kStackPointer, rbp + 16);
    return true;
}

bool DwarfUnwinder::stepWithoutCfi(const Registers &in, Registers &out, Memory &memory)
{
    // The frame pointer first: JIT code built with one (V8, LuaJIT, the JVM).
    if (stepFramePointer(in, out, memory)) {
        Mapping *mapping = memory.space.find(out.value[kReturnAddress]);
        if (mapping && (mapping->kind == Mapping::Kind::Anonymous || followsCall(memory, out.value[kReturnAddress])))
            return true;
    }
    // A stub that keeps the caller's frame pointer, as CPython 3.12's perf trampolines do
    // (sub $8,%rsp; call *%rcx): the return address is one of the first words on the
    // stack, and only a word right after a call instruction in a module is taken for it.
    const std::uint64_t sp = in.value[kStackPointer];
    for (std::uint64_t slot = 0; slot < 4; ++slot) {
        std::uint64_t candidate = 0;
        if (!read(memory, sp + (slot * 8), candidate) || !followsCall(memory, candidate))
            continue;
        out = in;
        out.valid &= kCalleeSaved | (1u << kStackPointer);
        out.set(kReturnAddress, candidate);
        out.set(kStackPointer, sp + (slot * 8) + 8);
        return true;
    }
    return false;
}

bool DwarfUnwinder::followsCall(Memory &memory, std::uint64_t address)
{
    // The 8 bytes before `address` in its module's code: a call rel32 (e8 xx xx xx xx) or
    // an indirect call (ff /2, 2 to 7 bytes long) ends right there.
    Mapping *mapping = memory.space.find(address);
    if (!mapping || mapping->kind != Mapping::Kind::File || address < mapping->start + 8)
        return false;
    ElfModule *module = modules_.moduleFor(*mapping, memory.pid);
    std::uint64_t elfAddress = 0;
    std::uint64_t word = 0;
    if (!module || !module->fileOffsetToAddress(address - 8 - mapping->start + mapping->pgoff, elfAddress) ||
        !module->readReadOnlyWord(elfAddress, word))
        return false;
    const auto byteAt = [word](int back) { return static_cast<std::uint8_t>(word >> (8 * (8 - back))); };
    const auto indirectCall = [&](int back) { return byteAt(back) == 0xff && (byteAt(back - 1) & 0x38) == 0x10; };
    return byteAt(5) == 0xe8 || indirectCall(2) || indirectCall(3) || indirectCall(4) || indirectCall(6) ||
           indirectCall(7);
}

bool DwarfUnwinder::read(Memory &memory, std::uint64_t address, std::uint64_t &value)
{
    if (address >= memory.stackStart && address - memory.stackStart + sizeof value <= memory.stack.size()) {
        std::memcpy(&value, memory.stack.data() + (address - memory.stackStart), sizeof value);
        return true;
    }
    // Outside the stack copy only read-only file contents are known.
    Mapping *mapping = memory.space.find(address);
    if (!mapping)
        return false;
    ElfModule *module = modules_.moduleFor(*mapping, memory.pid);
    std::uint64_t elfAddress = 0;
    return module && module->fileOffsetToAddress(address - mapping->start + mapping->pgoff, elfAddress) &&
           module->readReadOnlyWord(elfAddress, value);
}

bool DwarfUnwinder::evaluate(const Rule &rule, const Registers &regs, std::uint64_t cfa, Memory &memory,
                             std::uint64_t &result)
{
    const Dwarf_Op *ops = opsPool_.data() + rule.opsOffset;
    const std::size_t n = rule.opsCount;
    std::uint64_t stack[kMaxStack];
    std::size_t top = 0;
    auto push = [&](std::uint64_t v) {
        if (top >= kMaxStack)
            return false;
        stack[top++] = v;
        return true;
    };
    auto reg = [&](std::uint64_t r, std::uint64_t &v) {
        if (r >= kRegisters || !regs.has(static_cast<int>(r)))
            return false;
        v = regs.value[r];
        return true;
    };
    for (std::size_t i = 0; i < n; ++i) {
        const Dwarf_Op &op = ops[i];
        const std::uint8_t atom = op.atom;
        std::uint64_t v = 0;
        if (atom >= DW_OP_lit0 && atom <= DW_OP_lit31) {
            if (!push(atom - DW_OP_lit0))
                return false;
            continue;
        }
        if ((atom >= DW_OP_breg0 && atom <= DW_OP_breg31) || (atom >= DW_OP_reg0 && atom <= DW_OP_reg31)) {
            const bool breg = atom >= DW_OP_breg0;
            if (!reg(atom - (breg ? DW_OP_breg0 : DW_OP_reg0), v) ||
                !push(v + (breg ? static_cast<std::uint64_t>(static_cast<std::int64_t>(op.number)) : 0)))
                return false;
            continue;
        }
        // Binary operators pop b then a and push a OP b.
        const bool binary = atom == DW_OP_plus || atom == DW_OP_minus || atom == DW_OP_mul || atom == DW_OP_and ||
                            atom == DW_OP_or || atom == DW_OP_xor || atom == DW_OP_shl || atom == DW_OP_shr ||
                            atom == DW_OP_shra || atom == DW_OP_ge || atom == DW_OP_gt || atom == DW_OP_le ||
                            atom == DW_OP_lt || atom == DW_OP_eq || atom == DW_OP_ne;
        if (binary) {
            if (top < 2)
                return false;
            const std::uint64_t b = stack[--top];
            const std::uint64_t a = stack[--top];
            const auto sa = static_cast<std::int64_t>(a);
            const auto sb = static_cast<std::int64_t>(b);
            switch (atom) {
            case DW_OP_plus:
                v = a + b;
                break;
            case DW_OP_minus:
                v = a - b;
                break;
            case DW_OP_mul:
                v = a * b;
                break;
            case DW_OP_and:
                v = a & b;
                break;
            case DW_OP_or:
                v = a | b;
                break;
            case DW_OP_xor:
                v = a ^ b;
                break;
            case DW_OP_shl:
                v = b < 64 ? a << b : 0;
                break;
            case DW_OP_shr:
                v = b < 64 ? a >> b : 0;
                break;
            case DW_OP_shra:
                v = static_cast<std::uint64_t>(b < 64 ? sa >> b : (sa < 0 ? -1 : 0));
                break;
            case DW_OP_ge:
                v = sa >= sb;
                break;
            case DW_OP_gt:
                v = sa > sb;
                break;
            case DW_OP_le:
                v = sa <= sb;
                break;
            case DW_OP_lt:
                v = sa < sb;
                break;
            case DW_OP_eq:
                v = a == b;
                break;
            default:
                v = a != b;
                break;
            }
            stack[top++] = v;
            continue;
        }
        switch (atom) {
        case DW_OP_call_frame_cfa:
            if (!push(cfa))
                return false;
            break;
        case DW_OP_bregx:
            if (!reg(op.number, v) || !push(v + op.number2))
                return false;
            break;
        case DW_OP_regx:
            if (!reg(op.number, v) || !push(v))
                return false;
            break;
        case DW_OP_addr:
        case DW_OP_const1u:
        case DW_OP_const1s:
        case DW_OP_const2u:
        case DW_OP_const2s:
        case DW_OP_const4u:
        case DW_OP_const4s:
        case DW_OP_const8u:
        case DW_OP_const8s:
        case DW_OP_constu:
        case DW_OP_consts:
            if (!push(op.number))
                return false;
            break;
        case DW_OP_plus_uconst:
            if (top < 1)
                return false;
            stack[top - 1] += op.number;
            break;
        case DW_OP_deref:
            if (top < 1 || !read(memory, stack[top - 1], v))
                return false;
            stack[top - 1] = v;
            break;
        case DW_OP_dup:
            if (top < 1 || !push(stack[top - 1]))
                return false;
            break;
        case DW_OP_drop:
            if (top < 1)
                return false;
            --top;
            break;
        case DW_OP_over:
            if (top < 2 || !push(stack[top - 2]))
                return false;
            break;
        case DW_OP_swap:
            if (top < 2)
                return false;
            std::swap(stack[top - 1], stack[top - 2]);
            break;
        case DW_OP_neg:
            if (top < 1)
                return false;
            stack[top - 1] = ~stack[top - 1] + 1;
            break;
        case DW_OP_not:
            if (top < 1)
                return false;
            stack[top - 1] = ~stack[top - 1];
            break;
        case DW_OP_nop:
            break;
        default:
            return false; // branches and the rest do not occur in x86_64 CFI
        }
    }
    if (top == 0)
        return false;
    result = stack[top - 1];
    return true;
}

} // namespace perfwb::symbolize
