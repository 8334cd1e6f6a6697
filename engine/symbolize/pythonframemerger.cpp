// SPDX-License-Identifier: GPL-3.0-or-later
#include "pythonframemerger.h"

namespace perfwb::symbolize {

PythonFrameMerger::Role PythonFrameMerger::roleOf(model::FrameId id)
{
    if (id >= roles_.size())
        roles_.resize(profile_.frames.size(), Role::Unknown);
    if (roles_[id] == Role::Unknown) {
        const model::Frame &f = profile_.frames.at(id);
        const std::string_view name = profile_.strings.view(f.function);
        if (!f.inlined && name == "_PyEval_EvalFrameDefault")
            roles_[id] = Role::Interpreter;
        else if (f.kind == model::FrameKind::Jit && name.starts_with("py::"))
            roles_[id] = Role::Trampoline;
        else
            roles_[id] = Role::Other;
    }
    return roles_[id];
}

model::FrameId PythonFrameMerger::frameOf(const PythonFrame &frame)
{
    const auto key = std::make_pair(frame.code.get(), frame.line);
    if (const auto it = frames_.find(key); it != frames_.end())
        return it->second.second;
    const PythonCode &code = *frame.code;
    const model::FrameId id =
        profile_.internFrame(code.name, code.file, code.file, frame.line, model::FrameKind::Python);
    frames_.emplace(key, std::make_pair(frame.code, id));
    return id;
}

void PythonFrameMerger::merge(const std::vector<PythonFrame> &python, std::vector<model::FrameId> &leafFirst,
                              std::size_t firstUser)
{
    if (python.empty())
        return;
    runEnds_.clear();
    for (std::size_t i = 0; i < python.size(); ++i) {
        if (python[i].entry || i + 1 == python.size())
            runEnds_.push_back(i + 1);
    }
    merged_.assign(leafFirst.begin(), leafFirst.begin() + static_cast<std::ptrdiff_t>(firstUser));
    std::size_t evals = 0;
    for (std::size_t i = firstUser; i < leafFirst.size(); ++i)
        evals += roleOf(leafFirst[i]) == Role::Interpreter ? 1 : 0;
    std::size_t run = 0;
    std::size_t from = 0; // the next Python frame to place
    auto placeRuns = [&](std::size_t upTo) {
        for (; from < upTo; ++from)
            merged_.push_back(frameOf(python[from]));
    };
    for (std::size_t i = firstUser; i < leafFirst.size(); ++i) {
        const Role role = roleOf(leafFirst[i]);
        if (role == Role::Trampoline)
            continue; // 3.12's -X perf names the Python function the frames here already show
        if (role != Role::Interpreter || run == runEnds_.size()) {
            merged_.push_back(leafFirst[i]);
            continue;
        }
        // What the interpreter inlined into itself is its own business, not the program's.
        while (merged_.size() > firstUser && profile_.frames.at(merged_.back()).inlined)
            merged_.pop_back();
        ++run;
        placeRuns(run == evals ? python.size() : runEnds_[run - 1]);
    }
    placeRuns(python.size()); // no interpreter frame in the native stack: above it all
    leafFirst.swap(merged_);
}

} // namespace perfwb::symbolize
