// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "resolvedframe.h"

#include <cstdint>
#include <elfutils/libdw.h>
#include <string>
#include <unordered_map>
#include <vector>

typedef struct Dwfl_Module Dwfl_Module;

namespace perfwb::symbolize {

// DWARF side of one module: source file:line from the line tables and the chain
// of inlined subroutines at an address (libdw). Works on the module's debug info
// wherever libdwfl found it (the file itself, /usr/lib/debug/.build-id/, debuglink).
class SourceLocator {
public:
    // `module` is owned by the caller's Dwfl; `bias`: dwfl address = ELF address + bias.
    SourceLocator(Dwfl_Module *module, std::uint64_t bias)
        : module_(module)
        , bias_(bias)
    {}

    // Appends the inlined frames (innermost first, marked inlined, each with the
    // file:line inside it) and then the containing function's frame (its DWARF
    // name, possibly empty, and the call site line of the outermost inlined frame).
    // Returns false, appending nothing, when no debug info covers the address.
    bool locate(std::uint64_t address, std::vector<ResolvedFrame> &out);

private:
    // The code ranges of a CU's functions, sorted, built on the CU's first lookup.
    // dwarf_getscopes walks the whole CU for every address (~300 µs per address in
    // libc); with this index a lookup walks only the one function's scope tree.
    struct FunctionRange {
        std::uint64_t low, high;
        Dwarf_Die die;
    };
    const std::vector<FunctionRange> &functionsOf(Dwarf_Die &cu);
    // Innermost first: the chain of scopes containing pc, ending with the function.
    bool scopeChain(Dwarf_Die &cu, std::uint64_t pc, std::vector<Dwarf_Die> &chain);

    Dwfl_Module *module_;
    std::uint64_t bias_;
    std::unordered_map<std::uint64_t, std::vector<FunctionRange>> functions_; // by CU offset
    std::vector<Dwarf_Die> chain_;
};

} // namespace perfwb::symbolize
