// SPDX-License-Identifier: GPL-3.0-or-later
#include "symboltable.h"

#include <algorithm>

namespace perfwb::symbolize {

namespace {

std::size_t leadingUnderscores(std::string_view name)
{
    std::size_t n = 0;
    while (n < name.size() && name[n] == '_')
        ++n;
    return n;
}

} // namespace

void SymbolTable::add(std::uint64_t start, std::uint64_t size, std::string_view name, Binding binding)
{
    if (name.empty())
        return;
    Pending p;
    p.symbol.start = start;
    p.symbol.nameOffset = static_cast<std::uint32_t>(names_.size());
    p.symbol.nameLength = static_cast<std::uint32_t>(name.size());
    p.size = size;
    p.binding = binding;
    names_.append(name);
    pending_.push_back(p);
}

void SymbolTable::finish(std::uint64_t lastExtent)
{
    // Among aliases at one address the exported, least-underscored name reads best
    // ("qsort_r" over "__qsort_r", "malloc" over "__libc_malloc").
    auto better = [this](const Pending &a, const Pending &b) {
        const bool aExported = a.binding != Binding::Local;
        const bool bExported = b.binding != Binding::Local;
        if (aExported != bExported)
            return aExported;
        const auto na = name(a.symbol);
        const auto nb = name(b.symbol);
        const auto ua = leadingUnderscores(na);
        const auto ub = leadingUnderscores(nb);
        if (ua != ub)
            return ua < ub;
        if (a.binding != b.binding)
            return a.binding > b.binding;
        if (a.size != b.size)
            return a.size > b.size;
        // The base name tends to be the shortest alias ("strtol" over "strtoimax").
        if (na.size() != nb.size())
            return na.size() < nb.size();
        return na < nb;
    };
    std::sort(pending_.begin(), pending_.end(), [&](const Pending &a, const Pending &b) {
        if (a.symbol.start != b.symbol.start)
            return a.symbol.start < b.symbol.start;
        return better(a, b);
    });
    symbols_.clear();
    symbols_.reserve(pending_.size());
    std::uint64_t lastSize = 0;
    for (std::size_t i = 0; i < pending_.size(); ++i) {
        const auto &p = pending_[i];
        if (!symbols_.empty() && symbols_.back().start == p.symbol.start) {
            // An alias: keep the preferred name, but the largest extent.
            if (p.size > lastSize) {
                lastSize = p.size;
                symbols_.back().end = p.symbol.start + p.size;
            }
            continue;
        }
        Symbol s = p.symbol;
        s.end = p.size ? s.start + p.size : 0;
        lastSize = p.size;
        symbols_.push_back(s);
    }
    for (std::size_t i = 0; i < symbols_.size(); ++i) {
        if (symbols_[i].end != 0)
            continue;
        // Size-0 symbols (hand-written assembly) reach up to the next symbol.
        symbols_[i].end = i + 1 < symbols_.size() ? symbols_[i + 1].start : symbols_[i].start + lastExtent;
    }
    pending_.clear();
    pending_.shrink_to_fit();
    names_.shrink_to_fit();
}

const SymbolTable::Symbol *SymbolTable::find(std::uint64_t address) const
{
    auto it = std::upper_bound(symbols_.begin(), symbols_.end(), address,
                               [](std::uint64_t a, const Symbol &s) { return a < s.start; });
    // The nearest symbol may be a small one nested in a bigger function (local labels
    // with a type): look a few entries further back for one that covers the address.
    for (int back = 0; back < 8 && it != symbols_.begin(); ++back) {
        --it;
        if (address < it->end)
            return &*it;
    }
    return nullptr;
}

} // namespace perfwb::symbolize
