// SPDX-License-Identifier: GPL-3.0-or-later
#include "modulecache.h"

#include <cstdio>
#include <cstring>
#include <fstream>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace perfwb::symbolize {

namespace {

constexpr std::string_view kDeleted = " (deleted)";

std::string baseName(std::string_view path)
{
    const auto slash = path.rfind('/');
    return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

bool identify(const std::string &path, struct stat &st)
{
    return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

} // namespace

ModuleCache::ModuleCache() = default;
ModuleCache::~ModuleCache() = default;

ElfModule *ModuleCache::resolve(const Mapping &mapping, std::int32_t pid)
{
    if (mapping.kind == Mapping::Kind::Vdso)
        return vdso();
    if (mapping.kind != Mapping::Kind::File)
        return nullptr;
    std::string path = mapping.path;
    const bool deleted = path.ends_with(kDeleted);
    if (deleted)
        path.resize(path.size() - kDeleted.size());
    const std::string display = baseName(path);
    // A replaced or deleted file is still readable through the process's map_files;
    // a target in another mount namespace (container) has its files under /proc/PID/root.
    std::vector<std::string> candidates;
    if (!deleted)
        candidates.push_back(path);
    if (pid > 0) {
        char buf[96];
        std::snprintf(buf, sizeof buf, "/proc/%d/map_files/%llx-%llx", pid,
                      static_cast<unsigned long long>(mapping.start), static_cast<unsigned long long>(mapping.end));
        if (deleted)
            candidates.emplace_back(buf);
        candidates.push_back("/proc/" + std::to_string(pid) + "/root" + path);
    }
    for (const auto &candidate : candidates) {
        if (ElfModule *m = fileModule(candidate, display))
            return m;
    }
    return nullptr;
}

ElfModule *ModuleCache::fileModule(const std::string &path, const std::string &displayName)
{
    struct stat st;
    if (!identify(path, st))
        return nullptr;
    FileIdentity id;
    id.device = st.st_dev;
    id.inode = st.st_ino;
    id.size = static_cast<std::uint64_t>(st.st_size);
    id.mtimeNs = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    auto it = byPath_.find(path);
    if (it != byPath_.end() && it->second.identity == id)
        return it->second.module;
    ElfModule *module = adopt(ElfModule::open(path, displayName));
    byPath_[path] = PathEntry{id, module};
    return module;
}

ElfModule *ModuleCache::adopt(std::unique_ptr<ElfModule> module)
{
    if (!module)
        return nullptr;
    if (!module->buildId().empty()) {
        auto [it, added] = byBuildId_.emplace(module->buildId(), module.get());
        if (!added)
            return it->second; // the same binary under another path: reuse its tables
    }
    modules_.push_back(std::move(module));
    return modules_.back().get();
}

ElfModule *ModuleCache::vdso()
{
    // Every 64-bit process of this kernel maps the same vDSO image as we do: copy ours
    // into a memfd so it can be read like a file (symbols and .eh_frame).
    if (vdsoTried_)
        return vdso_;
    vdsoTried_ = true;
    const auto base = getauxval(AT_SYSINFO_EHDR);
    if (!base)
        return nullptr;
    std::uint64_t size = 0;
    std::ifstream maps("/proc/self/maps");
    std::string line;
    while (std::getline(maps, line)) {
        unsigned long long start = 0, end = 0;
        if (line.ends_with("[vdso]") && std::sscanf(line.c_str(), "%llx-%llx", &start, &end) == 2 && start == base)
            size = end - start;
    }
    if (size == 0)
        return nullptr;
    const int fd = ::memfd_create("perfwb-vdso", MFD_CLOEXEC);
    if (fd < 0)
        return nullptr;
    // The vDSO's address comes from getauxval(AT_SYSINFO_EHDR), an integer.
    if (::write(fd, reinterpret_cast<const void *>(base), size) != // NOLINT(performance-no-int-to-ptr)
        static_cast<ssize_t>(size)) {
        ::close(fd);
        return nullptr;
    }
    vdso_ = adopt(ElfModule::open("[vdso]", "[vdso]", fd));
    return vdso_;
}

} // namespace perfwb::symbolize
