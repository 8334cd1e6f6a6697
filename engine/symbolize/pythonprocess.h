// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "cpythonlayout.h"
#include "pythonstacks.h"
#include "remotememory.h"

#include "core/result.h"

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace perfwb::symbolize {

// One running CPython process seen from outside, as py-spy sees it: its _PyRuntime
// (from the python binary's or libpython's symbols and the load address in
// /proc/PID/maps), its version (Py_Version), and from there every thread state and
// each thread's chain of interpreter frames, read with process_vm_readv without stopping
// the process. A read races the running interpreter: a frame popped mid-read ends the
// walk early or is skipped, never read past (depth and list lengths are bounded).
class PythonProcess {
public:
    // An error says why `pid` cannot be read: no CPython in it, a version without a
    // layout, no _PyRuntime symbol, memory not readable.
    static Result<std::unique_ptr<PythonProcess>> open(pid_t pid);

    pid_t pid() const { return memory_.pid(); }
    // "CPython 3.11.2"
    const std::string &version() const { return version_; }

    // Every thread state's stack; false when the process's memory cannot be read any more
    // (it ended, or exec'd something else). A thread with no Python frame running is left
    // out. Before Py_Initialize has made the first thread state: true, no stacks.
    bool readStacks(std::vector<PythonThreadStack> &out);

    static constexpr int kMaxDepth = 1024;
    static constexpr int kMaxThreads = 4096;

private:
    PythonProcess(pid_t pid, const CPythonLayout &layout, std::uint64_t runtime, std::string version);
    void readFrames(std::uint64_t frame, std::vector<PythonFrame> &out);
    // The code object at `address` whose header (the first layout_.codeInstructions
    // bytes) was just read.
    std::shared_ptr<const PythonCode> code(std::uint64_t address, const std::uint8_t *header);
    bool readText(std::uint64_t address, std::string &out) const;

    RemoteMemory memory_;
    const CPythonLayout &layout_;
    std::uint64_t runtime_;
    std::string version_;
    // What tells one code object at an address from the next one made there.
    struct CodeKey {
        std::uint64_t qualname = 0;
        std::uint64_t filename = 0;
        std::uint64_t lineTable = 0;
        std::int32_t firstLine = 0;
        bool operator==(const CodeKey &) const = default;
    };
    struct CachedCode {
        CodeKey key;
        std::shared_ptr<const PythonCode> code;
    };
    std::unordered_map<std::uint64_t, CachedCode> codes_;
    std::vector<std::uint8_t> headers_; // the code headers of one walk
};

} // namespace perfwb::symbolize
