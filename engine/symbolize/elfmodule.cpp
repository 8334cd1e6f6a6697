// SPDX-License-Identifier: GPL-3.0-or-later
#include "elfmodule.h"

#include "demangle.h"

#include "model/unresolvedname.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <elfutils/libdw.h>
#include <elfutils/libdwelf.h>
#include <elfutils/libdwfl.h>
#include <fcntl.h>
#include <gelf.h>
#include <mutex>
#include <unistd.h>

namespace perfwb::symbolize {

namespace {

char *g_debuginfoPath = nullptr; // libdwfl's default: ":.debug:/usr/lib/debug"

const Dwfl_Callbacks g_offlineCallbacks = {
    dwfl_build_id_find_elf,
    dwfl_standard_find_debuginfo,
    dwfl_offline_section_address,
    &g_debuginfoPath,
};

std::string hex(const unsigned char *bytes, std::size_t n)
{
    static const char digits[] = "0123456789abcdef";
    std::string s;
    s.reserve(n * 2);
    for (std::size_t i = 0; i < n; ++i) {
        s.push_back(digits[bytes[i] >> 4]);
        s.push_back(digits[bytes[i] & 0xf]);
    }
    return s;
}

bool isExecutableSection(Elf *elf, GElf_Word shndx)
{
    if (!elf)
        return false;
    Elf_Scn *scn = elf_getscn(elf, shndx);
    GElf_Shdr shdr;
    return scn && gelf_getshdr(scn, &shdr) && (shdr.sh_flags & SHF_EXECINSTR);
}

} // namespace

ElfModule::~ElfModule()
{
    if (ehCfi_)
        dwarf_cfi_end(ehCfi_);
    if (dwfl_)
        dwfl_end(dwfl_);
    if (elf_)
        elf_end(elf_);
    if (fd_ >= 0)
        ::close(fd_);
}

std::unique_ptr<ElfModule> ElfModule::open(const std::string &path, std::string displayName, int fd)
{
    static std::once_flag once;
    std::call_once(once, [] { elf_version(EV_CURRENT); });

    if (fd < 0)
        fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return nullptr;
    std::unique_ptr<ElfModule> m(new ElfModule);
    m->fd_ = fd;
    m->path_ = path;
    m->displayName_ = std::move(displayName);
    m->elf_ = elf_begin(fd, ELF_C_READ_MMAP, nullptr);
    GElf_Ehdr ehdr;
    if (!m->elf_ || elf_kind(m->elf_) != ELF_K_ELF || !gelf_getehdr(m->elf_, &ehdr))
        return nullptr;
    // libelf has the whole file mapped (or read) now and needs the descriptor no more:
    // it goes to libdwfl later, so one module costs one descriptor, not two.
    // (elf_rawfile reads the whole file in first when it could not be mapped.)
    std::size_t size = 0;
    if (!elf_rawfile(m->elf_, &size) || elf_cntl(m->elf_, ELF_C_FDDONE) != 0)
        return nullptr;

    std::size_t phnum = 0;
    if (elf_getphdrnum(m->elf_, &phnum) != 0)
        return nullptr;
    for (std::size_t i = 0; i < phnum; ++i) {
        GElf_Phdr ph;
        if (gelf_getphdr(m->elf_, static_cast<int>(i), &ph) && ph.p_type == PT_LOAD)
            m->segments_.push_back({ph.p_offset, ph.p_vaddr, ph.p_filesz, ph.p_memsz, (ph.p_flags & PF_W) != 0});
    }
    const void *id = nullptr;
    const ssize_t idLength = dwelf_elf_gnu_build_id(m->elf_, &id);
    if (idLength > 0)
        m->buildId_ = hex(static_cast<const unsigned char *>(id), static_cast<std::size_t>(idLength));
    return m;
}

bool ElfModule::fileOffsetToAddress(std::uint64_t offset, std::uint64_t &address) const
{
    // Exact segment first; then page-rounded starts, because a mapping begins at the
    // page holding p_offset and code may sit in that first partial page.
    for (const auto &s : segments_) {
        if (offset >= s.offset && offset < s.offset + s.filesz) {
            address = offset - s.offset + s.vaddr;
            return true;
        }
    }
    for (const auto &s : segments_) {
        const std::uint64_t pageStart = s.offset & ~std::uint64_t(0xfff);
        if (offset >= pageStart && offset < s.offset + s.filesz) {
            address = offset - s.offset + s.vaddr;
            return true;
        }
    }
    return false;
}

bool ElfModule::ensureDwfl()
{
    if (dwflTried_)
        return dwflModule_ != nullptr;
    dwflTried_ = true;
    dwfl_ = dwfl_begin(&g_offlineCallbacks);
    if (!dwfl_)
        return false;
    if (fd_ < 0)
        return false;
    dwfl_report_begin(dwfl_);
    // base 0 relative to p_vaddr: dwfl addresses are the ELF addresses (bias read back
    // below). On success libdwfl owns the descriptor.
    dwflModule_ = dwfl_report_elf(dwfl_, displayName_.c_str(), path_.c_str(), fd_, 0, true);
    dwfl_report_end(dwfl_, nullptr, nullptr);
    if (!dwflModule_)
        return false;
    fd_ = -1;
    GElf_Addr bias = 0;
    if (!dwfl_module_getelf(dwflModule_, &bias)) {
        dwflModule_ = nullptr;
        return false;
    }
    dwflBias_ = bias;
    return true;
}

const SymbolTable &ElfModule::symbols()
{
    if (symbols_)
        return *symbols_;
    symbols_.emplace();
    if (ensureDwfl()) {
        // libdwfl picks the best table: .symtab of the file or of its debug file
        // (build-id / debuglink), the MiniDebugInfo, else .dynsym.
        const int n = dwfl_module_getsymtab(dwflModule_);
        for (int i = 1; i < n; ++i) {
            GElf_Sym sym;
            GElf_Addr addr = 0;
            GElf_Word shndx = 0;
            Elf *elf = nullptr;
            Dwarf_Addr bias = 0;
            const char *name = dwfl_module_getsym_info(dwflModule_, i, &sym, &addr, &shndx, &elf, &bias);
            if (!name || shndx == SHN_UNDEF || shndx == SHN_ABS)
                continue;
            const int type = GELF_ST_TYPE(sym.st_info);
            // Untyped symbols count only in code sections (assembly without .type).
            if (type != STT_FUNC && type != STT_GNU_IFUNC && !(type == STT_NOTYPE && isExecutableSection(elf, shndx)))
                continue;
            const int bind = GELF_ST_BIND(sym.st_info);
            const auto binding = bind == STB_GLOBAL ? SymbolTable::Binding::Global
                                 : bind == STB_WEAK ? SymbolTable::Binding::Weak
                                                    : SymbolTable::Binding::Local;
            // "__libc_start_main@@GLIBC_2.34": the version is not part of the name.
            std::string_view plain(name);
            plain = plain.substr(0, plain.find('@'));
            symbols_->add(addr - dwflBias_, sym.st_size, plain, binding);
        }
    }
    symbols_->finish();
    return *symbols_;
}

void ElfModule::describe(std::uint64_t address, std::vector<ResolvedFrame> &out)
{
    const std::size_t first = out.size();
    const SymbolTable &table = symbols();
    const SymbolTable::Symbol *symbol = table.find(address);

    if (!source_ && ensureDwfl())
        source_.emplace(dwflModule_, dwflBias_);
    if (!source_ || !source_->locate(address, out))
        out.emplace_back();

    // The symbol table names the outer function (it also knows clones such as
    // "foo.constprop.0" and code without DWARF); DWARF fills in when it has no entry.
    ResolvedFrame &outer = out.back();
    if (symbol)
        outer.function = demangle(table.name(*symbol));
    for (std::size_t i = first; i < out.size(); ++i) {
        ResolvedFrame &f = out[i];
        if (f.function.empty())
            f.function = model::unresolvedName(displayName_, address);
        f.module = displayName_;
        f.kind = model::FrameKind::Native;
    }
}

Dwarf_Frame *ElfModule::cfiFrame(std::uint64_t address)
{
    if (!ehCfiTried_) {
        ehCfiTried_ = true;
        ehCfi_ = dwarf_getcfi_elf(elf_);
    }
    Dwarf_Frame *frame = nullptr;
    if (ehCfi_ && dwarf_cfi_addrframe(ehCfi_, address, &frame) == 0)
        return frame;
    // Some objects carry only .debug_frame (in the file or its separate debug file).
    if (!debugCfiTried_) {
        debugCfiTried_ = true;
        Dwarf_Addr dwarfBias = 0;
        if (ensureDwfl())
            debugCfi_ = dwfl_module_dwarf_cfi(dwflModule_, &dwarfBias);
        debugCfiBias_ = dwflBias_ - dwarfBias;
    }
    frame = nullptr;
    if (debugCfi_ && dwarf_cfi_addrframe(debugCfi_, address + debugCfiBias_, &frame) == 0)
        return frame;
    return nullptr;
}

bool ElfModule::readReadOnlyWord(std::uint64_t address, std::uint64_t &value) const
{
    std::size_t size = 0;
    const char *image = elf_rawfile(elf_, &size);
    if (!image)
        return false;
    for (const auto &s : segments_) {
        if (s.writable || address < s.vaddr || address + sizeof value > s.vaddr + s.filesz)
            continue;
        const std::uint64_t offset = address - s.vaddr + s.offset;
        if (offset + sizeof value > size)
            return false;
        std::memcpy(&value, image + offset, sizeof value);
        return true;
    }
    return false;
}

} // namespace perfwb::symbolize
