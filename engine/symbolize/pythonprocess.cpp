// SPDX-License-Identifier: GPL-3.0-or-later
#include "pythonprocess.h"

#include "pythonimage.h"
#include "pythonlinetable.h"
#include "pythontext.h"

#include <array>
#include <cerrno>
#include <cstring>

namespace perfwb::symbolize {

namespace {

template<typename T> T fieldAt(const std::uint8_t *block, std::uint32_t offset)
{
    T value;
    std::memcpy(&value, block + offset, sizeof value);
    return value;
}

// Names and paths longer than this are cut: a bound on what one read may cost.
constexpr std::int64_t kMaxTextLength = 4096;
constexpr std::int64_t kMaxLineTable = 1 << 20;

} // namespace

PythonProcess::PythonProcess(pid_t pid, const CPythonLayout &layout, std::uint64_t runtime, std::string version)
    : memory_(pid)
    , layout_(layout)
    , runtime_(runtime)
    , version_(std::move(version))
{}

Result<std::unique_ptr<PythonProcess>> PythonProcess::open(pid_t pid)
{
    auto image = PythonImage::find(pid);
    if (!image)
        return makeError(image.message());
    RemoteMemory memory(pid);
    std::uint32_t hex = 0;
    unsigned major = 3;
    unsigned minor = image.value().nameMinor;
    if (image.value().version != 0) {
        if (!memory.read(image.value().version, &hex, sizeof hex))
            return makeError("cannot read the memory of process " + std::to_string(pid) + ": " +
                             std::strerror(memory.lastError()));
        major = hex >> 24;
        minor = (hex >> 16) & 0xff;
    }
    std::string version = "CPython " + std::to_string(major) + "." + std::to_string(minor);
    if (hex != 0)
        version += "." + std::to_string((hex >> 8) & 0xff);
    const CPythonLayout *layout = cpythonLayout(major, minor);
    if (layout == nullptr)
        return makeError(version + " in process " + std::to_string(pid) +
                         ": Python frames are read from CPython 3.11 and 3.12 only");
    std::uint64_t probe = 0;
    if (!memory.readPointer(image.value().runtime + layout->runtimeInterpretersHead, probe))
        return makeError("cannot read the memory of process " + std::to_string(pid) + ": " +
                         std::strerror(memory.lastError()));
    return std::unique_ptr<PythonProcess>(new PythonProcess(pid, *layout, image.value().runtime, version));
}

bool PythonProcess::readStacks(std::vector<PythonThreadStack> &out)
{
    out.clear();
    std::uint64_t interp = 0;
    if (!memory_.readPointer(runtime_ + layout_.runtimeInterpretersHead, interp))
        return false;
    int threads = 0;
    for (int i = 0; interp != 0 && i < 64; ++i) {
        std::uint64_t tstate = 0;
        if (!memory_.readPointer(interp + layout_.interpThreadsHead, tstate))
            return true; // an interpreter being torn down
        for (; tstate != 0 && threads < kMaxThreads; ++threads) {
            std::array<std::uint8_t, 256> block{};
            const std::size_t size = layout_.threadNativeId + 8;
            if (size > block.size() || !memory_.read(tstate, block.data(), size))
                break;
            const auto cframe = fieldAt<std::uint64_t>(block.data(), layout_.threadCFrame);
            std::uint64_t frame = 0;
            if (cframe != 0 && memory_.readPointer(cframe + layout_.cframeCurrentFrame, frame) && frame != 0) {
                PythonThreadStack stack;
                stack.tid = static_cast<std::int32_t>(fieldAt<std::uint64_t>(block.data(), layout_.threadNativeId));
                readFrames(frame, stack.frames);
                if (!stack.frames.empty())
                    out.push_back(std::move(stack));
            }
            tstate = fieldAt<std::uint64_t>(block.data(), layout_.threadNext);
        }
        if (!memory_.readPointer(interp + layout_.interpNext, interp))
            break;
    }
    return true;
}

void PythonProcess::readFrames(std::uint64_t frame, std::vector<PythonFrame> &out)
{
    // The chain first (each frame names the next), then every frame's code object header
    // in one read: the headers are checked against the cache every time, so a code object
    // freed and another made at its address is not named after the old one.
    struct Raw {
        std::uint64_t code = 0;
        std::uint64_t prevInstr = 0;
        bool entry = false;
    };
    std::vector<Raw> raw;
    std::array<std::uint8_t, 128> block{};
    for (int depth = 0; frame != 0 && depth < kMaxDepth; ++depth) {
        if (layout_.frameSize > block.size() || !memory_.read(frame, block.data(), layout_.frameSize))
            break;
        const auto owner = fieldAt<std::uint8_t>(block.data(), layout_.frameOwner);
        frame = fieldAt<std::uint64_t>(block.data(), layout_.framePrevious);
        if (owner == layout_.ownedByCStack) {
            // 3.12's shim before each _PyEval_EvalFrameDefault call: the frame below it
            // was that call's outermost.
            if (!raw.empty())
                raw.back().entry = true;
            continue;
        }
        raw.push_back({fieldAt<std::uint64_t>(block.data(), layout_.frameCode),
                       fieldAt<std::uint64_t>(block.data(), layout_.framePrevInstr),
                       layout_.frameIsEntry != 0 && fieldAt<std::uint8_t>(block.data(), layout_.frameIsEntry) != 0});
    }
    const std::size_t headerSize = layout_.codeInstructions;
    headers_.resize(raw.size() * headerSize);
    std::vector<RemoteMemory::Block> blocks;
    blocks.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i)
        blocks.push_back({raw[i].code, headers_.data() + (i * headerSize), headerSize});
    const std::size_t read = memory_.readMany(blocks);
    for (std::size_t i = 0; i < read; ++i) {
        std::shared_ptr<const PythonCode> info = code(raw[i].code, headers_.data() + (i * headerSize));
        if (!info)
            return; // a frame popped while it was read: the rest of the chain is suspect
        const std::int64_t index = (static_cast<std::int64_t>(raw[i].prevInstr) -
                                    static_cast<std::int64_t>(raw[i].code + layout_.codeInstructions)) /
                                   2;
        PythonFrame f;
        f.line = pythonLine(info->lineTable, info->firstLine, index);
        f.entry = raw[i].entry;
        f.code = std::move(info);
        out.push_back(std::move(f));
    }
}

