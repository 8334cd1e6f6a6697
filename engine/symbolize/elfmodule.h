// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "resolvedframe.h"
#include "sourcelocator.h"
#include "symboltable.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

typedef struct Elf Elf;
typedef struct Dwfl Dwfl;
typedef struct Dwfl_Module Dwfl_Module;
typedef struct Dwarf_CFI_s Dwarf_CFI;
typedef struct Dwarf_Frame_s Dwarf_Frame;

namespace perfwb::symbolize {

// One ELF file on disk (or the kernel's vDSO image): its load segments, build-id,
// function symbols (from .symtab, the separate debug file, else .dynsym), DWARF
// source lines and inline chains, and .eh_frame CFI for the unwinder. Everything
// but the headers is loaded on first use. Addresses here are ELF virtual addresses
// (p_vaddr space), the same in every process that maps the file.
class ElfModule {
public:
    ~ElfModule();
    ElfModule(const ElfModule &) = delete;
    ElfModule &operator=(const ElfModule &) = delete;

    // nullptr when the file cannot be opened or is not ELF. `fd` (when >= 0) is
    // taken over; `displayName` is what frames show as the module ("libc.so.6").
    static std::unique_ptr<ElfModule> open(const std::string &path, std::string displayName, int fd = -1);

    const std::string &path() const { return path_; }
    const std::string &displayName() const { return displayName_; }
    const std::string &buildId() const { return buildId_; } // hex, empty when the file has none

    // File offset (of a mapping) -> ELF address through the PT_LOAD segments.
    bool fileOffsetToAddress(std::uint64_t offset, std::uint64_t &address) const;

    // Appends the frames for the ELF address: inlined frames first (innermost first),
    // then the containing function. Never empty: unknown code gives "module+0xaddr".
    void describe(std::uint64_t address, std::vector<ResolvedFrame> &out);

    // The CFI row covering the ELF address (.eh_frame, else .debug_frame of the file or
    // its debug file); nullptr when there is none. The caller free()s it.
    Dwarf_Frame *cfiFrame(std::uint64_t address);
    // Reads 8 bytes at an ELF address inside a read-only, file-backed segment (what
    // memory holds there equals the file).
    bool readReadOnlyWord(std::uint64_t address, std::uint64_t &value) const;

    const SymbolTable &symbols();

private:
    struct Segment {
        std::uint64_t offset, vaddr, filesz, memsz;
        bool writable;
    };
    ElfModule() = default;
    bool ensureDwfl();

    std::string path_;
    std::string displayName_;
    std::string buildId_;
    int fd_ = -1; // until libdwfl takes it over
    Elf *elf_ = nullptr;
    std::vector<Segment> segments_;
    Dwfl *dwfl_ = nullptr;
    Dwfl_Module *dwflModule_ = nullptr;
    std::uint64_t dwflBias_ = 0; // dwfl address = ELF address + bias
    bool dwflTried_ = false;
    std::optional<SymbolTable> symbols_;
    std::optional<SourceLocator> source_;
    Dwarf_CFI *ehCfi_ = nullptr;
    bool ehCfiTried_ = false;
    Dwarf_CFI *debugCfi_ = nullptr; // owned by dwfl_
    std::uint64_t debugCfiBias_ = 0;
    bool debugCfiTried_ = false;
};

} // namespace perfwb::symbolize
