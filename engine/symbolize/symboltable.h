// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace perfwb::symbolize {

// Function symbols of one ELF module sorted by address, built once per module:
// a binary search answers in ~0.1 µs where dwfl_module_addrinfo costs ~200 µs.
class SymbolTable {
public:
    // Preference among symbols at the same address (aliases): higher wins.
    enum class Binding : std::uint8_t { Local = 0, Weak = 1, Global = 2 };

    struct Symbol {
        std::uint64_t start = 0;
        std::uint64_t end = 0; // exclusive; size-0 symbols end where the next one starts
        std::uint32_t nameOffset = 0;
        std::uint32_t nameLength = 0;
    };

    void add(std::uint64_t start, std::uint64_t size, std::string_view name, Binding binding);
    // Sorts, drops aliases and computes ends; call once after the last add().
    // `lastExtent`: how far a size-0 symbol with no successor reaches.
    void finish(std::uint64_t lastExtent = 1);

    const Symbol *find(std::uint64_t address) const;
    std::string_view name(const Symbol &symbol) const
    {
        return std::string_view(names_).substr(symbol.nameOffset, symbol.nameLength);
    }
    std::size_t size() const { return symbols_.size(); }

private:
    struct Pending {
        Symbol symbol;
        std::uint64_t size;
        Binding binding;
    };
    std::vector<Pending> pending_;
    std::vector<Symbol> symbols_;
    std::string names_; // all names back to back; symbols point into it
};

} // namespace perfwb::symbolize
