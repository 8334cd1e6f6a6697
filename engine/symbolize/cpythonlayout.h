// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where CPython keeps what a sampler reads from outside the process: the thread states,
// each thread's chain of interpreter frames, and the code objects' names, files and
// line tables. Offsets are those of release builds on x86_64; they are fixed within a
// minor version (the interpreter's internal ABI), so one table serves 3.11.0-3.11.x.
// tst_pythonstacks::layoutMatchesHeaders checks each table against the installed
// CPython headers with offsetof().
#include <cstdint>

namespace perfwb::symbolize {

struct CPythonLayout {
    unsigned minor = 0; // 3.minor

    // _PyRuntimeState, PyInterpreterState
    std::uint32_t runtimeInterpretersHead = 0;
    std::uint32_t interpNext = 0;
    std::uint32_t interpThreadsHead = 0;
    // PyThreadState
    std::uint32_t threadNext = 0;
    std::uint32_t threadCFrame = 0;
    std::uint32_t threadNativeId = 0;
    // _PyCFrame
    std::uint32_t cframeCurrentFrame = 0;
    // _PyInterpreterFrame
    std::uint32_t frameCode = 0;
    std::uint32_t framePrevious = 0;
    std::uint32_t framePrevInstr = 0;
    std::uint32_t frameOwner = 0;
    // 3.11 marks the outermost frame of each _PyEval_EvalFrameDefault call with a flag;
    // 3.12 puts a shim frame owned by the C stack before it instead. 0: no flag.
    std::uint32_t frameIsEntry = 0;
    std::uint8_t ownedByCStack = 0xff; // the shim frames' owner; 0xff: none
    std::uint32_t frameSize = 0;
    // PyCodeObject
    std::uint32_t codeFirstLine = 0;
    std::uint32_t codeFilename = 0;
    std::uint32_t codeQualname = 0;
    std::uint32_t codeLinetable = 0;
    std::uint32_t codeInstructions = 0; // _co_code_adaptive: the first code unit
    // PyBytesObject
    std::uint32_t bytesSize = 0;
    std::uint32_t bytesData = 0;
    // PyASCIIObject / PyCompactUnicodeObject: the text follows the header
    std::uint32_t unicodeLength = 0;
    std::uint32_t unicodeState = 0;
    std::uint32_t asciiHeader = 0;
    std::uint32_t compactHeader = 0;
};

// The layout of CPython 3.`minor`, nullptr for a version perfwb cannot read.
const CPythonLayout *cpythonLayout(unsigned major, unsigned minor);

} // namespace perfwb::symbolize
