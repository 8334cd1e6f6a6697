// SPDX-License-Identifier: GPL-3.0-or-later
#include "symbolizer.h"

#include "addresscache.h"
#include "addressspace.h"
#include "dwarfunwinder.h"
#include "elfmodule.h"
#include "kernelsymbols.h"
#include "modulecache.h"
#include "perfmap.h"
#include "resolvedframe.h"

#include "model/unresolvedname.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <unordered_map>

namespace perfwb::symbolize {

namespace {

// x86_64: user space ends at 0x00007fffffffffff, the kernel starts at the canonical top half.
constexpr std::uint64_t kKernelStart = 0xffff800000000000ull;
// perf callchain context markers (PERF_CONTEXT_KERNEL, ...) are the last 4095 values.
constexpr std::uint64_t kContextMarkers = static_cast<std::uint64_t>(-4095);

std::string_view mappingDisplayName(const Mapping &m)
{
    if (m.kind == Mapping::Kind::Anonymous)
        return "[anon]";
    std::string_view path = m.path;
    const auto slash = path.rfind('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

} // namespace

struct Symbolizer::Impl {
    ModuleCache modules;
    DwarfUnwinder unwinder{modules};
    KernelSymbols kernel;
    std::unordered_map<std::int32_t, AddressSpace> spaces;
    std::unordered_map<std::int32_t, std::unique_ptr<PerfMap>> perfMaps;
    std::int32_t lastPid = 0;
    AddressSpace *lastSpace = nullptr;

    // Frame ids are only valid in the profile they were interned into: the cache
    // belongs to one profile and is dropped when another one is passed in.
    const model::Profile *profile = nullptr;
    // (ElfModule or KernelSymbols, lookup address) -> {offset, count} in framePool.
    AddressCache frameCache;
    std::vector<model::FrameId> framePool;
    model::FrameId hiddenKernelFrame = 0;
    bool hiddenKernelFrameSet = false;
    std::vector<ResolvedFrame> scratch;

    AddressSpace *space(std::int32_t pid)
    {
        if (lastSpace && lastPid == pid)
            return lastSpace;
        auto it = spaces.find(pid);
        if (it == spaces.end())
            return nullptr;
        lastPid = pid;
        lastSpace = &it->second;
        return lastSpace;
    }
    void forget(std::int32_t pid)
    {
        spaces.erase(pid);
        perfMaps.erase(pid);
        lastSpace = nullptr;
    }

    void useProfile(model::Profile &p)
    {
        if (profile == &p)
            return;
        profile = &p;
        frameCache.clear();
        framePool.clear();
        hiddenKernelFrameSet = false;
        for (auto &[pid, map] : perfMaps)
            map->clearFrameSlots();
    }

    model::FrameId intern(model::Profile &p, const ResolvedFrame &f)
    {
        return p.internFrame(f.function, f.module, f.file, f.line, f.kind, f.inlined);
    }

    void resolveKernel(std::uint64_t ip, bool isReturnAddress, model::Profile &p, std::vector<model::FrameId> &out);
    void resolveUnmapped(std::int32_t pid, const Mapping *mapping, std::uint64_t ip, model::Profile &p,
                         std::vector<model::FrameId> &out);
};

void Symbolizer::Impl::resolveKernel(std::uint64_t ip, bool isReturnAddress, model::Profile &p,
                                     std::vector<model::FrameId> &out)
{
    if (!kernel.available()) {
        if (!hiddenKernelFrameSet) {
            hiddenKernelFrame = p.internFrame("[kernel]", "[kernel]", {}, 0, model::FrameKind::Kernel);
            hiddenKernelFrameSet = true;
        }
        out.push_back(hiddenKernelFrame);
        return;
    }
    const std::uint64_t lookup = isReturnAddress ? ip - 1 : ip;
    if (const auto *cached = frameCache.find(&kernel, lookup)) {
        out.push_back(framePool[cached->first]);
        return;
    }
    const std::string_view name = kernel.lookup(lookup);
    const model::FrameId id =
        p.internFrame(name.empty() ? model::unresolvedName("[kernel]", lookup) : std::string(name), "[kernel]", {}, 0,
                      model::FrameKind::Kernel);
    frameCache.insert(&kernel, lookup, {static_cast<std::uint32_t>(framePool.size()), 1});
    framePool.push_back(id);
    out.push_back(id);
}

void Symbolizer::Impl::resolveUnmapped(std::int32_t pid, const Mapping *mapping, std::uint64_t ip, model::Profile &p,
                                       std::vector<model::FrameId> &out)
{
    // JIT code lives in anonymous executable memory (or in memory we saw no mmap for):
    // its names come from the runtime's /tmp/perf-PID.map.
    if (!mapping || mapping->kind == Mapping::Kind::Anonymous) {
        auto &map = perfMaps[pid];
        if (!map)
            map = std::make_unique<PerfMap>(pid);
        const long index = map->lookup(ip);
        if (index >= 0) {
            std::uint32_t &slot = map->frameSlot(index);
            if (slot == PerfMap::kNoFrame)
                slot = p.internFrame(map->name(index), "[jit]", {}, 0, model::FrameKind::Jit);
            out.push_back(slot);
            return;
        }
    }
    if (!mapping) {
        out.push_back(p.internFrame(model::unresolvedName("[unknown]", ip), "[unknown]"));
        return;
    }
    const std::string_view module = mappingDisplayName(*mapping);
    out.push_back(p.internFrame(model::unresolvedName(module, ip - mapping->start + mapping->pgoff), module));
}

Symbolizer::Symbolizer()
    : d(std::make_unique<Impl>())
{}

Symbolizer::~Symbolizer() = default;

void Symbolizer::addMapping(std::int32_t pid, std::uint64_t start, std::uint64_t length, std::uint64_t pgoff,
                            std::string_view path)
{
    d->spaces[pid].add(start, length, pgoff, path);
}

void Symbolizer::forkProcess(std::int32_t parentPid, std::int32_t childPid)
{
    if (parentPid == childPid)
        return; // a new thread, not a new process
    AddressSpace *parent = d->space(parentPid);
    AddressSpace copy = parent ? *parent : AddressSpace();
    d->forget(childPid);
    d->spaces.emplace(childPid, std::move(copy));
}

void Symbolizer::execProcess(std::int32_t pid)
{
    if (AddressSpace *space = d->space(pid))
        space->clear();
    d->perfMaps.erase(pid);
}

void Symbolizer::exitProcess(std::int32_t pid)
{
    d->forget(pid);
}

Status Symbolizer::loadProcessMaps(std::int32_t pid)
{
    const std::string path = "/proc/" + std::to_string(pid) + "/maps";
    FILE *f = pid > 0 ? std::fopen(path.c_str(), "re") : nullptr;
    if (!f) {
        const int err = pid > 0 ? errno : ESRCH;
        if (err == ENOENT || err == ESRCH)
            return makeError("no process with PID " + std::to_string(pid));
        if (err == EACCES || err == EPERM)
            return makeError("cannot read " + path +
                             ": permission denied (needs the right to trace the process: run as its user "
                             "with kernel.yama.ptrace_scope=0, or with CAP_SYS_PTRACE)");
        return makeError("cannot read " + path + ": " + std::strerror(err));
    }
    AddressSpace space;
    char *line = nullptr;
    std::size_t capacity = 0;
    bool any = false;
    int readError = 0;
    errno = 0;
    while (::getline(&line, &capacity, f) > 0) {
        unsigned long long start = 0, end = 0, offset = 0;
        char perms[8] = {};
        int pathStart = 0;
        // "55d0c8a00000-55d0c8a21000 r-xp 00002000 fd:01 1234   /usr/bin/foo"
        if (std::sscanf(line, "%llx-%llx %7s %llx %*s %*s %n", &start, &end, perms, &offset, &pathStart) < 4)
            continue;
        std::string_view name = pathStart > 0 ? std::string_view(line + pathStart) : std::string_view();
        while (!name.empty() && (name.back() == '\n' || name.back() == ' '))
            name.remove_suffix(1);
        any = true;
        const bool executable = std::strchr(perms, 'x') != nullptr;
        if (executable || Mapping::kindOf(name) == Mapping::Kind::File)
            space.add(start, end - start, offset, name);
    }
    readError = std::ferror(f) ? errno : 0;
    std::free(line);
    std::fclose(f);
    if (readError == ESRCH || readError == ENOENT)
        return makeError("no process with PID " + std::to_string(pid));
    if (readError == EACCES || readError == EPERM)
        return makeError("cannot read " + path + ": permission denied (needs CAP_SYS_PTRACE or the same user)");
    if (!any)
        return makeError("process " + std::to_string(pid) + " has no user address space (a zombie or a kernel thread)");
    d->forget(pid);
    d->spaces.emplace(pid, std::move(space));
    return {};
}

void Symbolizer::resolve(std::int32_t pid, std::uint64_t ip, bool isReturnAddress, bool kernel, model::Profile &profile,
                         std::vector<model::FrameId> &out)
{
    if (ip >= kContextMarkers)
        return; // a PERF_CONTEXT_* marker, not a code address
    d->useProfile(profile);
    if (kernel || ip >= kKernelStart) {
        d->resolveKernel(ip, isReturnAddress, profile, out);
        return;
    }
    AddressSpace *space = d->space(pid);
    Mapping *mapping = space ? space->find(ip) : nullptr;
    ElfModule *module = mapping ? d->modules.moduleFor(*mapping, pid) : nullptr;
    if (!module) {
        d->resolveUnmapped(pid, mapping, ip, profile, out);
        return;
    }
    const std::uint64_t lookup = isReturnAddress ? ip - 1 : ip;
    std::uint64_t address = 0;
    if (!module->fileOffsetToAddress(lookup - mapping->start + mapping->pgoff, address)) {
        d->resolveUnmapped(pid, mapping, ip, profile, out);
        return;
    }
    if (const auto *cached = d->frameCache.find(module, address)) {
        const auto *first = d->framePool.data() + cached->first;
        out.insert(out.end(), first, first + cached->second);
        return;
    }
    d->scratch.clear();
    module->describe(address, d->scratch);
    const auto offset = static_cast<std::uint32_t>(d->framePool.size());
    for (const auto &f : d->scratch)
        d->framePool.push_back(d->intern(profile, f));
    d->frameCache.insert(module, address, {offset, static_cast<std::uint32_t>(d->scratch.size())});
    out.insert(out.end(), d->framePool.begin() + offset, d->framePool.end());
}

void Symbolizer::unwind(std::int32_t pid, std::uint64_t regsMask, std::span<const std::uint64_t> regs,
                        std::span<const std::uint8_t> stack, std::vector<std::uint64_t> &ips)
{
    static AddressSpace empty;
    AddressSpace *space = d->space(pid);
    d->unwinder.unwind(space ? *space : empty, pid, regsMask, regs, stack, ips);
}

std::uint64_t Symbolizer::requiredRegsMask()
{
    return DwarfUnwinder::requiredRegsMask();
}

} // namespace perfwb::symbolize
