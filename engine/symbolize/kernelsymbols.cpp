// SPDX-License-Identifier: GPL-3.0-or-later
#include "kernelsymbols.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace perfwb::symbolize {

bool KernelSymbols::available()
{
    if (!loaded_)
        load();
    return available_;
}

std::string_view KernelSymbols::lookup(std::uint64_t address)
{
    if (!available())
        return {};
    const SymbolTable::Symbol *s = table_.find(address);
    return s ? table_.name(*s) : std::string_view();
}

void KernelSymbols::load()
{
    loaded_ = true;
    FILE *f = std::fopen(path_.c_str(), "re");
    if (!f)
        return;
    // "ffffffff81000000 T _stext" or "ffffffffc0a01000 t fn\t[module]"; kallsyms gives
    // no sizes, so each symbol reaches to the next one (SymbolTable does that).
    char line[512];
    bool nonZero = false;
    while (std::fgets(line, sizeof line, f)) {
        char *end = nullptr;
        const unsigned long long address = std::strtoull(line, &end, 16);
        if (end == line || *end != ' ')
            continue;
        const char type = end[1];
        if (end[2] != ' ')
            continue;
        char *name = end + 3;
        name[std::strcspn(name, "\t\n ")] = '\0';
        if (address != 0)
            nonZero = true;
        // Text symbols only: data symbols would split functions' address ranges.
        if (type != 't' && type != 'T' && type != 'w' && type != 'W')
            continue;
        table_.add(address, 0, name, type == 'T' ? SymbolTable::Binding::Global : SymbolTable::Binding::Local);
    }
    std::fclose(f);
    // Sizes are unknown: let the highest symbol (often in a module) cover a page.
    table_.finish(4096);
    available_ = nonZero && table_.size() > 0;
}

} // namespace perfwb::symbolize
