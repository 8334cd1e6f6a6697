// SPDX-License-Identifier: GPL-3.0-or-later
#include "sourcelocator.h"

#include "demangle.h"

#include <algorithm>
#include <cstdlib>
#include <dwarf.h>
#include <elfutils/libdw.h>
#include <elfutils/libdwfl.h>

namespace perfwb::symbolize {

namespace {

// The name an inlined or out-of-line subprogram DIE stands for: the demangled
// linkage name (qualified, with parameters, like symbol names), else DW_AT_name;
// both follow DW_AT_abstract_origin / DW_AT_specification.
std::string dieFunctionName(Dwarf_Die *die)
{
    Dwarf_Attribute attr;
    for (int name : {DW_AT_linkage_name, DW_AT_MIPS_linkage_name}) {
        if (const char *linkage = dwarf_formstring(dwarf_attr_integrate(die, name, &attr)))
            return demangle(linkage);
    }
    const char *plain = dwarf_diename(die);
    return plain ? std::string(plain) : std::string();
}

struct Location {
    std::string file;
    std::uint32_t line = 0;
};

// Where an inlined subroutine was called from (the caller's file:line).
Location callSite(Dwarf_Die *inlined, Dwarf_Files *files)
{
    Location loc;
    Dwarf_Attribute attr;
    Dwarf_Word value = 0;
    if (files && dwarf_formudata(dwarf_attr(inlined, DW_AT_call_file, &attr), &value) == 0) {
        if (const char *name = dwarf_filesrc(files, value, nullptr, nullptr))
            loc.file = name;
    }
    if (dwarf_formudata(dwarf_attr(inlined, DW_AT_call_line, &attr), &value) == 0)
        loc.line = static_cast<std::uint32_t>(value);
    return loc;
}

void collectFunctions(Dwarf_Die *parent, std::vector<Dwarf_Die> &out)
{
    Dwarf_Die child;
    if (dwarf_child(parent, &child) != 0)
        return;
    do {
        switch (dwarf_tag(&child)) {
        case DW_TAG_subprogram:
            out.push_back(child); // its own children are scopes, found per address
            break;
        case DW_TAG_namespace:
        case DW_TAG_class_type:
        case DW_TAG_structure_type:
        case DW_TAG_union_type:
        case DW_TAG_module:
            collectFunctions(&child, out);
            break;
        default:
            break;
        }
    } while (dwarf_siblingof(&child, &child) == 0);
}

bool isScope(int tag)
{
    return tag == DW_TAG_inlined_subroutine || tag == DW_TAG_lexical_block || tag == DW_TAG_try_block ||
           tag == DW_TAG_catch_block;
}

} // namespace

const std::vector<SourceLocator::FunctionRange> &SourceLocator::functionsOf(Dwarf_Die &cu)
{
    auto [it, added] = functions_.try_emplace(dwarf_dieoffset(&cu));
    if (!added)
        return it->second;
    std::vector<Dwarf_Die> dies;
    collectFunctions(&cu, dies);
    for (auto &die : dies) {
        Dwarf_Addr base = 0, low = 0, high = 0;
        ptrdiff_t offset = 0;
        while ((offset = dwarf_ranges(&die, offset, &base, &low, &high)) > 0) {
            if (high > low)
                it->second.push_back({low, high, die});
        }
    }
    std::sort(it->second.begin(), it->second.end(),
              [](const FunctionRange &a, const FunctionRange &b) { return a.low < b.low; });
    return it->second;
}

bool SourceLocator::scopeChain(Dwarf_Die &cu, std::uint64_t pc, std::vector<Dwarf_Die> &chain)
{
    chain.clear();
    const auto &functions = functionsOf(cu);
    auto it = std::upper_bound(functions.begin(), functions.end(), pc,
                               [](std::uint64_t a, const FunctionRange &f) { return a < f.low; });
    if (it == functions.begin() || pc >= (--it)->high)
        return false;
    // Descend through the scopes (lexical blocks, inlined calls) that contain pc: the
    // same concrete chain dwarf_getscopes + dwarf_getscopes_die would give.
    chain.push_back(it->die);
    Dwarf_Die current = it->die;
    for (bool deeper = true; deeper;) {
        deeper = false;
        Dwarf_Die child;
        if (dwarf_child(&current, &child) != 0)
            break;
        do {
            if (isScope(dwarf_tag(&child)) && dwarf_haspc(&child, pc) == 1) {
                chain.push_back(child);
                current = child;
                deeper = true;
                break;
            }
        } while (dwarf_siblingof(&child, &child) == 0);
    }
    std::reverse(chain.begin(), chain.end());
    return true;
}

bool SourceLocator::locate(std::uint64_t address, std::vector<ResolvedFrame> &out)
{
    Dwarf_Addr cuBias = 0;
    const Dwarf_Addr dwflAddress = address + bias_;
    Dwarf_Die *cuPtr = dwfl_module_addrdie(module_, dwflAddress, &cuBias);
    if (!cuPtr)
        return false;
    Dwarf_Die cu = *cuPtr;
    const Dwarf_Addr pc = dwflAddress - cuBias;

    Location here;
    if (Dwarf_Line *line = dwarf_getsrc_die(&cu, pc)) {
        if (const char *file = dwarf_linesrc(line, nullptr, nullptr))
            here.file = file;
        int lineNo = 0;
        if (dwarf_lineno(line, &lineNo) == 0 && lineNo > 0)
            here.line = static_cast<std::uint32_t>(lineNo);
    }

    std::string function;
    if (scopeChain(cu, pc, chain_)) {
        Dwarf_Files *files = nullptr;
        std::size_t nfiles = 0;
        if (dwarf_getsrcfiles(&cu, &files, &nfiles) != 0)
            files = nullptr;
        for (std::size_t i = 0; i < chain_.size(); ++i) {
            Dwarf_Die *die = &chain_[i];
            const int tag = dwarf_tag(die);
            if (tag == DW_TAG_inlined_subroutine) {
                ResolvedFrame f;
                f.function = dieFunctionName(die);
                f.file = here.file;
                f.line = here.line;
                f.inlined = true;
                out.push_back(std::move(f));
                here = callSite(die, files);
            } else if (tag == DW_TAG_subprogram) {
                function = dieFunctionName(die);
                break;
            }
        }
    }
    ResolvedFrame outer;
    outer.function = std::move(function);
    outer.file = std::move(here.file);
    outer.line = here.line;
    out.push_back(std::move(outer));
    return true;
}

} // namespace perfwb::symbolize
