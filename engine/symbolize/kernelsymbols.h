// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "symboltable.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace perfwb::symbolize {

// Kernel text symbols from /proc/kallsyms (loaded on first use). When kallsyms is
// unreadable or shows only zero addresses (kernel.kptr_restrict), kernel frames can
// only be named "[kernel]".
class KernelSymbols {
public:
    explicit KernelSymbols(std::string path = "/proc/kallsyms")
        : path_(std::move(path))
    {}

    // The function name for a kernel address; empty when no symbol covers it or the
    // addresses are hidden.
    std::string_view lookup(std::uint64_t address);
    bool available();
    std::size_t size() { return available() ? table_.size() : 0; }

private:
    void load();
    std::string path_;
    SymbolTable table_;
    bool loaded_ = false;
    bool available_ = false;
};

} // namespace perfwb::symbolize
