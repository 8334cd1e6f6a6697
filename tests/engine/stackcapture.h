// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Real user stacks for the unwinder tests without perf_event_open: registers and a
// stack copy as PERF_SAMPLE_REGS_USER / PERF_SAMPLE_STACK_USER would deliver them,
// taken either from this process (inline asm at a known point) or from another
// process stopped with ptrace.
#include "symbolize/symbolizer.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <pthread.h>
#include <string>
#include <sys/ptrace.h>
#include <sys/uio.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <vector>

namespace perfwb::testing {

struct StackCapture {
    std::uint64_t mask = 0;
    std::vector<std::uint64_t> regs; // in perf order of the bits set in mask
    std::vector<std::uint8_t> stack; // from SP upwards
};

// perf_regs.h x86_64 numbering, AX..R15 (24 entries; FLAGS and segments unused).
enum PerfReg {
    AX,
    BX,
    CX,
    DX,
    SI,
    DI,
    BP,
    SP,
    IP,
    FLAGS,
    CS,
    SS,
    DS,
    ES,
    FS,
    GS,
    R8,
    R9,
    R10,
    R11,
    R12,
    R13,
    R14,
    R15
};

inline StackCapture makeCapture(const std::uint64_t (&all)[24], std::vector<std::uint8_t> stack)
{
    StackCapture c;
    c.mask = symbolize::Symbolizer::requiredRegsMask();
    for (int r = 0; r < 24; ++r) {
        if (c.mask & (std::uint64_t(1) << r))
            c.regs.push_back(all[r]);
    }
    c.stack = std::move(stack);
    return c;
}

// Captures this thread's registers (at a point inside this function) and up to
// `maxBytes` of its stack. Register values are stored by inline asm in one block,
// so they are consistent with the captured IP; the stack is copied afterwards from
// inside the same frame, which leaves everything from the captured SP up untouched.
// Not instrumented by AddressSanitizer: it reads other frames' memory on purpose.
__attribute__((noinline, no_sanitize_address)) inline StackCapture captureThisStack(std::size_t maxBytes = 256 * 1024)
{
    std::uint64_t all[24] = {};
    asm volatile("movq %%rax, 0(%0)\n\t"
                 "movq %%rbx, 8(%0)\n\t"
                 "movq %%rcx, 16(%0)\n\t"
                 "movq %%rdx, 24(%0)\n\t"
                 "movq %%rsi, 32(%0)\n\t"
                 "movq %%rdi, 40(%0)\n\t"
                 "movq %%rbp, 48(%0)\n\t"
                 "movq %%rsp, 56(%0)\n\t"
                 "movq %%r8, 128(%0)\n\t"
                 "movq %%r9, 136(%0)\n\t"
                 "movq %%r10, 144(%0)\n\t"
                 "movq %%r11, 152(%0)\n\t"
                 "movq %%r12, 160(%0)\n\t"
                 "movq %%r13, 168(%0)\n\t"
                 "movq %%r14, 176(%0)\n\t"
                 "movq %%r15, 184(%0)\n\t"
                 "leaq 0(%%rip), %%rax\n\t"
                 "movq %%rax, 64(%0)\n\t"
                 :
                 : "r"(all)
                 : "rax", "memory");
    pthread_attr_t attr;
    void *stackAddr = nullptr;
    std::size_t stackSize = 0;
    pthread_getattr_np(pthread_self(), &attr);
    pthread_attr_getstack(&attr, &stackAddr, &stackSize);
    pthread_attr_destroy(&attr);
    const std::uint64_t top = reinterpret_cast<std::uint64_t>(stackAddr) + stackSize;
    const std::uint64_t sp = all[SP];
    std::vector<std::uint8_t> stack(std::min<std::uint64_t>(maxBytes, top - sp) & ~std::uint64_t(7));
    // Word by word through volatile reads: a memcpy call would be intercepted (and checked).
    const volatile std::uint64_t *from = reinterpret_cast<const volatile std::uint64_t *>(sp);
    for (std::size_t i = 0; i < stack.size() / 8; ++i) {
        const std::uint64_t word = from[i];
        std::memcpy(stack.data() + i * 8, &word, 8);
    }
    return makeCapture(all, std::move(stack));
}

// End of the [stack] mapping of `pid` (the main thread's stack top), 0 if not found.
inline std::uint64_t stackTop(pid_t pid)
{
    FILE *f = std::fopen(("/proc/" + std::to_string(pid) + "/maps").c_str(), "re");
    if (!f)
        return 0;
    char line[512];
    std::uint64_t top = 0;
    while (std::fgets(line, sizeof line, f)) {
        unsigned long long start = 0, end = 0;
        if (std::strstr(line, "[stack]") && std::sscanf(line, "%llx-%llx", &start, &end) == 2)
            top = end;
    }
    std::fclose(f);
    return top;
}

// Registers and stack of a process we trace (PTRACE_SEIZE'd) while it is stopped.
inline bool captureStopped(pid_t pid, std::uint64_t top, StackCapture &out, std::size_t maxBytes = 64 * 1024)
{
    user_regs_struct r{};
    if (ptrace(PTRACE_GETREGS, pid, nullptr, &r) != 0)
        return false;
    const std::uint64_t all[24] = {r.rax, r.rbx,    r.rcx, r.rdx, r.rsi, r.rdi, r.rbp, r.rsp,
                                   r.rip, r.eflags, r.cs,  r.ss,  r.ds,  r.es,  r.fs,  r.gs,
                                   r.r8,  r.r9,     r.r10, r.r11, r.r12, r.r13, r.r14, r.r15};
    if (top <= r.rsp)
        return false;
    std::vector<std::uint8_t> stack(std::min<std::uint64_t>(maxBytes, top - r.rsp));
    iovec local{stack.data(), stack.size()};
    iovec remote{reinterpret_cast<void *>(r.rsp), stack.size()};
    if (process_vm_readv(pid, &local, 1, &remote, 1, 0) != static_cast<ssize_t>(stack.size()))
        return false;
    out = makeCapture(all, std::move(stack));
    return true;
}

} // namespace perfwb::testing
