// SPDX-License-Identifier: GPL-3.0-or-later
#include "pythonimage.h"

#include <algorithm>
#include <fcntl.h>
#include <fstream>
#include <gelf.h>
#include <libelf.h>
#include <sstream>
#include <unistd.h>
#include <vector>

namespace perfwb::symbolize {

namespace {

struct Candidate {
    std::string path;
    std::uint64_t start = 0; // of the mapping at file offset 0
    bool library = false;
};

// The executable mapping's path and, per path, the start of its offset-0 mapping.
std::vector<Candidate> candidates(pid_t pid)
{
    std::vector<Candidate> out;
    std::ifstream maps("/proc/" + std::to_string(pid) + "/maps");
    std::string line;
    while (std::getline(maps, line)) {
        std::istringstream in(line);
        std::string range, perms, offset, dev, inode, path;
        in >> range >> perms >> offset >> dev >> inode >> path;
        if (path.empty() || pythonMinorFromName(path) == 0 || std::stoull(offset, nullptr, 16) != 0)
            continue;
        const bool library = path.substr(path.rfind('/') + 1).starts_with("lib");
        if (std::none_of(out.begin(), out.end(), [&](const Candidate &c) { return c.path == path; }))
            out.push_back({path, std::stoull(range, nullptr, 16), library});
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Candidate &a, const Candidate &b) { return a.library > b.library; });
    return out;
}

struct Symbols {
    std::uint64_t runtime = 0;
    std::uint64_t version = 0;
    std::uint64_t firstLoad = 0; // page-aligned p_vaddr of the first PT_LOAD
    bool shared = false;         // ET_DYN: loaded at a bias
};

void scanSymbols(Elf *elf, Symbols &out)
{
    Elf_Scn *scn = nullptr;
    while ((scn = elf_nextscn(elf, scn)) != nullptr && (out.runtime == 0 || out.version == 0)) {
        GElf_Shdr shdr;
        if (gelf_getshdr(scn, &shdr) == nullptr || (shdr.sh_type != SHT_DYNSYM && shdr.sh_type != SHT_SYMTAB))
            continue;
        Elf_Data *data = elf_getdata(scn, nullptr);
        const std::size_t count = shdr.sh_entsize != 0 ? shdr.sh_size / shdr.sh_entsize : 0;
        for (std::size_t i = 0; data != nullptr && i < count; ++i) {
            GElf_Sym sym;
            if (gelf_getsym(data, static_cast<int>(i), &sym) == nullptr || sym.st_value == 0)
                continue;
            const char *name = elf_strptr(elf, shdr.sh_link, sym.st_name);
            if (name == nullptr)
                continue;
            const std::string_view n(name);
            if (n == "_PyRuntime")
                out.runtime = sym.st_value;
            else if (n == "Py_Version")
                out.version = sym.st_value;
        }
    }
}

bool readSymbols(const std::string &file, Symbols &out)
{
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    elf_version(EV_CURRENT);
    Elf *elf = elf_begin(fd, ELF_C_READ_MMAP, nullptr);
    GElf_Ehdr ehdr;
    if (elf != nullptr && gelf_getehdr(elf, &ehdr) != nullptr) {
        out.shared = ehdr.e_type == ET_DYN;
        std::size_t phnum = 0;
        elf_getphdrnum(elf, &phnum);
        for (std::size_t i = 0; i < phnum; ++i) {
            GElf_Phdr ph;
            if (gelf_getphdr(elf, static_cast<int>(i), &ph) != nullptr && ph.p_type == PT_LOAD) {
                out.firstLoad = ph.p_vaddr & ~static_cast<std::uint64_t>(0xfff);
                break;
            }
        }
        scanSymbols(elf, out);
    }
    if (elf != nullptr)
        elf_end(elf);
    ::close(fd);
    return out.runtime != 0;
}

} // namespace

unsigned pythonMinorFromName(const std::string &path)
{
    std::string_view name(path);
    name = name.substr(name.rfind('/') + 1);
    if (name.starts_with("lib"))
        name.remove_prefix(3);
    if (!name.starts_with("python3."))
        return 0;
    name.remove_prefix(8);
    unsigned minor = 0;
    std::size_t digits = 0;
    while (digits < name.size() && digits < 3 && name[digits] >= '0' && name[digits] <= '9')
        minor = minor * 10 + static_cast<unsigned>(name[digits++] - '0');
    const std::string_view rest = name.substr(digits);
    // python3.11, python3.11d, python3.11-config is not code; libpython3.11.so, .so.1.0
    if (digits == 0 ||
        !(rest.empty() || rest == "d" || rest == "m" || rest.starts_with(".so") || rest.starts_with("d.so")))
        return 0;
    return minor;
}

Result<PythonImage> PythonImage::find(pid_t pid)
{
    const std::vector<Candidate> found = candidates(pid);
    if (found.empty())
        return makeError(std::string(kNoPython) + std::to_string(pid));
    for (const Candidate &c : found) {
        Symbols syms;
        // Through the process's root: the same file even from another mount namespace.
        if (!readSymbols("/proc/" + std::to_string(pid) + "/root" + c.path, syms) && !readSymbols(c.path, syms))
            continue;
        const std::uint64_t bias = syms.shared ? c.start - syms.firstLoad : 0;
        PythonImage image;
        image.path = c.path;
        image.runtime = bias + syms.runtime;
        image.version = syms.version != 0 ? bias + syms.version : 0;
        image.nameMinor = pythonMinorFromName(c.path);
        return image;
    }
    return makeError("no _PyRuntime symbol in " + found.front().path);
}

} // namespace perfwb::symbolize
