// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "addressspace.h"
#include "elfmodule.h"

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace perfwb::symbolize {

// Every ELF module the symbolizer has opened, one instance per build-id (else per
// path + size + mtime), shared by all processes that map it. Modules are never
// dropped, so pointers to them (in mappings and caches) stay valid.
class ModuleCache {
public:
    ModuleCache();
    ~ModuleCache();
    ModuleCache(const ModuleCache &) = delete;
    ModuleCache &operator=(const ModuleCache &) = delete;

    // The module behind a mapping, resolved once per mapping; nullptr for anonymous
    // memory and files that cannot be read as ELF.
    ElfModule *moduleFor(Mapping &mapping, std::int32_t pid)
    {
        if (!mapping.moduleResolved) {
            mapping.module = resolve(mapping, pid);
            mapping.moduleResolved = true;
        }
        return mapping.module;
    }
    std::size_t size() const { return modules_.size(); }

private:
    struct FileIdentity {
        std::uint64_t device = 0, inode = 0, size = 0;
        std::int64_t mtimeNs = 0;
        bool operator==(const FileIdentity &) const = default;
    };
    struct PathEntry {
        FileIdentity identity;
        ElfModule *module = nullptr; // nullptr: not ELF (cached so it is not retried)
    };
    ElfModule *resolve(const Mapping &mapping, std::int32_t pid);
    ElfModule *fileModule(const std::string &path, const std::string &displayName);
    ElfModule *vdso();
    ElfModule *adopt(std::unique_ptr<ElfModule> module);

    std::unordered_map<std::string, PathEntry> byPath_;
    std::unordered_map<std::string, ElfModule *> byBuildId_;
    std::vector<std::unique_ptr<ElfModule>> modules_;
    ElfModule *vdso_ = nullptr;
    bool vdsoTried_ = false;
};

} // namespace perfwb::symbolize
