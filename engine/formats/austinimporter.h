// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "importer.h"

namespace perfwb::formats {

// austin's collapsed-stack text output (austin -o FILE, or its stdout), every dialect:
// austin 1 (Debian 12's 1.0.1: "Thread <id>;function (file);L<line> <metric>"), austin 2
// ("P<pid>;T<id>;...") and austin 3 and later ("# austin: 3.x" metadata, then
// "P<pid>;T[<iid>:]<tid>;file:function:line;... <metric>"); see AustinSampleLine.
// Frames become Python frames (function, file:line; the file is also the module, so
// functions of the same name in different files stay apart). Threads come from P/T.
// Weights: wall or CPU mode, the time metric (microseconds) in nanoseconds; memory mode,
// the memory growth in bytes (weightUnit "bytes"), also per stack in `allocations`; full
// mode, the time (idle samples, austin 3, get an "<idle>" leaf) and the memory growth in
// `allocations`. Metadata lines ("# key: value") go to meta.extra as "austin.<key>".
//
// Before austin 3 the file does not say which metric it holds: a -m file of austin 1 or 2
// reads as time unless it is imported with the "austin-memory" variant (-f austin-memory).
class AustinImporter : public TextImporter {
public:
    enum class Variant { Auto, Memory };
    explicit AustinImporter(Variant variant = Variant::Auto)
        : variant_(variant)
    {}
    std::string_view format() const override { return variant_ == Variant::Memory ? "austin-memory" : "austin"; }
    std::string_view description() const override
    {
        return variant_ == Variant::Memory ? "austin -m output of austin 1 or 2 (memory in a file without a header)"
                                           : "austin collapsed stacks (austin -o; wall, cpu, memory and full modes)";
    }
    int sniff(std::string_view head) const override;
    Status parse(std::string_view data, model::Profile &out) const override;

private:
    Variant variant_;
};

} // namespace perfwb::formats
