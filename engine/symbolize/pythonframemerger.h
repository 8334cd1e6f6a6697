// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "pythonstacks.h"

#include "model/profile.h"

#include <cstdint>
#include <map>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

namespace perfwb::symbolize {

// Puts a CPython thread's Python frames into its native stack, as py-spy --native does:
// each _PyEval_EvalFrameDefault frame (with what was inlined into it) gives way to the
// Python frames that call of the interpreter was running, innermost run for innermost
// call, so a C function called from Python stands under its Python caller. When the
// native stack has fewer interpreter frames than the Python stack has runs (a stack cut
// short), the outer runs stay with the outermost interpreter frame; with none at all
// (no unwinding through the interpreter) the Python stack goes above the native one.
// CPython 3.12's -X perf trampolines (JIT frames "py::function:file") are left out of a
// stack that has the Python frames they stand for.
class PythonFrameMerger {
public:
    explicit PythonFrameMerger(model::Profile &profile)
        : profile_(profile)
    {}

    // `leafFirst` from index `firstUser` on is the user part of one sample's stack.
    void merge(const std::vector<PythonFrame> &python, std::vector<model::FrameId> &leafFirst, std::size_t firstUser);

private:
    enum class Role : std::uint8_t { Unknown, Other, Interpreter, Trampoline };
    // _PyEval_EvalFrameDefault, or a CPython 3.12 perf trampoline (a JIT frame "py::f:file").
    Role roleOf(model::FrameId id);
    model::FrameId frameOf(const PythonFrame &frame);

    model::Profile &profile_;
    std::vector<Role> roles_; // by FrameId
    // Keeps each code alive while its address is a key.
    std::map<std::pair<const PythonCode *, std::uint32_t>, std::pair<std::shared_ptr<const PythonCode>, model::FrameId>>
        frames_;
    std::vector<model::FrameId> merged_;
    std::vector<std::size_t> runEnds_; // one past each run's outermost frame
};

} // namespace perfwb::symbolize
