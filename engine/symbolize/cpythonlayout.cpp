// SPDX-License-Identifier: GPL-3.0-or-later
#include "cpythonlayout.h"

namespace perfwb::symbolize {

namespace {

// Include/internal/pycore_{runtime,interp,frame}.h, Include/cpython/{pystate,code,
// bytesobject,unicodeobject}.h of each version (see the header).
constexpr CPythonLayout kPython311 = {
    .minor = 11,
    .runtimeInterpretersHead = 40,
    .interpNext = 0,
    .interpThreadsHead = 16,
    .threadNext = 8,
    .threadCFrame = 56,
    .threadNativeId = 160,
    .cframeCurrentFrame = 8,
    .frameCode = 32,
    .framePrevious = 48,
    .framePrevInstr = 56,
    .frameOwner = 69,
    .frameIsEntry = 68,
    .ownedByCStack = 0xff,
    .frameSize = 72,
    .codeFirstLine = 72,
    .codeFilename = 112,
    .codeQualname = 128,
    .codeLinetable = 136,
    .codeInstructions = 184,
    .bytesSize = 16,
    .bytesData = 32,
    .unicodeLength = 16,
    .unicodeState = 32,
    .asciiHeader = 48, // 3.11 still has the wstr pointer
    .compactHeader = 72,
};

constexpr CPythonLayout kPython312 = {
    .minor = 12,
    .runtimeInterpretersHead = 40,
    .interpNext = 0,
    .interpThreadsHead = 72,
    .threadNext = 8,
    .threadCFrame = 56,
    .threadNativeId = 144,
    .cframeCurrentFrame = 0,
    .frameCode = 0,
    .framePrevious = 8,
    .framePrevInstr = 56,
    .frameOwner = 70,
    .frameIsEntry = 0,
    .ownedByCStack = 3, // FRAME_OWNED_BY_CSTACK
    .frameSize = 72,
    .codeFirstLine = 68,
    .codeFilename = 112,
    .codeQualname = 128,
    .codeLinetable = 136,
    .codeInstructions = 192,
    .bytesSize = 16,
    .bytesData = 32,
    .unicodeLength = 16,
    .unicodeState = 32,
    .asciiHeader = 40,
    .compactHeader = 56,
};

} // namespace

const CPythonLayout *cpythonLayout(unsigned major, unsigned minor)
{
    if (major != 3)
        return nullptr;
    switch (minor) {
    case 11:
        return &kPython311;
    case 12:
        return &kPython312;
    default:
        return nullptr;
    }
}

} // namespace perfwb::symbolize