std::shared_ptr<const PythonCode> PythonProcess::code(std::uint64_t address, const std::uint8_t *header)
{
    const CodeKey key{
        fieldAt<std::uint64_t>(header, layout_.codeQualname), fieldAt<std::uint64_t>(header, layout_.codeFilename),
        fieldAt<std::uint64_t>(header, layout_.codeLinetable), fieldAt<std::int32_t>(header, layout_.codeFirstLine)};
    if (const auto it = codes_.find(address); it != codes_.end() && it->second.key == key)
        return it->second.code;
    auto info = std::make_shared<PythonCode>();
    info->firstLine = key.firstLine;
    if (!readText(key.qualname, info->name) || !readText(key.filename, info->file))
        return nullptr;
    std::int64_t size = 0;
    if (memory_.read(key.lineTable + layout_.bytesSize, &size, sizeof size) && size > 0 && size <= kMaxLineTable) {
        info->lineTable.resize(static_cast<std::size_t>(size));
        if (!memory_.read(key.lineTable + layout_.bytesData, info->lineTable.data(), info->lineTable.size()))
            info->lineTable.clear();
    }
    if (codes_.size() >= 1'000'000)
        codes_.clear();
    codes_[address] = {key, info};
    return info;
}

bool PythonProcess::readText(std::uint64_t address, std::string &out) const
{
    std::array<std::uint8_t, 128> header{};
    if (layout_.compactHeader > header.size() || !memory_.read(address, header.data(), layout_.compactHeader))
        return false;
    const PythonTextShape shape = pythonTextShape(fieldAt<std::uint32_t>(header.data(), layout_.unicodeState));
    const std::int64_t length = std::min(fieldAt<std::int64_t>(header.data(), layout_.unicodeLength), kMaxTextLength);
    if (!shape.readable() || length < 0)
        return false;
    std::vector<std::uint8_t> units(static_cast<std::size_t>(length) * shape.kind);
    if (!memory_.read(address + (shape.ascii ? layout_.asciiHeader : layout_.compactHeader), units.data(),
                      units.size()))
        return false;
    pythonTextToUtf8(shape.kind, units, out);
    return true;
}

} // namespace perfwb::symbolize
